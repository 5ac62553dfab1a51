import { type Kysely, sql } from 'kysely';

/**
 * Ferienbetreuung: the published inputs and result of a season's lottery (anonymised JSON, stored as
 * text so every download is byte for byte the same) and the per-run secret that turns a unit's key
 * into its pseudonym. The secret is never published; families are shown their own pseudonym.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE holiday_lottery_publications (
    season_id uuid PRIMARY KEY REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    pseudonym_secret text NOT NULL,
    document text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE holiday_lottery_publications`.execute(db);
}
