import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/types.js';

/**
 * Typo tolerance for the directory search: a query word the directory does not know is replaced by
 * the most similar word of the published texts (pg_trgm over directory_search_words), and the
 * page says "Meinten Sie …?".
 */

export interface Correction {
  typed: string;
  used: string;
}

const maxWords = 8;
/** pg_trgm similarity a vocabulary word needs to replace a word that matched nothing. */
const correctionThreshold = 0.4;
/** Shorter words make the substring fallback match almost anything. */
export const minFallbackLength = 4;

/** Lower-case words of a query (letters and digits), without websearch's "or" operator. */
export function queryWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && w !== 'or' && !/^\d+$/.test(w)))].slice(0, maxWords);
}

/**
 * For each query word that the directory does not know (no vocabulary word, no stem in the index,
 * no substring of a name), the most similar vocabulary word with similarity ≥ 0.4, if any.
 */
export async function correctWords(db: Kysely<DB>, allWords: string[]): Promise<Correction[]> {
  if (allWords.length === 0) return [];
  // Most words are in the vocabulary: one primary-key look-up settles them without the bigger statement.
  const known = await db.selectFrom('directory_search_words').select('word').where('word', 'in', allWords).execute();
  const words = allWords.filter((w) => !known.some((k) => k.word === w));
  if (words.length === 0) return [];
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
      WHERE w.word % q.word AND similarity(w.word, q.word) >= ${correctionThreshold}
      ORDER BY similarity(w.word, q.word) DESC, length(w.word), w.word
      LIMIT 1
    ) c ON true
    WHERE NOT q.known
  `.execute(db);
  return result.rows.filter((r): r is Correction => !!r.used && r.used !== r.typed);
}

/** Replaces whole words of the query, keeping everything else (quotes, "-", "or") as typed. */
export function applyCorrections(text: string, corrections: Correction[]): string {
  let out = text;
  for (const { typed, used } of corrections) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${typed}(?![\\p{L}\\p{N}])`, 'giu'), used);
  return out;
}
