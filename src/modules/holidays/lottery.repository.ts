import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

/** Queries of the published lottery: the stored document, its secret, and what the pseudonyms are made of. */

export async function savePublication(trx: Transaction<DB>, seasonId: string, secret: string, document: string): Promise<void> {
  await trx.insertInto('holiday_lottery_publications').values({ season_id: seasonId, pseudonym_secret: secret, document }).execute();
}

/** The published JSON of a season's lottery, or undefined before the run. */
export async function publishedDocument(db: Executor, seasonId: string): Promise<string | undefined> {
  return (await db.selectFrom('holiday_lottery_publications').select('document').where('season_id', '=', seasonId).executeTakeFirst())?.document;
}

export async function pseudonymSecret(db: Executor, seasonId: string): Promise<string | undefined> {
  return (await db.selectFrom('holiday_lottery_publications').select('pseudonym_secret').where('season_id', '=', seasonId).executeTakeFirst())
    ?.pseudonym_secret;
}

/** Titles of the season's approved offers (the lottery input carries only ids). */
export async function offerTitles(db: Executor, seasonId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('holiday_offers').select(['id', 'title']).where('season_id', '=', seasonId).where('status', '=', 'approved').execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Group codes of the handed-in wish lists of these children (null: no group), by child id. */
export async function lotteryGroupCodes(db: Executor, seasonId: string, childIds: string[]): Promise<Map<string, string | null>> {
  if (childIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('holiday_wish_lists')
    .select(['child_id', 'group_code'])
    .where('season_id', '=', seasonId)
    .where('child_id', 'in', childIds)
    .where('submitted_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.child_id, r.group_code]));
}
