import path from 'node:path';

/** The one reader of process.env: validated at boot, typed, frozen. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  /** Where the site is reached; used in mails and absolute links. */
  readonly publicUrl: string;
  /** Unset: embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Unset: mails land in the local outbox (database + .eml files). */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /**
   * Secret for signing tokens (CSRF, links) and keying rate limits. SESSION_SECRET when set; otherwise
   * empty here and filled in by boot() from the database, so every process on one database shares it.
   */
  readonly sessionSecret: string;
  readonly cookieSecure: boolean;
  /**
   * Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy): none (false), addresses and
   * ranges, or all (true). Believing every sender would let anyone pick their own address for the rate limits.
   */
  readonly trustProxy: boolean | string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  /** Run the job worker inside the web process (embedded default). */
  readonly runWorkerInWeb: boolean;
  readonly seedDemoData: boolean;
  readonly cityProfilePath: string;
  readonly logLevel: string;
  /** Failed logins per account and source (IP address, IPv6 /64) in 15 minutes. */
  readonly rateLimitMax: number;
  /** Failed logins per source across all accounts in 15 minutes. */
  readonly rateLimitSourceMax: number;
  /** Failed logins per account across all sources in 15 minutes: the much higher ceiling. */
  readonly rateLimitAccountMax: number;
  /** How long an account deletion keeps the anonymised audit trail (days). */
  readonly auditRetentionDays: number;
  /** Familieninfobrief: most messages per second one sending worker hands to SMTP (0 = no limit). */
  readonly newsletterMaxPerSecond: number;
  /** Familieninfobrief: parallel SMTP connections of the bulk transport. */
  readonly newsletterSmtpConnections: number;
  /** Anonymous pages kept in this process's page cache: how long at most (seconds, 0 = off) and how many MB in all. */
  readonly pageCacheSeconds: number;
  readonly pageCacheMegabytes: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function intSetting(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function boolSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function trustProxySetting(env: Env, fallback: boolean | string): boolean | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return fallback;
  if (['true', 'false'].includes(raw.toLowerCase())) return raw.toLowerCase() === 'true';
  if (!/^[\w.:/,\s-]+$/.test(raw)) throw new ConfigError(`TRUST_PROXY must be true, false or addresses (e.g. loopback, 10.0.0.0/8), got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const port = intSetting(env, 'PORT', 3000);
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  if (production) {
    for (const name of ['PUBLIC_URL', 'SESSION_SECRET', 'DATABASE_URL']) {
      if (!env[name]) throw new ConfigError(`${name} is required when NODE_ENV=production`);
    }
  }
  const sessionSecret = env.SESSION_SECRET || '';
  if (sessionSecret && sessionSecret.length < 16) throw new ConfigError('SESSION_SECRET must have at least 16 characters');
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');

  return Object.freeze({
    env: nodeEnv,
    port,
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    publicUrl,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Familienrathaus <familienrathaus@localhost>',
    sessionSecret,
    cookieSecure: boolSetting(env, 'COOKIE_SECURE', production || publicUrl.startsWith('https://')),
    trustProxy: trustProxySetting(env, production ? 'loopback' : false),
    sessionIdleMinutes: intSetting(env, 'SESSION_IDLE_MINUTES', 60, 1),
    sessionAbsoluteHours: intSetting(env, 'SESSION_ABSOLUTE_HOURS', 12, 1),
    runWorkerInWeb: boolSetting(env, 'WORKER_IN_WEB', !production),
    seedDemoData: boolSetting(env, 'SEED_DEMO_DATA', !production),
    cityProfilePath: path.resolve(env.CITY_PROFILE || 'city/hamm.json'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    rateLimitMax: intSetting(env, 'RATE_LIMIT_AUTH_MAX', 10, 1),
    rateLimitSourceMax: intSetting(env, 'RATE_LIMIT_AUTH_SOURCE_MAX', 50, 1),
    rateLimitAccountMax: intSetting(env, 'RATE_LIMIT_AUTH_ACCOUNT_MAX', 100, 1),
    auditRetentionDays: intSetting(env, 'AUDIT_RETENTION_DAYS', 365 * 3, 1),
    newsletterMaxPerSecond: intSetting(env, 'NEWSLETTER_MAX_PER_SECOND', 50, 0),
    newsletterSmtpConnections: intSetting(env, 'NEWSLETTER_SMTP_CONNECTIONS', 4, 1),
    pageCacheSeconds: intSetting(env, 'PAGE_CACHE_SECONDS', 10, 0),
    pageCacheMegabytes: intSetting(env, 'PAGE_CACHE_MB', 32, 1),
  });
}
