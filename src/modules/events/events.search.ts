import { sql } from 'kysely';
import { containsPattern } from '../../db/like.js';
import type { AppDeps } from '../../platform/deps.js';
import { fromLocal, todayIn } from '../../platform/time/berlin.js';
import type { SearchProvider } from '../../platform/search/search.js';
import { whenText } from './views/format.js';

/** Published events with a date from today on whose title or description contains every word. */
export async function searchEvents(deps: Pick<AppDeps, 'db'>, query: string, limit: number) {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .slice(0, 6);
  if (words.length === 0) return [];
  let q = deps.db
    .selectFrom('events as e')
    .innerJoin('event_occurrences as o', 'o.event_id', 'e.id')
    .select(['e.id', 'e.title', 'e.description', 'e.all_day', sql<Date>`min(o.starts_at)`.as('next_start')])
    .where('e.review_state', '=', 'published')
    .where('o.starts_at', '>=', fromLocal(todayIn(new Date())))
    .groupBy(['e.id', 'e.title', 'e.description', 'e.all_day']);
  for (const word of words) q = q.where((w) => w.or([w('e.title', 'ilike', containsPattern(word)), w('e.description', 'ilike', containsPattern(word))]));
  return q
    .orderBy(sql`min(o.starts_at)`)
    .limit(limit)
    .execute();
}

/** The calendar's part of the site search (/suche). */
export function eventsSearchProvider(deps: Pick<AppDeps, 'db'>): SearchProvider {
  return {
    id: 'events',
    label: { de: 'Veranstaltungen', en: 'Events' },
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
