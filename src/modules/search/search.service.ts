import type { Locale } from '../../platform/i18n/i18n.js';
import type { SearchHit, SearchRegistry } from '../../platform/search/search.js';

/** Longer queries are refused: no one types more, and each word costs every provider a scan. */
export const maxQueryLength = 200;

export interface ResultGroup {
  id: string;
  label: string;
  hits: SearchHit[];
}

export type SearchOutcome = { kind: 'empty' } | { kind: 'tooLong'; query: string } | { kind: 'results'; query: string; groups: ResultGroup[]; total: number };

/** The query as typed, without outer blanks and with runs of blanks made one. */
export function normaliseQuery(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
}

export type SearchService = ReturnType<typeof createSearchService>;

/** The site search: asks every registered provider and groups what they find. */
export function createSearchService(registry: SearchRegistry) {
  return {
    async search(raw: unknown, locale: Locale): Promise<SearchOutcome> {
      const query = normaliseQuery(raw);
      if (query === '') return { kind: 'empty' };
      if (query.length > maxQueryLength) return { kind: 'tooLong', query };
      const found = await registry.search(query, locale);
      const groups = found.map(({ provider, hits }) => ({ id: provider.id, label: provider.label(locale), hits }));
      return { kind: 'results', query, groups, total: groups.reduce((sum, g) => sum + g.hits.length, 0) };
    },
  };
}
