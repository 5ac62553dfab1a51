import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { HsdsAddress } from './hsds.types.js';

/** The published rows the CSV export (GET /angebote.csv) reads, slice by slice. */

// Only the fields the file needs are read from the HSDS objects: parsing whole objects would cost
// most of the time of a big export.
const serviceColumns = [
  's.id',
  's.name',
  's.topic_codes',
  's.districts',
  's.free',
  's.barrier_free',
  's.minimum_age',
  's.maximum_age',
  'o.name as organization',
  sql<string | null>`s.hsds ->> 'description'`.as('description'),
  sql<string | null>`s.hsds #>> '{phones,0,number}'`.as('phone'),
  sql<string | null>`coalesce(s.hsds ->> 'email', o.hsds ->> 'email')`.as('email'),
  sql<string | null>`coalesce(s.hsds ->> 'url', o.hsds ->> 'website')`.as('url'),
  // From the HSDS object: the date column would come back as a local-midnight Date.
  sql<string | null>`s.hsds ->> 'assured_date'`.as('assured_date'),
  sql<
    string | null
  >`(select string_agg(coalesce(x ->> 'name', x ->> 'code'), ', ') from jsonb_array_elements(coalesce(s.hsds -> 'languages', '[]'::jsonb)) x)`.as('languages'),
] as const;

/** Topic names by code. */
export const topicNames = async (db: Executor): Promise<Map<string, string>> =>
  new Map((await db.selectFrom('taxonomy_terms').select(['code', 'name']).execute()).map((t) => [t.code, t.name]));

/** The ids of all published services, by name. */
export const serviceOrder = async (db: Executor): Promise<string[]> =>
  (await db.selectFrom('directory_services').select('id').orderBy('name').orderBy('id').execute()).map((r) => r.id);

/** These services with their organisation, as the file needs them. */
export const serviceLines = (db: Executor, ids: string[]) =>
  db
    .selectFrom('directory_services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(serviceColumns)
    .where('s.id', 'in', ids)
    .execute();

/** The locations of these services, by name. */
export const locationLines = (db: Executor, ids: string[]) =>
  db
    .selectFrom('directory_service_locations as sl')
    .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
    .select([
      'sl.service_id',
      'l.id',
      'l.name',
      'l.barrier_free',
      sql<HsdsAddress[] | null>`l.hsds -> 'addresses'`.as('addresses'),
      sql<string | null>`l.hsds #>> '{phones,0,number}'`.as('phone'),
    ])
    .where('sl.service_id', 'in', ids)
    .orderBy('l.name')
    .orderBy('l.id')
    .execute();
