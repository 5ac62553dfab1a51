import { type Kysely, sql } from 'kysely';

/**
 * Network: when a person last opened their start page, and the visit before, so the page can show the
 * documents that are new since then. Kept beside the person's link keys (outside the content version:
 * a visit changes no page anyone else sees).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE network_notification_settings ADD COLUMN visited_at timestamptz, ADD COLUMN previous_visit_at timestamptz`.execute(db);
  await sql`CREATE INDEX network_documents_group_updated ON network_documents (group_id, updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS network_documents_group_updated`.execute(db);
  await sql`ALTER TABLE network_notification_settings DROP COLUMN previous_visit_at, DROP COLUMN visited_at`.execute(db);
}
