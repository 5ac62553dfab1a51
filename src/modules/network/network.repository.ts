import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NetworkGroupAccess, NetworkGroupRole, NetworkMemberState } from '../../db/tables/network.js';

/** Queries of the Bündnis-Netzwerk. */

// Partners and requests ---------------------------------------------------------------------------

/** The partner organisations shown on the public page, with their profile. */
export function shownPartners(db: Executor) {
  return db
    .selectFrom('network_partners as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['o.id', 'o.name', 'p.short_text', 'p.contribution', 'p.logo_image_id', 'p.website'])
    .select((eb) => eb('o.hsds', 'is not', null).as('in_directory'))
    .where('p.shown', '=', true)
    .where('o.kind', '=', 'partner')
    .orderBy('o.name')
    .execute();
}

export async function insertPartnerRequest(
  trx: Executor,
  input: { organization: string; contact_name: string; email: string; message: string; locale: string },
): Promise<string> {
  return (await trx.insertInto('network_partner_requests').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

// Groups -------------------------------------------------------------------------------------------

const groupColumns = ['g.id', 'g.slug', 'g.name', 'g.kind', 'g.access', 'g.topic', 'g.public_results', 'g.lead_organization_id', 'g.retention_months'] as const;

export type GroupRow = Awaited<ReturnType<typeof findGroupBySlug>> & object;

/** Groups everyone may know of (not the private ones), the steering group first. */
export function visibleGroups(db: Executor) {
  return db
    .selectFrom('network_groups as g')
    .leftJoin('organizations as o', 'o.id', 'g.lead_organization_id')
    .select([...groupColumns, 'o.name as lead_organization'])
    .select((eb) =>
      eb
        .selectFrom('network_group_members as m')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .where('m.state', '=', 'member')
        .as('members'),
    )
    .where('g.access', '!=', 'private')
    .orderBy(sql`g.kind = 'steering'`, 'desc')
    .orderBy('g.name')
    .execute();
}

/** Groups a person could join (not private, not theirs yet), by name: the start page's list, without counting anything. */
export function groupsToJoin(db: Executor, userId: string) {
  return db
    .selectFrom('network_groups as g')
    .select(['g.id', 'g.slug', 'g.name', 'g.access'])
    .where('g.access', '!=', 'private')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('network_group_members as m').select('m.user_id').whereRef('m.group_id', '=', 'g.id').where('m.user_id', '=', userId))),
    )
    .orderBy(sql`g.kind = 'steering'`, 'desc')
    .orderBy('g.name')
    .execute();
}

export function findGroupBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('network_groups as g')
    .leftJoin('organizations as o', 'o.id', 'g.lead_organization_id')
    .select([...groupColumns, 'o.name as lead_organization'])
    .where('g.slug', '=', slug)
    .executeTakeFirst();
}

export function findGroupById(db: Executor, id: string) {
  return db
    .selectFrom('network_groups as g')
    .leftJoin('organizations as o', 'o.id', 'g.lead_organization_id')
    .select([...groupColumns, 'o.name as lead_organization'])
    .where('g.id', '=', id)
    .executeTakeFirst();
}

export function membership(db: Executor, groupId: string, userId: string) {
  return db.selectFrom('network_group_members').select(['role', 'state']).where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
}

/** Adds or changes a membership; a request or an invitation never turns a membership back. */
export async function putMembership(trx: Executor, groupId: string, userId: string, state: NetworkMemberState, role: NetworkGroupRole = 'member') {
  await trx
    .insertInto('network_group_members')
    .values({ group_id: groupId, user_id: userId, state, role })
    .onConflict((oc) =>
      oc.columns(['group_id', 'user_id']).doUpdateSet({
        state: sql`CASE WHEN network_group_members.state = 'member' THEN 'member' ELSE excluded.state END`,
        role: sql`CASE WHEN network_group_members.role = 'lead' THEN 'lead' ELSE excluded.role END`,
      }),
    )
    .execute();
}

