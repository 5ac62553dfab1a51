import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { HolidayPhase, HolidaySeasonsTable } from '../../db/tables/holidays.js';

/** Queries of holiday seasons: their phase, seed and lottery time. Locks are the callers' guarantees; keep them. */

export function findSeason(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).executeTakeFirst();
}

/** Every season, the newest first. */
export function listSeasons(db: Executor) {
  return db.selectFrom('holiday_seasons').selectAll().orderBy('created_at', 'desc').execute();
}

/** The season families see: the newest running one (wishes to leftover places), else the newest not deleted. */
export function currentSeason(db: Executor) {
  return db
    .selectFrom('holiday_seasons')
    .selectAll()
    .where('phase', '<>', 'deleted')
    .orderBy(sql`phase IN ('wishes', 'allocation', 'results', 'first_come')`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The newest season that still collects offers. */
export function collectingSeason(db: Executor) {
  return db.selectFrom('holiday_seasons').select('id').where('phase', 'in', ['collecting', 'wishes']).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export async function insertSeason(db: Executor, values: Insertable<HolidaySeasonsTable>): Promise<string> {
  return (await db.insertInto('holiday_seasons').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The season's phase, locked FOR UPDATE: a phase switch waits for wish lists being handed in, and they for it. */
export function lockSeasonPhase(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').select(['phase', 'allocated_at', 'wish_until']).where('id', '=', seasonId).forUpdate().executeTakeFirst();
}

/** The season's phase under a share lock (handing in a wish list): a phase switch waits for it or comes first. */
export function sharedSeasonPhase(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').select('phase').where('id', '=', seasonId).forShare().executeTakeFirstOrThrow();
}

/** The whole season, locked FOR UPDATE (a lottery run). */
export function lockSeason(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).forUpdate().executeTakeFirst();
}

export async function setSeasonPhase(db: Executor, seasonId: string, phase: HolidayPhase): Promise<void> {
  await db
    .updateTable('holiday_seasons')
    .set({ phase, closed_at: phase === 'closed' ? new Date() : null, updated_at: new Date() })
    .where('id', '=', seasonId)
    .execute();
}

/** Sets the seed hash once, before the lottery; false when it was set already or the season is past allocation. */
export async function setSeedHashOnce(db: Executor, seasonId: string, seedHash: string): Promise<boolean> {
  const updated = await db
    .updateTable('holiday_seasons')
    .set({ seed_hash: seedHash, updated_at: new Date() })
    .where('id', '=', seasonId)
    .where('seed_hash', 'is', null)
    .where('phase', 'in', ['collecting', 'wishes', 'allocation'])
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The confirmed run: the season shows its results and publishes the seed. */
export async function markAllocated(db: Executor, seasonId: string, seed: string, now: Date): Promise<void> {
  await db.updateTable('holiday_seasons').set({ phase: 'results', seed, allocated_at: now, updated_at: now }).where('id', '=', seasonId).execute();
}

/** Name and lottery time of a season (result mails). */
export function allocatedSeason(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').select(['name', 'allocated_at']).where('id', '=', seasonId).executeTakeFirst();
}
