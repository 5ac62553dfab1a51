import { isCivilDate } from './civil-date.js';

/**
 * Civil time in Europe/Berlin without a time-zone library: Intl tells the offset of an instant,
 * and a wall-clock time is turned into an instant by correcting a first guess with that offset.
 * Dates are 'YYYY-MM-DD' strings and times 'HH:MM' strings, so nothing depends on the server's zone.
 */

export const zone = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface LocalDateTime {
  date: string;
  time: string;
}

function intlOffsetMinutes(instant: Date): number {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) p[part.type] = part.value;
  const asUtc = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

// Berlin changes its offset only on whole UTC hours, so every instant of an hour has the same offset:
// asking Intl once per hour keeps feeds with thousands of dates fast and still follows tzdata.
const offsetByHour = new Map<number, number>();

/** Minutes Berlin is ahead of UTC at this instant (60 or 120). */
export function offsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = intlOffsetMinutes(new Date(hour * 3_600_000));
    if (offsetByHour.size > 200_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The wall-clock date and time in Berlin of an instant. */
export function toLocal(instant: Date): LocalDateTime {
  const iso = new Date(instant.getTime() + offsetMinutes(instant) * 60_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "+01:00" or "+02:00", for ISO strings with an offset (schema.org wants one). */
export function offsetString(instant: Date): string {
  const minutes = offsetMinutes(instant);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with Berlin's offset, e.g. 2026-03-29T10:00:00+02:00. */
export function isoWithOffset(instant: Date): string {
  const local = toLocal(instant);
  return `${local.date}T${local.time}:00${offsetString(instant)}`;
}

/**
 * The instant of a Berlin wall-clock time. A time that does not exist (the hour skipped in March)
 * moves forward by the gap; a time that exists twice (October) means the first, summer-time one.
 */
export function fromLocal(date: string, time = '00:00'): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Try both offsets Berlin uses; keep the candidates that really show this wall time.
  const candidates = [120, 60].map((offset) => new Date(naive - offset * 60_000));
  const exact = candidates.find((c) => {
    const l = toLocal(c);
    return l.date === date && l.time === time;
  });
  if (exact) return exact;
  // In the gap: the clock jumps from 02:00 to 03:00, so 02:30 is read with the winter offset (→ 03:30).
  return new Date(naive - 60 * 60_000);
}

const day = 86_400_000;

/** The calendar date n days after a date. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * day).toISOString().slice(0, 10);
}

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / day);
}

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The date with the month moved by n, or null when that month has no such day (31 February). */
export function addMonths(date: string, n: number): string | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const candidate = new Date(Date.UTC(year, month - 1, d));
  if (candidate.getUTCMonth() !== month - 1) return null;
  return candidate.toISOString().slice(0, 10);
}

/** A real day written YYYY-MM-DD within the years civil-date.ts accepts. */
export const isDate = isCivilDate;
export const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** Today's date in Berlin. */
export const todayIn = (now: Date = new Date()) => toLocal(now).date;

/** "YYYY-MM-DDTHH:MM" in Berlin for an instant: the value of a datetime-local field. */
export function toBerlinLocal(instant: Date): string {
  const local = toLocal(instant);
  return `${local.date}T${local.time}`;
}

/** The instant of a Berlin wall-clock time "YYYY-MM-DDTHH:MM" (or a date alone, meaning 00:00); null when malformed or impossible. */
export function fromBerlinLocal(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, date = '', time = '00:00'] = match;
  return isDate(date) && isTime(time) ? fromLocal(date, time) : null;
}

/** Weekday (Monday = 1 … Sunday = 7) and minutes since midnight of an instant, in Berlin. */
export interface BerlinClock {
  day: number;
  minutes: number;
  /** 'HH:MM', comparable as a string with stored opening times. */
  time: string;
}

export function berlinClock(instant: Date): BerlinClock {
  const local = toLocal(instant);
  return { day: weekdayOf(local.date), minutes: Number(local.time.slice(0, 2)) * 60 + Number(local.time.slice(3, 5)), time: local.time };
}
