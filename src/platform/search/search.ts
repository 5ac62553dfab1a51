import type { Locale } from '../i18n/i18n.js';

export interface SearchHit {
  title: string;
  url: string;
  excerpt: string;
}

/** A module that wants its content found by the site search plugs in one of these. */
export interface SearchProvider {
  id: string;
  /** Heading of this provider's results, from the module's catalogue. */
  label(locale: Locale): string;
  search(query: string, locale: Locale, limit: number): Promise<SearchHit[]>;
}

export interface SearchRegistry {
  register(provider: SearchProvider): void;
  search(query: string, locale: Locale, limitPerProvider?: number): Promise<{ provider: SearchProvider; hits: SearchHit[] }[]>;
}

export function createSearchRegistry(): SearchRegistry {
  const providers: SearchProvider[] = [];
  return {
    register: (provider) => void providers.push(provider),
    async search(query, locale, limit = 10) {
      // One failing provider must not take the whole search down.
      const settled = await Promise.allSettled(providers.map(async (provider) => ({ provider, hits: await provider.search(query, locale, limit) })));
      return settled.flatMap((r) => {
        if (r.status === 'rejected') {
          console.error('search provider failed:', r.reason);
          return [];
        }
        return r.value.hits.length > 0 ? [r.value] : [];
      });
    },
  };
}
