import { describe, expect, it } from 'vitest';
import { containsPattern, startsWithPattern } from './like.js';

describe('LIKE patterns from user text', () => {
  it('lets %, _ and the backslash stand for themselves', () => {
    expect(containsPattern('50%_rabatt\\')).toBe('%50\\%\\_rabatt\\\\%');
    expect(startsWithPattern('holidays.')).toBe('holidays.%');
  });
});
