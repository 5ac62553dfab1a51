import { randomUUID } from 'node:crypto';
import { weeklyHoursOf } from '../directory.projection.js';
import type { HsdsSchedule } from '../open-data/hsds.types.js';
import type { FormReader, FormValues } from './workflow.validate.js';

/**
 * The weekly opening-hours table of the forms: one row per weekday, two time ranges per row, more
 * when an entry already has more (imported data), so saving never drops a range.
 * "24:00" as an end means midnight; 00:00 to 24:00 means open around the clock.
 */

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const days = [1, 2, 3, 4, 5, 6, 7] as const;
/** Ranges per day the table shows at least, and reads at most. */
export const minSlots = 2;
export const maxSlots = 6;
const slotNumbers = Array.from({ length: maxSlots }, (_, i) => i + 1);

export interface Slot {
  day: number;
  opens: string;
  closes: string;
}

export const hoursField = (day: number, slot: number, edge: 'opens' | 'closes') => `hours-${day}-${slot}-${edge}`;

/**
 * "9:00", "09.00", "0900" and "9" → "09:00"; undefined when it is no time of day. As an end,
 * "24:00" (midnight) is stored as "00:00", which the opening-hours logic reads as "until midnight".
 */
export function normaliseTime(input: string, edge: 'opens' | 'closes' = 'opens'): string | undefined {
  const value = input.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (edge === 'closes' && hours === 24 && minutes === 0) return '00:00';
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A range that closes before it opens runs past midnight (22:00–02:00). */
export const crossesMidnight = (slot: Pick<Slot, 'opens' | 'closes'>): boolean => slot.closes < slot.opens;

/** Reads and checks the table; a wrong cell gets its own message, naming the weekday. */
export function readHours(form: FormReader): Slot[] {
  const t = form.t;
  const result: Slot[] = [];
  for (const day of days) {
    const dayName = t(`day.${day}`);
    for (const slot of slotNumbers) {
      const opensName = hoursField(day, slot, 'opens');
      const closesName = hoursField(day, slot, 'closes');
      const opensRaw = form.raw(opensName);
      const closesRaw = form.raw(closesName);
      if (!opensRaw && !closesRaw) continue;
      const opens = opensRaw ? normaliseTime(opensRaw) : undefined;
      const closes = closesRaw ? normaliseTime(closesRaw, 'closes') : undefined;
      if (!opensRaw) form.fail(opensName, t('error.hoursOpensMissing', { day: dayName }));
      else if (!opens) form.fail(opensName, t('error.hoursFormat', { day: dayName }));
      if (!closesRaw) form.fail(closesName, t('error.hoursClosesMissing', { day: dayName }));
      else if (!closes) form.fail(closesName, t('error.hoursFormat', { day: dayName }));
      if (!opens || !closes) continue;
      // 00:00 to 24:00 is around the clock; any other equal pair is a slip.
      if (opens === closes && opens !== '00:00') {
        form.fail(closesName, t('error.hoursSame', { day: dayName }));
        continue;
      }
      result.push({ day, opens, closes });
    }
  }
  return result;
}

/**
 * HSDS schedules for the table: equal ranges on several days become one WEEKLY schedule
 * ("MO,TU", 09:00–12:00). Ids of existing schedules with the same times are kept; schedules the
 * table cannot show (monthly ones, free-text notes) stay as they were.
 */
export function schedulesFromSlots(slotList: Slot[], stored: HsdsSchedule[] | undefined): HsdsSchedule[] | undefined {
  const existing = stored ?? [];
  // The same hours as before: the stored schedules stay as they are (their order and grouping too).
  if (sameHours(slotList, existing)) return stored;
  const kept = existing.filter((s) => !isTableSchedule(s));
  const reusable = existing.filter(isTableSchedule);
  const groups = new Map<string, number[]>();
  for (const s of slotList) {
    const key = `${s.opens}-${s.closes}`;
    groups.set(key, [...(groups.get(key) ?? []), s.day]);
  }
  const weekly: HsdsSchedule[] = [];
  for (const [key, dayList] of groups) {
    const [opens, closes] = key.split('-') as [string, string];
    const previous = reusable.findIndex((s) => s.opens_at?.slice(0, 5) === opens && s.closes_at?.slice(0, 5) === closes);
    const id = previous >= 0 ? reusable.splice(previous, 1)[0]!.id : randomUUID();
    const byday = [...new Set(dayList)]
      .sort((a, b) => a - b)
      .map((d) => weekdayCodes[d - 1])
      .join(',');
    weekly.push({ id, freq: 'WEEKLY', byday, opens_at: opens, closes_at: closes });
  }
  return [...kept, ...weekly];
}

const slotKey = (s: Pick<Slot, 'day' | 'opens' | 'closes'>) => `${s.day} ${s.opens}-${s.closes}`;

/** Whether the table's ranges are exactly the ranges of the stored schedules the table shows. */
function sameHours(slotList: Slot[], existing: HsdsSchedule[]): boolean {
  const before = weeklyHoursOf(existing.filter(isTableSchedule)).map(slotKey).sort();
  const after = slotList.map(slotKey).sort();
  return before.length === after.length && before.every((key, i) => key === after[i]);
}

/** A schedule the table shows: weekly, with days and both times. */
function isTableSchedule(s: HsdsSchedule): boolean {
  return (!s.freq || s.freq === 'WEEKLY') && !!s.byday && !!s.opens_at && !!s.closes_at && !s.description && !s.valid_from && !s.valid_to;
}

/** Form values for the table from stored schedules (every range; midnight as an end shown as 24:00). */
export function hoursValues(schedules: HsdsSchedule[] | undefined): FormValues {
  const values: FormValues = {};
  const perDay = new Map<number, number>();
  for (const h of weeklyHoursOf((schedules ?? []).filter(isTableSchedule))) {
    const slot = (perDay.get(h.day) ?? 0) + 1;
    if (slot > maxSlots) continue;
    perDay.set(h.day, slot);
    values[hoursField(h.day, slot, 'opens')] = h.opens;
    values[hoursField(h.day, slot, 'closes')] = h.closes === '00:00' ? '24:00' : h.closes;
  }
  return values;
}

/** How many ranges per day the table needs to show these values. */
export function slotsShown(values: FormValues): number[] {
  const used = slotNumbers.filter((slot) => days.some((day) => values[hoursField(day, slot, 'opens')] || values[hoursField(day, slot, 'closes')]));
  return slotNumbers.slice(0, Math.max(minSlots, ...used));
}
