import { readCivilDate, showCivilDate } from '../../../platform/time/civil-date.js';
import {
  checkRoadmapRow,
  marks,
  milestoneColumns,
  rowInitiative,
  statusWords,
  type FieldProblem,
  type RoadmapColumn,
  type RoadmapInitiative,
  type RoadmapRow,
} from './roadmap-csv.js';

/**
 * The editors' form for one initiative (`/verwaltung/vorhaben/<kennung>/bearbeiten` and "Neues Vorhaben"),
 * read as rows of the roadmap CSV and checked with the import's own rules (`checkRoadmapRow`), so the form
 * and the import accept exactly the same. Milestones are numbered in the order of the form's rows; an
 * empty row is left out, a row with a date but no title is an error. Dates may be typed as 15.03.2027.
 *
 * Field names: kennung, titel, ziel, thema, qualitaet-<mark>, amt, arbeitsgruppe, netzwerkgruppe, stand,
 * budget, and per milestone row n (1 …): m<n>-titel, m<n>-geplant, m<n>-erreicht; `zeilen` says how many rows.
 */
export const maxMilestoneRows = 60;

export type FormProblem = FieldProblem & { field: string; row?: number };

const milestoneField: Partial<Record<RoadmapColumn, string>> = { meilenstein: 'titel', meilenstein_nr: 'titel', geplant: 'geplant', erreicht: 'erreicht' };
const headField = (column: RoadmapColumn) => (column === 'qualitaet' ? `qualitaet-${marks[0]}` : column);

/** A typed date as the CSV has it (YYYY-MM-DD); what cannot be read stays as typed, so the shared check names it. */
const isoOf = (typed: string) => {
  const value = typed.trim();
  if (!value) return '';
  const read = readCivilDate(value);
  return read.ok ? read.date : value;
};

export function readInitiativeForm(
  values: Record<string, string | undefined>,
  topics: readonly string[],
  fixedSlug: string | null,
): { ok: true; initiative: RoadmapInitiative; networkGroupId: string | null } | { ok: false; problems: FormProblem[] } {
  const v = (name: string) => (values[name] ?? '').trim();
  const head: RoadmapRow = {
    kennung: fixedSlug ?? v('kennung'),
    titel: v('titel'),
    ziel: v('ziel'),
    thema: v('thema'),
    qualitaet: marks.filter((m) => values[`qualitaet-${m}`] === 'ja').join(','),
    amt: v('amt'),
    arbeitsgruppe: v('arbeitsgruppe'),
    stand: v('stand'),
    budget: v('budget'),
    meilenstein_nr: '',
    meilenstein: '',
    geplant: '',
    erreicht: '',
  };
  const problems: FormProblem[] = checkRoadmapRow(head, topics).map((p) => ({ ...p, field: headField(p.column) }));
  const rows = Math.min(maxMilestoneRows, Math.max(0, Number.parseInt(v('zeilen'), 10) || 0));
  const milestones: RoadmapInitiative['milestones'] = [];
  for (let n = 1; n <= rows; n++) {
    const title = v(`m${n}-titel`);
    const planned = isoOf(v(`m${n}-geplant`));
    const reached = isoOf(v(`m${n}-erreicht`));
    if (!title && !planned && !reached) continue;
    const row: RoadmapRow = { ...head, meilenstein_nr: String(milestones.length + 1), meilenstein: title, geplant: planned, erreicht: reached };
    const own = checkRoadmapRow(row, topics).filter((p) => milestoneColumns.includes(p.column));
    problems.push(...own.map((p) => ({ ...p, field: `m${n}-${milestoneField[p.column] ?? 'titel'}`, row: n })));
    milestones.push({ position: milestones.length + 1, title, plannedOn: planned || null, reachedOn: reached || null });
  }
  if (problems.length > 0) return { ok: false, problems };
  const networkGroup = v('netzwerkgruppe');
  return { ok: true, initiative: { ...rowInitiative(head), milestones }, networkGroupId: networkGroup || null };
}

/** The stored initiative as the form shows it (dates as 15.03.2027), with `extraRows` empty milestone rows to add. */
export function initiativeFormValues(i: RoadmapInitiative & { networkGroupId: string | null }, extraRows = 2): Record<string, string> {
  const values: Record<string, string> = {
    kennung: i.slug,
    titel: i.title,
    ziel: i.goal,
    thema: i.topic,
    amt: i.office,
    arbeitsgruppe: i.workingGroup ?? '',
    netzwerkgruppe: i.networkGroupId ?? '',
    stand: statusWords[i.status],
    budget: i.budget ?? '',
    zeilen: String(Math.min(maxMilestoneRows, i.milestones.length + extraRows)),
  };
  for (const m of i.marks) values[`qualitaet-${m}`] = 'ja';
  i.milestones.forEach((m, index) => {
    values[`m${index + 1}-titel`] = m.title;
    values[`m${index + 1}-geplant`] = m.plannedOn ? showCivilDate(m.plannedOn) : '';
    values[`m${index + 1}-erreicht`] = m.reachedOn ? showCivilDate(m.reachedOn) : '';
  });
  return values;
}
