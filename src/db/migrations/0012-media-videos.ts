import { type Kysely, sql } from 'kysely';

/** Uploaded videos with their captions (WebVTT), stored like images so every web process serves them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE media_videos (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    content_type text NOT NULL CHECK (content_type IN ('video/mp4', 'video/webm')),
    bytes bytea NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes = octet_length(bytes)),
    captions text NOT NULL,
    uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  // Video does not compress; stored uncompressed, a range request reads only the slices it needs.
  await sql`ALTER TABLE media_videos ALTER COLUMN bytes SET STORAGE EXTERNAL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE media_videos`.execute(db);
}
