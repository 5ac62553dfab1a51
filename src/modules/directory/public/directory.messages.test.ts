import { describe, expect, it } from 'vitest';
import { locales } from '../../../platform/i18n/i18n.js';
import { directoryMessages } from './directory.messages.js';

describe('district label of a search result', () => {
  it('is one plural message: "Stadtbezirk:" for one district, "Stadtbezirke:" for several or the whole city', () => {
    const label = (locale: (typeof locales)[number], count: number) => directoryMessages(locale)('result.districts', { count });
    expect([1, 2, 0].map((count) => label('de', count))).toEqual(['Stadtbezirk:', 'Stadtbezirke:', 'Stadtbezirke:']);
    expect([1, 2].map((count) => label('en', count))).toEqual(['District:', 'Districts:']);
    for (const locale of locales) expect(label(locale, 1), locale).not.toBe(label(locale, 2));
  });
});
