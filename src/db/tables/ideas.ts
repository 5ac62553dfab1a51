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
  /** The `matchingVersion` that computed `match_terms`; older rows are recomputed by the job ideas.reindex. */
  match_version: ColumnType<number, number | undefined, number>;
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

export type InitiativeStatus = 'planned' | 'preparing' | 'in_progress' | 'done' | 'paused';
export type InitiativeMark = 'sichtbar' | 'spuerbar' | 'gestaltbar';
export type InitiativeLinkKind = 'idea' | 'survey' | 'council';

/** An initiative of the public roadmap (Vorhaben). */
export interface InitiativesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  goal: string;
  topic: string;
  marks: ColumnType<string[], string[] | undefined, string[]>;
  office: string;
  working_group: Nullable<string>;
  /** The working group as a group of the network (migration 0024). */
  network_group_id: Nullable<string>;
  status: InitiativeStatus;
  budget: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface InitiativeMilestonesTable {
  id: Generated<string>;
  initiative_id: string;
  position: number;
  title: string;
  /** yyyy-mm-dd */
  planned_on: ColumnType<string | null, string | null | undefined, string | null>;
  reached_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InitiativeLinksTable {
  id: Generated<string>;
  initiative_id: string;
  kind: InitiativeLinkKind;
  idea_id: Nullable<string>;
  url: Nullable<string>;
  label: Nullable<string>;
}

/** What an idea led to, written by other modules through the ideas module (the council's results). */
export interface IdeaLinksTable {
  id: Generated<string>;
  idea_id: string;
  kind: 'council';
  url: string;
  label: string;
  created_at: Generated<Date>;
}

export interface InitiativeUpdatesTable {
  id: Generated<string>;
  initiative_id: string;
  title: string;
  body: string;
  created_at: Generated<Date>;
  created_by: Nullable<string>;
}

export interface InitiativeHistoryTable {
  id: ColumnType<string, never, never>;
  initiative_id: string;
  at: Generated<Date>;
  actor_id: Nullable<string>;
  changes: ColumnType<unknown, string, string>;
}

export interface InitiativeFollowersTable {
  initiative_id: string;
  user_id: string;
  link_key: string;
  created_at: Generated<Date>;
}

/** Following an initiative without an account: a confirmed address (double opt-in). */
export interface InitiativeEmailFollowersTable {
  id: Generated<string>;
  initiative_id: string;
  email: string;
  locale: ColumnType<string, string | undefined, string>;
  link_key: string;
  confirmed_at: Nullable<Date>;
  created_at: Generated<Date>;
}

export interface IdeasTables {
  initiatives: InitiativesTable;
  initiative_milestones: InitiativeMilestonesTable;
  initiative_links: InitiativeLinksTable;
  idea_links: IdeaLinksTable;
  initiative_updates: InitiativeUpdatesTable;
  initiative_history: InitiativeHistoryTable;
  initiative_followers: InitiativeFollowersTable;
  initiative_email_followers: InitiativeEmailFollowersTable;
  ideas: IdeasTable;
  idea_entries: IdeaEntriesTable;
  idea_supports: IdeaSupportsTable;
  idea_followers: IdeaFollowersTable;
}
