import type { Executor } from '../../db/executor.js';

/** Queries of the calendar feeds: a person's (the meetings of all their groups) and a group's. */

export async function setCalendarKey(trx: Executor, userId: string, key: string, newKey: () => string): Promise<void> {
  await trx
    .insertInto('network_notification_settings')
    .values({ user_id: userId, link_key: newKey(), calendar_key: key })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ calendar_key: key, updated_at: new Date() }))
    .execute();
}

export function calendarOwner(db: Executor, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('network_notification_settings as s', 's.user_id', 'u.id')
    .select(['s.calendar_key', 'u.role'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** The group's key (set on first use, kept when two ask at once); `renew` replaces it, which revokes every member's address. */
export async function groupCalendarKey(trx: Executor, groupId: string, key: string, renew: boolean): Promise<string | null> {
  const row = await trx
    .updateTable('network_groups')
    .set((eb) => ({ calendar_key: renew ? key : eb.fn.coalesce('calendar_key', eb.val(key)) }))
    .where('id', '=', groupId)
    .returning('calendar_key')
    .executeTakeFirst();
  return row?.calendar_key ?? null;
}

/** The group behind a group feed's address, with the membership of the person it was made for. */
export function groupFeedOwner(db: Executor, groupId: string, userId: string) {
  return db
    .selectFrom('network_groups as g')
    .leftJoin('network_group_members as m', (join) => join.onRef('m.group_id', '=', 'g.id').on('m.user_id', '=', userId))
    .select(['g.id', 'g.name', 'g.access', 'g.calendar_key', 'm.state', 'm.role'])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}

/**
 * The meetings of a feed from `from` on, cancelled ones too (marked): those of the groups a person belongs
 * to now, or those of one group.
 */
export function calendarMeetings(db: Executor, scope: { userId: string } | { groupId: string }, from: Date) {
  let query = db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([
      'mt.id',
      'mt.title',
      'mt.starts_at',
      'mt.ends_at',
      'mt.place',
      'mt.video_url',
      'mt.agenda',
      'mt.sequence',
      'mt.cancelled_at',
      'g.name as group_name',
    ])
    .where('mt.ends_at', '>=', from);
  query =
    'groupId' in scope
      ? query.where('mt.group_id', '=', scope.groupId)
      : query.innerJoin('network_group_members as m', 'm.group_id', 'mt.group_id').where('m.user_id', '=', scope.userId).where('m.state', '=', 'member');
  return query.orderBy('mt.starts_at').limit(500).execute();
}
