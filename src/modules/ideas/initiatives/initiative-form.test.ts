import { describe, expect, it } from 'vitest';
import { initiativeFormValues, readInitiativeForm } from './initiative-form.js';
import { readRoadmapCsv, roadmapColumns } from './roadmap-csv.js';

const topics = ['kinderbetreuung', 'spielen'];
const filled = {
  kennung: 'mehr-kita-plaetze',
  titel: 'Mehr Kita-Plätze',
  ziel: 'Jedes Kind bekommt einen Platz.',
  thema: 'kinderbetreuung',
  'qualitaet-spuerbar': 'ja',
  amt: 'Jugendamt',
  arbeitsgruppe: '',
  stand: 'in-umsetzung',
  budget: '2 Mio. €',
  zeilen: '3',
  'm1-titel': 'Bedarf erhoben',
  'm1-geplant': '1.3.2027',
  'm1-erreicht': '2027-03-20',
  'm2-titel': '',
  'm3-titel': 'Neubau eröffnet',
  'm3-geplant': '01.09.2028',
};

describe('the editors’ form for one initiative', () => {
  it('reads fields and milestones in row order, with German or ISO dates, leaving empty rows out', () => {
    const read = readInitiativeForm(filled, topics, null);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.initiative).toMatchObject({ slug: 'mehr-kita-plaetze', marks: ['spuerbar'], status: 'in_progress', workingGroup: null });
    expect(read.initiative.milestones).toEqual([
      { position: 1, title: 'Bedarf erhoben', plannedOn: '2027-03-01', reachedOn: '2027-03-20' },
      { position: 2, title: 'Neubau eröffnet', plannedOn: '2028-09-01', reachedOn: null },
    ]);
  });

  it('names each broken field with the import’s own problem codes', () => {
    const read = readInitiativeForm(
      { ...filled, kennung: 'Mehr Kita', titel: '', stand: 'irgendwann', 'm3-titel': '', 'm1-erreicht': '31.02.2027' },
      topics,
      null,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.field, p.problem])).toEqual([
      ['kennung', 'slug'],
      ['titel', 'required'],
      ['stand', 'status'],
      ['m1-erreicht', 'date'],
      ['m3-titel', 'required'],
    ]);
  });

  it('accepts what the CSV import accepts for the same initiative, and shows stored values back', () => {
    const csv = [
      roadmapColumns.join(';'),
      'mehr-kita-plaetze;Mehr Kita-Plätze;Jedes Kind bekommt einen Platz.;kinderbetreuung;spuerbar;Jugendamt;;in-umsetzung;2 Mio. €;1;Bedarf erhoben;2027-03-01;2027-03-20',
      'mehr-kita-plaetze;Mehr Kita-Plätze;Jedes Kind bekommt einen Platz.;kinderbetreuung;spuerbar;Jugendamt;;in-umsetzung;2 Mio. €;2;Neubau eröffnet;2028-09-01;',
    ].join('\n');
    const imported = readRoadmapCsv(csv, topics);
    const typed = readInitiativeForm(filled, topics, null);
    expect(imported.ok && typed.ok && imported.initiatives[0]).toEqual(typed.ok && typed.initiative);
    const values = initiativeFormValues({ ...(typed.ok ? typed.initiative : imported.ok ? imported.initiatives[0]! : ({} as never)), networkGroupId: null });
    expect(values).toMatchObject({ 'm1-geplant': '01.03.2027', 'qualitaet-spuerbar': 'ja', stand: 'in-umsetzung', zeilen: '4' });
    expect(readInitiativeForm(values, topics, 'mehr-kita-plaetze')).toEqual(typed);
  });
});
