import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type IdeaKind = 'idea' | 'concern';
export type IdeaShownAs = 'first_name' | 'initials' | 'anonymous';
export type IdeaModeration = 'unconfirmed' | 'pending' | 'held' | 'published' | 'declined' | 'merged';
export type IdeaStatus = 'received' | 'in_review' | 'answered' | 'in_progress' | 'done' | 'not_possible' | 'not_responsible';
export type IdeaDeclineReason = 'duplicate' | 'offensive' | 'personal_data' | 'advertising' | 'off_topic' | 'other';
export type IdeaEntryKind = 'answer' | 'author_update';

/** An idea or concern from a family (Ideen & Anliegen). */
export interface IdeasTable {
  id: Generated<string>;
  kind: IdeaKind;
  title: string;
  body: string;
  topic: string;
  district: Nullable<string>;
  shown_as: IdeaShownAs;
  author_name: Nullable<string>;
  author_id: Nullable<string>;
  author_email: Nullable<string>;
  author_locale: ColumnType<string, string | undefined, string>;
  link_key: string;
  moderation: ColumnType<IdeaModeration, IdeaModeration | undefined, IdeaModeration>;
  decline_reason: Nullable<IdeaDeclineReason>;
  decline_note: Nullable<string>;
  redaction_note: Nullable<string>;
  status: ColumnType<IdeaStatus, IdeaStatus | undefined, IdeaStatus>;
  merged_into: Nullable<string>;
  photo_id: Nullable<string>;
  photo_alt: Nullable<string>;
  supporters: ColumnType<number, number | undefined, number>;
  match_terms: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  confirmed_at: Nullable<Date>;
  published_at: Nullable<Date>;
  first_answer_at: Nullable<Date>;
  last_answer_at: Nullable<Date>;
  updated_at: Timestamp;
}

/** The public timeline of an idea: the city's answers and the author's updates. */
export interface IdeaEntriesTable {
  id: Generated<string>;
  idea_id: string;
  kind: IdeaEntryKind;
  status: Nullable<IdeaStatus>;
  office: Nullable<string>;
  body: string;
  refer_to: Nullable<string>;
  created_at: Generated<Date>;
  created_by: Nullable<string>;
}

export interface IdeaSupportsTable {
  idea_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface IdeaFollowersTable {
  id: Generated<string>;
  idea_id: string;
  user_id: Nullable<string>;
  email: Nullable<string>;
  locale: ColumnType<string, string | undefined, string>;
  link_key: string;
  confirmed_at: Nullable<Date>;
  created_at: Generated<Date>;
}

export interface IdeasTables {
  ideas: IdeasTable;
  idea_entries: IdeaEntriesTable;
  idea_supports: IdeaSupportsTable;
  idea_followers: IdeaFollowersTable;
}