export async function removeMembership(trx: Executor, groupId: string, userId: string): Promise<boolean> {
  const result = await trx.deleteFrom('network_group_members').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function acceptRequest(trx: Executor, groupId: string, userId: string): Promise<boolean> {
  const result = await trx
    .updateTable('network_group_members')
    .set({ state: 'member' })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('state', 'in', ['requested', 'invited'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Members, requests and invitations of a group, leads first. */
export function groupMembers(db: Executor, groupId: string) {
  return db
    .selectFrom('network_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.role', 'm.state'])
    .where('m.group_id', '=', groupId)
    .orderBy(sql`m.role = 'lead'`, 'desc')
    .orderBy('u.display_name')
    .execute();
}

/** The people who hear about a group's news: its members (not requests or invitations). */
export async function memberIds(db: Executor, groupId: string, role?: NetworkGroupRole): Promise<string[]> {
  let query = db.selectFrom('network_group_members').select('user_id').where('group_id', '=', groupId).where('state', '=', 'member');
  if (role) query = query.where('role', '=', role);
  return (await query.execute()).map((r) => r.user_id);
}

/** The groups a person belongs to (or was invited to / asked to join). */
export function groupsOf(db: Executor, userId: string) {
  return db
    .selectFrom('network_group_members as m')
    .innerJoin('network_groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.slug', 'g.name', 'g.kind', 'g.access', 'm.role', 'm.state'])
    .where('m.user_id', '=', userId)
    .orderBy(sql`g.kind = 'steering'`, 'desc')
    .orderBy('g.name')
    .execute();
}

export async function insertGroup(
  trx: Executor,
  input: {
    slug: string;
    name: string;
    kind: 'steering' | 'working';
    access: NetworkGroupAccess;
    topic: string;
    public_results?: string;
    lead_organization_id: string | null;
  },
): Promise<string> {
  return (await trx.insertInto('network_groups').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

// Signed links -----------------------------------------------------------------------------------------

/** Each person's key for their signed network links (RSVP, calendar), created on first use. */
export async function settingsFor(trx: Executor, userIds: string[], newKey: () => string) {
  if (userIds.length === 0) return [];
  await trx
    .insertInto('network_notification_settings')
    .values(userIds.map((user_id) => ({ user_id, link_key: newKey() })))
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return trx.selectFrom('network_notification_settings').select(['user_id', 'link_key']).where('user_id', 'in', userIds).execute();
}

export function findSetting(db: Executor, userId: string) {
  return db.selectFrom('network_notification_settings').select(['user_id', 'link_key']).where('user_id', '=', userId).executeTakeFirst();
}

export function contacts(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email', 'locale', 'display_name']).where('id', 'in', userIds).execute();
}

export async function roleOf(db: Executor, userId: string) {
  return (await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst())?.role;
}

export function userByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'display_name'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** Partner organisations, for the lead organisation of a group. */
export function partnerOrganizations(db: Executor) {
  return db.selectFrom('organizations').select(['id', 'name']).where('kind', 'in', ['partner', 'city']).orderBy('name').execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('network_groups').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function updateGroup(
  trx: Executor,
  id: string,
  input: { name: string; access: NetworkGroupAccess; topic: string; public_results: string; lead_organization_id: string | null },
): Promise<void> {
  await trx.updateTable('network_groups').set(input).where('id', '=', id).execute();
}

/** Members of a group with their names, for mentions. */
export function memberNames(db: Executor, groupId: string) {
  return db
    .selectFrom('network_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.group_id', '=', groupId)
    .where('m.state', '=', 'member')
    .execute();
}

// Partner profiles (staff) ------------------------------------------------------------------------------

/** Every organisation of kind partner, with its profile if it has one. */
export function partnerProfiles(db: Executor) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('network_partners as p', 'p.organization_id', 'o.id')
    .select(['o.id', 'o.name', 'p.short_text', 'p.contribution', 'p.website', 'p.shown', 'p.logo_image_id'])
    .where('o.kind', '=', 'partner')
    .orderBy('o.name')
    .execute();
}

export async function savePartnerProfile(
  trx: Executor,
  organizationId: string,
  input: { short_text: string; contribution: string; website: string | null; shown: boolean; logo_image_id?: string | null },
): Promise<void> {
  await trx
    .insertInto('network_partners')
    .values({ organization_id: organizationId, ...input })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(input))
    .execute();
}
