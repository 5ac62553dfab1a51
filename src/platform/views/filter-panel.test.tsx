import { describe, expect, it } from 'vitest';
import { FilterPanel } from './filter-panel.js';

const summaryOf = async (locale: 'de' | 'en', active: number) => {
  const html = await (
    <FilterPanel locale={locale} active={active} submitLabel="Anzeigen">
      <p>…</p>
    </FilterPanel>
  );
  return /<summary[^>]*>\s*<span class="kern-label">([^<]*)<\/span>/.exec(html)?.[1];
};

describe('the filter toggle', () => {
  it('says how many filters are on, and just "Filter" when none is', async () => {
    expect(await summaryOf('de', 0)).toBe('Filter');
    expect(await summaryOf('de', 1)).toBe('Filter (1 aktiv)');
    expect(await summaryOf('de', 2)).toBe('Filter (2 aktiv)');
    expect(await summaryOf('en', 0)).toBe('Filters');
    expect(await summaryOf('en', 3)).toBe('Filters (3 active)');
  });
});
