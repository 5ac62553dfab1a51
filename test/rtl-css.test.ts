import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernRtlCss, kernRtlFile } from '../scripts/rtl-css.js';

describe('right-to-left stylesheet', () => {
  it('is KERN mirrored, as the installed KERN version gives it (else run npm run rtl-css)', () => {
    const committed = readFileSync(kernRtlFile, 'utf8');
    expect(committed === kernRtlCss()).toBe(true);
  });
});
