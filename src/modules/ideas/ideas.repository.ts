import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { startsWithPattern } from '../../db/like.js';
import type { IdeaDeclineReason, IdeaKind, IdeaModeration, IdeaShownAs, IdeaStatus } from '../../db/tables/ideas.js';

/** Queries of Ideen & Anliegen. */

export interface NewIdea {
  kind: IdeaKind;
  title: string;
  body: string;
  topic: string;
  district: string | null;
  shown_as: IdeaShownAs;
  author_name: string | null;
  author_id: string | null;
  author_email: string | null;
  author_locale: string;
  link_key: string;
  moderation: IdeaModeration;
  match_terms: string[];
  match_version: number;
  photo_id: string | null;
  photo_alt: string | null;
}

export async function insertIdea(trx: Executor, idea: NewIdea): Promise<string> {
  const row = await trx
    .insertInto('ideas')
    .values({ ...idea, confirmed_at: idea.moderation === 'pending' ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const publicColumns = [
  'ideas.id',
  'ideas.kind',
  'ideas.title',
  'ideas.body',
  'ideas.topic',
  'ideas.district',
  'ideas.shown_as',
  'ideas.author_name',
  'ideas.status',
  'ideas.moderation',
  'ideas.supporters',
  'ideas.photo_id',
  'ideas.photo_alt',
  'ideas.redaction_note',
  'ideas.merged_into',
  'ideas.created_at',
  'ideas.published_at',
  'ideas.first_answer_at',
  'ideas.last_answer_at',
  'ideas.updated_at',
] as const;

export type IdeaRow = Awaited<ReturnType<typeof findIdea>> & object;

export function findIdea(db: Executor, id: string) {
  return db
    .selectFrom('ideas')
    .select([...publicColumns, 'ideas.author_id', 'ideas.author_email', 'ideas.author_locale', 'ideas.link_key', 'ideas.decline_reason', 'ideas.decline_note'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function lockIdea(trx: Executor, id: string) {
  return trx
    .selectFrom('ideas')
    .select([...publicColumns, 'ideas.author_id', 'ideas.author_email', 'ideas.author_locale', 'ideas.link_key', 'ideas.decline_reason', 'ideas.decline_note'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface ListFilter {
  topic?: string;
  district?: string;
  status?: IdeaStatus;
  sort: 'newest' | 'supported' | 'answered';
  limit: number;
  offset: number;
}

export async function listPublished(db: Executor, filter: ListFilter) {
  let q = db.selectFrom('ideas').where('moderation', '=', 'published');
  if (filter.topic) q = q.where('topic', '=', filter.topic);
  if (filter.district) q = q.where('district', '=', filter.district);
  if (filter.status) q = q.where('status', '=', filter.status);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let rows = q.select([...publicColumns]);
  if (filter.sort === 'supported') rows = rows.orderBy('supporters', 'desc').orderBy('published_at', 'desc');
  else if (filter.sort === 'answered') rows = rows.orderBy(sql`last_answer_at DESC NULLS LAST`).orderBy('published_at', 'desc');
  else rows = rows.orderBy('published_at', 'desc');
  const items = await rows.orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { total: Number(total.n), items };
}

/** The moderation queue: waiting first, then held; oldest first. */
export function listQueue(db: Executor) {
  return db
    .selectFrom('ideas')
    .select([...publicColumns])
    .where('moderation', 'in', ['pending', 'held'])
    .orderBy(sql`moderation = 'held'`)
    .orderBy('created_at')
    .limit(500)
    .execute();
}

/** Published ideas the city has not answered yet, oldest first. */
export function listUnanswered(db: Executor) {
  return db
    .selectFrom('ideas')
    .select([...publicColumns])
    .where('moderation', '=', 'published')
    .where('first_answer_at', 'is', null)
    .orderBy('published_at')
    .limit(500)
    .execute();
}

export async function setModeration(
  trx: Executor,
  id: string,
  change: {
    moderation: IdeaModeration;
    title?: string;
    body?: string;
    match_terms?: string[];
    match_version?: number;
    redaction_note?: string | null;
    decline_reason?: IdeaDeclineReason | null;
    decline_note?: string | null;
    merged_into?: string | null;
    published?: boolean;
  },
): Promise<void> {
  const { published, ...rest } = change;
  await trx
    .updateTable('ideas')
    .set({ ...rest, ...(published ? { published_at: sql<Date>`coalesce(published_at, now())` } : {}), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function confirmIdea(trx: Executor, id: string): Promise<void> {
  await trx
    .updateTable('ideas')
    .set({ moderation: 'pending', confirmed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertEntry(
  trx: Executor,
  entry: {
    idea_id: string;
    kind: 'answer' | 'author_update';
    status: IdeaStatus | null;
    office: string | null;
    body: string;
    refer_to: string | null;
    created_by: string | null;
  },
) {
  return trx.insertInto('idea_entries').values(entry).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** After an answer: the new status and the answer dates. */
export async function recordAnswer(trx: Executor, id: string, status: IdeaStatus): Promise<void> {
  await trx
    .updateTable('ideas')
    .set({
      status,
      first_answer_at: sql<Date>`coalesce(first_answer_at, now())`,
      last_answer_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export function listEntries(db: Executor, ideaId: string) {
  return db
    .selectFrom('idea_entries')
    .select(['id', 'kind', 'status', 'office', 'body', 'refer_to', 'created_at'])
    .where('idea_id', '=', ideaId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Ideas whose stored terms an older version of the matching computed (ideas.reindex). */
export function outdatedMatchTerms(db: Executor, version: number, limit: number) {
  return db.selectFrom('ideas').select(['id', 'title', 'body']).where('match_version', '<', version).orderBy('id').limit(limit).execute();
}

/** New stored terms for one idea, unless someone wrote newer ones meanwhile (its version is then current). */
export async function setMatchTerms(db: Executor, id: string, terms: string[], version: number): Promise<void> {
  await db.updateTable('ideas').set({ match_terms: terms, match_version: version }).where('id', '=', id).where('match_version', '<', version).execute();
}

/** Search for the site search: title and text, published only. */
export function searchPublished(db: Executor, pattern: string, limit: number) {
  return db
    .selectFrom('ideas')
    .select(['id', 'title', 'body', 'status'])
    .where('moderation', '=', 'published')
    .where((eb) => eb.or([eb('title', 'ilike', pattern), eb('body', 'ilike', pattern)]))
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

// Supports ------------------------------------------------------------------------------------

/** Adds a support; false when this person supports the idea already (the primary key decides). */
export async function addSupport(trx: Executor, ideaId: string, userId: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('idea_supports')
    .values({ idea_id: ideaId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('idea_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await trx
    .updateTable('ideas')
    .set((eb) => ({ supporters: eb('supporters', '+', 1) }))
    .where('id', '=', ideaId)
    .execute();
  return true;
}

export async function removeSupport(trx: Executor, ideaId: string, userId: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('idea_supports').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await trx
    .updateTable('ideas')
    .set((eb) => ({ supporters: eb('supporters', '-', 1) }))
    .where('id', '=', ideaId)
    .execute();
  return true;
}

export async function hasSupport(db: Executor, ideaId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('idea_supports').select('idea_id').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst());
}

/** Recounts the supporters from the supports (after a merge or an erased account). */
export async function recountSupporters(trx: Executor, ideaId: string): Promise<void> {
  await trx
    .updateTable('ideas')
    .set({ supporters: sql<number>`(SELECT count(*) FROM idea_supports s WHERE s.idea_id = ideas.id)::int` })
    .where('id', '=', ideaId)
    .execute();
}

// Followers -----------------------------------------------------------------------------------

export async function followAsUser(trx: Executor, ideaId: string, userId: string, locale: string, linkKey: string): Promise<void> {
  await trx
    .insertInto('idea_followers')
    .values({ idea_id: ideaId, user_id: userId, locale, link_key: linkKey, confirmed_at: new Date() })
    .onConflict((oc) => oc.columns(['idea_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .execute();
}

/** Inserts an address as a follower (unconfirmed unless said) or finds it; returns the row. */
export async function followByEmail(trx: Executor, ideaId: string, email: string, locale: string, linkKey: string, confirmed: boolean) {
  await trx
    .insertInto('idea_followers')
    .values({ idea_id: ideaId, email, locale, link_key: linkKey, confirmed_at: confirmed ? new Date() : null })
    .onConflict((oc) =>
      oc
        .expression(sql`idea_id, lower(email)`)
        .where('email', 'is not', null)
        .doNothing(),
    )
    .execute();
  const row = await trx
    .selectFrom('idea_followers')
    .selectAll()
    .where('idea_id', '=', ideaId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirstOrThrow();
  if (confirmed && !row.confirmed_at) await confirmFollower(trx, row.id);
  return row;
}

export function findFollower(db: Executor, id: string) {
  return db.selectFrom('idea_followers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function confirmFollower(trx: Executor, id: string): Promise<void> {
  await trx
    .updateTable('idea_followers')
    .set({ confirmed_at: sql<Date>`coalesce(confirmed_at, now())` })
    .where('id', '=', id)
    .execute();
}

export async function deleteFollower(trx: Executor, id: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('idea_followers').where('id', '=', id).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function isFollowing(db: Executor, ideaId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('idea_followers').select('id').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst());
}

export async function unfollowAsUser(trx: Executor, ideaId: string, userId: string): Promise<void> {
  await trx.deleteFrom('idea_followers').where('idea_id', '=', ideaId).where('user_id', '=', userId).execute();
}

/** The confirmed followers with the address and language to write to. */
export function confirmedFollowers(trx: Executor, ideaId: string) {
  return trx
    .selectFrom('idea_followers as f')
    .leftJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.link_key', sql<string>`coalesce(f.email, u.email)`.as('email'), sql<string>`coalesce(u.locale, f.locale)`.as('locale')])
    .where('f.idea_id', '=', ideaId)
    .where('f.confirmed_at', 'is not', null)
    .orderBy('f.created_at')
    .execute();
}

/** Moves supports and followers of a duplicate to the idea it was merged into; one per person survives. */
export async function carryOver(trx: Executor, from: string, into: string): Promise<void> {
  await sql`INSERT INTO idea_supports (idea_id, user_id, created_at)
    SELECT ${into}, user_id, created_at FROM idea_supports WHERE idea_id = ${from}
    ON CONFLICT DO NOTHING`.execute(trx);
  await sql`INSERT INTO idea_followers (idea_id, user_id, locale, link_key, confirmed_at, created_at)
    SELECT ${into}, user_id, locale, link_key, confirmed_at, created_at FROM idea_followers WHERE idea_id = ${from} AND user_id IS NOT NULL
    ON CONFLICT (idea_id, user_id) WHERE user_id IS NOT NULL DO NOTHING`.execute(trx);
  await sql`INSERT INTO idea_followers (idea_id, email, locale, link_key, confirmed_at, created_at)
    SELECT ${into}, email, locale, link_key, confirmed_at, created_at FROM idea_followers WHERE idea_id = ${from} AND email IS NOT NULL
    ON CONFLICT (idea_id, lower(email)) WHERE email IS NOT NULL DO NOTHING`.execute(trx);
  await trx.deleteFrom('idea_supports').where('idea_id', '=', from).execute();
  await trx.deleteFrom('idea_followers').where('idea_id', '=', from).execute();
  await recountSupporters(trx, from);
  await recountSupporters(trx, into);
}

// Retention -----------------------------------------------------------------------------------

/** Submissions never confirmed by mail, older than `days`: deleted. */
export async function deleteUnconfirmed(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('ideas')
    .where('moderation', '=', 'unconfirmed')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Follow requests never confirmed, older than `days`: deleted. */
export async function deleteUnconfirmedFollowers(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('idea_followers')
    .where('confirmed_at', 'is', null)
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Declined submissions, decided more than `days` ago: deleted with everything attached. */
export async function deleteDeclined(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('ideas')
    .where('moderation', '=', 'declined')
    .where('updated_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Accountability: per topic, the days from publication to the first answer of every published idea. */
export function answerTimes(db: Executor) {
  return db
    .selectFrom('ideas')
    .select([
      'topic',
      sql<number | null>`extract(epoch FROM first_answer_at - published_at) / 86400`.as('days'),
      sql<number>`extract(epoch FROM now() - published_at) / 86400`.as('age'),
    ])
    .where('moderation', '=', 'published')
    .execute();
}

/** The address and language of an account, for mails to an author who submitted signed in. */
export function accountContact(db: Executor, userId: string) {
  return db.selectFrom('users').select(['email', 'locale']).where('id', '=', userId).executeTakeFirst();
}

/** An erased person's ideas stay, without a name: "anonymous". */
export async function anonymiseAuthor(trx: Executor, person: { id: string; email: string }): Promise<void> {
  await trx
    .updateTable('ideas')
    .set({ shown_as: 'anonymous', author_name: null })
    .where((eb) => eb.or([eb('author_id', '=', person.id), eb(eb.fn('lower', ['author_email']), '=', person.email.toLowerCase())]))
    .execute();
}

/** Published ideas for a choice list (the family council links its results to them), newest first. */
export function publishedIdeaChoices(db: Executor, limit = 500) {
  return db.selectFrom('ideas').select(['id', 'title']).where('moderation', '=', 'published').orderBy('published_at', 'desc').limit(limit).execute();
}

export function publishedIdeasByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('ideas').select(['id', 'title']).where('moderation', '=', 'published').where('id', 'in', ids).execute();
}

// What an idea led to (written by other modules through `idea-links.ts`) ---------------------------

export function linksOfIdea(db: Executor, ideaId: string) {
  return db.selectFrom('idea_links').select(['kind', 'url', 'label']).where('idea_id', '=', ideaId).orderBy('created_at').orderBy('label').execute();
}

/** Replaces the council's links under one prefix (one workshop's report) in the caller's transaction; unknown ideas are skipped. */
export async function replaceIdeaCouncilLinks(trx: Executor, urlPrefix: string, links: readonly { ideaId: string; url: string; label: string }[]) {
  await trx.deleteFrom('idea_links').where('kind', '=', 'council').where('url', 'like', startsWithPattern(urlPrefix)).execute();
  if (links.length === 0) return;
  const known = new Set(
    (
      await trx
        .selectFrom('ideas')
        .select('id')
        .where('id', 'in', [...new Set(links.map((l) => l.ideaId))])
        .execute()
    ).map((r) => r.id),
  );
  const rows = links.filter((l) => known.has(l.ideaId)).map((l) => ({ idea_id: l.ideaId, kind: 'council' as const, url: l.url, label: l.label.slice(0, 500) }));
  if (rows.length > 0) await trx.insertInto('idea_links').values(rows).execute();
}
