import { describe, expect, it } from 'vitest';
import { visualRuns } from './pdf-text.js';

// Arabic runs are handed over in logical order: fontkit (inside pdf-lib) shapes and reverses them.
describe('visualRuns', () => {
  it('keeps left-to-right text as one run', () => {
    expect(visualRuns('Yılmaz, Шевченко')).toEqual(['Yılmaz, Шевченко']);
  });

  it('hands an Arabic name over in logical order for shaping', () => {
    expect(visualRuns('سميرة حداد')).toEqual(['سميرة حداد']);
  });

  it('orders mixed runs visually: a number in an Arabic line goes to its left', () => {
    expect(visualRuns('حداد 0171')).toEqual(['0171', 'حداد ']);
    expect(visualRuns('Tante حداد (Hamm)')).toEqual(['Tante ', 'حداد', ' (Hamm)']);
  });

  it('mirrors brackets inside right-to-left text', () => {
    expect(visualRuns('حداد (خالة)')).toEqual(['حداد )خالة(']);
  });
});
