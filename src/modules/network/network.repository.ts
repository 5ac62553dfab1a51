import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NetworkGroupAccess, NetworkGroupRole, NetworkMemberState, NetworkRsvp, NetworkVisibility } from '../../db/tables/network.js';

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

const groupColumns = ['g.id', 'g.slug', 'g.name', 'g.kind', 'g.access', 'g.topic', 'g.public_results', 'g.lead_organization_id'] as const;

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

// Documents ----------------------------------------------------------------------------------------

export function findDocument(db: Executor, id: string) {
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select([
      'd.id',
      'd.group_id',
      'd.folder',
      'd.title',
      'd.description',
      'd.visibility',
      'd.current_version',
      'd.updated_at',
      'g.slug as group_slug',
      'g.name as group_name',
      'g.access as group_access',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export function groupDocuments(db: Executor, groupId: string, limit = 50) {
  return db
    .selectFrom('network_documents')
    .select(['id', 'folder', 'title', 'visibility', 'current_version', 'updated_at'])
    .where('group_id', '=', groupId)
    .orderBy('folder')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Documents every visitor may see, for the public page. */
export function publicDocuments(db: Executor, limit = 20) {
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select(['d.id', 'd.title', 'd.updated_at', 'd.group_id'])
    .where('d.visibility', '=', 'public')
    .where('g.access', '!=', 'private')
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertDocument(
  trx: Executor,
  input: { group_id: string; folder: string; title: string; description: string; visibility: NetworkVisibility; created_by: string },
): Promise<string> {
  return (await trx.insertInto('network_documents').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds the next version (numbered under the document's row lock, so two uploads get two numbers) and makes it current. */
export async function addVersion(
  trx: Executor,
  documentId: string,
  file: { filename: string; content_type: string; bytes: Buffer; note: string; uploaded_by: string },
): Promise<number> {
  await trx.selectFrom('network_documents').select('id').where('id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
  const last = await trx
    .selectFrom('network_document_versions')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  const number = (last.n ?? 0) + 1;
  await trx
    .insertInto('network_document_versions')
    .values({ document_id: documentId, number, ...file, size_bytes: file.bytes.length })
    .execute();
  await trx.updateTable('network_documents').set({ current_version: number, updated_at: new Date() }).where('id', '=', documentId).execute();
  return number;
}

export function documentVersions(db: Executor, documentId: string) {
  return db
    .selectFrom('network_document_versions as v')
    .leftJoin('users as u', 'u.id', 'v.uploaded_by')
    .select(['v.number', 'v.filename', 'v.content_type', 'v.size_bytes', 'v.note', 'v.created_at', 'u.display_name as uploaded_by'])
    .where('v.document_id', '=', documentId)
    .orderBy('v.number', 'desc')
    .execute();
}

export function versionFile(db: Executor, documentId: string, number: number) {
  return db
    .selectFrom('network_document_versions')
    .select(['filename', 'content_type', 'bytes', 'number'])
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

// Meetings and tasks --------------------------------------------------------------------------------

const meetingColumns = [
  'mt.id',
  'mt.group_id',
  'mt.title',
  'mt.starts_at',
  'mt.ends_at',
  'mt.place',
  'mt.video_url',
  'mt.agenda',
  'mt.minutes',
  'mt.sequence',
  'mt.cancelled_at',
] as const;

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & object;

export function findMeeting(db: Executor, id: string) {
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([...meetingColumns, 'g.slug as group_slug', 'g.name as group_name'])
    .where('mt.id', '=', id)
    .executeTakeFirst();
}

export async function insertMeeting(
  trx: Executor,
  input: { group_id: string; title: string; starts_at: Date; ends_at: Date; place: string; video_url: string | null; agenda: string; created_by: string },
): Promise<string> {
  return (await trx.insertInto('network_meetings').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a meeting and raises its SEQUENCE (calendars then take the update). */
export async function updateMeeting(
  trx: Executor,
  id: string,
  input: { title: string; starts_at: Date; ends_at: Date; place: string; video_url: string | null; agenda: string },
): Promise<void> {
  await trx
    .updateTable('network_meetings')
    .set({ ...input, sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .execute();
}

export async function cancelMeeting(trx: Executor, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('network_meetings')
    .set({ cancelled_at: new Date(), sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function saveMinutes(trx: Executor, id: string, minutes: string): Promise<void> {
  await trx.updateTable('network_meetings').set({ minutes }).where('id', '=', id).execute();
}

export function upcomingMeetings(db: Executor, groupIds: string[], from: Date, limit = 10) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([...meetingColumns, 'g.slug as group_slug', 'g.name as group_name'])
    .where('mt.group_id', 'in', groupIds)
    .where('mt.ends_at', '>=', from)
    .where('mt.cancelled_at', 'is', null)
    .orderBy('mt.starts_at')
    .limit(limit)
    .execute();
}

export function rsvpsOf(db: Executor, userId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('network_rsvps').select(['meeting_id', 'answer']).where('user_id', '=', userId).where('meeting_id', 'in', meetingIds).execute();
}

export function meetingRsvps(db: Executor, meetingId: string) {
  return db
    .selectFrom('network_rsvps as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name', 'r.answer'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('u.display_name')
    .execute();
}

export async function putRsvp(trx: Executor, meetingId: string, userId: string, answer: NetworkRsvp): Promise<void> {
  await trx
    .insertInto('network_rsvps')
    .values({ meeting_id: meetingId, user_id: userId, answer })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ answer, answered_at: new Date() }))
    .execute();
}

export async function insertTask(
  trx: Executor,
  input: { group_id: string; meeting_id: string | null; title: string; owner_id: string | null; due_on: string | null },
) {
  return (await trx.insertInto('network_tasks').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

export function findTask(db: Executor, id: string) {
  return db.selectFrom('network_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setTaskStatus(trx: Executor, id: string, status: 'open' | 'done'): Promise<void> {
  await trx.updateTable('network_tasks').set({ status }).where('id', '=', id).execute();
}

const taskColumns = [
  't.id',
  't.title',
  't.due_on',
  't.status',
  't.owner_id',
  't.meeting_id',
  'g.slug as group_slug',
  'g.name as group_name',
  'u.display_name as owner',
] as const;

export function groupTasks(db: Executor, groupId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.group_id', '=', groupId)
    .where('t.status', '=', 'open')
    .orderBy(sql`t.due_on IS NULL`)
    .orderBy('t.due_on')
    .execute();
}

export function meetingTasks(db: Executor, meetingId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.meeting_id', '=', meetingId)
    .orderBy('t.created_at')
    .execute();
}

export function openTasksOf(db: Executor, userId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.owner_id', '=', userId)
    .where('t.status', '=', 'open')
    .orderBy(sql`t.due_on IS NULL`)
    .orderBy('t.due_on')
    .execute();
}

// Feed ------------------------------------------------------------------------------------------------

export async function insertPost(trx: Executor, input: { group_id: string; author_id: string | null; body: string; created_at?: Date }) {
  return (await trx.insertInto('network_posts').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

/** Posts of these groups, newest first; on a group's page the pinned ones first. */
export function feed(db: Executor, groupIds: string[], limit = 30, pinnedFirst = false) {
  if (groupIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('network_posts as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
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
    .where('p.group_id', 'in', groupIds);
  if (pinnedFirst) q = q.orderBy(sql`p.pinned_at IS NULL`).orderBy('p.pinned_at', 'desc');
  return q.orderBy('p.created_at', 'desc').limit(limit).execute();
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

// Full-text search over documents ------------------------------------------------------------------

/** Writes the text of a version into the search index, if it is still the document's current one. */
export async function setDocumentText(db: Executor, documentId: string, number: number, text: string): Promise<boolean> {
  const result = await db
    .updateTable('network_documents')
    .set({ body_text: text })
    .where('id', '=', documentId)
    .where('current_version', '=', number)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Documents matching the words (German stemming), best first, with the matching passage: those of the
 * groups the person belongs to, those for all partners in groups that are not private, and public ones.
 * Staff (`everything`) search all documents.
 */
export function searchDocuments(db: Executor, query: string, viewer: { userId: string; everything: boolean }, limit = 30) {
  const tsquery = sql`websearch_to_tsquery('german', ${query})`;
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select([
      'd.id',
      'd.title',
      'd.visibility',
      'd.updated_at',
      'g.name as group_name',
      sql<string>`ts_headline('german', d.description || E'\\n' || d.body_text, ${tsquery}, 'StartSel=<<, StopSel=>>, MaxWords=30, MinWords=12, MaxFragments=1')`.as(
        'passage',
      ),
      sql<number>`ts_rank(d.search_vector, ${tsquery})`.as('rank'),
    ])
    .where(sql<boolean>`d.search_vector @@ ${tsquery}`)
    .where((eb) =>
      viewer.everything
        ? eb.val(true)
        : eb.or([
            eb.exists(
              eb
                .selectFrom('network_group_members as m')
                .select('m.user_id')
                .whereRef('m.group_id', '=', 'd.group_id')
                .where('m.user_id', '=', viewer.userId)
                .where('m.state', '=', 'member'),
            ),
            eb.and([eb('d.visibility', 'in', ['partners', 'public']), eb('g.access', '!=', 'private')]),
          ]),
    )
    .orderBy('rank', 'desc')
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Open tasks with an owner that fall due on this day (Berlin date), for the reminder the day before. */
export function tasksDueOn(db: Executor, day: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_group_members as m', (join) => join.onRef('m.group_id', '=', 't.group_id').onRef('m.user_id', '=', 't.owner_id'))
    .select(['t.id', 't.group_id', 't.title', 't.owner_id', 't.meeting_id'])
    .where('t.due_on', '=', day)
    .where('t.status', '=', 'open')
    .where('m.state', '=', 'member')
    .execute();
}

// Personal calendar feed ---------------------------------------------------------------------------

export async function setCalendarKey(trx: Executor, userId: string, key: string, newKey: () => string): Promise<void> {
  await trx
    .insertInto('network_notification_settings')
    .values({ user_id: userId, link_key: newKey(), calendar_key: key })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ calendar_key: key, updated_at: new Date() }))
    .execute();
}

export function calendarOwner(db: Executor, userId: string) {
  return db
    .selectFrom('network_notification_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.calendar_key', 'u.role'])
    .where('s.user_id', '=', userId)
    .executeTakeFirst();
}

/** The meetings of the groups a person belongs to now, from `from` on (cancelled ones too, marked). */
export function calendarMeetings(db: Executor, userId: string, from: Date) {
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_group_members as m', 'm.group_id', 'mt.group_id')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([
      'mt.id',
      'mt.title',
      'mt.starts_at',
      'mt.ends_at',
      'mt.place',
      'mt.video_url',
      'mt.agenda',
      'mt.sequence',
      'mt.cancelled_at',
      'g.name as group_name',
    ])
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'member')
    .where('mt.ends_at', '>=', from)
    .orderBy('mt.starts_at')
    .limit(500)
    .execute();
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

// Comments ------------------------------------------------------------------------------------------

export function findPost(db: Executor, id: string) {
  return db
    .selectFrom('network_posts as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .select(['p.id', 'p.group_id', 'p.author_id', 'p.body', 'p.pinned_at', 'g.slug as group_slug'])
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

// Date polls -------------------------------------------------------------------------------------------

export async function insertPoll(
  trx: Executor,
  input: { group_id: string; title: string; place: string; duration_minutes: number; created_by: string },
  options: Date[],
): Promise<string> {
  const { id } = await trx.insertInto('network_polls').values(input).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('network_poll_options')
    .values(options.map((starts_at) => ({ poll_id: id, starts_at })))
    .execute();
  return id;
}

export function findPoll(db: Executor, id: string) {
  return db
    .selectFrom('network_polls as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .select(['p.id', 'p.group_id', 'p.title', 'p.place', 'p.duration_minutes', 'p.meeting_id', 'p.closed_at', 'g.slug as group_slug', 'g.name as group_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** The options with their counts and this person's answers. */
export async function pollOptions(db: Executor, pollId: string, userId: string) {
  return db
    .selectFrom('network_poll_options as o')
    .leftJoin('network_poll_votes as v', 'v.option_id', 'o.id')
    .select(['o.id', 'o.starts_at'])
    .select((eb) => [
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'yes').as('yes'),
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'maybe').as('maybe'),
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'no').as('no'),
      eb.fn.max<string | null>(sql`CASE WHEN v.user_id = ${userId} THEN v.answer END`).as('mine'),
    ])
    .where('o.poll_id', '=', pollId)
    .groupBy(['o.id', 'o.starts_at'])
    .orderBy('o.starts_at')
    .execute();
}

export async function putVote(trx: Executor, optionId: string, userId: string, answer: NetworkRsvp): Promise<void> {
  await trx
    .insertInto('network_poll_votes')
    .values({ option_id: optionId, user_id: userId, answer })
    .onConflict((oc) => oc.columns(['option_id', 'user_id']).doUpdateSet({ answer }))
    .execute();
}

/** Closes the poll once (the first decision wins); false when it was closed already. */
export async function closePoll(trx: Executor, pollId: string, meetingId: string): Promise<boolean> {
  const result = await trx
    .updateTable('network_polls')
    .set({ closed_at: new Date(), meeting_id: meetingId })
    .where('id', '=', pollId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function openPolls(db: Executor, groupId: string) {
  return db
    .selectFrom('network_polls')
    .select(['id', 'title', 'created_at'])
    .where('group_id', '=', groupId)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}
