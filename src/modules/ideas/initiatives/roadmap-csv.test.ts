import { describe, expect, it } from 'vitest';
import { changedFields, parseCsv, readRoadmapCsv, roadmapCsv, type RoadmapInitiative } from './roadmap-csv.js';

const topics = ['wege', 'kinderbetreuung'];
const initiative: RoadmapInitiative = {
  slug: 'radwege-schulen',
  title: 'Sichere Schulwege',
  goal: 'Jede Grundschule bekommt einen Schulwegplan; "Elterntaxis" werden weniger.',
  topic: 'wege',
  marks: ['spuerbar', 'sichtbar'],
  office: 'Tiefbauamt',
  workingGroup: null,
  status: 'in_progress',
  budget: '120.000 €',
  milestones: [
    { position: 1, title: 'Bestandsaufnahme', plannedOn: '2026-03-01', reachedOn: '2026-03-15' },
    { position: 2, title: '=Pläne drucken', plannedOn: '2026-09-01', reachedOn: null },
  ],
};

describe('the roadmap CSV', () => {
  it('reads back exactly what it wrote, formula cells and quotes included', () => {
    const csv = roadmapCsv([initiative, { ...initiative, slug: 'ohne-meilensteine', milestones: [] }]);
    expect(csv).toContain("'=Pläne drucken");
    const read = readRoadmapCsv(csv, topics);
    expect(read.ok && read.initiatives).toEqual([
      { ...initiative, marks: ['sichtbar', 'spuerbar'] },
      { ...initiative, slug: 'ohne-meilensteine', marks: ['sichtbar', 'spuerbar'], milestones: [] },
    ]);
  });

  it('reports every broken line with its number, and gives no initiatives then', () => {
    const csv = roadmapCsv([initiative])
      .replace('2026-09-01', '31.02.2026')
      .replace(/in-umsetzung/g, (m, offset: number) => (offset > 300 ? 'irgendwie' : m));
    const read = readRoadmapCsv(csv, topics);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.line, p.problem])).toEqual([
      [3, 'status'],
      [3, 'date'],
    ]);
  });

  it('refuses a file with other columns, an unclosed quote, or one initiative told two ways', () => {
    expect(readRoadmapCsv('a;b\n1;2\n', topics)).toEqual({ ok: false, problems: [{ line: 1, problem: 'header' }] });
    expect(parseCsv('a;"b\n')).toBeNull();
    const twoWays = roadmapCsv([initiative]).replace('Tiefbauamt', 'Grünflächenamt');
    const read = readRoadmapCsv(twoWays, topics);
    expect(!read.ok && read.problems[0]!.problem).toBe('different_initiative');
  });

  it('names what changed, and nothing when nothing did', () => {
    expect(changedFields(initiative, { ...initiative })).toEqual([]);
    expect(changedFields(initiative, { ...initiative, marks: ['sichtbar', 'spuerbar'] })).toEqual([]);
    expect(changedFields(initiative, { ...initiative, status: 'done' })).toEqual(['status']);
    expect(changedFields(undefined, initiative)).toEqual(['created']);
  });
});
