import { type Kysely, sql } from 'kysely';
import type { DB } from './types.js';

/**
 * Tables whose writes change no page that the page cache keeps (platform/http/page-cache.ts): private
 * or bookkeeping rows that visitors and jobs write often. Every other table — those of later migrations
 * too — bumps the content version in the writing transaction. A page that reads one of these tables
 * must not be cached (route option `pageCache`).
 */
export const tablesOutsideContent: ReadonlySet<string> = new Set([
  // accounts and the platform's own bookkeeping
  'sessions',
  'auth_tokens',
  'consents',
  'audit_log',
  'rate_limit_hits',
  'mail_outbox',
  'platform_secrets',
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
  // Kysely's own
  'kysely_migration',
  'kysely_migration_lock',
  'content_versions',
]);

/**
 * Attaches the trigger `content_changed` (migration 0025) to every table of the schema that is not
 * listed above, and removes it where a table has been listed since. Runs at every start; cheap when
 * nothing is missing. Two processes starting at once both succeed (CREATE OR REPLACE).
 */
export async function attachContentTriggers(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ name: string; attached: boolean }>`
    SELECT c.relname AS name,
           EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'content_changed') AS attached
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(db);
  for (const { name, attached } of rows) {
    const wanted = !tablesOutsideContent.has(name);
    if (wanted && !attached) {
      await sql`CREATE OR REPLACE TRIGGER content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(name)}
                FOR EACH STATEMENT EXECUTE FUNCTION content_changed()`.execute(db);
    } else if (!wanted && attached) {
      await sql`DROP TRIGGER IF EXISTS content_changed ON ${sql.table(name)}`.execute(db);
    }
  }
}

/** The content version: grows with every committed transaction that wrote content. */
export async function readContentVersion(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('content_versions')
    .select((eb) => eb.fn.sum<number>('version').as('version'))
    .executeTakeFirstOrThrow();
  return Number(row.version);
}
