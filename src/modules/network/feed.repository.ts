import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Queries of a group's feed: posts, their edit history, reports and comments. */

export async function insertPost(trx: Executor, input: { group_id: string; author_id: string | null; body: string; created_at?: Date }) {
  return (await trx.insertInto('network_posts').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

const postColumns = ['p.id', 'p.body', 'p.created_at', 'p.author_id', 'p.pinned_at', 'p.edited_at'] as const;

/**
 * Posts of these groups (or of the groups a person belongs to now), newest first; on a group's page the
 * pinned ones first. For several groups (a person's start page) each group's newest come from its index
 * first, so the merge reads `limit` posts a group instead of every post of every group.
 */
export function feed(db: Executor, groups: string[] | { memberOf: string }, limit = 30, pinnedFirst = false) {
  if (Array.isArray(groups) && groups.length === 0) return Promise.resolve([]);
  if (Array.isArray(groups) && (pinnedFirst || groups.length === 1)) {
    const groupIds = groups;
    let q = db
      .selectFrom('network_posts as p')
      .innerJoin('network_groups as g', 'g.id', 'p.group_id')
      .leftJoin('users as u', 'u.id', 'p.author_id')
      .select([...postColumns, 'g.slug as group_slug', 'g.name as group_name', 'u.display_name as author'])
      .where('p.group_id', 'in', groupIds)
      .where('p.hidden_at', 'is', null);
    if (pinnedFirst) q = q.orderBy(sql`p.pinned_at IS NULL`).orderBy('p.pinned_at', 'desc');
    return q.orderBy('p.created_at', 'desc').limit(limit).execute();
  }
  return db
    .selectFrom('network_groups as g')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('network_posts as p')
          .select(postColumns)
          .whereRef('p.group_id', '=', 'g.id')
          .where('p.hidden_at', 'is', null)
          .orderBy('p.created_at', 'desc')
          .limit(limit)
          .as('p'),
      (join) => join.onTrue(),
    )
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id',
      'p.body',
      'p.created_at',
      'p.author_id',
      'p.pinned_at',
      'p.edited_at',
      'g.slug as group_slug',
      'g.name as group_name',
      'u.display_name as author',
    ])
    .where('g.id', 'in', (eb) =>
      Array.isArray(groups)
        ? eb.selectFrom('network_groups').select('id').where('id', 'in', groups)
        : eb.selectFrom('network_group_members').select('group_id').where('user_id', '=', groups.memberOf).where('state', '=', 'member'),
    )
    .orderBy('p.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function setPinned(db: Executor, postId: string, pinned: boolean): Promise<void> {
  await db
    .updateTable('network_posts')
    .set({ pinned_at: pinned ? new Date() : null })
    .where('id', '=', postId)
    .execute();
}

/** A new text for a post; the one it had goes into its edit history. */
export async function editPost(trx: Executor, postId: string, body: string, editorId: string): Promise<void> {
  await trx
    .insertInto('network_post_revisions')
    .columns(['post_id', 'body', 'edited_by'])
    .expression((eb) =>
      eb
        .selectFrom('network_posts')
        .select(['id', 'body', sql<string>`${editorId}::uuid`.as('edited_by')])
        .where('id', '=', postId),
    )
    .execute();
  await trx.updateTable('network_posts').set({ body, edited_at: new Date() }).where('id', '=', postId).execute();
}

/** The earlier texts of these posts, oldest first. */
export function revisionsOf(db: Executor, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_post_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .select(['r.id', 'r.post_id', 'r.body', 'r.created_at', 'u.display_name as editor'])
    .where('r.post_id', 'in', postIds)
    .orderBy('r.created_at')
    .execute();
}

/** One report per person and post; a second one from the same person changes nothing. True when it is new. */
export async function insertReport(trx: Executor, postId: string, reporterId: string, reason: string): Promise<boolean> {
  const row = await trx
    .insertInto('network_post_reports')
    .values({ post_id: postId, reporter_id: reporterId, reason })
    .onConflict((oc) => oc.columns(['post_id', 'reporter_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

// Comments ------------------------------------------------------------------------------------------

export function findPost(db: Executor, id: string) {
  return db
    .selectFrom('network_posts as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .select(['p.id', 'p.group_id', 'p.author_id', 'p.body', 'p.pinned_at', 'p.hidden_at', 'g.slug as group_slug'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function insertComment(trx: Executor, input: { post_id: string; author_id: string; body: string }): Promise<string> {
  return (await trx.insertInto('network_comments').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

export function commentsOf(db: Executor, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.post_id', 'c.body', 'c.created_at', 'u.display_name as author'])
    .where('c.post_id', 'in', postIds)
    .orderBy('c.created_at')
    .execute();
}

// Attachments ---------------------------------------------------------------------------------------

export async function attach(trx: Executor, postId: string, documentId: string): Promise<void> {
  await trx.insertInto('network_post_attachments').values({ post_id: postId, document_id: documentId }).execute();
}

/** The files attached to these posts, with what their current version is (type and size, for the link). */
export function attachmentsOf(db: Executor, postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_post_attachments as a')
    .innerJoin('network_documents as d', 'd.id', 'a.document_id')
    .innerJoin('network_document_versions as v', (join) => join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'))
    .select(['a.post_id', 'd.id', 'd.title', 'v.content_type', 'v.size_bytes'])
    .where('a.post_id', 'in', postIds)
    .orderBy('d.title')
    .execute();
}
