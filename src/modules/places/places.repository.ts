import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/types.js';
import type { PlaceKind } from '../../db/tables/places.js';
import type { PlaceData, PlaceFilters } from './places.types.js';

/** Every query of the places: the published rows, the organisations that offer them, memberships. */

const placeColumns = [
  'places.id',
  'places.organization_id',
  'places.kind',
  'places.title',
  'places.occupation',
  'places.field',
  'places.certificate',
  sql<string>`places.start_date::text`.as('start_date'),
  'places.part_time',
  'places.positions',
  'places.description',
  'places.how_to_apply',
  'places.district',
  'places.contact_name',
  'places.contact_email',
  'places.contact_phone',
  'places.published_at',
  'places.updated_at',
] as const;

/** Published places from `today` on that match the filters, soonest first, with the organisation's name. */
export function listPlaces(db: Executor, filters: PlaceFilters, today: string, limit = 200) {
  let q = db
    .selectFrom('places')
    .innerJoin('organizations', 'organizations.id', 'places.organization_id')
    .select([...placeColumns, 'organizations.name as organization_name'])
    .where('places.start_date', '>=', today);
  if (filters.kind) q = q.where('places.kind', '=', filters.kind);
  if (filters.field) q = q.where('places.field', '=', filters.field);
  if (filters.certificates) q = q.where('places.certificate', 'in', filters.certificates);
  if (filters.startFrom) q = q.where('places.start_date', '>=', filters.startFrom);
  if (filters.partTime) q = q.where('places.part_time', '=', true);
  if (filters.organizationId) q = q.where('places.organization_id', '=', filters.organizationId);
  return q.orderBy('places.start_date').orderBy('places.title').orderBy('places.id').limit(limit).execute();
}

export type PlaceRow = Awaited<ReturnType<typeof listPlaces>>[number];

export const findPlace = (db: Executor, id: string) =>
  db
    .selectFrom('places')
    .innerJoin('organizations', 'organizations.id', 'places.organization_id')
    .select([...placeColumns, 'organizations.name as organization_name'])
    .where('places.id', '=', id)
    .executeTakeFirst();

/** The published places of one organisation (also those that started already), for its members. */
export const placesOf = (db: Executor, organizationId: string) =>
  db
    .selectFrom('places')
    .select(placeColumns)
    .where('places.organization_id', '=', organizationId)
    .orderBy('places.start_date')
    .orderBy('places.title')
    .execute();

/** Puts a version live (insert or replace), in the review workflow's transaction. */
export async function upsertPlace(trx: Transaction<DB>, organizationId: string, p: PlaceData): Promise<void> {
  const values = {
    organization_id: organizationId,
    kind: p.kind,
    title: p.title,
    occupation: p.occupation,
    field: p.field,
    certificate: p.certificate,
    start_date: p.start_date,
    part_time: p.part_time,
    positions: p.positions,
    description: p.description,
    how_to_apply: p.how_to_apply,
    district: p.district,
    contact_name: p.contact_name,
    contact_email: p.contact_email,
    contact_phone: p.contact_phone,
    updated_at: new Date(),
  };
  await trx
    .insertInto('places')
    .values({ id: p.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Search for the site search: title, occupation and text of places from today on. */
export function searchPlaces(db: Executor, pattern: string, today: string, limit: number) {
  return db
    .selectFrom('places')
    .innerJoin('organizations', 'organizations.id', 'places.organization_id')
    .select(['places.id', 'places.title', 'places.kind', sql<string>`places.start_date::text`.as('start_date'), 'organizations.name as organization_name'])
    .where('places.start_date', '>=', today)
    .where((eb) => eb.or([eb('places.title', 'ilike', pattern), eb('places.occupation', 'ilike', pattern), eb('places.description', 'ilike', pattern)]))
    .orderBy('places.start_date')
    .limit(limit)
    .execute();
}

export const findOrganization = (db: Executor, id: string) =>
  db.selectFrom('organizations').select(['id', 'name', 'trusted']).where('id', '=', id).executeTakeFirst();

/** The organisations a person is a member of. */
export const organizationsOf = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.trusted'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();

export const allOrganizations = (db: Executor) => db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();

/**
 * Whether the organisation in `organizationColumn` offers places from `today` on (of a kind, or in
 * part-time): a correlated EXISTS for the employers' filters "offers apprenticeships" and "part-time
 * possible", answered per candidate from the index (organization_id, kind, start_date).
 */
export function offersPlaces(organizationColumn: string, filter: { kind?: PlaceKind; partTime?: boolean }, today: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM places WHERE places.organization_id = ${sql.ref(organizationColumn)} AND places.start_date >= ${today}${
    filter.kind ? sql` AND places.kind = ${filter.kind}` : sql``
  }${filter.partTime ? sql` AND places.part_time` : sql``})`;
}

/** How many places from `today` on each of these organisations offers (organisations without any are left out). */
export function countPlacesOf(db: Executor, organizationIds: readonly string[], today: string) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(['places.organization_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('places.organization_id', 'in', organizationIds)
    .where('places.start_date', '>=', today)
    .groupBy('places.organization_id')
    .execute();
}
