import { type Kysely, sql } from 'kysely';

/**
 * Internships, apprenticeships and dual study places (Jugend & Beruf; employer profiles build on them),
 * and one table of revisions for every reviewed kind: the directory's revisions become `revisions`,
 * and a place's versions live there too (draft → in review → published, platform/review/).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `ALTER TABLE directory_revisions RENAME TO revisions`,
    `ALTER TABLE revisions RENAME CONSTRAINT directory_revisions_version TO revisions_version`,
    `ALTER TABLE revisions RENAME CONSTRAINT directory_revisions_status_check TO revisions_status_check`,
    `ALTER TABLE revisions DROP CONSTRAINT directory_revisions_entity_type_check`,
    `ALTER TABLE revisions ADD CONSTRAINT revisions_entity_type_check CHECK (entity_type IN ('organization','location','service','place'))`,
    `ALTER INDEX directory_revisions_status_idx RENAME TO revisions_status_idx`,
    `ALTER INDEX directory_revisions_org_idx RENAME TO revisions_org_idx`,
    `CREATE TABLE places (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('internship','apprenticeship','dual_study')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 140),
      occupation text NOT NULL CHECK (length(occupation) BETWEEN 1 AND 120),
      field text NOT NULL CHECK (field IN ('craft','health','social','office','it','logistics','hospitality','public')),
      certificate text NOT NULL CHECK (certificate IN ('none','hauptschule','mittlerer','fachabitur','abitur')),
      start_date date NOT NULL,
      part_time boolean NOT NULL DEFAULT false,
      positions integer NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 99),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
      how_to_apply text NOT NULL CHECK (length(how_to_apply) BETWEEN 1 AND 1000),
      district text CHECK (length(district) <= 100),
      contact_name text CHECK (length(contact_name) <= 100),
      contact_email text CHECK (length(contact_email) <= 254),
      contact_phone text CHECK (length(contact_phone) <= 40),
      published_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX places_start_idx ON places (start_date, field)`,
    `CREATE INDEX places_org_idx ON places (organization_id)`,
  ])
    await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP TABLE places`,
    `DELETE FROM revisions WHERE entity_type = 'place'`,
    `ALTER TABLE revisions DROP CONSTRAINT revisions_entity_type_check`,
    `ALTER TABLE revisions ADD CONSTRAINT directory_revisions_entity_type_check CHECK (entity_type IN ('organization','location','service'))`,
    `ALTER TABLE revisions RENAME CONSTRAINT revisions_version TO directory_revisions_version`,
    `ALTER TABLE revisions RENAME CONSTRAINT revisions_status_check TO directory_revisions_status_check`,
    `ALTER INDEX revisions_status_idx RENAME TO directory_revisions_status_idx`,
    `ALTER INDEX revisions_org_idx RENAME TO directory_revisions_org_idx`,
    `ALTER TABLE revisions RENAME TO directory_revisions`,
  ])
    await sql.raw(statement).execute(db);
}
