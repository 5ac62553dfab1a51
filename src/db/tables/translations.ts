import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 'published': what visitors see; 'proposed': a change waiting for an editor's review. */
export type TranslationState = 'published' | 'proposed';

/** One translated field of one record in one language (platform/translations). */
export interface ContentTranslationsTable {
  /** What the record is, e.g. 'news_post'; with `entity_id` it names the record (no foreign key, see the migration). */
  kind: string;
  entity_id: string;
  locale: string;
  field: string;
  state: TranslationState;
  text: string;
  /** Hash of the German text the translation was made from. */
  source_digest: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface TranslationsTables {
  content_translations: ContentTranslationsTable;
}
