import type { InitiativeMark, InitiativeStatus } from '../../../db/tables/ideas.js';
import { csvDocument, type CsvValue } from '../../../platform/export/csv.js';

/**
 * The roadmap as CSV (`/vorhaben.csv`) and back (the editors' import): one line per milestone, the
 * initiative's columns repeated on each of its lines; an initiative without milestones is one line
 * with the milestone columns empty. The same columns go out and come back in.
 */
export const roadmapColumns = [
  'kennung',
  'titel',
  'ziel',
  'thema',
  'qualitaet',
  'amt',
  'arbeitsgruppe',
  'stand',
  'budget',
  'meilenstein_nr',
  'meilenstein',
  'geplant',
  'erreicht',
] as const;

export const initiativeStatuses: readonly InitiativeStatus[] = ['planned', 'preparing', 'in_progress', 'done', 'paused'];
/** The status as written in the CSV (German, as people read it). */
export const statusWords: Record<InitiativeStatus, string> = {
  planned: 'geplant',
  preparing: 'in-vorbereitung',
  in_progress: 'in-umsetzung',
  done: 'abgeschlossen',
  paused: 'pausiert',
};
export const marks: readonly InitiativeMark[] = ['sichtbar', 'spuerbar', 'gestaltbar'];

export interface RoadmapMilestone {
  position: number;
  title: string;
  plannedOn: string | null;
  reachedOn: string | null;
}

export interface RoadmapInitiative {
  slug: string;
  title: string;
  goal: string;
  topic: string;
  marks: InitiativeMark[];
  office: string;
  workingGroup: string | null;
  status: InitiativeStatus;
  budget: string | null;
  milestones: RoadmapMilestone[];
}

export function roadmapCsv(initiatives: readonly RoadmapInitiative[]): string {
  const rows: CsvValue[][] = [[...roadmapColumns]];
  for (const i of initiatives) {
    const head = [i.slug, i.title, i.goal, i.topic, i.marks.join(','), i.office, i.workingGroup, statusWords[i.status], i.budget];
    if (i.milestones.length === 0) rows.push([...head, '', '', '', '']);
    for (const m of i.milestones) rows.push([...head, m.position, m.title, m.plannedOn, m.reachedOn]);
  }
  return csvDocument(rows);
}

/** RFC 4180 with semicolons (or commas, when the header uses them), a BOM tolerated; null when a quote is never closed. */
export function parseCsv(text: string): string[][] | null {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) return null;
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** A problem with one line of an import, in German for the editors' report. Line 1 is the header. */
export interface RowProblem {
  line: number;
  problem: RowProblemCode;
  detail?: string;
}
export type RowProblemCode =
  'header' | 'columns' | 'slug' | 'required' | 'status' | 'marks' | 'date' | 'position' | 'duplicate_position' | 'different_initiative' | 'too_long';

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
/** An exported cell that began with = + - @ got an apostrophe; take it back off. */
const undefuse = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export type RoadmapColumn = (typeof roadmapColumns)[number];
/** One line of the roadmap CSV (or the editors' form, written as such a line), trimmed. */
export type RoadmapRow = Record<RoadmapColumn, string>;
/** A problem with one field of a row: the import adds the line number, the form shows it at the field. */
export interface FieldProblem {
  column: RoadmapColumn;
  problem: RowProblemCode;
  detail?: string;
}

export const milestoneColumns: readonly RoadmapColumn[] = ['meilenstein_nr', 'meilenstein', 'geplant', 'erreicht'];

/**
 * The rules for one row, i.e. an initiative's fields and at most one milestone. The CSV import and the
 * editors' form (`/verwaltung/vorhaben/<kennung>/bearbeiten`) both check with this, so both accept the same.
 */
export function checkRoadmapRow(v: RoadmapRow, topics: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!slugPattern.test(v.kennung) || v.kennung.length > 80) problems.push({ column: 'kennung', problem: 'slug', detail: v.kennung });
  for (const field of ['titel', 'ziel', 'thema', 'amt'] as const) if (!v[field]) problems.push({ column: field, problem: 'required', detail: field });
  if (v.titel.length > 200) problems.push({ column: 'titel', problem: 'too_long' });
  else if (v.ziel.length > 5000) problems.push({ column: 'ziel', problem: 'too_long' });
  else if (v.meilenstein.length > 300) problems.push({ column: 'meilenstein', problem: 'too_long' });
  else if (v.amt.length > 500 || v.arbeitsgruppe.length > 500 || v.budget.length > 500)
    problems.push({ column: v.amt.length > 500 ? 'amt' : v.arbeitsgruppe.length > 500 ? 'arbeitsgruppe' : 'budget', problem: 'too_long' });
  if (v.thema && !topics.includes(v.thema)) problems.push({ column: 'thema', problem: 'required', detail: 'thema' });
  if (!statusOf(v.stand)) problems.push({ column: 'stand', problem: 'status', detail: v.stand });
  if (marksOf(v.qualitaet).some((m) => !(marks as readonly string[]).includes(m)))
    problems.push({ column: 'qualitaet', problem: 'marks', detail: v.qualitaet });
  const position = Number(v.meilenstein_nr);
  if (hasMilestone(v) && (!/^\d{1,4}$/.test(v.meilenstein_nr) || position < 1 || position > 1000))
    problems.push({ column: 'meilenstein_nr', problem: 'position', detail: v.meilenstein_nr });
  if (hasMilestone(v) && !v.meilenstein) problems.push({ column: 'meilenstein', problem: 'required', detail: 'meilenstein' });
  for (const field of ['geplant', 'erreicht'] as const) if (v[field] && !isoDate(v[field])) problems.push({ column: field, problem: 'date', detail: v[field] });
  return problems;
}

