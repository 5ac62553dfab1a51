import { addDays, addMonths, daysBetween, fromLocal, weekdayOf } from '../../platform/time/berlin.js';

/**
 * Recurring events in Berlin wall time: an event at 10:00 stays at 10:00 local time across the
 * changes to and from summer time (its UTC instant moves). Pure, so it is tested without a database.
 * The rule is a subset of RFC 5545 RRULE: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (weekly),
 * UNTIL (a local date, inclusive) or COUNT. COUNT counts every generated date, excluded ones too,
 * as RFC 5545 does (EXDATE removes dates after the rule has made them).
 */

export type Frequency = 'daily' | 'weekly' | 'monthly';
export type EventStatus = 'scheduled' | 'cancelled' | 'postponed';

export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  /** Weekly only: ISO weekdays (Monday = 1). Empty means the start's weekday. */
  byWeekday: number[];
  /** Last possible date, local and inclusive. */
  until: string | null;
  count: number | null;
}

/** When the first occurrence is, in Berlin civil terms. All-day events have no times. */
export interface EventTiming {
  allDay: boolean;
  startDate: string;
  startTime: string | null;
  /** Last day (inclusive) for all-day events; the end's date otherwise. */
  endDate: string;
  endTime: string | null;
}

/** A change to one occurrence, keyed by the date the rule gave it. */
export interface OccurrenceException {
  date: string;
  /** excluded: the date is dropped (EXDATE); override: it is moved, cancelled or annotated (RECURRENCE-ID). */
  kind: 'excluded' | 'override';
  status?: EventStatus;
  start?: Date | null;
  end?: Date | null;
  note?: string;
}

export interface Occurrence {
  /** The date the rule gave this occurrence (its RECURRENCE-ID), local. */
  date: string;
  start: Date;
  /** Exclusive end; for all-day events the midnight after the last day. Null when no end was given. */
  end: Date | null;
  status: EventStatus;
  note: string;
  overridden: boolean;
}

/** No rule may produce more than this many dates, whatever UNTIL says (a guard against runaway loops). */
export const maxGeneratedDates = 1000;

/** The local dates the rule gives, in order, starting with the start date; stops after `untilDate` or the limits. */
export function ruleDates(startDate: string, rule: RecurrenceRule | null, stopAfter: string): string[] {
  if (!rule) return startDate <= stopAfter ? [startDate] : [];
  const last = rule.until && rule.until < stopAfter ? rule.until : stopAfter;
  const limit = Math.min(rule.count ?? maxGeneratedDates, maxGeneratedDates);
  const interval = Math.max(1, rule.interval);
  const dates: string[] = [];
  const push = (date: string) => {
    if (date < startDate) return true;
    if (date > last || dates.length >= limit) return false;
    dates.push(date);
    return true;
  };
  if (rule.freq === 'daily') {
    for (let i = 0; push(addDays(startDate, i * interval)); i++);
  } else if (rule.freq === 'weekly') {
    const days = (rule.byWeekday.length ? [...new Set(rule.byWeekday)] : [weekdayOf(startDate)]).sort((a, b) => a - b);
    const monday = addDays(startDate, 1 - weekdayOf(startDate));
    outer: for (let week = 0; ; week++) {
      const weekStart = addDays(monday, week * 7 * interval);
      if (weekStart > last) break;
      for (const d of days) if (!push(addDays(weekStart, d - 1))) break outer;
    }
  } else {
    // A start on the 31st skips months without one (RFC 5545 behaviour), but never loops forever.
    for (let i = 0; i < maxGeneratedDates * 2; i++) {
      const date = addMonths(startDate, i * interval);
      if (date === null) continue;
      if (!push(date)) break;
    }
  }
  return dates;
}

/** The instants of an occurrence on this local date, keeping the wall-clock times of the first one. */
export function occurrenceTimes(timing: EventTiming, date: string): { start: Date; end: Date | null } {
  const span = daysBetween(timing.startDate, timing.endDate);
  if (timing.allDay) return { start: fromLocal(date), end: fromLocal(addDays(date, span + 1)) };
  const start = fromLocal(date, timing.startTime ?? '00:00');
  const end = timing.endTime ? fromLocal(addDays(date, span), timing.endTime) : null;
  return { start, end };
}

/**
 * Every occurrence that ends after `from` and starts before `to` (overrides are placed at their new time),
 * ordered by start. Excluded dates are gone; cancelled ones stay, marked cancelled.
 */
export function expandOccurrences(
  timing: EventTiming,
  rule: RecurrenceRule | null,
  exceptions: readonly OccurrenceException[],
  status: EventStatus,
  window: { from: Date; to: Date },
): Occurrence[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  // Generous stop date: an override may move an occurrence from after the window into it, up to a few weeks.
  const stopAfter = addDays(new Date(window.to.getTime()).toISOString().slice(0, 10), 35);
  const result: Occurrence[] = [];
  for (const date of ruleDates(timing.startDate, rule, stopAfter)) {
    const exception = byDate.get(date);
    if (exception?.kind === 'excluded') continue;
    const times = occurrenceTimes(timing, date);
    const start = exception?.start ?? times.start;
    const end = exception?.start ? (exception.end ?? null) : (exception?.end ?? times.end);
    const occurrence: Occurrence = {
      date,
      start,
      end,
      status: status === 'scheduled' ? (exception?.status ?? 'scheduled') : status,
      note: exception?.note ?? '',
      overridden: exception?.kind === 'override',
    };
    const endsAt = (occurrence.end ?? occurrence.start).getTime();
    if (endsAt >= window.from.getTime() && occurrence.start.getTime() < window.to.getTime()) result.push(occurrence);
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The rule as an RRULE value, UNTIL in UTC as RFC 5545 requires for a DTSTART with a zone (a DATE for all-day events). */
export function rruleValue(rule: RecurrenceRule, timing: EventTiming): string {
  const parts = [`FREQ=${rule.freq.toUpperCase()}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'weekly' && rule.byWeekday.length)
    parts.push(
      `BYDAY=${[...rule.byWeekday]
        .sort()
        .map((d) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][d - 1])
        .join(',')}`,
    );
  if (rule.until) {
    if (timing.allDay) parts.push(`UNTIL=${rule.until.replace(/-/g, '')}`);
    else {
      const lastStart = fromLocal(rule.until, timing.startTime ?? '00:00');
      parts.push(
        `UNTIL=${lastStart
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '')}`,
      );
    }
  } else if (rule.count) parts.push(`COUNT=${rule.count}`);
  return parts.join(';');
}
