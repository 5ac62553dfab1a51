import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** A news post as pages, feeds and the newsletter use it. */
export interface NewsPost {
  id: string;
  title: string;
  teaser: string;
  body: string;
  topics: string[];
  publishedAt: Date | null;
  expiresAt: Date | null;
  imageId: string | null;
  imageAlt: string | null;
  updatedAt: Date;
}

export interface NewsInput {
  title: string;
  teaser: string;
  body: string;
  topics: string[];
  publishedAt: Date | null;
  expiresAt: Date | null;
}

const columns = ['id', 'title', 'teaser', 'body', 'topics', 'published_at', 'expires_at', 'image_id', 'image_alt', 'updated_at'] as const;
type Row = {
  id: string;
  title: string;
  teaser: string;
  body: string;
  topics: string[];
  published_at: Date | null;
  expires_at: Date | null;
  image_id: string | null;
  image_alt: string | null;
  updated_at: Date;
};
const toPost = (r: Row): NewsPost => ({
  id: r.id,
  title: r.title,
  teaser: r.teaser,
  body: r.body,
  topics: r.topics,
  publishedAt: r.published_at,
  expiresAt: r.expires_at,
  imageId: r.image_id,
  imageAlt: r.image_alt,
  updatedAt: r.updated_at,
});

const searchVector = (p: NewsInput) =>
  sql`setweight(to_tsvector('german', ${p.title}), 'A') || setweight(to_tsvector('german', ${p.teaser}), 'B') || setweight(to_tsvector('german', ${p.body}), 'C')`;

/** Public means: published, not in the future, not expired. */
function publicPosts(db: Executor) {
  return db
    .selectFrom('news_posts')
    .where('published_at', '<=', sql<Date>`now()`)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]));
}

export async function listPublicNews(db: Executor, query: { topic?: string; limit: number; offset: number }): Promise<{ posts: NewsPost[]; total: number }> {
  let q = publicPosts(db);
  if (query.topic) q = q.where(sql<boolean>`${query.topic} = ANY(topics)`);
  const [rows, count] = await Promise.all([
    q.select(columns).orderBy('published_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { posts: rows.map(toPost), total: Number(count.n) };
}

export async function findPublicNews(db: Executor, id: string): Promise<NewsPost | null> {
  const row = await publicPosts(db).select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toPost(row) : null;
}

export async function findNews(db: Executor, id: string): Promise<NewsPost | null> {
  const row = await db.selectFrom('news_posts').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toPost(row) : null;
}

export async function findNewsByIds(db: Executor, ids: string[]): Promise<NewsPost[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('news_posts').select(columns).where('id', 'in', ids).execute();
  return ids
    .map((id) => rows.find((r) => r.id === id))
    .filter((r): r is Row => !!r)
    .map(toPost);
}

export async function listAllNews(db: Executor, limit = 200): Promise<NewsPost[]> {
  const rows = await db
    .selectFrom('news_posts')
    .select(columns)
    .orderBy(sql`published_at DESC NULLS FIRST`)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toPost);
}

export async function insertNews(db: Executor, input: NewsInput, authorId: string | null): Promise<string> {
  const row = await db
    .insertInto('news_posts')
    .values({
      title: input.title,
      teaser: input.teaser,
      body: input.body,
      topics: input.topics,
      published_at: input.publishedAt,
      expires_at: input.expiresAt,
      author_id: authorId,
      search_vector: searchVector(input),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNews(db: Executor, id: string, input: NewsInput): Promise<boolean> {
  const result = await db
    .updateTable('news_posts')
    .set({
      title: input.title,
      teaser: input.teaser,
      body: input.body,
      topics: input.topics,
      published_at: input.publishedAt,
      expires_at: input.expiresAt,
      search_vector: searchVector(input),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteNews(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('news_posts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Full-text search over public posts for the site search. */
export async function searchNews(db: Executor, text: string, limit: number): Promise<NewsPost[]> {
  const query = sql`websearch_to_tsquery('german', ${text})`;
  const rows = await publicPosts(db)
    .select(columns)
    .where(sql<boolean>`search_vector @@ ${query}`)
    .orderBy(sql`ts_rank(search_vector, ${query})`, 'desc')
    .limit(limit)
    .execute();
  return rows.map(toPost);
}

/** Public posts of recent weeks, newest first — the composer offers them for an issue. */
export async function recentPublicNews(db: Executor, limit = 30): Promise<NewsPost[]> {
  const rows = await publicPosts(db).select(columns).orderBy('published_at', 'desc').limit(limit).execute();
  return rows.map(toPost);
}

/** Sets or clears a post's image and its alt text. */
export async function setNewsImage(db: Executor, id: string, imageId: string | null, alt: string | null): Promise<void> {
  await db.updateTable('news_posts').set({ image_id: imageId, image_alt: alt }).where('id', '=', id).execute();
}
