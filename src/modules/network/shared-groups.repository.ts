import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Queries behind `shared-groups.ts`: what other modules may do with the network's groups. */

export async function insertPrivateGroup(trx: Executor, group: { slug: string; name: string; topic: string }): Promise<void> {
  await trx
    .insertInto('network_groups')
    .values({ slug: group.slug, name: group.name, kind: 'working', access: 'private', topic: group.topic })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export function groupIdBySlug(db: Executor, slug: string) {
  return db.selectFrom('network_groups').select('id').where('slug', '=', slug).executeTakeFirst();
}

/** Accounts with one of these addresses (compared in lower case). */
export async function usersByEmails(db: Executor, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  return (
    await db
      .selectFrom('users')
      .select('id')
      .where(sql<boolean>`lower(email) = ANY(${lower}::text[])`)
      .execute()
  ).map((u) => u.id);
}

/** The group's ordinary members (leads are the group's own business and stay). */
export async function plainMemberIds(db: Executor, groupId: string): Promise<string[]> {
  return (await db.selectFrom('network_group_members').select('user_id').where('group_id', '=', groupId).where('role', '=', 'member').execute()).map(
    (r) => r.user_id,
  );
}

/** Groups everyone may know of (not the private ones), for a choice in another module's form. */
export function openGroups(db: Executor) {
  return db.selectFrom('network_groups').select(['id', 'slug', 'name']).where('access', '!=', 'private').orderBy('name').execute();
}

export function groupsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_groups')
    .select(['id', 'slug', 'name', 'access'])
    .where('id', 'in', [...ids])
    .execute();
}

export function groupsBySlugs(db: Executor, slugs: readonly string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_groups')
    .select(['id', 'slug', 'name'])
    .where('slug', 'in', [...slugs])
    .execute();
}
