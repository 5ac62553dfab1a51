import type { Executor } from '../../db/executor.js';

/**
 * Queries of the places employers reserve for their staff's children: one row per offer and employer
 * (`holiday_employer_quotas`; a trigger keeps their sum in `holiday_offers.employer_places`, a CHECK keeps
 * it within the offer's places) and the code per season and employer that its staff hand in.
 */

/** The places employers reserved in one offer, by employer name, with the season's code of each. */
export function quotasOfOffer(db: Executor, offerId: string) {
  return db
    .selectFrom('holiday_employer_quotas as q')
    .innerJoin('holiday_offers as o', 'o.id', 'q.offer_id')
    .innerJoin('organizations as org', 'org.id', 'q.organization_id')
    .leftJoin('holiday_employer_codes as c', (join) => join.onRef('c.season_id', '=', 'o.season_id').onRef('c.organization_id', '=', 'q.organization_id'))
    .select(['q.organization_id', 'org.name', 'q.places', 'c.code'])
    .where('q.offer_id', '=', offerId)
    .orderBy('org.name')
    .execute();
}

/** Reserves `places` places of the offer for the employer (or changes how many); the trigger and the CHECK hold the sum. */
export async function upsertQuota(db: Executor, offerId: string, organizationId: string, places: number): Promise<void> {
  await db
    .insertInto('holiday_employer_quotas')
    .values({ offer_id: offerId, organization_id: organizationId, places })
    .onConflict((oc) => oc.columns(['offer_id', 'organization_id']).doUpdateSet({ places }))
    .execute();
}

/** True when there was something to remove. */
export async function deleteQuota(db: Executor, offerId: string, organizationId: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('holiday_employer_quotas')
    .where('offer_id', '=', offerId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** Stores a new code unless the employer has one for the season (or the code is taken); the code the employer has afterwards, if any. */
export async function insertCodeOnce(db: Executor, seasonId: string, organizationId: string, code: string): Promise<string | undefined> {
  await db
    .insertInto('holiday_employer_codes')
    .values({ season_id: seasonId, organization_id: organizationId, code })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return codeOf(db, seasonId, organizationId);
}

export async function codeOf(db: Executor, seasonId: string, organizationId: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('holiday_employer_codes')
      .select('code')
      .where('season_id', '=', seasonId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst()
  )?.code;
}

/** The employer a code names in a season, or undefined. */
export function employerOfCode(db: Executor, seasonId: string, code: string) {
  return db
    .selectFrom('holiday_employer_codes as c')
    .innerJoin('organizations as org', 'org.id', 'c.organization_id')
    .select(['org.id', 'org.name'])
    .where('c.season_id', '=', seasonId)
    .where('c.code', '=', code)
    .executeTakeFirst();
}

/** The approved offers of a season in which the employer reserved places, soonest first. */
export function reservedOffersInSeason(db: Executor, seasonId: string, organizationId: string) {
  return db
    .selectFrom('holiday_employer_quotas as q')
    .innerJoin('holiday_offers as o', 'o.id', 'q.offer_id')
    .select(['o.id', 'o.title', 'q.places'])
    .where('o.season_id', '=', seasonId)
    .where('o.status', '=', 'approved')
    .where('q.organization_id', '=', organizationId)
    .orderBy('o.first_day')
    .orderBy('o.title')
    .execute();
}

/**
 * The employer's reserved places in approved offers of seasons that are not closed, with the season
 * (its name, phase and the employer's code): what the employer page and the employer's overview show.
 */
export function reservationsOfEmployer(db: Executor, organizationId: string) {
  return db
    .selectFrom('holiday_employer_quotas as q')
    .innerJoin('holiday_offers as o', 'o.id', 'q.offer_id')
    .innerJoin('holiday_seasons as s', 's.id', 'o.season_id')
    .leftJoin('holiday_employer_codes as c', (join) => join.onRef('c.season_id', '=', 's.id').onRef('c.organization_id', '=', 'q.organization_id'))
    .select(['o.id as offer_id', 'o.title', 'o.first_day', 'o.last_day', 'q.places', 's.id as season_id', 's.name as season', 's.phase', 'c.code'])
    .where('q.organization_id', '=', organizationId)
    .where('o.status', '=', 'approved')
    .where('s.phase', 'not in', ['closed', 'deleted'])
    .orderBy('s.created_at', 'desc')
    .orderBy('o.first_day')
    .orderBy('o.title')
    .execute();
}

/** Every organisation by name: the employers staff can reserve places for. */
export function organizationChoices(db: Executor) {
  return db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();
}
