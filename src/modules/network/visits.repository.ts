import type { Executor } from '../../db/executor.js';

/** Visits closer together than this are one visit: reloading the page does not make its news old. */
const sameVisitMs = 30 * 60_000;
/** A first visit shows what is new in the last two weeks. */
const firstVisitDays = 14;

/**
 * Records that the person opened the start page and returns since when things count as new: the
 * start of the visit before this one. Writes at most once per visit, not on every reload.
 */
export async function recordVisit(db: Executor, userId: string, newKey: () => string, now = new Date()): Promise<Date> {
  const row = await db.selectFrom('network_notification_settings').select(['visited_at', 'previous_visit_at']).where('user_id', '=', userId).executeTakeFirst();
  const firstVisit = new Date(now.getTime() - firstVisitDays * 86_400_000);
  if (row?.visited_at && now.getTime() - row.visited_at.getTime() < sameVisitMs) return row.previous_visit_at ?? firstVisit;
  const previous = row?.visited_at ?? null;
  await db
    .insertInto('network_notification_settings')
    .values({ user_id: userId, link_key: newKey(), visited_at: now, previous_visit_at: previous })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ visited_at: now, previous_visit_at: previous }))
    .execute();
  return previous ?? firstVisit;
}

/** Documents of the person's groups added or given a new version since then, newest first. */
export function documentsNewSince(db: Executor, userId: string, since: Date, limit = 10) {
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_group_members as m', (join) => join.onRef('m.group_id', '=', 'd.group_id').on('m.user_id', '=', userId).on('m.state', '=', 'member'))
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select(['d.id', 'd.title', 'd.updated_at', 'g.name as group_name'])
    .where('d.updated_at', '>', since)
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}
