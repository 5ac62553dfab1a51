import { sql, type Transaction } from 'kysely';
import type { DB, DirectoryEntity, RevisionStatus } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';
import { topicTaxonomy } from '../directory.taxonomy.js';

/** Every query of the directory workflow (revisions, memberships, the review queue). */

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

const revisionColumns = [
  'directory_revisions.id',
  'directory_revisions.entity_type',
  'directory_revisions.entity_id',
  'directory_revisions.organization_id',
  'directory_revisions.version',
  'directory_revisions.status',
  'directory_revisions.data',
  'directory_revisions.author_id',
  'directory_revisions.created_at',
  'directory_revisions.submitted_at',
  'directory_revisions.reviewed_at',
  'directory_revisions.review_reason',
] as const;

/** The newest revision of each entry of an organisation. */
export const latestRevisions = (db: Executor, organizationId: string) =>
  db
    .selectFrom('directory_revisions')
    .select(revisionColumns)
    .distinctOn(['directory_revisions.entity_type', 'directory_revisions.entity_id'])
    .where('organization_id', '=', organizationId)
    .orderBy('directory_revisions.entity_type')
    .orderBy('directory_revisions.entity_id')
    .orderBy('directory_revisions.version', 'desc')
    .execute();

export const latestRevision = (db: Executor, type: DirectoryEntity, entityId: string) =>
  db
    .selectFrom('directory_revisions')
    .select(revisionColumns)
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export type RevisionRow = NonNullable<Awaited<ReturnType<typeof latestRevision>>>;

export interface NewRevision {
  type: DirectoryEntity;
  entityId: string;
  organizationId: string;
  version: number;
  status: RevisionStatus;
  data: unknown;
  authorId: string | null;
  submittedAt?: Date | null;
  reviewedBy?: string | null;
  reviewedAt?: Date | null;
}

export const insertRevision = (trx: Transaction<DB>, r: NewRevision) =>
  trx
    .insertInto('directory_revisions')
    .values({
      entity_type: r.type,
      entity_id: r.entityId,
      organization_id: r.organizationId,
      version: r.version,
      status: r.status,
      data: JSON.stringify(r.data),
      author_id: r.authorId,
      submitted_at: r.submittedAt ?? null,
      reviewed_by: r.reviewedBy ?? null,
      reviewed_at: r.reviewedAt ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();

/** Older revisions in the given states become 'superseded' (a newer one replaces them). */
export const supersede = (trx: Transaction<DB>, type: DirectoryEntity, entityId: string, states: RevisionStatus[], exceptId: string) =>
  trx
    .updateTable('directory_revisions')
    .set({ status: 'superseded' })
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .where('status', 'in', states)
    .where('id', '!=', exceptId)
    .execute();

/** Moves one revision from one state to another; undefined when it was no longer in that state. */
export const moveRevision = (
  trx: Transaction<DB>,
  id: string,
  from: RevisionStatus,
  to: Partial<{ status: RevisionStatus; submitted_at: Date; reviewed_by: string; reviewed_at: Date; review_reason: string | null }>,
) => trx.updateTable('directory_revisions').set(to).where('id', '=', id).where('status', '=', from).returning(['id']).executeTakeFirst();

export const history = (db: Executor, type: DirectoryEntity, entityId: string) =>
  db
    .selectFrom('directory_revisions')
    .leftJoin('users as author', 'author.id', 'directory_revisions.author_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'directory_revisions.reviewed_by')
    .select([...revisionColumns, 'author.display_name as author_name', 'reviewer.display_name as reviewer_name'])
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .orderBy('version', 'desc')
    .execute();

/** Proposals waiting for review, oldest first. */
export const reviewQueue = (db: Executor) =>
  db
    .selectFrom('directory_revisions')
    .innerJoin('organizations', 'organizations.id', 'directory_revisions.organization_id')
    .leftJoin('users as author', 'author.id', 'directory_revisions.author_id')
    .select([...revisionColumns, 'organizations.name as organization_name', 'author.display_name as author_name'])
    .where('directory_revisions.status', '=', 'in_review')
    .orderBy('directory_revisions.submitted_at')
    .orderBy('directory_revisions.created_at')
    .execute();

export const findRevision = (db: Executor, id: string) =>
  db
    .selectFrom('directory_revisions')
    .innerJoin('organizations', 'organizations.id', 'directory_revisions.organization_id')
    .leftJoin('users as author', 'author.id', 'directory_revisions.author_id')
    .select([
      ...revisionColumns,
      'organizations.name as organization_name',
      'organizations.trusted',
      'author.display_name as author_name',
      'author.email as author_email',
      'author.locale as author_locale',
    ])
    .where('directory_revisions.id', '=', id)
    .executeTakeFirst();

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
