import { describe, expect, it } from 'vitest';
import { isoWithOffset } from '../../platform/time/berlin.js';
import { easterSunday, nrwPublicHolidays, nrwPublicHolidaysBetween } from './public-holidays.js';
import { fromLocal } from '../../platform/time/berlin.js';
import { freeDays, freeSlots, isRepeatedClockTime, outsideWorkingTime, type SlotQuery, type WorkPattern } from './slots.js';

const rules = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, windowDays: 400 };
const pattern = (p: Partial<WorkPattern>): WorkPattern => ({
  counsellorId: 'c1',
  locationId: 'l1',
  weekday: 1,
  starts: '09:00',
  ends: '11:00',
  validFrom: '2026-01-01',
  validUntil: null,
  ...p,
});
const query = (q: Partial<SlotQuery>): SlotQuery => ({
  rules,
  patterns: [pattern({})],
  exceptions: [],
  busy: [],
  closedDays: new Set(),
  now: new Date('2026-12-01T08:00:00Z'),
  from: '2027-03-29',
  to: '2027-03-29',
  ...q,
});
const starts = (q: SlotQuery) => freeSlots(q).map((s) => isoWithOffset(s.start));

describe('slots across the clock changes', () => {
  it('keeps a Monday pattern defined in winter at the same wall-clock times on the Monday after the spring change', () => {
    expect(starts(query({}))).toEqual(['2027-03-29T09:00:00+02:00', '2027-03-29T09:30:00+02:00', '2027-03-29T10:00:00+02:00', '2027-03-29T10:30:00+02:00']);
    // The week before, the same pattern gives the same wall-clock times in winter time.
    expect(starts(query({ from: '2027-03-22', to: '2027-03-22' }))[0]).toBe('2027-03-22T09:00:00+01:00');
  });

  it('keeps the wall-clock times on the Monday after the autumn change (2027-11-01, when it is not a holiday)', () => {
    expect(starts(query({ from: '2027-11-01', to: '2027-11-01' }))).toEqual([
      '2027-11-01T09:00:00+01:00',
      '2027-11-01T09:30:00+01:00',
      '2027-11-01T10:00:00+01:00',
      '2027-11-01T10:30:00+01:00',
    ]);
    expect(starts(query({ from: '2027-10-25', to: '2027-10-25' }))[0]).toBe('2027-10-25T09:00:00+02:00');
  });

  it('offers nothing on 2027-11-01 in NRW, because it is All Saints’ Day', () => {
    const closedDays = nrwPublicHolidaysBetween('2027-10-01', '2027-11-30');
    expect(closedDays.has('2027-11-01')).toBe(true);
    expect(starts(query({ from: '2027-11-01', to: '2027-11-01', closedDays }))).toEqual([]);
  });

  it('gives a Sunday 01:00–04:00 pattern two real hours on the night the clocks go forward', () => {
    const sunday = query({ patterns: [pattern({ weekday: 7, starts: '01:00', ends: '04:00' })], from: '2027-03-28', to: '2027-03-28' });
    expect(starts(sunday)).toEqual(['2027-03-28T01:00:00+01:00', '2027-03-28T01:30:00+01:00', '2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00']);
    for (const slot of freeSlots(sunday)) expect(slot.end.getTime() - slot.start.getTime()).toBe(30 * 60_000);
  });

  it('gives the same pattern four real hours on the night the clocks go back, 02:00 and 02:30 twice', () => {
    const sunday = query({ patterns: [pattern({ weekday: 7, starts: '01:00', ends: '04:00' })], from: '2027-10-31', to: '2027-10-31' });
    const slots = freeSlots(sunday);
    expect(slots.map((s) => isoWithOffset(s.start))).toEqual([
      '2027-10-31T01:00:00+02:00',
      '2027-10-31T01:30:00+02:00',
      '2027-10-31T02:00:00+02:00',
      '2027-10-31T02:30:00+02:00',
      '2027-10-31T02:00:00+01:00',
      '2027-10-31T02:30:00+01:00',
      '2027-10-31T03:00:00+01:00',
      '2027-10-31T03:30:00+01:00',
    ]);
    expect(slots.map((s) => isRepeatedClockTime(s.start))).toEqual([false, false, true, true, true, true, false, false]);
  });

  it('handles the 2026 changes too (29 March and 25 October)', () => {
    const sunday = (date: string) =>
      query({ patterns: [pattern({ weekday: 7, starts: '01:00', ends: '04:00' })], from: date, to: date, now: new Date('2026-01-05T08:00:00Z') });
    expect(freeSlots(sunday('2026-03-29'))).toHaveLength(4);
    expect(freeSlots(sunday('2026-10-25'))).toHaveLength(8);
    expect(starts(query({ from: '2026-03-30', to: '2026-03-30', now: new Date('2026-01-05T08:00:00Z') }))[0]).toBe('2026-03-30T09:00:00+02:00');
    expect(starts(query({ from: '2026-10-26', to: '2026-10-26', now: new Date('2026-01-05T08:00:00Z') }))[0]).toBe('2026-10-26T09:00:00+01:00');
  });
});

