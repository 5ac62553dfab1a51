import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { containsPattern } from '../../db/like.js';

/** Finding events by their words: the site search, and the duplicates an editor should know of. */

/** Published events with a date from `from` on whose title or description contains every word, the soonest first. */
export function searchPublishedEvents(db: Executor, words: readonly string[], from: Date, limit: number) {
  let q = db
    .selectFrom('events as e')
    .innerJoin('event_occurrences as o', 'o.event_id', 'e.id')
    .select(['e.id', 'e.title', 'e.description', 'e.all_day', sql<Date>`min(o.starts_at)`.as('next_start')])
    .where('e.review_state', '=', 'published')
    .where('o.starts_at', '>=', from)
    .groupBy(['e.id', 'e.title', 'e.description', 'e.all_day']);
  for (const word of words) q = q.where((w) => w.or([w('e.title', 'ilike', containsPattern(word)), w('e.description', 'ilike', containsPattern(word))]));
  return q
    .orderBy(sql`min(o.starts_at)`)
    .limit(limit)
    .execute();
}

/** Published events with the same title and place that have a date on the same day: a likely duplicate. */
export async function likelyDuplicates(db: Executor, id: string) {
  const event = await db.selectFrom('events').select(['id', 'title', 'location_id', 'place_name']).where('id', '=', id).executeTakeFirst();
  if (!event) return [];
  return db
    .selectFrom('events as e')
    .innerJoin('event_occurrences as o', 'o.event_id', 'e.id')
    .innerJoin('event_occurrences as mine', (j) => j.on('mine.event_id', '=', id).onRef('mine.occurrence_date', '=', 'o.occurrence_date'))
    .select(['e.id', 'e.title', 'o.occurrence_date'])
    .distinctOn('e.id')
    .where('e.id', '<>', id)
    .where('e.review_state', '=', 'published')
    .where(sql<boolean>`lower(trim(e.title)) = lower(trim(${event.title}))`)
    .where((w) =>
      event.location_id ? w('e.location_id', '=', event.location_id) : w(sql`lower(trim(e.place_name))`, '=', event.place_name.trim().toLowerCase()),
    )
    .orderBy('e.id')
    .limit(5)
    .execute();
}
