import { type Kysely, sql } from 'kysely';

/**
 * Familienfreundliche Arbeitgeber: the published profile of an employer organisation (its versions live
 * in `revisions`, entity_type 'employer'), good-practice stories, and the self-check — anonymous answers
 * with the month only (no identifier, no time of day), and the results employers saved to their profile.
 * An employer's places are the places of migration 0018.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `ALTER TABLE revisions DROP CONSTRAINT revisions_entity_type_check`,
    `ALTER TABLE revisions ADD CONSTRAINT revisions_entity_type_check CHECK (entity_type IN ('organization','location','service','place','employer'))`,
    `CREATE TABLE employer_profiles (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
      sector text NOT NULL CHECK (sector IN ('health','care','craft','industry','retail','services','it','public','social','logistics')),
      size text NOT NULL CHECK (size IN ('micro','small','medium','large')),
      districts text[] NOT NULL DEFAULT '{}',
      summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
      measures text[] NOT NULL DEFAULT '{}' CHECK (cardinality(measures) <= 40),
      certificates jsonb NOT NULL DEFAULT '[]',
      website text CHECK (length(website) <= 300),
      logo_id uuid REFERENCES media_images(id) ON DELETE SET NULL,
      contact_name text CHECK (length(contact_name) <= 100),
      contact_email text CHECK (length(contact_email) <= 254),
      contact_phone text CHECK (length(contact_phone) <= 40),
      measures_confirmed_on date NOT NULL,
      confirm_reminder_sent_at timestamptz,
      published_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX employer_profiles_measures_idx ON employer_profiles USING gin (measures)`,
    `CREATE INDEX employer_profiles_districts_idx ON employer_profiles USING gin (districts)`,
    `CREATE INDEX employer_profiles_sector_idx ON employer_profiles (sector, size)`,
    `CREATE INDEX places_org_kind_idx ON places (organization_id, kind, start_date)`,
    `CREATE TABLE employer_stories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
      sector text NOT NULL,
      measures text[] NOT NULL DEFAULT '{}',
      problem text NOT NULL CHECK (length(problem) BETWEEN 1 AND 4000),
      solution text NOT NULL CHECK (length(solution) BETWEEN 1 AND 4000),
      cost text NOT NULL CHECK (length(cost) BETWEEN 1 AND 2000),
      effect text NOT NULL CHECK (length(effect) BETWEEN 1 AND 4000),
      contact_name text CHECK (length(contact_name) <= 100),
      contact_email text CHECK (length(contact_email) <= 254),
      contact_phone text CHECK (length(contact_phone) <= 40),
      published_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE employer_self_checks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      version smallint NOT NULL CHECK (version >= 1),
      answers smallint[] NOT NULL CHECK (cardinality(answers) BETWEEN 1 AND 60 AND 0 <= ALL (answers) AND 2 >= ALL (answers))
    )`,
    `CREATE INDEX employer_self_checks_version_idx ON employer_self_checks (version, month)`,
    `CREATE TABLE employer_self_check_results (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
      version smallint NOT NULL CHECK (version >= 1),
      answers smallint[] NOT NULL CHECK (cardinality(answers) BETWEEN 1 AND 60 AND 0 <= ALL (answers) AND 2 >= ALL (answers)),
      saved_at timestamptz NOT NULL DEFAULT now()
    )`,
  ])
    await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP TABLE employer_self_check_results`,
    `DROP TABLE employer_self_checks`,
    `DROP TABLE employer_stories`,
    `DROP INDEX places_org_kind_idx`,
    `DROP TABLE employer_profiles`,
    `DELETE FROM revisions WHERE entity_type = 'employer'`,
    `ALTER TABLE revisions DROP CONSTRAINT revisions_entity_type_check`,
    `ALTER TABLE revisions ADD CONSTRAINT revisions_entity_type_check CHECK (entity_type IN ('organization','location','service','place'))`,
  ])
    await sql.raw(statement).execute(db);
}
