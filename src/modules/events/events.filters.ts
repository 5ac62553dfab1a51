import { addDays, fromLocal, todayIn, weekdayOf } from '../../platform/time/berlin.js';
import { readCivilDate } from '../../platform/time/civil-date.js';
import { categoryCodes } from './events.categories.js';
import type { OccurrenceFilter } from './events.repository.js';

/**
 * The calendar's URL parameters (the same on /veranstaltungen, the month view and the feeds) read
 * into a filter. Nothing here fails: an unknown parameter is ignored, a bad value is dropped and
 * named in a hint, so a feed URL with a typo still answers.
 */

export const params = {
  when: 'wann',
  from: 'von',
  to: 'bis',
  age: 'alter',
  district: 'bezirk',
  category: 'kategorie',
  free: 'kostenlos',
  barrierFree: 'barrierefrei',
  page: 'seite',
  month: 'monat',
} as const;

export const whenValues = ['heute', 'wochenende', '7-tage', 'zeitraum'] as const;
export type When = (typeof whenValues)[number];

export interface EventFormState {
  when: When | '';
  from: string;
  to: string;
  age: string;
  district: string;
  category: string;
  free: boolean;
  barrierFree: boolean;
}

export type EventHintKey = 'hint.date' | 'hint.range' | 'hint.age' | 'hint.district' | 'hint.category' | 'hint.page' | 'hint.month';

export interface ParsedEventFilters {
  filter: OccurrenceFilter;
  form: EventFormState;
  hints: { key: EventHintKey; vars?: Record<string, string | number> }[];
  /** The used parameters (without page and month), for links, feeds and pagination. */
  kept: URLSearchParams;
  page: number;
  /** 'YYYY-MM' of the month view. */
  month: string;
}

const firstString = (value: unknown): string => (Array.isArray(value) ? firstString(value[0]) : typeof value === 'string' ? value.trim() : '');
const yes = new Set(['ja', 'on', 'true', '1']);
/** How far the list and the feeds look ahead without a date range. */
export const defaultDaysAhead = 366;
const quoted = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** Reads the query; `now` decides what "today" and "this weekend" mean (Berlin dates). */
export function parseEventFilters(raw: Record<string, unknown>, options: { districts: readonly string[]; now: Date }): ParsedEventFilters {
  const get = (name: string) => firstString(raw[name]);
  const today = todayIn(options.now);
  const hints: ParsedEventFilters['hints'] = [];
  const form: EventFormState = { when: '', from: '', to: '', age: '', district: '', category: '', free: false, barrierFree: false };
  let fromDate = today;
  let toDate = addDays(today, defaultDaysAhead);

  const when = get(params.when) as When;
  if (when === 'heute') [form.when, toDate] = [when, addDays(today, 1)];
  else if (when === '7-tage') [form.when, toDate] = [when, addDays(today, 7)];
  else if (when === 'wochenende') {
    const weekday = weekdayOf(today);
    fromDate = weekday >= 6 ? today : addDays(today, 6 - weekday);
    toDate = addDays(today, 8 - weekday);
    form.when = when;
  } else if (when === 'zeitraum' || get(params.from) || get(params.to)) {
    // TT.MM.JJJJ as typed into the form, or ISO as in older links and feed URLs.
    const read = (value: string): string => {
      if (!value) return '';
      const reading = readCivilDate(value);
      if (reading.ok) return reading.date;
      hints.push({ key: 'hint.date', vars: { value: quoted(value) } });
      return '';
    };
    const from = read(get(params.from));
    const t = read(get(params.to));
    const f = from || today;
    if (t && t < f) hints.push({ key: 'hint.range' });
    else {
      form.when = 'zeitraum';
      fromDate = f;
      if (from) form.from = from;
      if (t) [form.to, toDate] = [t, addDays(t, 1)];
      // A range of more than two years is cut, so one request never reads the whole table.
      if (toDate > addDays(fromDate, 2 * 366)) toDate = addDays(fromDate, 2 * 366);
    }
  }

  const filter: OccurrenceFilter = { from: fromLocal(fromDate), to: fromLocal(toDate) };
  const age = get(params.age);
  if (age) {
    if (/^\d{1,2}$/.test(age)) [filter.age, form.age] = [Number(age), String(Number(age))];
    else hints.push({ key: 'hint.age', vars: { value: quoted(age) } });
  }
  const district = get(params.district);
  if (district) {
    const match = options.districts.find((d) => d.toLocaleLowerCase('de') === district.toLocaleLowerCase('de'));
    if (match) [filter.district, form.district] = [match, match];
    else hints.push({ key: 'hint.district', vars: { value: quoted(district) } });
  }
  const category = get(params.category).toLowerCase();
  if (category) {
    if (categoryCodes.includes(category)) [filter.category, form.category] = [category, category];
    else hints.push({ key: 'hint.category', vars: { value: quoted(category) } });
  }
  if (yes.has(get(params.free).toLowerCase())) filter.free = form.free = true;
  if (yes.has(get(params.barrierFree).toLowerCase())) filter.barrierFree = form.barrierFree = true;

  let page = 1;
  const rawPage = get(params.page);
  if (rawPage) {
    if (/^\d{1,4}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else hints.push({ key: 'hint.page', vars: { value: quoted(rawPage) } });
  }
  let month = today.slice(0, 7);
  const rawMonth = get(params.month);
  if (rawMonth) {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(rawMonth)) month = rawMonth;
    else hints.push({ key: 'hint.month', vars: { value: quoted(rawMonth) } });
  }

  const kept = new URLSearchParams();
  const used: [string, string][] = [
    [params.when, form.when],
    [params.from, form.from],
    [params.to, form.to],
    [params.age, form.age],
    [params.district, form.district],
    [params.category, form.category],
    [params.free, form.free ? 'ja' : ''],
    [params.barrierFree, form.barrierFree ? 'ja' : ''],
  ];
  for (const [name, value] of used) if (value) kept.set(name, value);
  return { filter, form, hints, kept, page, month };
}

/** How many filters narrow the list; a date range counts once, as the "when" it belongs to. */
export function activeFilterCount(form: EventFormState): number {
  return [form.when, form.age, form.district, form.category, form.free, form.barrierFree].filter(Boolean).length;
}

/** A path with the kept parameters and extra ones. */
export function withQuery(path: string, kept: URLSearchParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(kept);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
