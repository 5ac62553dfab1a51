import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './ics.js';
import { readEuros, readTime } from './events.form.js';

describe('iCalendar line folding', () => {
  it('never makes a line longer than 75 octets, never splits a character, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('escapes what RFC 5545 TEXT needs escaped', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});

describe('reading form values', () => {
  it('reads times and euro amounts (dates: platform/http/civil-date.test.ts)', () => {
    expect(readTime('9.30')).toBe('09:30');
    expect(readTime('25:00')).toBeNull();
    expect(readEuros('4,5')).toBe(450);
    expect(readEuros('12 €')).toBe(1200);
    expect(readEuros('vier')).toBeNull();
  });
});
