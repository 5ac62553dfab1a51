import { type Kysely, sql } from 'kysely';

/**
 * The optional push reminder 2 hours before a booking: the browser's push subscription (endpoint and its
 * two keys, RFC 8291) on the booking that asked for it, and when the reminder was sent (claimed once,
 * like reminder_sent_at). The VAPID keys live in platform_secrets ('appointments-vapid').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE appointment_bookings
    ADD COLUMN push_endpoint text CHECK (length(push_endpoint) <= 1000),
    ADD COLUMN push_p256dh text CHECK (length(push_p256dh) <= 200),
    ADD COLUMN push_auth text CHECK (length(push_auth) <= 100),
    ADD COLUMN push_sent_at timestamptz,
    ADD CHECK ((push_endpoint IS NULL) = (push_p256dh IS NULL) AND (push_endpoint IS NULL) = (push_auth IS NULL))`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE INDEX appointment_bookings_push_due ON appointment_bookings (starts_at)
    WHERE push_endpoint IS NOT NULL AND push_sent_at IS NULL AND status = 'confirmed'`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS appointment_bookings_push_due`).execute(db);
  await sql
    .raw(`ALTER TABLE appointment_bookings DROP COLUMN push_endpoint, DROP COLUMN push_p256dh, DROP COLUMN push_auth, DROP COLUMN push_sent_at`)
    .execute(db);
}
