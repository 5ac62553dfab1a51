import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Queries of the retention job: seasons closed longer than their retention period, and erasing their personal data. */

export function seasonsPastRetention(db: Executor, now: Date) {
  return db
    .selectFrom('holiday_seasons')
    .select(['id'])
    .where('phase', '=', 'closed')
    .where('closed_at', 'is not', null)
    .where(sql<boolean>`closed_at + make_interval(days => retention_days) < ${now}`)
    .execute();
}

/**
 * Deletes the season's personal data: children who took part only in seasons that are due (with
 * contacts, wishes, places, attendance), all its wish lists, places and waiting lists, and the contact
 * details of its offers. Offers and anonymous run figures stay; the season is marked deleted.
 */
export async function erasePersonalDataOfSeason(db: Executor, seasonId: string, now: Date): Promise<void> {
  const involved = db
    .selectFrom('holiday_wish_lists')
    .select('child_id')
    .where('season_id', '=', seasonId)
    .union(db.selectFrom('holiday_places').select('child_id').where('season_id', '=', seasonId));
  // Children who also take part in a season that is not yet due keep their data.
  const stillNeeded = db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_seasons', 'holiday_seasons.id', 'holiday_wish_lists.season_id')
    .select('holiday_wish_lists.child_id')
    .where('holiday_seasons.phase', 'not in', ['closed', 'deleted'])
    .where('holiday_seasons.id', '<>', seasonId);
  await db.deleteFrom('holiday_children').where('id', 'in', involved).where('id', 'not in', stillNeeded).execute();
  await db.deleteFrom('holiday_places').where('season_id', '=', seasonId).execute();
  await db.deleteFrom('holiday_wish_lists').where('season_id', '=', seasonId).execute();
  await db
    .deleteFrom('holiday_waitlist')
    .where('offer_id', 'in', db.selectFrom('holiday_offers').select('id').where('season_id', '=', seasonId))
    .execute();
  await db.updateTable('holiday_offers').set({ contact_name: '', contact_email: '', contact_phone: '' }).where('season_id', '=', seasonId).execute();
  await db.updateTable('holiday_seasons').set({ phase: 'deleted', data_deleted_at: now, updated_at: now }).where('id', '=', seasonId).execute();
}
