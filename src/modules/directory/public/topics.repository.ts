import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import { topicTaxonomy } from '../directory.taxonomy.js';

/** The topics (terms of the topic taxonomy) and how many listed services each has. */

const columns = ['id', 'code', 'name', 'name_en', 'description', 'description_en', 'intro', 'intro_en'] as const;
export type TopicRow = {
  id: string;
  code: string;
  name: string;
  name_en: string;
  description: string;
  description_en: string;
  intro: string;
  intro_en: string;
};

/** Every topic in the order of the list. */
export const topicRows = (db: Executor): Promise<TopicRow[]> =>
  db.selectFrom('taxonomy_terms').select(columns).where('taxonomy_id', '=', topicTaxonomy.id).orderBy('position').orderBy('name').execute();

export const topicRow = (db: Executor, code: string): Promise<TopicRow | undefined> =>
  db.selectFrom('taxonomy_terms').select(columns).where('taxonomy_id', '=', topicTaxonomy.id).where('code', '=', code).executeTakeFirst();

/** How many listed services each topic has (one pass over the directory). */
export async function countByTopic(db: Executor): Promise<Map<string, number>> {
  const { rows } = await sql<{ code: string; count: number }>`
    SELECT t.code, count(*)::int AS count
    FROM directory_services s CROSS JOIN LATERAL unnest(s.topic_codes) AS t(code)
    WHERE s.status IN ('active', 'temporarily closed')
    GROUP BY t.code`.execute(db);
  return new Map(rows.map((r) => [r.code, r.count]));
}

/** Sets a topic's introductions; the topic's id, or undefined when there is no such topic. */
export const setIntro = async (db: Executor, code: string, intro: { intro: string; intro_en: string }): Promise<string | undefined> =>
  (await db.updateTable('taxonomy_terms').set(intro).where('taxonomy_id', '=', topicTaxonomy.id).where('code', '=', code).returning('id').executeTakeFirst())
    ?.id;

/** The highest position in the topic list, or null when it is empty. */
export const lastPosition = async (db: Executor): Promise<number | null> =>
  (
    await db
      .selectFrom('taxonomy_terms')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('taxonomy_id', '=', topicTaxonomy.id)
      .executeTakeFirst()
  )?.position ?? null;

/** Adds a topic; undefined when the code is taken (by any term). The unique code decides, also between two editors saving at once. */
export const insertTopic = (
  db: Executor,
  topic: { id: string; code: string; name: string; name_en: string; description: string; position: number },
): Promise<TopicRow | undefined> =>
  db
    .insertInto('taxonomy_terms')
    .values({ ...topic, taxonomy_id: topicTaxonomy.id })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(columns)
    .executeTakeFirst();
