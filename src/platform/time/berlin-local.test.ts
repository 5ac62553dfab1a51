import { describe, expect, it } from 'vitest';
import { berlinClock, fromBerlinLocal, toBerlinLocal } from './berlin.js';

describe('Berlin wall-clock times', () => {
  it('converts winter and summer times both ways', () => {
    expect(fromBerlinLocal('2026-01-15T09:30')!.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(fromBerlinLocal('2026-07-15T09:30')!.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(toBerlinLocal(new Date('2026-07-15T07:30:00Z'))).toBe('2026-07-15T09:30');
    expect(fromBerlinLocal('2026-03-01')!.toISOString()).toBe('2026-02-28T23:00:00.000Z');
  });
  it('refuses malformed and impossible dates', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', 'morgen', '2026-01-01T25:00']) expect(fromBerlinLocal(bad)).toBeNull();
  });
  it('tells weekday and minutes of an instant on the Berlin clock, across the summer-time switch', () => {
    expect(berlinClock(new Date('2026-03-29T00:30:00Z'))).toEqual({ day: 7, minutes: 90, time: '01:30' });
    expect(berlinClock(new Date('2026-03-29T01:30:00Z'))).toEqual({ day: 7, minutes: 210, time: '03:30' });
    expect(berlinClock(new Date('2026-12-06T23:15:00Z'))).toEqual({ day: 1, minutes: 15, time: '00:15' });
  });
});
