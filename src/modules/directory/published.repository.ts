import { sql } from 'kysely';
import type { OrganizationKind } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

/**
 * The published directory's rows: organisations, locations and services with their projections,
 * the links between services and locations, and the search vocabulary. One row at a time for the
 * review workflow, in multi-row statements for imports, seeds and benchmark loads.
 */

export interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  description: string;
  hsds: string;
  updated_at: Date;
}

export interface LocationRow {
  id: string;
  organization_id: string;
  name: string;
  district: string | null;
  latitude: number | null;
  longitude: number | null;
  barrier_free: boolean;
  hsds: string;
  updated_at: Date;
}

/** A service row; `text` holds the weighted texts its search vector is made of (A: name, B, C). */
export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  status: string;
  hsds: string;
  topic_codes: string[];
  districts: string[];
  language_codes: string[];
  minimum_age: number | null;
  maximum_age: number | null;
  free: boolean;
  barrier_free: boolean;
  assured_date: string | null;
  weekly_hours: string;
  text: { a: string; b: string; c: string };
  search_text: string;
  updated_at: Date;
}

export interface ServiceLocationLink {
  id: string;
  service_id: string;
  location_id: string;
}

const slice = 500;

async function inSlices<T>(rows: readonly T[], write: (part: T[]) => Promise<unknown>, size = slice): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const withSearchVector = ({ text, ...row }: ServiceRow) => ({
  ...row,
  search_vector: sql`setweight(to_tsvector('german', ${text.a}), 'A') || setweight(to_tsvector('german', ${text.b}), 'B') || setweight(to_tsvector('german', ${text.c}), 'C')`,
});

/** Every taxonomy term: id, code and name. */
export const termRows = (db: Executor) => db.selectFrom('taxonomy_terms').select(['id', 'code', 'name']).execute();

/** The organisation's name; throws when it is not there (a service needs its organisation published first). */
export const organizationName = async (db: Executor, id: string): Promise<string> =>
  (await db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

/** Names of these organisations, by id. */
export async function organizationNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await inSlices(ids, async (part) => {
    for (const row of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', part).execute()) names.set(row.id, row.name);
  });
  return names;
}

/** District and access of these published locations, by id. */
export async function locationFacts(db: Executor, ids: readonly string[]): Promise<Map<string, { district: string | null; barrierFree: boolean }>> {
  const facts = new Map<string, { district: string | null; barrierFree: boolean }>();
  await inSlices(ids, async (part) => {
    for (const row of await db.selectFrom('directory_locations').select(['id', 'district', 'barrier_free']).where('id', 'in', part).execute()) {
      facts.set(row.id, { district: row.district, barrierFree: row.barrier_free });
    }
  });
  return facts;
}

/** Inserts or updates one organisation; the kind of an existing one stays. */
export async function upsertOrganization(db: Executor, { id, kind, ...values }: OrganizationRow): Promise<void> {
  await db
    .insertInto('organizations')
    .values({ id, kind, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Inserts or updates organisations; the kind of existing ones stays. */
export async function upsertOrganizations(db: Executor, rows: readonly OrganizationRow[]): Promise<void> {
  await inSlices(rows, (part) =>
    db
      .insertInto('organizations')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          hsds: eb.ref('excluded.hsds'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

export async function upsertLocation(db: Executor, { id, ...values }: LocationRow): Promise<void> {
  await db
    .insertInto('directory_locations')
    .values({ id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function upsertLocations(db: Executor, rows: readonly LocationRow[]): Promise<void> {
  await inSlices(rows, (part) =>
    db
      .insertInto('directory_locations')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          name: eb.ref('excluded.name'),
          district: eb.ref('excluded.district'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          barrier_free: eb.ref('excluded.barrier_free'),
          hsds: eb.ref('excluded.hsds'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

export async function upsertService(db: Executor, row: ServiceRow): Promise<void> {
  const { id, ...values } = withSearchVector(row);
  await db
    .insertInto('directory_services')
    .values({ id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function upsertServices(db: Executor, rows: readonly ServiceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const withVectors = rows.map(withSearchVector);
  const columns = Object.keys(withVectors[0]!).filter((c) => c !== 'id') as (keyof (typeof withVectors)[number])[];
  await inSlices(withVectors, (part) =>
    db
      .insertInto('directory_services')
      .values(part)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute(),
  );
}

/** The services' links to locations become exactly `links`. */
export async function replaceServiceLocations(db: Executor, serviceIds: readonly string[], links: readonly ServiceLocationLink[]): Promise<void> {
  await inSlices(serviceIds, (part) => db.deleteFrom('directory_service_locations').where('service_id', 'in', part).execute());
  await inSlices(links, (part) => db.insertInto('directory_service_locations').values(part).execute());
}

/** Adds words to the vocabulary the typo correction draws on. */
export async function addSearchWords(db: Executor, words: readonly string[]): Promise<void> {
  await inSlices(
    words,
    (part) =>
      db
        .insertInto('directory_search_words')
        .values(part.map((word) => ({ word })))
        .onConflict((oc) => oc.doNothing())
        .execute(),
    5000,
  );
}

export async function deleteService(db: Executor, serviceId: string): Promise<void> {
  await db.deleteFrom('directory_services').where('id', '=', serviceId).execute();
}

/** The published check date of a service (YYYY-MM-DD), if it is published and was checked. */
export const publishedAssuredDate = async (db: Executor, serviceId: string): Promise<string | null | undefined> =>
  (
    await db
      .selectFrom('directory_services')
      .select(sql<string | null>`assured_date::text`.as('assured_date'))
      .where('id', '=', serviceId)
      .executeTakeFirst()
  )?.assured_date;

/** The check reminder and the editors' flag start afresh. */
export async function clearCheckMarks(db: Executor, serviceId: string): Promise<void> {
  await db.updateTable('directory_services').set({ check_reminder_sent_at: null, stale_flagged_at: null }).where('id', '=', serviceId).execute();
}

/** The organisation's published services (only those at the location, when given), with their HSDS objects. */
export function servicesOf(db: Executor, organizationId: string, locationId?: string) {
  let q = db
    .selectFrom('directory_services')
    .select(['directory_services.id', 'directory_services.hsds'])
    .where('directory_services.organization_id', '=', organizationId);
  if (locationId)
    q = q.where('directory_services.id', 'in', db.selectFrom('directory_service_locations').select('service_id').where('location_id', '=', locationId));
  return q.execute();
}
