import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { SearchProvider } from '../../../platform/search/search.js';
import { directoryMessages } from './directory.messages.js';
import { searchServices } from './directory.search.js';
import { shortText } from './views/public-parts.js';

/** The directory's part of the site search (/suche): the same search as /angebote. */
export function directorySearchProvider(db: Kysely<DB>): SearchProvider {
  return {
    id: 'directory',
    label: (locale) => directoryMessages(locale)('search.label'),
    async search(query, _locale, limit) {
      const results = await searchServices(db, { text: query, perPage: limit });
      return results.items.map((hit) => ({
        title: hit.name,
        url: `/angebote/${hit.id}`,
        excerpt: shortText(`${hit.organizationName}: ${hit.description}`, 200),
      }));
    },
  };
}
