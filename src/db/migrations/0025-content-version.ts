import { type Kysely, sql } from 'kysely';

/**
 * The content version: every transaction that writes content adds one, in the same transaction, so a
 * page cached under an older version is never served again by any process on this database
 * (platform/http/page-cache.ts). Kept in 64 slots, one per connection (the backend's pid), so that
 * concurrent writers do not queue for one row; the version is the sum. The trigger function is
 * attached to the tables at start (db/content-version.ts), so tables of later migrations are covered
 * without each migration remembering it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE content_versions (slot smallint PRIMARY KEY CHECK (slot BETWEEN 0 AND 63), version bigint NOT NULL DEFAULT 0)`.execute(db);
  await sql`INSERT INTO content_versions (slot) SELECT generate_series(0, 63)`.execute(db);
  // Once per transaction (a transaction-local setting remembers it), however many statements write.
  await sql`
    CREATE FUNCTION content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('frh.content_changed', true) IS DISTINCT FROM 'yes' THEN
        UPDATE content_versions SET version = version + 1 WHERE slot = pg_backend_pid() % 64;
        PERFORM set_config('frh.content_changed', 'yes', true);
      END IF;
      RETURN NULL;
    END
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION content_changed() CASCADE`.execute(db);
  await sql`DROP TABLE content_versions`.execute(db);
}
