import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** The queries behind the organisers' and editors' event pages (events.admin.pages.tsx). */

/** Places of the directory an event can take place at. */
export function listDirectoryLocations(db: Executor) {
  return db.selectFrom('directory_locations').select(['id', 'name', 'district']).orderBy('name').execute();
}

const listColumns = ['e.id', 'e.title', 'e.starts_at', 'e.ends_at', 'e.all_day', 'e.review_state', 'e.status', 'o.name as organization_name'] as const;

/** The last 100 changed events: every published one for editors, else those of the given organisations. */
export function listManagedEvents(db: Executor, scope: { allPublished: true } | { organizationIds: readonly string[] }) {
  let q = db.selectFrom('events as e').leftJoin('organizations as o', 'o.id', 'e.organization_id').select(listColumns);
  if ('allPublished' in scope) q = q.where('e.review_state', '=', 'published');
  else q = scope.organizationIds.length ? q.where('e.organization_id', 'in', scope.organizationIds) : q.where(sql<boolean>`false`);
  return q.orderBy('e.updated_at', 'desc').limit(100).execute();
}

/** Suggestions waiting for an editor, the oldest first. */
export function listPendingSuggestions(db: Executor) {
  return db
    .selectFrom('events as e')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(listColumns)
    .where('e.review_state', '=', 'pending')
    .orderBy('e.created_at')
    .limit(200)
    .execute();
}

/** Whether the event has an occurrence on this date. */
export async function hasOccurrenceOn(db: Executor, eventId: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_occurrences')
    .select('occurrence_date')
    .where('event_id', '=', eventId)
    .where('occurrence_date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}