describe('free slots', () => {
  it('leaves out a slot whose counsellor is busy, but keeps it while a parallel counsellor is free', () => {
    const busy = [{ counsellorId: 'c1', from: new Date('2027-03-29T07:00:00Z'), until: new Date('2027-03-29T07:30:00Z') }];
    const one = freeSlots(query({ busy }));
    expect(one.map((s) => isoWithOffset(s.start))).not.toContain('2027-03-29T09:00:00+02:00');
    const two = freeSlots(query({ busy, patterns: [pattern({}), pattern({ counsellorId: 'c2' })] }));
    expect(two[0]).toMatchObject({ counsellorIds: ['c2'] });
    expect(two[1]!.counsellorIds.sort()).toEqual(['c1', 'c2']);
  });

  it('keeps buffers: a 45-minute service with 15 minutes after fits twice into two hours', () => {
    const slots = freeSlots(query({ rules: { ...rules, durationMinutes: 45, bufferAfterMinutes: 15 } }));
    expect(slots.map((s) => isoWithOffset(s.start))).toEqual(['2027-03-29T09:00:00+02:00', '2027-03-29T10:00:00+02:00']);
    // A booking that ends at 09:50 still blocks the 09:00 slot because of the buffer before the next one.
    const busy = [{ counsellorId: 'c1', from: new Date('2027-03-29T07:20:00Z'), until: new Date('2027-03-29T07:50:00Z') }];
    expect(freeSlots(query({ busy, rules: { ...rules, durationMinutes: 45, bufferAfterMinutes: 15 } }))).toHaveLength(1);
  });

  it('takes absences out and extra hours in, and respects notice and the booking window', () => {
    const absence = {
      counsellorId: 'c1',
      kind: 'absence' as const,
      locationId: null,
      startsAt: new Date('2027-03-29T07:00:00Z'),
      endsAt: new Date('2027-03-29T08:00:00Z'),
    };
    expect(starts(query({ exceptions: [absence] }))).toEqual(['2027-03-29T10:00:00+02:00', '2027-03-29T10:30:00+02:00']);
    const extra = {
      counsellorId: 'c1',
      kind: 'extra' as const,
      locationId: 'l2',
      startsAt: new Date('2027-03-30T12:00:00Z'),
      endsAt: new Date('2027-03-30T13:00:00Z'),
    };
    expect(freeSlots(query({ exceptions: [extra], from: '2027-03-30', to: '2027-03-30' })).map((s) => s.locationId)).toEqual(['l2', 'l2']);
    const now = new Date('2027-03-29T07:10:00Z');
    expect(starts(query({ now, rules: { ...rules, minNoticeMinutes: 60 } }))).toEqual(['2027-03-29T10:30:00+02:00']);
    expect(freeSlots(query({ now: new Date('2027-01-01T08:00:00Z'), rules: { ...rules, windowDays: 60 } }))).toEqual([]);
  });

  it('shows a day as free only when it has a slot', () => {
    const busy = [{ counsellorId: 'c1', from: new Date('2027-03-29T07:00:00Z'), until: new Date('2027-03-29T09:00:00Z') }];
    const slots = freeSlots(query({ busy, from: '2027-03-29', to: '2027-04-12' }));
    expect(freeDays(slots)).toEqual(['2027-04-05', '2027-04-12']);
    // Easter Monday 2027 is 29 March, a holiday in NRW: no day then either.
    expect(freeDays(freeSlots(query({ from: '2027-03-29', to: '2027-04-12', closedDays: nrwPublicHolidaysBetween('2027-03-29', '2027-04-12') })))).toEqual([
      '2027-04-05',
      '2027-04-12',
    ]);
  });

  it('ignores patterns outside their validity', () => {
    expect(freeSlots(query({ patterns: [pattern({ validFrom: '2027-04-01' })] }))).toEqual([]);
    expect(freeSlots(query({ patterns: [pattern({ validUntil: '2027-03-28' })] }))).toEqual([]);
  });
});

describe('bookings outside the working time', () => {
  // Monday 2027-03-29, pattern 09:00–11:00 at l1.
  const booking = (id: string, start: string, end: string, locationId: string | null = 'l1') => ({
    id,
    counsellorId: 'c1',
    locationId,
    start: fromLocal('2027-03-29', start),
    end: fromLocal('2027-03-29', end),
  });
  const ids = (q: Partial<SlotQuery>, bookings: ReturnType<typeof booking>[]) => outsideWorkingTime(bookings, query(q)).map((b) => b.id);

  it('names the bookings a pattern no longer covers, at their place, and keeps the others', () => {
    const bookings = [booking('inside', '09:30', '10:00'), booking('late', '11:00', '11:30'), booking('elsewhere', '09:30', '10:00', 'l2')];
    expect(ids({}, bookings)).toEqual(['late', 'elsewhere']);
    expect(ids({ patterns: [] }, bookings)).toEqual(['inside', 'late', 'elsewhere']);
  });

  it('counts a pattern and extra hours right after it as one stretch, and an absence as a gap', () => {
    const across = [booking('across', '10:45', '11:15')];
    const extra = {
      counsellorId: 'c1',
      kind: 'extra' as const,
      locationId: 'l1',
      startsAt: fromLocal('2027-03-29', '11:00'),
      endsAt: fromLocal('2027-03-29', '12:00'),
    };
    expect(ids({}, across)).toEqual(['across']);
    expect(ids({ exceptions: [extra] }, across)).toEqual([]);
    const absence = {
      counsellorId: 'c1',
      kind: 'absence' as const,
      locationId: null,
      startsAt: fromLocal('2027-03-29', '10:00'),
      endsAt: fromLocal('2027-03-29', '10:30'),
    };
    expect(ids({ exceptions: [absence] }, [booking('gap', '10:00', '10:30'), booking('before', '09:00', '09:30')])).toEqual(['gap']);
  });
});

describe('NRW public holidays', () => {
  it('knows Easter and the movable feasts', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(nrwPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-06-04',
      '2026-10-03',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
});
