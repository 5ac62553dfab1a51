import { sql } from 'kysely';
import type { Executor } from '../jobs/jobs.js';
import { hmac } from '../auth/tokens.js';
import { AppError } from './errors.js';

export interface Limit {
  /** What is limited, e.g. "login:ip". */
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts one attempt in PostgreSQL (so every web process shares the count) and throws a 429
 * AppError past the limit. Keys are HMACed: the table never holds an IP address or an email.
 */
export async function consumeRateLimit(db: Executor, secret: string, limit: Limit, subject: string): Promise<void> {
  const key = `${limit.bucket}:${hmac(secret, subject.toLowerCase()).slice(0, 32)}`;
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const row = await sql<{ hits: number; retry_after: number }>`
    INSERT INTO rate_limit_hits (key, hits, window_ends_at) VALUES (${key}, 1, now() + ${window})
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit_hits.window_ends_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
      window_ends_at = CASE WHEN rate_limit_hits.window_ends_at <= now() THEN now() + ${window} ELSE rate_limit_hits.window_ends_at END
    RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()))::int AS retry_after`.execute(db);
  const result = row.rows[0];
  if (result && result.hits > limit.max) {
    throw new AppError('rate_limited', 'Zu viele Versuche. Bitte warten Sie und versuchen Sie es dann noch einmal.', { retryAfterSeconds: Math.max(1, result.retry_after) });
  }
}

export async function deleteExpiredRateLimits(db: Executor): Promise<void> {
  await db.deleteFrom('rate_limit_hits').where('window_ends_at', '<', sql<Date>`now()`).execute();
}
