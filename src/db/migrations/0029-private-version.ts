import { type Kysely, sql } from 'kysely';

/**
 * The private version: like the content version (0025), but for the private tables that the content
 * version leaves out (accounts, consents, registrations, …). Signed-in requests read both: a session
 * kept in process memory (platform/auth/session-cache.ts) and a signed-in page kept for its session
 * (platform/http/page-cache.ts) are valid only while neither version has moved, in every process on
 * this database. Attached to the tables at start (db/content-version.ts). A session's touch (only
 * `last_seen_at` changes) does not count: it would end every kept page once a minute.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE private_versions (slot smallint PRIMARY KEY CHECK (slot BETWEEN 0 AND 63), version bigint NOT NULL DEFAULT 0)`.execute(db);
  await sql`INSERT INTO private_versions (slot) SELECT generate_series(0, 63)`.execute(db);
  await sql`
    CREATE FUNCTION private_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('frh.private_changed', true) IS DISTINCT FROM 'yes' THEN
        UPDATE private_versions SET version = version + 1 WHERE slot = pg_backend_pid() % 64;
        PERFORM set_config('frh.private_changed', 'yes', true);
      END IF;
      RETURN NULL;
    END
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION private_changed() CASCADE`.execute(db);
  await sql`DROP TABLE private_versions`.execute(db);
}
