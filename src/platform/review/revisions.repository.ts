import type { Transaction } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB, RevisionKind, RevisionStatus } from '../../db/types.js';

/** Every query of the review workflow: the versions of directory entries, places and whatever else is reviewed. */

const revisionColumns = [
  'revisions.id',
  'revisions.entity_type',
  'revisions.entity_id',
  'revisions.organization_id',
  'revisions.version',
  'revisions.status',
  'revisions.data',
  'revisions.author_id',
  'revisions.created_at',
  'revisions.submitted_at',
  'revisions.reviewed_at',
  'revisions.review_reason',
] as const;

/** The newest revision of each entry of an organisation, of the given kinds. */
export const latestRevisions = (db: Executor, organizationId: string, kinds: readonly RevisionKind[]) =>
  db
    .selectFrom('revisions')
    .select(revisionColumns)
    .distinctOn(['revisions.entity_type', 'revisions.entity_id'])
    .where('organization_id', '=', organizationId)
    .where('entity_type', 'in', kinds)
    .orderBy('revisions.entity_type')
    .orderBy('revisions.entity_id')
    .orderBy('revisions.version', 'desc')
    .execute();

export const latestRevision = (db: Executor, type: RevisionKind, entityId: string) =>
  db
    .selectFrom('revisions')
    .select(revisionColumns)
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export type RevisionRow = NonNullable<Awaited<ReturnType<typeof latestRevision>>>;

export interface NewRevision {
  type: RevisionKind;
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
    .insertInto('revisions')
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
export const supersede = (trx: Transaction<DB>, type: RevisionKind, entityId: string, states: RevisionStatus[], exceptId: string) =>
  trx
    .updateTable('revisions')
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
) => trx.updateTable('revisions').set(to).where('id', '=', id).where('status', '=', from).returning(['id']).executeTakeFirst();

export const history = (db: Executor, type: RevisionKind, entityId: string) =>
  db
    .selectFrom('revisions')
    .leftJoin('users as author', 'author.id', 'revisions.author_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'revisions.reviewed_by')
    .select([...revisionColumns, 'author.display_name as author_name', 'reviewer.display_name as reviewer_name'])
    .where('entity_type', '=', type)
    .where('entity_id', '=', entityId)
    .orderBy('version', 'desc')
    .execute();

/** Proposals waiting for review, oldest first, every kind. */
export const reviewQueue = (db: Executor) =>
  db
    .selectFrom('revisions')
    .innerJoin('organizations', 'organizations.id', 'revisions.organization_id')
    .leftJoin('users as author', 'author.id', 'revisions.author_id')
    .select([...revisionColumns, 'organizations.name as organization_name', 'author.display_name as author_name'])
    .where('revisions.status', '=', 'in_review')
    .orderBy('revisions.submitted_at')
    .orderBy('revisions.created_at')
    .execute();

export const findRevision = (db: Executor, id: string) =>
  db
    .selectFrom('revisions')
    .innerJoin('organizations', 'organizations.id', 'revisions.organization_id')
    .leftJoin('users as author', 'author.id', 'revisions.author_id')
    .select([
      ...revisionColumns,
      'organizations.name as organization_name',
      'organizations.trusted',
      'author.display_name as author_name',
      'author.email as author_email',
      'author.locale as author_locale',
    ])
    .where('revisions.id', '=', id)
    .executeTakeFirst();

export type FoundRevision = NonNullable<Awaited<ReturnType<typeof findRevision>>>;
