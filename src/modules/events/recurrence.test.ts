import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocal, isoWithOffset, toLocal } from '../../platform/time/berlin.js';
import { expandOccurrences, ruleDates, rruleValue, type EventTiming, type RecurrenceRule } from './recurrence.js';

const timed = (startDate: string, startTime: string, endTime: string): EventTiming => ({ allDay: false, startDate, startTime, endDate: startDate, endTime });
const weekly = (over: Partial<RecurrenceRule> = {}): RecurrenceRule => ({ freq: 'weekly', interval: 1, byWeekday: [], until: null, count: null, ...over });
const wide = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };

describe('Berlin wall time', () => {
  it('reads winter and summer offsets', () => {
    expect(fromLocal('2027-01-10', '10:00').toISOString()).toBe('2027-01-10T09:00:00.000Z');
    expect(fromLocal('2027-07-10', '10:00').toISOString()).toBe('2027-07-10T08:00:00.000Z');
    expect(isoWithOffset(new Date('2027-07-10T08:00:00Z'))).toBe('2027-07-10T10:00:00+02:00');
    expect(isoWithOffset(new Date('2027-01-10T09:00:00Z'))).toBe('2027-01-10T10:00:00+01:00');
  });

  it('moves a time in the March gap forward and takes the summer one of a doubled October time', () => {
    expect(fromLocal('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocal(fromLocal('2027-03-28', '02:30')).time).toBe('03:30');
    expect(fromLocal('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('Berlin wall time against Intl', () => {
  it('agrees with Intl for any instant between 1990 and 2100, and fromLocal inverts toLocal', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        const local = toLocal(instant);
        expect(`${local.date} ${local.time}`).toBe(intl.format(instant));
        const back = fromLocal(local.date, local.time);
        // Only the doubled October hour may map back to its other (earlier) instant.
        expect(back.getTime() === Math.floor(ms / 60_000) * 60_000 || back.getTime() === Math.floor(ms / 60_000) * 60_000 - 3_600_000).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recurrence', () => {
  it('keeps 10:00 local across the March change (UTC moves from 09:00 to 08:00)', () => {
    const occ = expandOccurrences(timed('2027-03-14', '10:00', '11:30'), weekly({ count: 4 }), [], 'scheduled', wide);
    expect(occ.map((o) => o.start.toISOString())).toEqual([
      '2027-03-14T09:00:00.000Z',
      '2027-03-21T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z',
      '2027-04-04T08:00:00.000Z',
    ]);
    expect(occ.map((o) => toLocal(o.end!).time)).toEqual(['11:30', '11:30', '11:30', '11:30']);
  });

  it('keeps 10:00 local across the October change (UTC moves from 08:00 to 09:00)', () => {
    const occ = expandOccurrences(
      timed('2026-10-24', '10:00', '12:00'),
      { freq: 'daily', interval: 1, byWeekday: [], until: '2026-10-26', count: null },
      [],
      'scheduled',
      wide,
    );
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
    // The night of the change is 25 hours long; the event still lasts two hours.
    expect(occ.map((o) => (o.end!.getTime() - o.start.getTime()) / 3_600_000)).toEqual([2, 2, 2]);
  });

  it('keeps an overnight event ending at 01:00 local on the night the clocks go back', () => {
    const occ = expandOccurrences(
      { allDay: false, startDate: '2026-10-24', startTime: '20:00', endDate: '2026-10-25', endTime: '01:00' },
      { freq: 'daily', interval: 1, byWeekday: [], until: null, count: 2 },
      [],
      'scheduled',
      wide,
    );
    expect(occ.map((o) => [toLocal(o.start).date, toLocal(o.end!).date, toLocal(o.end!).time])).toEqual([
      ['2026-10-24', '2026-10-25', '01:00'],
      ['2026-10-25', '2026-10-26', '01:00'],
    ]);
  });

  it('counts excluded dates under COUNT and drops them (EXDATE)', () => {
    const occ = expandOccurrences(timed('2027-01-04', '16:00', '17:00'), weekly({ count: 3 }), [{ date: '2027-01-11', kind: 'excluded' }], 'scheduled', wide);
    expect(occ.map((o) => o.date)).toEqual(['2027-01-04', '2027-01-18']);
  });

  it('shows a cancelled single occurrence as cancelled and a moved one at its new time, in order', () => {
    const moved = fromLocal('2027-01-06', '09:00');
    const occ = expandOccurrences(
      timed('2027-01-04', '16:00', '17:00'),
      { freq: 'daily', interval: 1, byWeekday: [], until: '2027-01-07', count: null },
      [
        { date: '2027-01-05', kind: 'override', status: 'cancelled', note: 'Krank' },
        { date: '2027-01-07', kind: 'override', start: moved, end: fromLocal('2027-01-06', '10:00') },
      ],
      'scheduled',
      wide,
    );
    expect(occ.map((o) => [o.date, o.status, toLocal(o.start).date])).toEqual([
      ['2027-01-04', 'scheduled', '2027-01-04'],
      ['2027-01-05', 'cancelled', '2027-01-05'],
      ['2027-01-07', 'scheduled', '2027-01-06'],
      ['2027-01-06', 'scheduled', '2027-01-06'],
    ]);
    expect(occ[1]!.note).toBe('Krank');
  });

  it('repeats weekly on several weekdays every second week until a date', () => {
    const dates = ruleDates('2027-01-06', weekly({ interval: 2, byWeekday: [1, 3, 5], until: '2027-01-22' }), '2030-01-01');
    // Starts on a Wednesday: Monday of that week is before the start and is skipped.
    expect(dates).toEqual(['2027-01-06', '2027-01-08', '2027-01-18', '2027-01-20', '2027-01-22']);
  });

  it('skips months without the start day, monthly', () => {
    expect(ruleDates('2027-01-31', { freq: 'monthly', interval: 1, byWeekday: [], until: '2027-06-30', count: null }, '2030-01-01')).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
  });

  it('gives all-day occurrences Berlin midnights as bounds', () => {
    const occ = expandOccurrences(
      { allDay: true, startDate: '2027-03-27', startTime: null, endDate: '2027-03-28', endTime: null },
      null,
      [],
      'scheduled',
      wide,
    );
    expect(occ[0]!.start.toISOString()).toBe('2027-03-26T23:00:00.000Z');
    expect(occ[0]!.end!.toISOString()).toBe('2027-03-28T22:00:00.000Z');
  });

  it('writes UNTIL in UTC for timed events and as a date for all-day ones', () => {
    expect(rruleValue(weekly({ until: '2027-04-04', byWeekday: [7] }), timed('2027-03-14', '10:00', '11:00'))).toBe(
      'FREQ=WEEKLY;BYDAY=SU;UNTIL=20270404T080000Z',
    );
    expect(
      rruleValue(
        { freq: 'daily', interval: 2, byWeekday: [], until: '2027-04-04', count: null },
        { allDay: true, startDate: '2027-03-14', startTime: null, endDate: '2027-03-14', endTime: null },
      ),
    ).toBe('FREQ=DAILY;INTERVAL=2;UNTIL=20270404');
  });

  it('cancels every occurrence when the whole event is cancelled', () => {
    const occ = expandOccurrences(timed('2027-01-04', '16:00', '17:00'), weekly({ count: 2 }), [], 'cancelled', wide);
    expect(occ.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
  });
});
