import { sql, type Transaction } from 'kysely';
import type { DB, DirectoryEntity } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';
import { topicTaxonomy } from '../directory.taxonomy.js';

/** The directory workflow's queries (memberships, organisations, published entries); versions are platform/review's. */

export const membershipIds = async (db: Executor, userId: string): Promise<string[]> =>
  (await db.selectFrom('memberships').select('organization_id').where('user_id', '=', userId).execute()).map((r) => r.organization_id);

export const listOrganizations = (db: Executor, ids?: string[]) => {
  let q = db.selectFrom('organizations').select(['id', 'name', 'kind', 'trusted', 'hsds', 'description']).orderBy('name');
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
};

export const findOrganization = (db: Executor, id: string) =>
  db.selectFrom('organizations').select(['id', 'name', 'kind', 'trusted', 'hsds', 'description']).where('id', '=', id).executeTakeFirst();

/** Names of published services by id (the review queue's translation proposals). */
export async function serviceNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_services')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const topicTerms = (db: Executor) =>
  db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'name', 'name_en'])
    .where('taxonomy_id', '=', topicTaxonomy.id)
    .orderBy('position')
    .orderBy('name')
    .execute();

export const publishedLocations = (db: Executor, organizationId: string) =>
  db.selectFrom('directory_locations').select(['id', 'name', 'district', 'hsds']).where('organization_id', '=', organizationId).orderBy('name').execute();

export const publishedServices = (db: Executor, organizationId: string) =>
  db
    .selectFrom('directory_services')
    .select(['id', 'name', 'hsds', sql<string | null>`assured_date::text`.as('assured_date'), 'published_at', 'stale_flagged_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();

/** The published HSDS object of an entry and its organisation, if it is published. */
export async function findPublished(db: Executor, type: DirectoryEntity, id: string): Promise<{ organizationId: string; hsds: unknown } | undefined> {
  if (type === 'organization') {
    const row = await db.selectFrom('organizations').select(['id', 'hsds']).where('id', '=', id).executeTakeFirst();
    return row?.hsds ? { organizationId: row.id, hsds: row.hsds } : undefined;
  }
  const table = type === 'location' ? 'directory_locations' : 'directory_services';
  const row = await db.selectFrom(table).select(['organization_id', 'hsds']).where('id', '=', id).executeTakeFirst();
  return row ? { organizationId: row.organization_id, hsds: row.hsds } : undefined;
}

/** The versions themselves are the review workflow's (platform/review/revisions.repository.ts). */
export { latestRevision, type RevisionRow } from '../../../platform/review/revisions.repository.js';

/** Published services flagged as not checked for a long time. */
export const staleServices = (db: Executor) =>
  db
    .selectFrom('directory_services')
    .innerJoin('organizations', 'organizations.id', 'directory_services.organization_id')
    .select([
      'directory_services.id',
      'directory_services.name',
      'directory_services.organization_id',
      'organizations.name as organization_name',
      sql<string | null>`directory_services.assured_date::text`.as('assured_date'),
      'directory_services.published_at',
      'directory_services.stale_flagged_at',
    ])
    .where('directory_services.stale_flagged_at', 'is not', null)
    .orderBy('directory_services.stale_flagged_at')
    .orderBy('directory_services.name')
    .execute();

export const setTrusted = (trx: Transaction<DB>, organizationId: string, trusted: boolean) =>
  trx.updateTable('organizations').set({ trusted, updated_at: new Date() }).where('id', '=', organizationId).returning(['id', 'name']).executeTakeFirst();

/** Location names by id for the diff (published ones and those only proposed). */
export async function locationNames(db: Executor, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('directory_locations').select(['id', 'name']).where('organization_id', '=', organizationId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
