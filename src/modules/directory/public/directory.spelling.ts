import type { Executor } from '../../../db/executor.js';
import { closestWords, vocabularyWords } from './search-words.repository.js';

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
export async function correctWords(db: Executor, allWords: string[]): Promise<Correction[]> {
  if (allWords.length === 0) return [];
  // Most words are in the vocabulary: one primary-key look-up settles them without the bigger statement.
  const known = await vocabularyWords(db, allWords);
  const words = allWords.filter((w) => !known.has(w));
  if (words.length === 0) return [];
  const rows = await closestWords(db, words, { minFallbackLength, threshold: correctionThreshold });
  return rows.filter((r): r is Correction => !!r.used && r.used !== r.typed);
}

/** Replaces whole words of the query, keeping everything else (quotes, "-", "or") as typed. */
export function applyCorrections(text: string, corrections: Correction[]): string {
  let out = text;
  for (const { typed, used } of corrections) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${typed}(?![\\p{L}\\p{N}])`, 'giu'), used);
  return out;
}
