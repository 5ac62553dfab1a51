import type { ColumnType } from 'kysely';

/** The content module's own tables beyond its pages (content_pages and barrier_reports are in ../types.ts). */
export type SignLanguageTopic = 'inhalt' | 'bedienung' | 'barrierefreiheit';

/** A video in German Sign Language for one topic, with its text version (Markdown). */
export interface SignLanguageVideosTable {
  topic: SignLanguageTopic;
  title: string;
  transcript: string;
  video_id: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface ContentTables {
  sign_language_videos: SignLanguageVideosTable;
}
