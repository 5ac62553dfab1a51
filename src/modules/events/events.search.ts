import type { AppDeps } from '../../platform/deps.js';
import { fromLocal, todayIn } from '../../platform/time/berlin.js';
import type { SearchProvider } from '../../platform/search/search.js';
import { searchPublishedEvents } from './event-search.repository.js';
import { eventsMessages } from './events.messages.js';
import { whenText } from './views/format.js';

/** Published events with a date from today on whose title or description contains every word (up to six of two letters or more). */
export async function searchEvents(deps: Pick<AppDeps, 'db'>, query: string, limit: number) {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .slice(0, 6);
  if (words.length === 0) return [];
  return searchPublishedEvents(deps.db, words, fromLocal(todayIn(new Date())), limit);
}

/** The calendar's part of the site search (/suche). */
export function eventsSearchProvider(deps: Pick<AppDeps, 'db'>): SearchProvider {
  return {
    id: 'events',
    label: (locale) => eventsMessages(locale)('search.label'),
    async search(query, locale, limit) {
      const rows = await searchEvents(deps, query, limit);
      return rows.map((r) => ({
        title: r.title,
        url: `/veranstaltungen/${r.id}`,
        excerpt: `${whenText({ start: new Date(r.next_start), end: null, allDay: r.all_day }, locale)}: ${r.description.length > 160 ? `${r.description.slice(0, 159)}…` : r.description}`,
      }));
    },
  };
}
