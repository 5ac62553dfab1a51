import { isIPv6 } from 'node:net';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { hmac } from '../auth/tokens.js';
import { AppError } from './errors.js';

export interface Limit {
  /** What is limited, e.g. "login:ip". */
  bucket: string;
  max: number;
  windowSeconds: number;
}

const keyOf = (secret: string, bucket: string, subject: string) => `${bucket}:${hmac(secret, subject.toLowerCase()).slice(0, 32)}`;

/**
 * Counts one attempt in PostgreSQL (so every web process shares the count) and throws a 429
 * AppError past the limit. Keys are HMACed: the table never holds an IP address or an email.
 */
export async function consumeRateLimit(db: Executor, secret: string, limit: Limit, subject: string): Promise<void> {
  const key = keyOf(secret, limit.bucket, subject);
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const row = await sql<{ hits: number; retry_after: number }>`
    INSERT INTO rate_limit_hits (key, hits, window_ends_at) VALUES (${key}, 1, now() + ${window})
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit_hits.window_ends_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
      window_ends_at = CASE WHEN rate_limit_hits.window_ends_at <= now() THEN now() + ${window} ELSE rate_limit_hits.window_ends_at END
    RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()))::int AS retry_after`.execute(db);
  const result = row.rows[0];
  if (result && result.hits > limit.max) {
    throw new AppError('rate_limited', 'Zu viele Versuche. Bitte warten Sie und versuchen Sie es dann noch einmal.', {
      retryAfterSeconds: Math.max(1, result.retry_after),
    });
  }
}

/** Takes back one counted attempt, e.g. one that turned out to be a successful login. */
export async function refundRateLimit(db: Executor, secret: string, limit: Limit, subject: string): Promise<void> {
  await db
    .updateTable('rate_limit_hits')
    .set({ hits: sql`hits - 1` })
    .where('key', '=', keyOf(secret, limit.bucket, subject))
    .where('hits', '>', 0)
    .where('window_ends_at', '>', sql<Date>`now()`)
    .execute();
}

/** Forgets every attempt counted for the subject. */
export async function resetRateLimit(db: Executor, secret: string, limit: Limit, subject: string): Promise<void> {
  await db
    .deleteFrom('rate_limit_hits')
    .where('key', '=', keyOf(secret, limit.bucket, subject))
    .execute();
}

export async function deleteExpiredRateLimits(db: Executor): Promise<void> {
  await db
    .deleteFrom('rate_limit_hits')
    .where('window_ends_at', '<', sql<Date>`now()`)
    .execute();
}

/**
 * The source an attempt is counted against: the IPv4 address, or the /64 network of an IPv6
 * address (one connection usually holds a whole /64, so single addresses would be free to change).
 */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
