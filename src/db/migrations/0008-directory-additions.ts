import { type Kysely, sql } from 'kysely';

/**
 * Directory, second step: indexes for broad searches at scale (the words in a service's name;
 * alphabetical order as the list shows it), and 'withdrawn' for a proposal its author takes back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const listed = sql`WHERE status IN ('active', 'temporarily closed')`;
  await sql`CREATE INDEX directory_services_title_idx ON directory_services USING gin (ts_filter(search_vector, '{a}')) ${listed}`.execute(db);
  await sql`CREATE INDEX directory_services_sort_name_idx ON directory_services ((translate(lower(name), 'äöüß', 'aous')), id) ${listed}`.execute(db);
  await sql`ALTER TABLE directory_revisions DROP CONSTRAINT directory_revisions_status_check`.execute(db);
  await sql`ALTER TABLE directory_revisions ADD CONSTRAINT directory_revisions_status_check CHECK (status IN ('draft','in_review','published','rejected','superseded','withdrawn'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX directory_services_title_idx`.execute(db);
  await sql`DROP INDEX directory_services_sort_name_idx`.execute(db);
  await sql`ALTER TABLE directory_revisions DROP CONSTRAINT directory_revisions_status_check`.execute(db);
  await sql`ALTER TABLE directory_revisions ADD CONSTRAINT directory_revisions_status_check CHECK (status IN ('draft','in_review','published','rejected','superseded'))`.execute(
    db,
  );
}
