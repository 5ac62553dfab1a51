/**
 * "Similar ideas": published ideas like a text, best first. The one function behind the form while someone types,
 * the check page before sending, GET /api/v1/ideen/aehnliche and the moderation page (through `similar` of the
 * idea service). Terms and keys: matching.ts; ranking: ranking.ts; the database: similar.repository.ts.
 */
import type { Executor } from '../../db/executor.js';
import { frequencyCap, matchTerms, queryKeyGroups } from './matching.js';
import { rankSimilar, type MatchContext } from './ranking.js';
import { keyFrequencies, similarCandidates } from './similar.repository.js';

/** At most this many similar ideas are suggested; below `minimumScore` (the text's alone) an idea is not "similar". */
export const similarLimit = 5;
export const minimumScore = 0.25;
/** How many candidates (those holding the weightiest lookup keys) are scored in full. */
export const candidateLimit = 100;

/** `topic` and `district` (what the person chose in the form) order ideas the text finds alike; they never make one similar. */
export type SimilarOptions = { limit?: number; except?: string } & MatchContext;

export async function findSimilar(db: Executor, text: string, options: SimilarOptions = {}) {
  const query = matchTerms(text);
  const groups = queryKeyGroups(query);
  const frequencies = await keyFrequencies(db, [...new Set(groups.flat())], frequencyCap);
  const candidates = await similarCandidates(db, groups, candidateLimit, frequencies);
  const context = { topic: options.topic, district: options.district };
  return rankSimilar(query, candidates, { limit: options.limit ?? similarLimit, minimumScore, except: options.except, context, frequencies });
}
