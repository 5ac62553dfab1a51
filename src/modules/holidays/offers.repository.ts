import type { Executor } from '../../db/executor.js';

/** An offer families may see (approved, or cancelled so that booked families learn of it), with its organisation's name. */
export function findPublicOffer(db: Executor, offerId: string) {
  return db
    .selectFrom('holiday_offers')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .selectAll('holiday_offers')
    .select('organizations.name as organization_name')
    .where('holiday_offers.id', '=', offerId)
    .where('holiday_offers.status', 'in', ['approved', 'cancelled'])
    .executeTakeFirst();
}

export function findSeason(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).executeTakeFirst();
}

/** Any offer with its organisation's name, for the editors' review. */
export function findOfferForReview(db: Executor, offerId: string) {
  return db
    .selectFrom('holiday_offers')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .selectAll('holiday_offers')
    .select('organizations.name as organization_name')
    .where('holiday_offers.id', '=', offerId)
    .executeTakeFirst();
}

/** Every season, the newest first. */
export function listSeasons(db: Executor) {
  return db.selectFrom('holiday_seasons').selectAll().orderBy('created_at', 'desc').execute();
}

/** "Vorname Nachname" of these children, by last name: the editors' list of who got nothing in a lottery preview. */
export async function childNames(db: Executor, childIds: readonly string[]): Promise<string[]> {
  if (childIds.length === 0) return [];
  const rows = await db.selectFrom('holiday_children').select(['first_name', 'last_name']).where('id', 'in', childIds).orderBy('last_name').execute();
  return rows.map((n) => `${n.first_name} ${n.last_name}`);
}
