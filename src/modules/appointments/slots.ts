import { addDays, fromLocal, toLocal, todayIn, weekdayOf } from '../../platform/time/berlin.js';

/**
 * Free appointment slots: pure, so the page, the API and the booking check compute them the same way
 * from the same rows. Working patterns are Berlin civil time ("Monday 08:00–12:00"); each day's
 * pattern becomes a real interval through `fromLocal`, and slots are laid on it in real minutes. So a
 * counsellor working 01:00–04:00 on the night the clocks go forward works two hours (four 30-minute
 * slots), and on the night they go back four hours (eight slots, 02:00 and 02:30 twice).
 */

export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** How long before its start a slot can still be booked. */
  minNoticeMinutes: number;
  /** How many days ahead (from today in Berlin) can be booked. */
  windowDays: number;
}

export interface WorkPattern {
  counsellorId: string;
  locationId: string;
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: number;
  /** 'HH:MM' Berlin civil time; `ends` may be '24:00'. */
  starts: string;
  ends: string;
  validFrom: string;
  validUntil: string | null;
}

export interface WorkException {
  counsellorId: string;
  kind: 'absence' | 'extra';
  /** Where the extra hours are (absences are everywhere). */
  locationId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** Time a counsellor is already taken (bookings with their buffers, holds, blocks). */
export interface BusyRange {
  counsellorId: string;
  from: Date;
  until: Date;
}

export interface Slot {
  start: Date;
  end: Date;
  locationId: string;
  /** The counsellors free for this slot at this location (parallel counsellors: more than one). */
  counsellorIds: string[];
}

export interface SlotQuery {
  rules: SlotRules;
  patterns: readonly WorkPattern[];
  exceptions: readonly WorkException[];
  busy: readonly BusyRange[];
  /** Days without patterns (NRW public holidays); extra hours still count. */
  closedDays: ReadonlySet<string>;
  now: Date;
  /** Berlin dates, inclusive. */
  from: string;
  to: string;
}

interface Interval {
  counsellorId: string;
  locationId: string;
  start: number;
  end: number;
}

const minute = 60_000;

/** The instant of a pattern's civil time on a date; '24:00' is the next day's midnight. */
const civilInstant = (date: string, time: string) => (time === '24:00' ? fromLocal(addDays(date, 1), '00:00') : fromLocal(date, time)).getTime();

/** Removes [cutStart, cutEnd) from the intervals. */
function subtract(intervals: Interval[], cutStart: number, cutEnd: number): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    if (cutEnd <= i.start || cutStart >= i.end) out.push(i);
    else {
      if (cutStart > i.start) out.push({ ...i, end: cutStart });
      if (cutEnd < i.end) out.push({ ...i, start: cutEnd });
    }
  }
  return out;
}

/** The last Berlin date that can be booked: today plus the window. */
export const lastBookableDate = (rules: Pick<SlotRules, 'windowDays'>, now: Date) => addDays(todayIn(now), rules.windowDays);

/**
 * Working intervals per counsellor between two Berlin dates: the patterns laid on each day (none on
 * closed days), plus extra hours, minus absences.
 */
function workingIntervals(query: Pick<SlotQuery, 'patterns' | 'exceptions' | 'closedDays'>, from: string, to: string): Map<string, Interval[]> {
  const byCounsellor = new Map<string, Interval[]>();
  const add = (i: Interval) => {
    if (i.end <= i.start) return;
    const list = byCounsellor.get(i.counsellorId);
    if (list) list.push(i);
    else byCounsellor.set(i.counsellorId, [i]);
  };
  const patternsByDay = new Map<number, WorkPattern[]>();
  for (const p of query.patterns) patternsByDay.set(p.weekday, [...(patternsByDay.get(p.weekday) ?? []), p]);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (query.closedDays.has(date)) continue;
    for (const p of patternsByDay.get(weekdayOf(date)) ?? []) {
      if (date < p.validFrom || (p.validUntil !== null && date > p.validUntil)) continue;
      add({ counsellorId: p.counsellorId, locationId: p.locationId, start: civilInstant(date, p.starts), end: civilInstant(date, p.ends) });
    }
  }
  for (const e of query.exceptions)
    if (e.kind === 'extra' && e.locationId)
      add({ counsellorId: e.counsellorId, locationId: e.locationId, start: e.startsAt.getTime(), end: e.endsAt.getTime() });
  for (const e of query.exceptions) {
    if (e.kind !== 'absence') continue;
    const list = byCounsellor.get(e.counsellorId);
    if (list) byCounsellor.set(e.counsellorId, subtract(list, e.startsAt.getTime(), e.endsAt.getTime()));
  }
  return byCounsellor;
}

