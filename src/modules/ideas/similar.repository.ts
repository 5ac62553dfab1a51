/**
 * The database's part of "similar ideas" (similar.service.ts): how common the lookup keys of a query are, and
 * the candidates worth scoring, through the GIN index on `ideas.match_terms`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { ideasWith, keyPairs, keyWeight, rareKeyLimit, type KeyFrequencies } from './matching.js';

/**
 * How many ideas hold each lookup key, and how many there are. A common key takes its share from the statistics
 * PostgreSQL keeps of the array column (`ANALYZE`: most_common_elems of ideas.match_terms, free to read); any
 * other key is rare enough to count through the index, up to `cap` published ideas. Without statistics (a new
 * or small database) every key is counted.
 */
export async function keyFrequencies(db: Executor, keys: readonly string[], cap: number): Promise<KeyFrequencies> {
  if (keys.length === 0) return { ideas: new Map(), total: 0 };
  const { rows } = await sql<{ key: string; ideas: number; total: number }>`
    WITH rows AS (SELECT greatest(reltuples, 0)::float8 AS total FROM pg_class WHERE oid = 'ideas'::regclass),
    common AS (
      SELECT e.key, e.share FROM pg_stats AS s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(key, share)
      WHERE s.schemaname = current_schema() AND s.tablename = 'ideas' AND s.attname = 'match_terms' AND e.key = ANY(${sql.val([...keys])}::text[])
    )
    SELECT k.key, coalesce(
      (SELECT round(common.share * rows.total)::int FROM common, rows WHERE common.key = k.key),
      (SELECT count(*)::int FROM (SELECT 1 FROM ideas WHERE match_terms @> ARRAY[k.key] AND moderation = 'published' LIMIT ${cap}) AS s)
    ) AS ideas, (SELECT total FROM rows)::int AS total
    FROM unnest(${sql.val([...keys])}::text[]) AS k(key)`.execute(db);
  return { ideas: new Map(rows.map((r) => [r.key, r.ideas])), total: Math.max(rows[0]?.total ?? 0, ...rows.map((r) => r.ideas)) };
}

/**
 * The published ideas worth scoring for a query's lookup keys (one group per term), at most `limit`: those
 * holding a pair of keys of two different terms (`keyPairs`), or one rare key (`rareKeyLimit`), ordered by the
 * summed weight of the keys they hold (rare keys weigh more, `keyWeight`), then newest first. When that finds
 * nothing (a query of one common word), those holding its rarest key.
 */
export async function similarCandidates(db: Executor, groups: string[][], limit: number, frequencies: KeyFrequencies) {
  const keys = [...new Set(groups.flat())];
  if (keys.length === 0) return [];
  const weights = keys.map((k) => keyWeight(ideasWith(frequencies, k)));
  const rare = keys.filter((k) => ideasWith(frequencies, k) <= rareKeyLimit);
  const pairs = keyPairs(groups, frequencies);
  const finds = [
    ...pairs.map((pair) => sql<boolean>`match_terms @> ${sql.val(pair)}::text[]`),
    ...(rare.length ? [sql<boolean>`match_terms && ${sql.val(rare)}::text[]`] : []),
  ];
  const query = (find: RawBuilder<boolean>) =>
    db
      .selectFrom('ideas')
      .select(['id', 'title', 'match_terms', 'supporters', 'status', 'topic', 'district'])
      .where('moderation', '=', 'published')
      .where(find)
      // The summed weight of the keys an idea holds, one containment test per key (cheaper than a subquery per row).
      .orderBy(
        sql.join(
          keys.map((k, i) => sql`(CASE WHEN match_terms @> ARRAY[${k}]::text[] THEN ${weights[i]}::float8 ELSE 0 END)`),
          sql` + `,
        ),
        'desc',
      )
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
  const found = finds.length ? await query(sql<boolean>`(${sql.join(finds, sql` OR `)})`) : [];
  if (found.length) return found;
  const rarest = [...keys].sort((a, b) => ideasWith(frequencies, a) - ideasWith(frequencies, b))[0]!;
  return query(sql<boolean>`match_terms @> ARRAY[${rarest}]::text[]`);
}
