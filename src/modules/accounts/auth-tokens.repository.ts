import { sql } from 'kysely';
import type { TokenPurpose } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

/** The one-time links (`auth_tokens`), stored only as hashes: confirm the address, sign in, reset the password. */

export const insertToken = (db: Executor, values: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date }) =>
  db
    .insertInto('auth_tokens')
    .values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt })
    .execute();

/** Marks the token used and returns its user, atomically: a token works exactly once. */
export const consumeToken = (db: Executor, tokenHash: string, purpose: TokenPurpose) =>
  db
    .updateTable('auth_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();

export const findValidToken = (db: Executor, tokenHash: string, purpose: TokenPurpose) =>
  db
    .selectFrom('auth_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();

export const invalidateTokens = (db: Executor, userId: string, purpose: TokenPurpose) =>
  db
    .updateTable('auth_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
