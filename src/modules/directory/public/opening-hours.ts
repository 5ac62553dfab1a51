import type { WeeklyHours } from '../../../db/types.js';
import { berlinClock, type BerlinClock } from '../../../platform/time/berlin.js';

/**
 * Opening hours in Europe/Berlin wall-clock time. Pure: every function takes the instant it is
 * asked about, so tests pin "now" and the DST switches are handled by Intl, not by arithmetic.
 * A period whose closing time is not after its opening time runs across midnight into the
 * next day (22:00–02:00); 00:00–00:00 means open all day.
 */

export { berlinClock, type BerlinClock } from '../../../platform/time/berlin.js';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const previousDay = (day: number) => (day === 1 ? 7 : day - 1);
const nextDay = (day: number) => (day === 7 ? 1 : day + 1);
const crossesMidnight = (h: WeeklyHours) => toMinutes(h.closes) <= toMinutes(h.opens);

export type OpeningState = { kind: 'open'; closes: string; closesNextDay: boolean } | { kind: 'closed'; next: NextOpening | null } | { kind: 'unknown' };

/** When a closed service opens again: in `inDays` days (0 = today) on weekday `day` at `opens`. */
export interface NextOpening {
  inDays: number;
  day: number;
  opens: string;
}

/** Is it open at this instant, and until when (or when does it open next)? */
export function openingState(hours: readonly WeeklyHours[], instant: Date): OpeningState {
  if (hours.length === 0) return { kind: 'unknown' };
  const now = berlinClock(instant);
  for (const h of hours) {
    const opens = toMinutes(h.opens);
    const closes = toMinutes(h.closes);
    if (crossesMidnight(h)) {
      if (h.day === now.day && now.minutes >= opens) return { kind: 'open', closes: h.closes, closesNextDay: true };
      if (h.day === previousDay(now.day) && now.minutes < closes) return { kind: 'open', closes: h.closes, closesNextDay: false };
    } else if (h.day === now.day && now.minutes >= opens && now.minutes < closes) {
      return { kind: 'open', closes: h.closes, closesNextDay: false };
    }
  }
  return { kind: 'closed', next: nextOpening(hours, now) };
}

export const isOpenAt = (hours: readonly WeeklyHours[], instant: Date): boolean => openingState(hours, instant).kind === 'open';

function nextOpening(hours: readonly WeeklyHours[], now: BerlinClock): NextOpening | null {
  // Today later, then the following days; a week later on the same weekday at the latest.
  let day = now.day;
  for (let inDays = 0; inDays <= 7; inDays++) {
    const candidates = hours
      .filter((h) => h.day === day && (inDays > 0 || toMinutes(h.opens) > now.minutes))
      .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
    const first = candidates[0];
    if (first) return { inDays, day, opens: first.opens };
    day = nextDay(day);
  }
  return null;
}

/** "08:00" → "8:00", as Germans write times in running text. */
export const spokenTime = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

/** A start time as people say it: midnight at the start of a day is "0 Uhr", not "0:00 Uhr". */
export const spokenStart = (hhmm: string) => (hhmm === '00:00' ? '0' : spokenTime(hhmm));

/** An end time as people say it: midnight at the end of a day is 24:00. */
export const spokenEnd = (hhmm: string) => (hhmm === '00:00' ? '24:00' : spokenTime(hhmm));

/** The periods of one weekday in order, for an opening hours table. */
export function hoursOfDay(hours: readonly WeeklyHours[], day: number): WeeklyHours[] {
  return hours.filter((h) => h.day === day).sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
}
