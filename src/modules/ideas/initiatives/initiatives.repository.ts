import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { startsWithPattern } from '../../../db/like.js';
import type { InitiativeMark, InitiativeStatus } from '../../../db/tables/ideas.js';
import type { RoadmapInitiative } from './roadmap-csv.js';

/** Queries of the roadmap (Vorhaben). */

const initiativeColumns = [
  'id',
  'slug',
  'title',
  'goal',
  'topic',
  'marks',
  'office',
  'working_group',
  'network_group_id',
  'status',
  'budget',
  'created_at',
  'updated_at',
] as const;

export function listInitiatives(db: Executor, filter: { topic?: string; status?: InitiativeStatus } = {}) {
  let q = db.selectFrom('initiatives').select([...initiativeColumns]);
  if (filter.topic) q = q.where('topic', '=', filter.topic);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('title').execute();
}

export function findInitiative(db: Executor, slug: string) {
  return db
    .selectFrom('initiatives')
    .select([...initiativeColumns])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function milestonesOf(db: Executor, initiativeIds: string[]) {
  if (initiativeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('initiative_milestones')
    .select([
      'initiative_id',
      'position',
      'title',
      sql<string | null>`planned_on::text`.as('planned_on'),
      sql<string | null>`reached_on::text`.as('reached_on'),
    ])
    .where('initiative_id', 'in', initiativeIds)
    .orderBy('initiative_id')
    .orderBy('position')
    .execute();
}

/** Every initiative with its milestones, in the shape of the CSV (export, and the import's comparison). */
export async function allForRoadmap(db: Executor, slug?: string): Promise<(RoadmapInitiative & { id: string; networkGroupId: string | null })[]> {
  let query = db.selectFrom('initiatives').select([...initiativeColumns]);
  if (slug !== undefined) query = query.where('slug', '=', slug);
  const initiatives = await query.orderBy('slug').execute();
  let milestoneQuery = db
    .selectFrom('initiative_milestones')
    .select([
      'initiative_id',
      'position',
      'title',
      sql<string | null>`planned_on::text`.as('planned_on'),
      sql<string | null>`reached_on::text`.as('reached_on'),
    ]);
  if (slug !== undefined)
    milestoneQuery = milestoneQuery.where('initiative_id', 'in', initiatives.map((i) => i.id).concat('00000000-0000-0000-0000-000000000000'));
  const milestones = await milestoneQuery.orderBy('initiative_id').orderBy('position').execute();
  const byInitiative = new Map<string, typeof milestones>();
  for (const m of milestones) byInitiative.set(m.initiative_id, [...(byInitiative.get(m.initiative_id) ?? []), m]);
  return initiatives.map((i) => ({
    id: i.id,
    slug: i.slug,
    title: i.title,
    goal: i.goal,
    topic: i.topic,
    marks: i.marks as InitiativeMark[],
    office: i.office,
    workingGroup: i.working_group,
    status: i.status,
    budget: i.budget,
    networkGroupId: i.network_group_id,
    milestones: (byInitiative.get(i.id) ?? []).map((m) => ({ position: m.position, title: m.title, plannedOn: m.planned_on, reachedOn: m.reached_on })),
  }));
}

/** Writes one initiative as the import has it: inserted or updated, its milestones replaced. Returns its id. */
export async function saveInitiative(trx: Executor, i: RoadmapInitiative, existingId: string | undefined): Promise<string> {
  const values = {
    title: i.title,
    goal: i.goal,
    topic: i.topic,
    marks: i.marks,
    office: i.office,
    working_group: i.workingGroup,
    status: i.status,
    budget: i.budget,
  };
  const id = existingId
    ? (
        await trx
          .updateTable('initiatives')
          .set({ ...values, updated_at: sql<Date>`now()` })
          .where('id', '=', existingId)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (
        await trx
          .insertInto('initiatives')
          .values({ slug: i.slug, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  await trx.deleteFrom('initiative_milestones').where('initiative_id', '=', id).execute();
  if (i.milestones.length > 0)
    await trx
      .insertInto('initiative_milestones')
      .values(i.milestones.map((m) => ({ initiative_id: id, position: m.position, title: m.title, planned_on: m.plannedOn, reached_on: m.reachedOn })))
      .execute();
  return id;
}

export async function insertHistory(trx: Executor, entries: { initiative_id: string; actor_id: string | null; changes: string }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000)
    await trx
      .insertInto('initiative_history')
      .values(entries.slice(i, i + 1000))
      .execute();
}

export function historyOf(db: Executor, initiativeId: string) {
  return db
    .selectFrom('initiative_history')
    .select(['at', 'changes'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** Changes and updates since a moment, newest first, for "what changed this month". */
export async function changesSince(db: Executor, since: Date) {
  const history = await db
    .selectFrom('initiative_history as h')
    .innerJoin('initiatives as i', 'i.id', 'h.initiative_id')
    .select(['i.slug', 'i.title', 'h.at', 'h.changes'])
    .where('h.at', '>=', since)
    .orderBy('h.at', 'desc')
    .limit(50)
    .execute();
  const updates = await db
    .selectFrom('initiative_updates as u')
    .innerJoin('initiatives as i', 'i.id', 'u.initiative_id')
    .select(['i.slug', 'i.title as initiative', 'u.title', 'u.created_at'])
    .where('u.created_at', '>=', since)
    .orderBy('u.created_at', 'desc')
    .limit(50)
    .execute();
  return { history, updates };
}

export function linksOf(db: Executor, initiativeId: string) {
  return db
    .selectFrom('initiative_links as l')
    .leftJoin('ideas as i', (join) => join.onRef('i.id', '=', 'l.idea_id').on('i.moderation', '=', 'published'))
    .select(['l.kind', 'l.url', 'l.label', 'l.idea_id', 'i.title as idea_title', 'i.status as idea_status'])
    .where('l.initiative_id', '=', initiativeId)
    .orderBy('l.kind')
    .execute();
}

/** The published initiatives an idea shaped (for the idea's page). */
export function initiativesOfIdea(db: Executor, ideaId: string) {
  return db
    .selectFrom('initiative_links as l')
    .innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
    .select(['i.slug', 'i.title'])
    .where('l.idea_id', '=', ideaId)
    .execute();
}

export function updatesOf(db: Executor, initiativeId: string) {
  return db
    .selectFrom('initiative_updates')
    .select(['id', 'title', 'body', 'created_at'])
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertUpdate(trx: Executor, update: { initiative_id: string; title: string; body: string; created_by: string }) {
  return trx.insertInto('initiative_updates').values(update).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

export async function follow(trx: Executor, initiativeId: string, userId: string, linkKey: string, on: boolean): Promise<void> {
  if (on)
    await trx
      .insertInto('initiative_followers')
      .values({ initiative_id: initiativeId, user_id: userId, link_key: linkKey })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else await trx.deleteFrom('initiative_followers').where('initiative_id', '=', initiativeId).where('user_id', '=', userId).execute();
}

export async function isFollowing(db: Executor, initiativeId: string, userId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('initiative_followers')
    .select('user_id')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .executeTakeFirst());
}

export function followersOf(trx: Executor, initiativeId: string) {
  return trx
    .selectFrom('initiative_followers as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.user_id', 'f.link_key', 'u.email', 'u.locale'])
    .where('f.initiative_id', '=', initiativeId)
    .execute();
}

export function findFollower(db: Executor, initiativeId: string, userId: string) {
  return db.selectFrom('initiative_followers').selectAll().where('initiative_id', '=', initiativeId).where('user_id', '=', userId).executeTakeFirst();
}

export async function lockInitiatives(trx: Executor): Promise<void> {
  // One import at a time: two at once would both see "not there yet" and both create.
  await sql`SELECT pg_advisory_xact_lock(hashtext('initiatives-import'))`.execute(trx);
}

export async function initiativeSlug(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('initiatives').select('slug').where('id', '=', id).executeTakeFirst())?.slug;
}

export async function initiativeTitle(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('initiatives').select('title').where('id', '=', id).executeTakeFirst())?.title;
}

/** Initiatives whose title or goal contains the pattern (the site search). */
export function searchInitiatives(db: Executor, pattern: string, limit: number) {
  return db
    .selectFrom('initiatives')
    .select(['slug', 'title', 'goal', 'status'])
    .where((eb) => eb.or([eb('title', 'ilike', pattern), eb('goal', 'ilike', pattern)]))
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

// Followers by e-mail (no account) ------------------------------------------------------------------

/** The row for this address and initiative (created unconfirmed, or the one there is). */
export async function followByEmail(trx: Executor, initiativeId: string, email: string, locale: string, linkKey: string) {
  await trx
    .insertInto('initiative_email_followers')
    .values({ initiative_id: initiativeId, email, locale, link_key: linkKey })
    .onConflict((oc) => oc.columns(['initiative_id', 'email']).doNothing())
    .execute();
  return trx
    .selectFrom('initiative_email_followers')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

export function findEmailFollower(db: Executor, id: string) {
  return db.selectFrom('initiative_email_followers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function confirmEmailFollower(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('initiative_email_followers')
    .set({ confirmed_at: sql`now()` })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .execute();
}

export async function deleteEmailFollower(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('initiative_email_followers').where('id', '=', id).execute();
}

/** Confirmed addresses only: an unconfirmed one gets nothing but its confirmation mail. */
export function emailFollowersOf(trx: Executor, initiativeId: string) {
  return trx
    .selectFrom('initiative_email_followers')
    .select(['id', 'email', 'locale', 'link_key'])
    .where('initiative_id', '=', initiativeId)
    .where('confirmed_at', 'is not', null)
    .execute();
}

export async function deleteUnconfirmedEmailFollowers(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('initiative_email_followers')
    .where('confirmed_at', 'is', null)
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The initiatives the family council's results can be linked to, for a choice list. */
export function initiativeChoices(db: Executor) {
  return db.selectFrom('initiatives').select(['id', 'slug', 'title', 'status']).orderBy('title').execute();
}

export function initiativesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('initiatives').select(['id', 'slug', 'title', 'status']).where('id', 'in', ids).execute();
}

/**
 * The family council's links on initiatives ("what shaped it"): every council link under `urlPrefix`
 * is replaced by `links`, so publishing a report again changes nothing twice.
 */
export async function replaceCouncilLinks(trx: Executor, urlPrefix: string, links: readonly { initiativeId: string; url: string; label: string }[]) {
  await trx.deleteFrom('initiative_links').where('kind', '=', 'council').where('url', 'like', startsWithPattern(urlPrefix)).execute();
  if (links.length > 0)
    await trx
      .insertInto('initiative_links')
      .values(links.map((l) => ({ initiative_id: l.initiativeId, kind: 'council' as const, url: l.url, label: l.label })))
      .execute();
}

/** The initiative's working group as a group of the network (only the editors' form sets it; the CSV leaves it). */
export async function setNetworkGroup(trx: Executor, initiativeId: string, groupId: string | null): Promise<void> {
  await trx.updateTable('initiatives').set({ network_group_id: groupId }).where('id', '=', initiativeId).execute();
}