const statusOf = (word: string) => (Object.entries(statusWords) as [InitiativeStatus, string][]).find(([, w]) => w === word)?.[0];
const marksOf = (value: string) => (value ? value.split(',').map((m) => m.trim()) : []);
const hasMilestone = (v: RoadmapRow) => v.meilenstein_nr !== '' || v.meilenstein !== '' || v.geplant !== '' || v.erreicht !== '';

/** The initiative a checked row describes (its milestone, if any, apart). */
export function rowInitiative(v: RoadmapRow): Omit<RoadmapInitiative, 'milestones'> {
  return {
    slug: v.kennung,
    title: v.titel,
    goal: v.ziel,
    topic: v.thema,
    marks: [...new Set(marksOf(v.qualitaet))].sort() as InitiativeMark[],
    office: v.amt,
    workingGroup: v.arbeitsgruppe || null,
    status: statusOf(v.stand)!,
    budget: v.budget || null,
  };
}

/** The milestone of a checked row, or null when its milestone columns are empty. */
export function rowMilestone(v: RoadmapRow): RoadmapMilestone | null {
  if (!hasMilestone(v)) return null;
  return { position: Number(v.meilenstein_nr), title: v.meilenstein, plannedOn: v.geplant || null, reachedOn: v.erreicht || null };
}

/**
 * Reads an import file: every line checked, all problems reported (with the line number); the
 * initiatives only when there is none, since an import is all or nothing.
 */
export function readRoadmapCsv(
  text: string,
  topics: readonly string[],
): { ok: true; initiatives: RoadmapInitiative[] } | { ok: false; problems: RowProblem[] } {
  const rows = parseCsv(text);
  if (!rows || rows.length === 0) return { ok: false, problems: [{ line: 1, problem: 'header' }] };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  if (header.join(';') !== roadmapColumns.join(';')) return { ok: false, problems: [{ line: 1, problem: 'header' }] };
  const problems: RowProblem[] = [];
  const bySlug = new Map<string, RoadmapInitiative & { line: number; signature: string }>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== roadmapColumns.length) return void problems.push({ line, problem: 'columns', detail: String(cells.length) });
    const v = Object.fromEntries(roadmapColumns.map((c, i) => [c, undefuse(cells[i]!.trim())])) as RoadmapRow;
    const rowProblems = checkRoadmapRow(v, topics);
    if (rowProblems.length > 0)
      return void problems.push(...rowProblems.map(({ problem, detail }) => ({ line, problem, ...(detail !== undefined ? { detail } : {}) })));
    const initiative: RoadmapInitiative & { line: number; signature: string } = {
      line,
      ...rowInitiative(v),
      milestones: [],
      signature: JSON.stringify([v.titel, v.ziel, v.thema, [...new Set(marksOf(v.qualitaet))].sort(), v.amt, v.arbeitsgruppe, v.stand, v.budget]),
    };
    const known = bySlug.get(v.kennung);
    if (known && known.signature !== initiative.signature) return void problems.push({ line, problem: 'different_initiative', detail: v.kennung });
    const target = known ?? initiative;
    if (!known) bySlug.set(v.kennung, initiative);
    const milestone = rowMilestone(v);
    if (!milestone) return;
    if (target.milestones.some((m) => m.position === milestone.position))
      return void problems.push({ line, problem: 'duplicate_position', detail: v.meilenstein_nr });
    target.milestones.push(milestone);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    initiatives: [...bySlug.values()].map(({ line: _line, signature: _signature, ...rest }) => ({
      ...rest,
      milestones: rest.milestones.sort((a, b) => a.position - b.position),
    })),
  };
}

/** The fields of an initiative that the history compares, in a stable form. */
export function initiativeFingerprint(i: RoadmapInitiative): Record<string, unknown> {
  return {
    title: i.title,
    goal: i.goal,
    topic: i.topic,
    marks: [...i.marks].sort(),
    office: i.office,
    workingGroup: i.workingGroup,
    status: i.status,
    budget: i.budget,
    milestones: [...i.milestones].sort((a, b) => a.position - b.position).map((m) => [m.position, m.title, m.plannedOn, m.reachedOn]),
  };
}

/** What changed between two versions of an initiative: the names of the changed fields (empty: nothing). */
export function changedFields(before: RoadmapInitiative | undefined, after: RoadmapInitiative): string[] {
  if (!before) return ['created'];
  const a = initiativeFingerprint(before);
  const b = initiativeFingerprint(after);
  return Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
