import { describe, expect, it } from 'vitest';
import { parseCivilDate } from './civil-date.js';

describe('parseCivilDate', () => {
  it('takes real days between 1900 and 2200', () => {
    expect(parseCivilDate('2026-02-28')).toBe('2026-02-28');
    expect(parseCivilDate('2028-02-29')).toBe('2028-02-29');
    expect(parseCivilDate('1900-01-01')).toBe('1900-01-01');
    expect(parseCivilDate('2200-12-31')).toBe('2200-12-31');
  });

  it('refuses days that do not exist, far years and other shapes', () => {
    for (const value of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '9999-12-31', '0001-01-01', '1899-12-31', '2201-01-01', '+10000-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00', '']) {
      expect([value, parseCivilDate(value)]).toEqual([value, null]);
    }
  });
});
