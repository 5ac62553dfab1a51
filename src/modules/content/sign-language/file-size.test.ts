import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size.js';

describe('fileSize', () => {
  it('says kilobytes or megabytes, rounded, in the reader’s language', () => {
    expect(fileSize(13_499, 'de')).toBe('13 kB');
    expect(fileSize(200, 'de')).toBe('1 kB');
    expect(fileSize(50 * 1024 * 1024, 'de')).toBe('50 MB');
    expect(fileSize(4.25 * 1024 * 1024, 'de')).toBe('4,3 MB');
    expect(fileSize(4.25 * 1024 * 1024, 'en')).toBe('4.3 MB');
  });
});
