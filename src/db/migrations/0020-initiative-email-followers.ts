import { type Kysely, sql } from 'kysely';

/**
 * Following an initiative (Vorhaben) without an account: the address, confirmed by a link (double
 * opt-in). One row per address and initiative; unconfirmed rows are deleted after a week (ideas.purge).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE initiative_email_followers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    locale text NOT NULL DEFAULT 'de',
    link_key text NOT NULL,
    confirmed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (initiative_id, email)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE initiative_email_followers`.execute(db);
}
