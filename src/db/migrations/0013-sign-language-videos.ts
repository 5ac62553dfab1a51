import { type Kysely, sql } from 'kysely';

/** The videos in German Sign Language that BITV 2.0 § 4 asks for: one per topic, with a text version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sign_language_videos (
    topic text PRIMARY KEY CHECK (topic IN ('inhalt', 'bedienung', 'barrierefreiheit')),
    title text NOT NULL,
    transcript text NOT NULL,
    video_id uuid NOT NULL REFERENCES media_videos(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid REFERENCES users(id) ON DELETE SET NULL
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sign_language_videos`.execute(db);
}
