import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Queries behind the reports list (leads and staff work through reported posts) and the retention clean-up. */

/** Open reports of posts in these groups (all groups for staff), oldest first, with who reported and why. */
export function openReports(db: Executor, groupIds: string[] | 'all') {
  if (groupIds !== 'all' && groupIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('network_post_reports as r')
    .innerJoin('network_posts as p', 'p.id', 'r.post_id')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .leftJoin('users as a', 'a.id', 'p.author_id')
    .leftJoin('users as u', 'u.id', 'r.reporter_id')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      'u.display_name as reporter',
      'p.id as post_id',
      'p.body',
      'p.created_at as posted_at',
      'p.hidden_at',
      'a.display_name as author',
      'g.slug as group_slug',
      'g.name as group_name',
    ])
    .where('r.handled_at', 'is', null);
  if (groupIds !== 'all') query = query.where('p.group_id', 'in', groupIds);
  return query.orderBy('r.created_at').limit(500).execute();
}

/** How many posts in these groups (every group, the groups a person leads) wait for a decision. */
export async function openReportCount(db: Executor, groupIds: string[] | 'all' | { leadOf: string }): Promise<number> {
  if (Array.isArray(groupIds) && groupIds.length === 0) return 0;
  let query = db
    .selectFrom('network_post_reports as r')
    .innerJoin('network_posts as p', 'p.id', 'r.post_id')
    .select((eb) => eb.fn.count<string>('r.post_id').distinct().as('n'))
    .where('r.handled_at', 'is', null);
  if (Array.isArray(groupIds)) query = query.where('p.group_id', 'in', groupIds);
  else if (groupIds !== 'all')
    query = query.where('p.group_id', 'in', (eb) =>
      eb.selectFrom('network_group_members').select('group_id').where('user_id', '=', groupIds.leadOf).where('role', '=', 'lead').where('state', '=', 'member'),
    );
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Hidden posts of these groups, newest hidden first: shown again from the reports list. */
export function hiddenPosts(db: Executor, groupIds: string[] | 'all', limit = 50) {
  if (groupIds !== 'all' && groupIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('network_posts as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .leftJoin('users as a', 'a.id', 'p.author_id')
    .select(['p.id', 'p.body', 'p.created_at', 'p.hidden_at', 'a.display_name as author', 'g.slug as group_slug', 'g.name as group_name'])
    .where('p.hidden_at', 'is not', null);
  if (groupIds !== 'all') query = query.where('p.group_id', 'in', groupIds);
  return query.orderBy('p.hidden_at', 'desc').limit(limit).execute();
}

/** Marks every open report of the post handled; the number it marked. */
export async function handleReports(trx: Executor, postId: string): Promise<number> {
  const result = await trx
    .updateTable('network_post_reports')
    .set({ handled_at: new Date() })
    .where('post_id', '=', postId)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Hides the post from the feed (or shows it again); false when it already was so. */
export async function setHidden(trx: Executor, postId: string, hidden: boolean): Promise<boolean> {
  const result = await trx
    .updateTable('network_posts')
    .set({ hidden_at: hidden ? new Date() : null })
    .where('id', '=', postId)
    .where('hidden_at', hidden ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Retention ---------------------------------------------------------------------------------------

export async function setRetention(trx: Executor, groupId: string, months: number | null): Promise<void> {
  await trx.updateTable('network_groups').set({ retention_months: months }).where('id', '=', groupId).execute();
}

const cutoff = (now: Date) => sql<Date>`${now}::timestamptz - make_interval(months => g.retention_months)`;

/**
 * Deletes up to `batch` posts (their comments, history, reports and attachment links go with them) that
 * are older than their group keeps them; the groups of the deleted posts, one entry per post.
 */
export async function deleteExpiredPosts(trx: Executor, now: Date, batch: number): Promise<string[]> {
  const rows = await trx
    .deleteFrom('network_posts')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('network_posts as p')
        .innerJoin('network_groups as g', 'g.id', 'p.group_id')
        .select('p.id')
        .where('g.retention_months', 'is not', null)
        .where('p.created_at', '<', cutoff(now))
        .limit(batch),
    )
    .returning('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}

/** Deletes up to `batch` documents (with all versions) not changed for longer than their group keeps them. */
export async function deleteExpiredDocuments(trx: Executor, now: Date, batch: number): Promise<string[]> {
  const rows = await trx
    .deleteFrom('network_documents')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('network_documents as d')
        .innerJoin('network_groups as g', 'g.id', 'd.group_id')
        .select('d.id')
        .where('g.retention_months', 'is not', null)
        .where('d.updated_at', '<', cutoff(now))
        .limit(batch),
    )
    .returning('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}
