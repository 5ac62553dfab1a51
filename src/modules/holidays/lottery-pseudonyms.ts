import type { Executor } from '../../db/executor.js';
import { unitKey } from './allocation.js';
import { pseudonymOf } from './lottery-publication.js';
import { lotteryGroupCodes, pseudonymSecret } from './lottery.repository.js';

/** The pseudonym under which each of these children's unit appears in the published lottery (none before the run). */
export async function lotteryPseudonyms(db: Executor, seasonId: string, childIds: string[]): Promise<Map<string, string>> {
  const secret = await pseudonymSecret(db, seasonId);
  if (!secret) return new Map();
  const codes = await lotteryGroupCodes(db, seasonId, childIds);
  return new Map([...codes].map(([childId, code]) => [childId, pseudonymOf(secret, unitKey(childId, code))]));
}
