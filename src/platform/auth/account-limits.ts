import type { Config } from '../../config.js';
import type { Executor } from '../../db/executor.js';
import { consumeRateLimit, refundRateLimit, resetRateLimit, sourceOf, type Limit } from '../http/rate-limit.js';

/**
 * Limits on attempts at one account (OWASP ASVS 5, V6.3): counted per account and source, per
 * source across accounts, and per account across sources with a much higher ceiling. So a guesser
 * locks out only their own source; the owner still gets in from elsewhere (and by email link, which
 * these limits never touch), and only a guesser with many sources meets the account's ceiling.
 */
export interface AccountLimits {
  /** Names the counters, e.g. "login". */
  bucket: string;
  perAccountAndSource: number;
  perSource: number;
  perAccount: number;
  windowSeconds: number;
}

/** Password logins: the limits RATE_LIMIT_AUTH_MAX, …_SOURCE_MAX and …_ACCOUNT_MAX set, per 15 minutes. */
export const loginLimits = (config: Config): AccountLimits => ({
  bucket: 'login',
  perAccountAndSource: config.rateLimitMax,
  perSource: config.rateLimitSourceMax,
  perAccount: config.rateLimitAccountMax,
  windowSeconds: 900,
});

function counters(limits: AccountLimits, account: string, ip: string): [Limit, string][] {
  const source = sourceOf(ip);
  const limit = (scope: string, max: number): Limit => ({ bucket: `${limits.bucket}:${scope}`, max, windowSeconds: limits.windowSeconds });
  // The order matters: an attempt refused for its source stops before it counts against the account.
  return [
    [limit('source', limits.perSource), source],
    [limit('account+source', limits.perAccountAndSource), `${account}\n${source}`],
    [limit('account', limits.perAccount), account],
  ];
}

/** Counts one attempt before it is checked; throws a 429 AppError when any of the three limits is reached. */
export async function countAccountAttempt(db: Executor, secret: string, limits: AccountLimits, account: string, ip: string): Promise<void> {
  for (const [limit, subject] of counters(limits, account, ip)) await consumeRateLimit(db, secret, limit, subject);
}

/**
 * The attempt succeeded: it was no failure, so it leaves the source's and the account's counts,
 * and the failures of this account from this source are forgotten.
 */
export async function acceptAccountAttempt(db: Executor, secret: string, limits: AccountLimits, account: string, ip: string): Promise<void> {
  const [source, accountAndSource, wholeAccount] = counters(limits, account, ip);
  await refundRateLimit(db, secret, ...source!);
  await resetRateLimit(db, secret, ...accountAndSource!);
  await refundRateLimit(db, secret, ...wholeAccount!);
}
