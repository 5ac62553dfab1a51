import { type Kysely, sql } from 'kysely';

/**
 * Network: reported posts that a group's lead hides (the post stays, for the record and to be shown
 * again, but no member sees it), the open reports they work through, and the indexes the cascades and
 * the retention clean-up need (deleting a document finds its post attachments and agenda items).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE network_posts ADD COLUMN hidden_at timestamptz`.execute(db);
  await sql`CREATE INDEX network_post_reports_open ON network_post_reports (post_id) WHERE handled_at IS NULL`.execute(db);
  await sql`CREATE INDEX network_post_attachments_document ON network_post_attachments (document_id)`.execute(db);
  await sql`CREATE INDEX network_agenda_items_document ON network_agenda_items (document_id) WHERE document_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS network_agenda_items_document`.execute(db);
  await sql`DROP INDEX IF EXISTS network_post_attachments_document`.execute(db);
  await sql`DROP INDEX IF EXISTS network_post_reports_open`.execute(db);
  await sql`ALTER TABLE network_posts DROP COLUMN hidden_at`.execute(db);
}
