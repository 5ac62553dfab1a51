import { type Kysely, sql } from 'kysely';

/**
 * Befragung. Anonymity is built into the schema: responses carry channel and day only (no
 * timestamp, no user, no IP); ids are random UUIDs, so neither ids nor times reveal the order
 * of submissions; access codes live in their own table and are deleted when used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_surveys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed','published')),
      opens_on date,
      closes_on date,
      requires_code boolean NOT NULL DEFAULT false,
      current_version integer NOT NULL DEFAULT 1,
      rolled_up_until date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on)
    )`.execute(db);
  await sql`
    CREATE TABLE survey_versions (
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      frozen_at timestamptz,
      PRIMARY KEY (survey_id, version)
    )`.execute(db);
  await sql`
    CREATE TABLE survey_channels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      slug text NOT NULL,
      name text NOT NULL,
      UNIQUE (survey_id, slug),
      UNIQUE (survey_id, name)
    )`.execute(db);
  await sql`
    CREATE TABLE survey_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      version integer NOT NULL,
      channel_id uuid REFERENCES survey_channels(id) ON DELETE SET NULL,
      answered_on date NOT NULL,
      answers jsonb NOT NULL,
      FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
    )`.execute(db);
  await sql`CREATE INDEX survey_responses_survey ON survey_responses (survey_id, answered_on)`.execute(db);
  // Per-day counts of every answer value, for days that can no longer change (responses are
  // immutable and carry their day): the dashboard sums these and aggregates only the last days live.
  await sql`
    CREATE TABLE survey_rollups (
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      day date NOT NULL,
      key text NOT NULL,
      value text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (survey_id, day, key, value)
    )`.execute(db);
  await sql`
    CREATE TABLE survey_access_codes (
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      code text NOT NULL,
      PRIMARY KEY (survey_id, code)
    )`.execute(db);
  await sql`
    CREATE TABLE survey_drafts (
      token_hash text PRIMARY KEY,
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      version integer NOT NULL,
      channel_id uuid REFERENCES survey_channels(id) ON DELETE SET NULL,
      language text NOT NULL,
      answers jsonb NOT NULL DEFAULT '{}',
      page integer NOT NULL DEFAULT 1,
      access_code text,
      submission_key text NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX survey_drafts_expiry ON survey_drafts (expires_at)`.execute(db);
  await sql`
    CREATE TABLE survey_submission_keys (
      key_hash text PRIMARY KEY,
      expires_on date NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE survey_text_picks (
      survey_id uuid NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
      response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
      answer_key text NOT NULL,
      PRIMARY KEY (response_id, answer_key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'survey_text_picks',
    'survey_submission_keys',
    'survey_drafts',
    'survey_access_codes',
    'survey_rollups',
    'survey_responses',
    'survey_channels',
    'survey_versions',
    'survey_surveys',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
