import { minCellCount, protectCube, valueAt } from '../../platform/statistics/suppression.js';
import { areas, type Area, type Measure } from './employers.catalogue.js';

/**
 * The self-check (/arbeitgeber/selbstcheck): 25 questions across the catalogue's areas, each answered
 * no (0), partly (1) or yes (2), and each pointing to the measure that would be the next step. Pure:
 * scoring, the answers as a short string for the result's address, and the city's aggregates with
 * small cells hidden (platform/statistics/suppression.ts, k = 5).
 */

export const selfCheckVersion = 1;

export interface Question {
  id: string;
  area: Area;
  measure: Measure;
}

export const questions: readonly Question[] = [
  { id: 't1', area: 'time', measure: 'flexitime' },
  { id: 't2', area: 'time', measure: 'part_time' },
  { id: 't3', area: 'time', measure: 'part_time_leadership' },
  { id: 't4', area: 'time', measure: 'job_sharing' },
  { id: 't5', area: 'time', measure: 'family_shifts' },
  { id: 't6', area: 'time', measure: 'remote_work' },
  { id: 't7', area: 'time', measure: 'family_shifts' },
  { id: 'c1', area: 'childcare', measure: 'company_childcare' },
  { id: 'c2', area: 'childcare', measure: 'emergency_care' },
  { id: 'c3', area: 'childcare', measure: 'holiday_care' },
  { id: 'c4', area: 'childcare', measure: 'parent_child_office' },
  { id: 'c5', area: 'childcare', measure: 'emergency_care' },
  { id: 'p1', area: 'care', measure: 'care_leave' },
  { id: 'p2', area: 'care', measure: 'care_counselling' },
  { id: 'p3', area: 'care', measure: 'care_leave' },
  { id: 'p4', area: 'care', measure: 'care_counselling' },
  { id: 'e1', area: 'leave', measure: 'leave_contact' },
  { id: 'e2', area: 'leave', measure: 'return_programme' },
  { id: 'e3', area: 'leave', measure: 'return_programme' },
  { id: 'e4', area: 'leave', measure: 'part_time_training' },
  { id: 'e5', area: 'leave', measure: 'leave_contact' },
  { id: 'h1', area: 'health', measure: 'health_programme' },
  { id: 'h2', area: 'health', measure: 'employee_counselling' },
  { id: 'h3', area: 'health', measure: 'health_programme' },
  { id: 'h4', area: 'health', measure: 'employee_counselling' },
];

export type Answer = 0 | 1 | 2;
export const answerValues: readonly Answer[] = [2, 1, 0];
export type Level = 'start' | 'progress' | 'advanced';
export const levels: readonly Level[] = ['start', 'progress', 'advanced'];

/** The answers as the result page's address carries them: one digit per question ("2102…"). */
export const encodeAnswers = (answers: readonly Answer[]): string => answers.join('');

/** The answers from the address; undefined when they do not fit this version's questions. */
export function decodeAnswers(text: string | undefined): Answer[] | undefined {
  if (!text || !new RegExp(`^[012]{${questions.length}}$`).test(text)) return undefined;
  return [...text].map((c) => Number(c) as Answer);
}

/** The answers of a submitted form (fields q_<id>); the ids of unanswered questions when some are missing. */
export function readAnswers(values: Record<string, string | undefined>): { ok: true; answers: Answer[] } | { ok: false; missing: string[] } {
  const missing = questions.filter((q) => !['0', '1', '2'].includes(values[`q_${q.id}`] ?? '')).map((q) => q.id);
  if (missing.length) return { ok: false, missing };
  return { ok: true, answers: questions.map((q) => Number(values[`q_${q.id}`]) as Answer) };
}

export const levelOf = (percent: number): Level => (percent >= 75 ? 'advanced' : percent >= 40 ? 'progress' : 'start');

export interface AreaResult {
  area: Area;
  /** 0–100: the share of the possible points. */
  percent: number;
  level: Level;
  /** The measures behind questions not answered "yes", each once, in question order. */
  nextSteps: Measure[];
}

/** A profile per area and the next steps, weakest area first for the steps. */
export function scoreAnswers(answers: readonly Answer[]): AreaResult[] {
  return areas.map((area) => {
    const own = questions.map((q, i) => ({ q, a: answers[i] ?? 0 })).filter(({ q }) => q.area === area);
    const percent = Math.round((100 * own.reduce((sum, { a }) => sum + a, 0)) / (2 * own.length));
    const nextSteps = [...new Set(own.filter(({ a }) => a < 2).map(({ q }) => q.measure))];
    return { area, percent, level: levelOf(percent), nextSteps };
  });
}

/** A count the city may publish, or null when it is hidden (fewer than 5, or it would reveal one that is). */
export type Shown = number | null;

export interface Aggregates {
  /** How many self-checks, or null under 5. */
  total: Shown;
  /** Per area: how many checks reached each level (start, progress, advanced). */
  areas: { area: Area; levels: Shown[] }[];
  /** Per question: how many answered yes, partly, no. */
  questions: { id: string; answers: Shown[] }[];
}

/**
 * The city's view of all stored self-checks: each breakdown is a one-way table over all checks with
 * its total, protected by the survey's rules (cells of 1–4 hidden, and enough others so no hidden
 * cell can be worked out by subtraction).
 */
export function aggregate(rows: readonly (readonly number[])[]): Aggregates {
  const valid = rows.filter((r) => r.length === questions.length) as Answer[][];
  const table = (counts: number[]) => {
    const cube = protectCube({ sizes: [counts.length], counts });
    return { cells: counts.map((_, i) => valueAt(cube, [i])), total: valueAt(cube, [-1]) };
  };
  const scored = valid.map((answers) => scoreAnswers(answers));
  const byArea = areas.map((area, a) => {
    const counts = levels.map((level) => scored.filter((s) => s[a]!.level === level).length);
    return { area, levels: table(counts).cells };
  });
  const byQuestion = questions.map((q, i) => ({ id: q.id, answers: table(answerValues.map((v) => valid.filter((r) => r[i] === v).length)).cells }));
  const n = valid.length;
  return { total: n === 0 || n >= minCellCount ? n : null, areas: byArea, questions: byQuestion };
}
