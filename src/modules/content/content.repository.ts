import { sql } from 'kysely';
import { containsPattern } from '../../db/like.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import type { ContentSlug } from './content.schemas.js';

export interface StoredPage {
  slug: ContentSlug;
  locale: Locale;
  title: string;
  body: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
}

const pageColumns = ['p.slug', 'p.locale', 'p.title', 'p.body', 'p.version', 'p.updated_at', 'u.display_name'] as const;

type PageRow = { slug: string; locale: string; title: string; body: string; version: number; updated_at: Date; display_name: string | null };

const toPage = (row: PageRow): StoredPage => ({
  slug: row.slug as ContentSlug,
  locale: row.locale as Locale,
  title: row.title,
  body: row.body,
  version: row.version,
  updatedAt: row.updated_at,
  updatedByName: row.display_name,
});

function pages(db: Executor) {
  return db.selectFrom('content_pages as p').leftJoin('users as u', 'u.id', 'p.updated_by').select(pageColumns);
}

export async function findPage(db: Executor, slug: ContentSlug, locale: Locale): Promise<StoredPage | undefined> {
  const row = await pages(db).where('p.slug', '=', slug).where('p.locale', '=', locale).executeTakeFirst();
  return row && toPage(row);
}

/** The stored pages among `slugs` in one language. */
export async function findPages(db: Executor, slugs: readonly ContentSlug[], locale: Locale): Promise<StoredPage[]> {
  if (slugs.length === 0) return [];
  return (await pages(db).where('p.slug', 'in', slugs).where('p.locale', '=', locale).execute()).map(toPage);
}

/** Every stored page in every language, for the editors' list. */
export async function listPages(db: Executor): Promise<StoredPage[]> {
  return (await pages(db).orderBy('p.slug').orderBy('p.locale').execute()).map(toPage);
}

export interface PageChange {
  slug: ContentSlug;
  locale: Locale;
  title: string;
  body: string;
  actorId: string;
}

/** Optimistic lock: writes only if nobody saved since `expectedVersion`; returns the new version or undefined. */
export async function updatePageIfVersion(trx: Transaction<DB>, change: PageChange, expectedVersion: number): Promise<number | undefined> {
  const row = await trx
    .updateTable('content_pages')
    .set((eb) => ({ title: change.title, body: change.body, updated_at: sql<Date>`now()`, updated_by: change.actorId, version: eb('version', '+', 1) }))
    .where('slug', '=', change.slug)
    .where('locale', '=', change.locale)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Creates a page that did not exist; undefined when someone else created it first. */
export async function insertPageIfMissing(trx: Transaction<DB>, change: PageChange): Promise<number | undefined> {
  const row = await trx
    .insertInto('content_pages')
    .values({ slug: change.slug, locale: change.locale, title: change.title, body: change.body, updated_by: change.actorId, version: 1 })
    .onConflict((oc) => oc.columns(['slug', 'locale']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Seed rows: inserts those that are missing, leaves edited pages alone; returns how many were new. */
export async function insertMissingPages(db: Executor, rows: { slug: ContentSlug; locale: Locale; title: string; body: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('content_pages')
    .values(rows)
    .onConflict((oc) => oc.columns(['slug', 'locale']).doNothing())
    .returning('slug')
    .execute();
  return inserted.length;
}

/** Leichte Sprache divides long words with a middle dot (Familien·büro); the search reads past it. */
const withoutMiddleDots = (column: 'p.title' | 'p.body') => sql<string>`replace(${sql.ref(column)}, '·', '')`;

/**
 * Pages in the visitor's language (or German where that language has none) whose title or body
 * contains every word (written without middle dots). Pages whose title matches come first.
 */
export async function searchPages(db: Executor, words: string[], locale: Locale, slugs: readonly ContentSlug[], limit: number): Promise<StoredPage[]> {
  if (words.length === 0) return [];
  let query = pages(db)
    .where('p.slug', 'in', slugs)
    .where((eb) =>
      eb.or([
        eb('p.locale', '=', locale),
        eb.and([
          eb('p.locale', '=', 'de'),
          eb.not(
            eb.exists(eb.selectFrom('content_pages as other').select('other.slug').whereRef('other.slug', '=', 'p.slug').where('other.locale', '=', locale)),
          ),
        ]),
      ]),
    );
  for (const word of words) {
    const pattern = containsPattern(word);
    query = query.where((eb) => eb.or([eb(withoutMiddleDots('p.title'), 'ilike', pattern), eb(withoutMiddleDots('p.body'), 'ilike', pattern)]));
  }
  const titleFirst = sql<boolean>`(${withoutMiddleDots('p.title')} ILIKE ${containsPattern(words[0]!)})`;
  const rows = await query.orderBy(titleFirst, 'desc').orderBy('p.slug').limit(limit).execute();
  return rows.map(toPage);
}
