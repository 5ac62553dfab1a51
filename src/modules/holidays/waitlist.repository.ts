import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { HolidayWaitlistTable } from '../../db/tables/holidays.js';

/** Queries of the waiting lists of offers. */

export async function insertWaitlistEntries(db: Executor, entries: Insertable<HolidayWaitlistTable>[]): Promise<void> {
  await db.insertInto('holiday_waitlist').values(entries).execute();
}

/** The children waiting for an offer, in order, with the group code of their wish list in the season. */
export function waitingQueue(db: Executor, offerId: string, seasonId: string) {
  return db
    .selectFrom('holiday_waitlist')
    .leftJoin('holiday_wish_lists', (j) =>
      j.onRef('holiday_wish_lists.child_id', '=', 'holiday_waitlist.child_id').on('holiday_wish_lists.season_id', '=', seasonId),
    )
    .select(['holiday_waitlist.child_id', 'holiday_wish_lists.group_code'])
    .where('holiday_waitlist.offer_id', '=', offerId)
    .where('holiday_waitlist.status', '=', 'waiting')
    .orderBy('holiday_waitlist.position')
    .orderBy('holiday_waitlist.child_id')
    .execute();
}

export async function setWaitlistStatus(db: Executor, offerId: string, childIds: string[], status: 'offered' | 'removed'): Promise<void> {
  await db.updateTable('holiday_waitlist').set({ status }).where('offer_id', '=', offerId).where('child_id', 'in', childIds).execute();
}

/** Takes every child off the offer's waiting list (the offer is cancelled). */
export async function closeWaitlist(db: Executor, offerId: string): Promise<void> {
  await db.updateTable('holiday_waitlist').set({ status: 'removed' }).where('offer_id', '=', offerId).execute();
}

/** Where a parent's children wait in the season's offers; the position counts only children still waiting ahead. */
export function waitingOfParent(db: Executor, parentId: string, seasonId: string) {
  return (
    db
      .selectFrom('holiday_waitlist')
      .innerJoin('holiday_children', 'holiday_children.id', 'holiday_waitlist.child_id')
      .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_waitlist.offer_id')
      // The position shown is the current one: children ahead who were offered a place or left no longer count.
      .select([
        'holiday_waitlist.child_id',
        'holiday_waitlist.offer_id',
        'holiday_offers.title',
        sql<number>`(SELECT count(*)::int + 1 FROM holiday_waitlist ahead WHERE ahead.offer_id = holiday_waitlist.offer_id AND ahead.status = 'waiting' AND ahead.position < holiday_waitlist.position)`.as(
          'position',
        ),
      ])
      .where('holiday_children.parent_id', '=', parentId)
      .where('holiday_offers.season_id', '=', seasonId)
      .where('holiday_waitlist.status', '=', 'waiting')
      .orderBy('holiday_waitlist.position')
      .execute()
  );
}

/** Waiting-list entries of a parent's children in approved offers not over by `today`. */
export function waitingEntriesOfParent(db: Executor, parentId: string, today: string) {
  return db
    .selectFrom('holiday_waitlist as w')
    .innerJoin('holiday_children as c', 'c.id', 'w.child_id')
    .innerJoin('holiday_offers as o', 'o.id', 'w.offer_id')
    .select(['c.first_name', 'o.title', 'o.first_day', 'o.last_day'])
    .where('c.parent_id', '=', parentId)
    .where('w.status', '=', 'waiting')
    .where('o.status', '=', 'approved')
    .where('o.last_day', '>=', today)
    .orderBy('c.first_name')
    .orderBy('o.first_day')
    .execute();
}

/** The waiting-list positions (as drawn) of these children in the season's offers (result mails). */
export function waitingTitlesOfChildren(db: Executor, seasonId: string, childIds: string[]) {
  return db
    .selectFrom('holiday_waitlist')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_waitlist.offer_id')
    .select(['holiday_waitlist.child_id', 'holiday_waitlist.position', 'holiday_offers.title'])
    .where('holiday_offers.season_id', '=', seasonId)
    .where('holiday_waitlist.child_id', 'in', childIds)
    .execute();
}
