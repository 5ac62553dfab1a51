import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';
export type IssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent';
export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown';

export interface NewsPostsTable {
  id: Generated<string>;
  title: string;
  teaser: string;
  body: string;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  published_at: Nullable<Date>;
  expires_at: Nullable<Date>;
  image_id: Nullable<string>;
  image_alt: Nullable<string>;
  author_id: Nullable<string>;
  search_vector: ColumnType<string | null, unknown, unknown>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface NewsletterSubscribersTable {
  id: Generated<string>;
  email: string;
  locale: ColumnType<string, string | undefined, string>;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  district: Nullable<string>;
  status: SubscriberStatus;
  link_key: string;
  consent_text: string;
  consent_version: string;
  signed_up_at: Timestamp;
  confirmed_at: Nullable<Date>;
  unsubscribed_at: Nullable<Date>;
  confirmation_sent_at: Nullable<Date>;
  suppressed_at: Nullable<Date>;
  suppressed_reason: Nullable<string>;
  updated_at: Timestamp;
}

export interface NewsletterIssuesTable {
  id: Generated<string>;
  subject: string;
  intro: ColumnType<string, string | undefined, string>;
  composition: ColumnType<unknown, string, string>;
  frozen: ColumnType<unknown, string | null | undefined, string | null>;
  status: ColumnType<IssueStatus, IssueStatus | undefined, IssueStatus>;
  scheduled_at: Nullable<Date>;
  started_at: Nullable<Date>;
  finished_at: Nullable<Date>;
  total: ColumnType<number, number | undefined, number>;
  lease_owner: Nullable<string>;
  lease_until: Nullable<Date>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface NewsletterDeliveriesTable {
  id: Generated<string>;
  issue_id: string;
  subscriber_id: string | null;
  state: ColumnType<DeliveryState, DeliveryState | undefined, DeliveryState>;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: Nullable<Date>;
  sent_at: Nullable<Date>;
  error: Nullable<string>;
}

/** Table types of the newsletter module (Neuigkeiten und Familieninfobrief); `DB` in ../types.ts extends this. */
export interface NewsletterTables {
  news_posts: NewsPostsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
}
