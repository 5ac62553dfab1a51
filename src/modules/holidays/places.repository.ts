import type { Insertable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { HolidayPlacesTable } from '../../db/tables/holidays.js';

/**
 * Queries of places. Every insert or status change passes the counting trigger on holiday_places,
 * whose capacity CHECK on the offer refuses any write that would overbook it.
 */

/** Places that count (offered or accepted). */
export const activeStatuses = ['offered', 'accepted'] as const;

/** The offers (with times) in which a child holds a place that counts. */
export function heldPlaces(db: Executor, childId: string) {
  return db
    .selectFrom('holiday_places')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_places.offer_id')
    .select([
      'holiday_offers.id',
      'holiday_offers.title',
      'holiday_offers.first_day',
      'holiday_offers.last_day',
      'holiday_offers.daily_from',
      'holiday_offers.daily_until',
    ])
    .where('holiday_places.child_id', '=', childId)
    .where('holiday_places.status', 'in', activeStatuses)
    .execute();
}

export async function insertPlace(db: Executor, place: Insertable<HolidayPlacesTable>): Promise<string> {
  return (await db.insertInto('holiday_places').values(place).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPlaces(db: Executor, places: Insertable<HolidayPlacesTable>[]): Promise<void> {
  await db.insertInto('holiday_places').values(places).execute();
}

/** A place with its child's parent, locked FOR UPDATE while the family answers. */
export function lockPlaceWithParent(db: Executor, placeId: string) {
  return db
    .selectFrom('holiday_places')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_places.child_id')
    .select(['holiday_places.id', 'holiday_places.status', 'holiday_places.offer_id', 'holiday_children.parent_id'])
    .where('holiday_places.id', '=', placeId)
    .forUpdate('holiday_places')
    .executeTakeFirst();
}

export async function setPlaceStatus(db: Executor, placeId: string, status: 'accepted' | 'returned'): Promise<void> {
  await db.updateTable('holiday_places').set({ status, respond_by: null, updated_at: new Date() }).where('id', '=', placeId).execute();
}

/** Offered places not answered by `now` expire; returns the offers they belonged to (one row per place). */
export function expireOfferedPlaces(db: Executor, now: Date) {
  return db
    .updateTable('holiday_places')
    .set({ status: 'expired', updated_at: now })
    .where('status', '=', 'offered')
    .where('respond_by', '<', now)
    .returning('offer_id')
    .execute();
}

/** Ends the places of a cancelled offer that still count; returns their children. */
export function cancelPlacesOfOffer(db: Executor, offerId: string) {
  return db
    .updateTable('holiday_places')
    .set({ status: 'cancelled', respond_by: null, updated_at: new Date() })
    .where('offer_id', '=', offerId)
    .where('status', 'in', ['offered', 'accepted'])
    .returning('child_id')
    .execute();
}

/** The places of a parent's children in a season, by first day. */
export function placesOfParent(db: Executor, parentId: string, seasonId: string) {
  return db
    .selectFrom('holiday_places')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_places.child_id')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_places.offer_id')
    .select([
      'holiday_places.id',
      'holiday_places.status',
      'holiday_places.respond_by',
      'holiday_places.child_id',
      'holiday_places.offer_id',
      'holiday_offers.title',
      'holiday_offers.first_day',
      'holiday_offers.last_day',
    ])
    .where('holiday_children.parent_id', '=', parentId)
    .where('holiday_places.season_id', '=', seasonId)
    .orderBy('holiday_offers.first_day')
    .execute();
}

/** Places of a parent's children that count, in approved offers not over by `today`. */
export function activePlacesOfParent(db: Executor, parentId: string, today: string) {
  return db
    .selectFrom('holiday_places as p')
    .innerJoin('holiday_children as c', 'c.id', 'p.child_id')
    .innerJoin('holiday_offers as o', 'o.id', 'p.offer_id')
    .select(['p.id', 'p.status', 'p.offer_id', 'c.first_name', 'o.title', 'o.first_day', 'o.last_day', 'o.contact_email'])
    .where('c.parent_id', '=', parentId)
    .where('p.status', 'in', activeStatuses)
    .where('o.status', '=', 'approved')
    .where('o.last_day', '>=', today)
    .orderBy('c.first_name')
    .orderBy('o.first_day')
    .execute();
}

/** Children with a place that counts in the offer, with what the provider needs to care for them (first contact). */
export function participantRows(db: Executor, offerId: string) {
  return db
    .selectFrom('holiday_places')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_places.child_id')
    .leftJoin('holiday_contacts', (j) => j.onRef('holiday_contacts.child_id', '=', 'holiday_children.id').on('holiday_contacts.position', '=', 1))
    .select([
      'holiday_places.id',
      'holiday_places.status',
      'holiday_children.first_name',
      'holiday_children.last_name',
      'holiday_children.birth_date',
      'holiday_children.needs',
      'holiday_children.photo_consent',
      'holiday_contacts.name as contact_name',
      'holiday_contacts.phone as contact_phone',
      'holiday_contacts.relation as contact_relation',
    ])
    .where('holiday_places.offer_id', '=', offerId)
    .where('holiday_places.status', 'in', ['offered', 'accepted'])
    .orderBy('holiday_children.last_name')
    .orderBy('holiday_children.first_name')
    .execute();
}

/** The titles of the offers in which these children have a place in the season (result mails). */
export function placeTitlesOfChildren(db: Executor, seasonId: string, childIds: string[]) {
  return db
    .selectFrom('holiday_places')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_places.offer_id')
    .select(['holiday_places.child_id', 'holiday_offers.title'])
    .where('holiday_places.season_id', '=', seasonId)
    .where('holiday_places.child_id', 'in', childIds)
    .execute();
}
