import { describe, expect, it } from 'vitest';
import { berlinClock, isOpenAt, openingState, spokenTime } from './opening-hours.js';

const h = (day: number, opens: string, closes: string) => ({ day, opens, closes });
const at = (iso: string) => new Date(iso);

describe('Berlin wall clock', () => {
  it('reads weekday and time in Europe/Berlin, in winter and summer time', () => {
    // Monday 2026-01-05 07:15 UTC is 08:15 CET; Wednesday 2026-07-01 07:15 UTC is 09:15 CEST.
    expect(berlinClock(at('2026-01-05T07:15:00Z'))).toEqual({ day: 1, minutes: 8 * 60 + 15, time: '08:15' });
    expect(berlinClock(at('2026-07-01T07:15:00Z'))).toEqual({ day: 3, minutes: 9 * 60 + 15, time: '09:15' });
    // Sunday 23:30 UTC in summer is already Monday 01:30 in Berlin.
    expect(berlinClock(at('2026-06-28T23:30:00Z')).day).toBe(1);
  });
});

describe('open now', () => {
  const weekdays = [1, 2, 3, 4, 5].map((d) => h(d, '08:00', '12:30'));

  it('is open between opening and closing time and closed at the closing minute', () => {
    expect(openingState(weekdays, at('2026-01-05T07:00:00Z'))).toEqual({ kind: 'open', closes: '12:30', closesNextDay: false });
    expect(isOpenAt(weekdays, at('2026-01-05T06:59:00Z'))).toBe(false);
    expect(isOpenAt(weekdays, at('2026-01-05T11:30:00Z'))).toBe(false);
  });

  it('opens later today, or on the next day with hours', () => {
    expect(openingState(weekdays, at('2026-01-05T06:00:00Z'))).toEqual({ kind: 'closed', next: { inDays: 0, day: 1, opens: '08:00' } });
    // Friday afternoon: next is Monday, three days later.
    expect(openingState(weekdays, at('2026-01-09T13:00:00Z'))).toEqual({ kind: 'closed', next: { inDays: 3, day: 1, opens: '08:00' } });
    // Only on Mondays, asked on Monday after closing: a week later.
    expect(openingState([h(1, '08:00', '12:00')], at('2026-01-05T13:00:00Z'))).toEqual({ kind: 'closed', next: { inDays: 7, day: 1, opens: '08:00' } });
    expect(openingState([], at('2026-01-05T13:00:00Z'))).toEqual({ kind: 'unknown' });
  });

  it('takes the earliest later period of a split day', () => {
    const split = [h(2, '14:00', '18:00'), h(2, '08:00', '12:00')];
    // Tuesday 12:30 CET: closed over lunch, opens at 14:00.
    expect(openingState(split, at('2026-01-06T11:30:00Z'))).toEqual({ kind: 'closed', next: { inDays: 0, day: 2, opens: '14:00' } });
  });

  it('runs a period across midnight into the next day, Sunday into Monday too', () => {
    const night = [h(5, '22:00', '02:00'), h(7, '22:00', '02:00')];
    // Friday 23:00 CET and Saturday 01:30 CET: open; Saturday 02:00: closed.
    expect(openingState(night, at('2026-01-09T22:00:00Z'))).toEqual({ kind: 'open', closes: '02:00', closesNextDay: true });
    expect(openingState(night, at('2026-01-10T00:30:00Z'))).toEqual({ kind: 'open', closes: '02:00', closesNextDay: false });
    expect(isOpenAt(night, at('2026-01-10T01:00:00Z'))).toBe(false);
    // Monday 01:00 CET belongs to Sunday's night.
    expect(isOpenAt(night, at('2026-01-12T00:00:00Z'))).toBe(true);
    // Thursday 01:00 is not after a night with hours.
    expect(isOpenAt(night, at('2026-01-08T00:00:00Z'))).toBe(false);
  });

  it('treats 00:00–00:00 as all day and a closing at 00:00 as midnight', () => {
    expect(isOpenAt([h(3, '00:00', '00:00')], at('2026-01-07T22:59:00Z'))).toBe(true);
    expect(isOpenAt([h(3, '00:00', '00:00')], at('2026-01-07T23:00:00Z'))).toBe(false);
    expect(openingState([h(3, '18:00', '00:00')], at('2026-01-07T22:00:00Z'))).toEqual({ kind: 'open', closes: '00:00', closesNextDay: true });
  });
});

describe('across the DST switches in Europe/Berlin', () => {
  it('spring forward on Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST', () => {
    const earlySunday = [h(7, '03:00', '04:00')];
    const saturdayNight = [h(6, '22:00', '02:00')];
    // 00:30 UTC is 01:30 CET: the Saturday night is still open.
    expect(isOpenAt(saturdayNight, at('2026-03-29T00:30:00Z'))).toBe(true);
    // 01:30 UTC is 03:30 CEST (a fixed UTC+1 would wrongly say 02:30).
    expect(berlinClock(at('2026-03-29T01:30:00Z')).time).toBe('03:30');
    expect(isOpenAt(saturdayNight, at('2026-03-29T01:30:00Z'))).toBe(false);
    expect(isOpenAt(earlySunday, at('2026-03-29T01:30:00Z'))).toBe(true);
    // 07:30 UTC is 09:30 CEST: open at nine.
    expect(isOpenAt([h(7, '09:00', '12:00')], at('2026-03-29T07:30:00Z'))).toBe(true);
    expect(openingState([h(7, '09:00', '12:00')], at('2026-03-29T06:30:00Z'))).toEqual({ kind: 'closed', next: { inDays: 0, day: 7, opens: '09:00' } });
  });

  it('fall back on Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice', () => {
    const untilTwo = [h(6, '22:00', '02:00')];
    const untilThree = [h(6, '22:00', '03:00')];
    for (const instant of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      expect(berlinClock(at(instant)).time).toBe('02:30');
      expect(isOpenAt(untilTwo, at(instant)), instant).toBe(false);
      expect(isOpenAt(untilThree, at(instant)), instant).toBe(true);
    }
    // 07:30 UTC is 08:30 CET (a fixed UTC+2 would wrongly say 09:30 and call it open).
    expect(openingState([h(7, '09:00', '12:00')], at('2026-10-25T07:30:00Z'))).toEqual({ kind: 'closed', next: { inDays: 0, day: 7, opens: '09:00' } });
    expect(isOpenAt([h(7, '09:00', '12:00')], at('2026-10-25T08:30:00Z'))).toBe(true);
  });
});

describe('spoken time', () => {
  it('drops the leading zero of the hour', () => {
    expect(spokenTime('08:00')).toBe('8:00');
    expect(spokenTime('18:30')).toBe('18:30');
    expect(spokenTime('00:00')).toBe('0:00');
  });
});
