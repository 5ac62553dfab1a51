import { describe, expect, it } from 'vitest';
import { answerFigures, median } from './figures.js';

describe('accountability figures', () => {
  it('takes the median of an odd and an even number of values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('counts answered ideas and ideas past 30 days; young unanswered ones do not count yet', () => {
    const rows = [
      { topic: 'wege', days: 10, age: 100 },
      { topic: 'wege', days: 40, age: 100 },
      { topic: 'wege', days: null, age: 60 },
      { topic: 'wege', days: null, age: 5 },
    ];
    const wege = answerFigures(rows).find((f) => f.topic === 'wege')!;
    expect(wege.count).toBe(4);
    expect(wege.medianDays).toBe(25);
    expect(wege.within30).toBeCloseTo(1 / 3);
    const none = answerFigures(rows).find((f) => f.topic === 'schule')!;
    expect(none).toEqual({ topic: 'schule', count: 0, medianDays: null, within30: null });
  });
});
