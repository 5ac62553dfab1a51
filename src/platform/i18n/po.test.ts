import { describe, expect, it } from 'vitest';
import { readPo, writePo } from './po.js';
import { germanFingerprint, isReviewed } from './review.js';

describe('the reviewer’s PO file', () => {
  it('carries every message through export and import unchanged, quotes and line breaks included', () => {
    const entries = [
      {
        context: 'home/home.messages|title',
        source: 'Willkommen „{name}“\nim \\ Rathaus',
        translation: 'Hoş geldiniz "{name}"\n',
        fuzzy: true,
        comments: ['English: Welcome'],
      },
      { context: 'x|y', source: 'Ja', translation: 'Evet', fuzzy: false, comments: [] },
    ];
    expect(readPo(writePo('tr', entries))).toEqual(entries);
  });

  it('marks an entry unreviewed again when its German source changes', () => {
    const review = { 'home/home.messages': { title: germanFingerprint('Willkommen') } };
    expect(isReviewed(review, 'home/home.messages', 'title', 'Willkommen')).toBe(true);
    expect(isReviewed(review, 'home/home.messages', 'title', 'Herzlich willkommen')).toBe(false);
    expect(isReviewed(review, 'home/home.messages', 'intro', 'Willkommen')).toBe(false);
  });
});
