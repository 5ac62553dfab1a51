import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { HolidayOffersTable } from '../../db/tables/holidays.js';

/** Queries of holiday offers. `places_taken` is kept by a trigger; the capacity CHECK refuses overbooking. */

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

export function findOffer(db: Executor, offerId: string) {
  return db.selectFrom('holiday_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
}

/** An offer that must exist (a place refers to it). */
export function getOffer(db: Executor, offerId: string) {
  return db.selectFrom('holiday_offers').selectAll().where('id', '=', offerId).executeTakeFirstOrThrow();
}

/** The offer, locked FOR UPDATE: the waiting list moves up, or the offer is cancelled, one at a time. */
export function lockOffer(db: Executor, offerId: string) {
  return db.selectFrom('holiday_offers').selectAll().where('id', '=', offerId).forUpdate().executeTakeFirst();
}

/** The offer with its season's phase, the offer row locked FOR UPDATE (first come, first served). */
export function lockOfferForBooking(db: Executor, offerId: string) {
  return db
    .selectFrom('holiday_offers')
    .innerJoin('holiday_seasons', 'holiday_seasons.id', 'holiday_offers.season_id')
    .select([
      'holiday_offers.id',
      'holiday_offers.season_id',
      'holiday_offers.status',
      'holiday_offers.places',
      'holiday_offers.places_taken',
      'holiday_seasons.phase',
    ])
    .where('holiday_offers.id', '=', offerId)
    .forUpdate('holiday_offers')
    .executeTakeFirst();
}

/** The season's bookable offers (approved), for wish lists and the public list. */
export function seasonOffers(db: Executor, seasonId: string) {
  return db
    .selectFrom('holiday_offers')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .selectAll('holiday_offers')
    .select('organizations.name as organization_name')
    .where('season_id', '=', seasonId)
    .where('status', '=', 'approved')
    .orderBy('first_day')
    .orderBy('title')
    .execute();
}

/** Per offer of the season: places, places taken, wishes (all ranks and first wishes), waiting children. */
export function offerDemand(db: Executor, seasonId: string) {
  return db
    .selectFrom('holiday_offers')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .select([
      'holiday_offers.id',
      'holiday_offers.title',
      'holiday_offers.status',
      'holiday_offers.places',
      'holiday_offers.places_taken',
      'holiday_offers.first_day',
      'organizations.name as organization_name',
      sql<number>`(SELECT count(*)::int FROM holiday_wishes w JOIN holiday_wish_lists l ON l.id = w.wish_list_id WHERE w.offer_id = holiday_offers.id AND l.submitted_at IS NOT NULL)`.as(
        'wishes',
      ),
      sql<number>`(SELECT count(*)::int FROM holiday_wishes w JOIN holiday_wish_lists l ON l.id = w.wish_list_id WHERE w.offer_id = holiday_offers.id AND w.rank = 1 AND l.submitted_at IS NOT NULL)`.as(
        'first_wishes',
      ),
      sql<number>`(SELECT count(*)::int FROM holiday_waitlist q WHERE q.offer_id = holiday_offers.id AND q.status = 'waiting')`.as('waiting'),
    ])
    .where('holiday_offers.season_id', '=', seasonId)
    .orderBy('holiday_offers.first_day')
    .orderBy('holiday_offers.title')
    .execute();
}

/** The offers of these organisations. */
export async function organizationOffers(db: Executor, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db.selectFrom('holiday_offers').selectAll().where('organization_id', 'in', orgIds).orderBy('first_day').orderBy('title').execute();
}

export async function insertOffer(db: Executor, values: Insertable<HolidayOffersTable>): Promise<string> {
  return (await db.insertInto('holiday_offers').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes an offer that is still submitted or rejected; it goes (back) to review. */
export async function resubmitOffer(db: Executor, offerId: string, columns: Updateable<HolidayOffersTable>): Promise<void> {
  await db
    .updateTable('holiday_offers')
    .set({ ...columns, status: 'submitted', reviewed_by: null, reviewed_at: null, updated_at: new Date() })
    .where('id', '=', offerId)
    .where('status', 'in', ['submitted', 'rejected'])
    .execute();
}

/** Records an editor's decision on an offer not cancelled; false when there is no such offer. */
export async function recordReview(
  db: Executor,
  offerId: string,
  review: { decision: 'approved' | 'rejected'; note: string; reviewerId: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('holiday_offers')
    .set({ status: review.decision, review_note: review.note, reviewed_by: review.reviewerId, reviewed_at: new Date(), updated_at: new Date() })
    .where('id', '=', offerId)
    .where('status', 'in', ['submitted', 'approved', 'rejected'])
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Title and contact address of an offer (mails to its provider). */
export function offerContact(db: Executor, offerId: string) {
  return db.selectFrom('holiday_offers').select(['id', 'title', 'contact_email']).where('id', '=', offerId).executeTakeFirstOrThrow();
}

export async function markOfferCancelled(db: Executor, offerId: string): Promise<void> {
  await db.updateTable('holiday_offers').set({ status: 'cancelled', cancelled_at: new Date(), updated_at: new Date() }).where('id', '=', offerId).execute();
}
