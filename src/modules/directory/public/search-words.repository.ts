import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';

/** The vocabulary of the published texts (directory_search_words), as the typo correction reads it. */

/** Which of these words are in the vocabulary. */
export async function vocabularyWords(db: Executor, words: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('directory_search_words').select('word').where('word', 'in', words).execute();
  return new Set(rows.map((r) => r.word));
}

/**
 * For each word the directory does not know (no stem in the index, no substring of a name when it
 * has at least `minFallbackLength` letters), the most similar vocabulary word with at least
 * `threshold` pg_trgm similarity, or null.
 */
export async function closestWords(
  db: Executor,
  words: string[],
  { minFallbackLength, threshold }: { minFallbackLength: number; threshold: number },
): Promise<{ typed: string; used: string | null }[]> {
  // CASE keeps the order of the checks: the cheap ones first.
  const result = await sql<{ typed: string; used: string | null }>`
    WITH q AS MATERIALIZED (
      SELECT u.word, CASE
        WHEN EXISTS (SELECT 1 FROM directory_services s WHERE s.search_vector @@ plainto_tsquery('german', u.word)) THEN true
        WHEN length(u.word) >= ${minFallbackLength} AND EXISTS (SELECT 1 FROM directory_services s WHERE s.search_text LIKE '%' || u.word || '%') THEN true
        ELSE false END AS known
      FROM unnest(${words}::text[]) AS u(word)
    )
    SELECT q.word AS typed, c.word AS used
    FROM q LEFT JOIN LATERAL (
      SELECT w.word FROM directory_search_words w
      WHERE w.word % q.word AND similarity(w.word, q.word) >= ${threshold}
      ORDER BY similarity(w.word, q.word) DESC, length(w.word), w.word
      LIMIT 1
    ) c ON true
    WHERE NOT q.known
  `.execute(db);
  return result.rows;
}