export function freeSlots(query: SlotQuery): Slot[] {
  const { rules, now } = query;
  const lastDate = lastBookableDate(rules, now);
  const from = query.from;
  const to = query.to < lastDate ? query.to : lastDate;
  if (to < from) return [];
  const earliest = now.getTime() + rules.minNoticeMinutes * minute;

  const byCounsellor = workingIntervals(query, from, to);

  const busyByCounsellor = new Map<string, { from: number; until: number }[]>();
  for (const b of query.busy) {
    const list = busyByCounsellor.get(b.counsellorId) ?? [];
    list.push({ from: b.from.getTime(), until: b.until.getTime() });
    busyByCounsellor.set(b.counsellorId, list);
  }
  for (const list of busyByCounsellor.values()) list.sort((a, b) => a.from - b.from);

  const step = (rules.bufferBeforeMinutes + rules.durationMinutes + rules.bufferAfterMinutes) * minute;
  const slots = new Map<string, Slot>();
  for (const [counsellorId, intervals] of byCounsellor) {
    const busy = busyByCounsellor.get(counsellorId) ?? [];
    // Longest busy range, so the search can start far enough back.
    const longest = busy.reduce((max, b) => Math.max(max, b.until - b.from), 0);
    const overlapsBusy = (start: number, end: number) => {
      // First busy range that could still reach `start`: binary search on `from`.
      let lo = 0;
      let hi = busy.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (busy[mid]!.from < start - longest) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < busy.length && busy[i]!.from < end; i += 1) if (busy[i]!.until > start) return true;
      return false;
    };
    for (const interval of intervals) {
      for (let t = interval.start; t + step <= interval.end; t += step) {
        const start = t + rules.bufferBeforeMinutes * minute;
        if (start < earliest) continue;
        const date = toLocal(new Date(start)).date;
        if (date < from || date > to) continue;
        if (overlapsBusy(t, t + step)) continue;
        const key = `${start}|${interval.locationId}`;
        const slot = slots.get(key);
        if (slot) {
          if (!slot.counsellorIds.includes(counsellorId)) slot.counsellorIds.push(counsellorId);
        } else
          slots.set(key, {
            start: new Date(start),
            end: new Date(start + rules.durationMinutes * minute),
            locationId: interval.locationId,
            counsellorIds: [counsellorId],
          });
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.locationId.localeCompare(b.locationId));
}

/** The Berlin dates that have at least one free slot: a day is shown as free only then. */
export function freeDays(slots: readonly Slot[]): string[] {
  return [...new Set(slots.map((s) => toLocal(s.start).date))].sort();
}

/** The busy range a booking of this slot takes, buffers included (what the exclusion constraint compares). */
export function busyRangeOf(rules: Pick<SlotRules, 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'durationMinutes'>, start: Date) {
  return {
    from: new Date(start.getTime() - rules.bufferBeforeMinutes * minute),
    until: new Date(start.getTime() + (rules.durationMinutes + rules.bufferAfterMinutes) * minute),
    end: new Date(start.getTime() + rules.durationMinutes * minute),
  };
}

/** True when this wall-clock time happens twice on its day (the hour the clocks go back). */
export function isRepeatedClockTime(instant: Date): boolean {
  const local = toLocal(instant);
  const other = [new Date(instant.getTime() - 3_600_000), new Date(instant.getTime() + 3_600_000)];
  return other.some((o) => {
    const l = toLocal(o);
    return l.date === local.date && l.time === local.time;
  });
}

/** A standing booking as the check below reads it. */
export interface PlacedBooking {
  id: string;
  counsellorId: string;
  locationId: string | null;
  start: Date;
  end: Date;
}

/**
 * The bookings that no longer lie in their counsellor's working time at their place (a pattern was
 * changed or removed, an absence entered): they still stand, and staff are shown them to move.
 * Bookings by phone or video (no place) only need the counsellor to be working somewhere.
 */
export function outsideWorkingTime(bookings: readonly PlacedBooking[], query: Pick<SlotQuery, 'patterns' | 'exceptions' | 'closedDays'>): PlacedBooking[] {
  if (bookings.length === 0) return [];
  const dates = bookings.map((b) => toLocal(b.start).date).sort();
  const intervals = workingIntervals(query, addDays(dates[0]!, -1), dates[dates.length - 1]!);
  return bookings.filter((b) => {
    const own = (intervals.get(b.counsellorId) ?? []).filter((i) => b.locationId === null || i.locationId === b.locationId);
    // Back-to-back intervals (a pattern and extra hours right after it) count as one.
    const merged = [...own].sort((x, y) => x.start - y.start);
    let reach = -Infinity;
    let from = -Infinity;
    for (const i of merged) {
      if (i.start > reach) from = i.start;
      reach = Math.max(reach, i.end);
      if (from <= b.start.getTime() && b.end.getTime() <= reach) return false;
    }
    return true;
  });
}
