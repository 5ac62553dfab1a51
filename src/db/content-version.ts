import { type Kysely, sql } from 'kysely';
import type { DB } from './types.js';

/**
 * Tables whose writes change no page that the page cache keeps (platform/http/page-cache.ts): private
 * or bookkeeping rows that visitors and jobs write often. Every other table — those of later migrations
 * too — bumps the content version in the writing transaction. A page that reads one of these tables
 * must not be cached (route option `pageCache`); nor may one that reads a table of `tablesOutsideVersions`.
 */
export const tablesOutsideContent: ReadonlySet<string> = new Set([
  // accounts and the platform's own bookkeeping
  'sessions',
  'auth_tokens',
  'consents',
  'audit_log',
  'barrier_reports',
  // subscribers, answers and registrations of families: no cached page shows them
  'newsletter_subscribers',
  'newsletter_deliveries',
  'survey_responses',
  'survey_drafts',
  'survey_submission_keys',
  'survey_access_codes',
  'survey_rollups',
  'employer_self_checks',
  'holiday_children',
  'holiday_contacts',
  'holiday_wish_lists',
  'holiday_wishes',
  'holiday_attendance',
  'holiday_places',
  'holiday_waitlist',
  'appointment_bookings',
  'appointment_waitlist',
  'council_applications',
  'council_registrations',
  'council_needs',
  'idea_followers',
  'initiative_followers',
  'initiative_email_followers',
  'notification_recipients',
  'notification_preferences',
  'notification_push_subscriptions',
  'notifications',
  'network_notification_settings',
  'network_post_reports',
  'network_rsvps',
  'network_poll_votes',
]);

/**
 * Tables no kept page or session depends on: bookkeeping written by requests and jobs all the time,
 * and Kysely's and the versions' own. They bump neither version. The tables outside content above bump
 * the private version (migration 0029), which signed-in requests read besides the content version.
 */
export const tablesOutsideVersions: ReadonlySet<string> = new Set([
  'rate_limit_hits',
  'mail_outbox',
  'platform_secrets',
  'kysely_migration',
  'kysely_migration_lock',
  'content_versions',
  'private_versions',
]);

type VersionTrigger = 'content_changed' | 'private_changed';

const triggerOf = (table: string): VersionTrigger | null =>
  tablesOutsideVersions.has(table) ? null : tablesOutsideContent.has(table) ? 'private_changed' : 'content_changed';

/** A session's touch changes only `last_seen_at`: it must not end every kept page once a minute. */
const sessionEvents = sql`INSERT OR DELETE OR TRUNCATE OR UPDATE OF id_hash, user_id, expires_at`;
const allEvents = sql`INSERT OR UPDATE OR DELETE OR TRUNCATE`;

/**
 * Attaches the version triggers (`content_changed`, migration 0025; `private_changed`, 0029) to every
 * table of the schema, the one each table's list asks for, and removes any other. Runs at every
 * start; cheap when nothing is missing. Two processes starting at once both succeed (CREATE OR REPLACE).
 */
export async function attachContentTriggers(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ name: string; triggers: VersionTrigger[] }>`
    SELECT c.relname AS name,
           ARRAY(SELECT t.tgname::text FROM pg_trigger t
                  WHERE t.tgrelid = c.oid AND t.tgname IN ('content_changed', 'private_changed')) AS triggers
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(db);
  for (const { name, triggers } of rows) {
    const wanted = triggerOf(name);
    for (const existing of triggers) {
      if (existing !== wanted) await sql`DROP TRIGGER IF EXISTS ${sql.id(existing)} ON ${sql.table(name)}`.execute(db);
    }
    if (wanted && !triggers.includes(wanted)) {
      const events = name === 'sessions' ? sessionEvents : allEvents;
      await sql`CREATE OR REPLACE TRIGGER ${sql.id(wanted)} AFTER ${events} ON ${sql.table(name)}
                FOR EACH STATEMENT EXECUTE FUNCTION ${sql.id(wanted)}()`.execute(db);
    }
  }
}

/**
 * Both versions, each growing with every committed transaction that wrote its tables: content (what
 * public pages show) and private (accounts, consents, registrations, …).
 */
export interface Versions {
  readonly content: number;
  readonly private: number;
}

export async function readVersions(db: Kysely<DB>): Promise<Versions> {
  const { rows } = await sql<{ content: string; private: string }>`
    SELECT (SELECT sum(version) FROM content_versions) AS content, (SELECT sum(version) FROM private_versions) AS private`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('versions missing');
  return { content: Number(row.content), private: Number(row.private) };
}
