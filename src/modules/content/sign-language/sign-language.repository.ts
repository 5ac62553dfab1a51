import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { VideoType } from '../../../platform/media/video-format.js';
import type { SignLanguageTopic } from './sign-language.schemas.js';

export interface SignLanguageVideo {
  topic: SignLanguageTopic;
  title: string;
  /** The text version, Markdown. */
  transcript: string;
  videoId: string;
  contentType: VideoType;
  sizeBytes: number;
  updatedAt: Date;
  updatedByName: string | null;
}

function videos(db: Executor) {
  return db
    .selectFrom('sign_language_videos as s')
    .innerJoin('media_videos as m', 'm.id', 's.video_id')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select(['s.topic', 's.title', 's.transcript', 's.video_id', 's.updated_at', 'm.content_type', 'm.size_bytes', 'u.display_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof videos>['executeTakeFirstOrThrow']>>;

const toVideo = (row: Row): SignLanguageVideo => ({
  topic: row.topic,
  title: row.title,
  transcript: row.transcript,
  videoId: row.video_id,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  updatedAt: row.updated_at,
  updatedByName: row.display_name,
});

export async function listVideos(db: Executor): Promise<SignLanguageVideo[]> {
  return (await videos(db).execute()).map(toVideo);
}

export async function findVideo(db: Executor, topic: SignLanguageTopic): Promise<SignLanguageVideo | undefined> {
  const row = await videos(db).where('s.topic', '=', topic).executeTakeFirst();
  return row && toVideo(row);
}

export interface VideoChange {
  topic: SignLanguageTopic;
  title: string;
  transcript: string;
  videoId: string;
  actorId: string | null;
}

/** Creates or replaces the topic's video. */
export async function saveVideo(db: Executor, change: VideoChange): Promise<void> {
  const values = { title: change.title, transcript: change.transcript, video_id: change.videoId, updated_by: change.actorId };
  await db
    .insertInto('sign_language_videos')
    .values({ topic: change.topic, ...values })
    .onConflict((oc) => oc.column('topic').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteTopicVideo(db: Executor, topic: SignLanguageTopic): Promise<void> {
  await db.deleteFrom('sign_language_videos').where('topic', '=', topic).execute();
}
