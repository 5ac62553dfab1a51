import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { EventsTables } from './tables/events.js';
import type { HolidaysTables } from './tables/holidays.js';
import type { NewsletterTables } from './tables/newsletter.js';
import type { SurveyTables } from './tables/survey.js';
import type { TranslationsTables } from './tables/translations.js';
import type { ContentTables } from './tables/content.js';
import type { AppointmentsTables } from './tables/appointments.js';
import type { CouncilTables } from './tables/council.js';
import type { IdeasTables } from './tables/ideas.js';
import type { PlacesTables } from './tables/places.js';
import type { NetworkTables } from './tables/network.js';
import type { EmployersTables } from './tables/employers.js';
import type { NotificationTables } from './tables/notifications.js';

/** Table types: one interface per table, named as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export type Role = 'family' | 'provider' | 'partner' | 'analyst' | 'editor' | 'admin';
export type TokenPurpose = 'confirm_email' | 'login_link' | 'password_reset';
export type OrganizationKind = 'provider' | 'partner' | 'city';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string | null;
  display_name: string;
  role: ColumnType<Role, Role | undefined, Role>;
  locale: ColumnType<string, string | undefined, string>;
  email_confirmed_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_login_at: Date | null;
}

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganizationKind;
  created_at: CreatedAt;
  description: ColumnType<string, string | undefined, string>;
  /** The published HSDS organization object (null until the organization has one). */
  hsds: ColumnType<unknown, string | null | undefined, string | null>;
  /** Trusted organizations publish without review. */
  trusted: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  user_id: string;
  organization_id: string;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface AuthTokensTable {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface ConsentsTable {
  id: Generated<string>;
  user_id: string;
  purpose: string;
  text_version: string;
  text: string;
  given_at: Timestamp;
  withdrawn_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface RateLimitHitsTable {
  key: string;
  hits: number;
  window_ends_at: Date;
}

/** The content and private versions in slots (migrations 0025, 0029; db/content-version.ts). The app only reads the sums. */
export interface ContentVersionsTable {
  slot: number;
  version: Generated<number>;
}

/** Secrets generated once and shared by every process on the database (the session secret without SESSION_SECRET). */
export interface PlatformSecretsTable {
  /** What the secret is for, e.g. 'session'. */
  id: string;
  value: string;
  created_at: CreatedAt;
}

export interface MailOutboxTable {
  id: Generated<string>;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: CreatedAt;
}

export interface ContentPagesTable {
  slug: string;
  locale: string;
  title: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface BarrierReportsTable {
  id: Generated<string>;
  page_url: string;
  message: string;
  contact_email: string | null;
  created_at: CreatedAt;
}

export type RevisionStatus = 'draft' | 'in_review' | 'published' | 'rejected' | 'superseded' | 'withdrawn';
export type DirectoryEntity = 'organization' | 'location' | 'service';
/** What the one review workflow (platform/review/) keeps versions of: the directory's entries and the places. */
export type RevisionKind = DirectoryEntity | 'place' | 'employer';

export interface TaxonomiesTable {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export interface TaxonomyTermsTable {
  id: string;
  taxonomy_id: string;
  /** Stable slug, used in URLs (/themen/<code>) and filters. */
  code: string;
  parent_id: string | null;
  name: string;
  name_en: string;
  description: ColumnType<string, string | undefined, string>;
  description_en: ColumnType<string, string | undefined, string>;
  /** Editors' introduction on the topic page. */
  intro: ColumnType<string, string | undefined, string>;
  intro_en: ColumnType<string, string | undefined, string>;
  position: ColumnType<number, number | undefined, number>;
}

export interface DirectoryLocationsTable {
  id: string;
  organization_id: string;
  name: string;
  district: string | null;
  latitude: number | null;
  longitude: number | null;
  barrier_free: ColumnType<boolean, boolean | undefined, boolean>;
  hsds: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

/** Published services: `hsds` is the HSDS service object; the rest are projections for search. */
export interface DirectoryServicesTable {
  id: string;
  organization_id: string;
  name: string;
  status: string;
  hsds: ColumnType<unknown, string, string>;
  topic_codes: ColumnType<string[], string[] | undefined, string[]>;
  districts: ColumnType<string[], string[] | undefined, string[]>;
  language_codes: ColumnType<string[], string[] | undefined, string[]>;
  minimum_age: number | null;
  maximum_age: number | null;
  free: ColumnType<boolean, boolean | undefined, boolean>;
  barrier_free: ColumnType<boolean, boolean | undefined, boolean>;
  assured_date: ColumnType<Date | null, string | null | undefined, string | null>;
  /** [{ day: 1..7 (Monday = 1), opens: 'HH:MM', closes: 'HH:MM' }] in Europe/Berlin. */
  weekly_hours: ColumnType<WeeklyHours[], string | undefined, string>;
  search_vector: ColumnType<string, unknown, unknown>;
  search_text: string;
  published_at: Timestamp;
  updated_at: Timestamp;
  check_reminder_sent_at: Date | null;
  stale_flagged_at: Date | null;
}

export interface WeeklyHours {
  day: number;
  opens: string;
  closes: string;
}

export interface DirectoryServiceLocationsTable {
  id: string;
  service_id: string;
  location_id: string;
}

export interface DirectorySearchWordsTable {
  word: string;
}

/** Versions of every reviewed record (directory entries, places): draft → in review → published. */
export interface RevisionsTable {
  id: Generated<string>;
  entity_type: RevisionKind;
  entity_id: string;
  organization_id: string;
  version: number;
  status: RevisionStatus;
  data: ColumnType<unknown, string, string>;
  author_id: string | null;
  created_at: CreatedAt;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_reason: string | null;
}

export interface MediaImagesTable {
  id: Generated<string>;
  content_type: string;
  bytes: Buffer;
  width: number;
  height: number;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface MediaVideosTable {
  id: Generated<string>;
  content_type: 'video/mp4' | 'video/webm';
  bytes: Buffer;
  size_bytes: number;
  /** WebVTT. */
  captions: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

/** Platform and directory tables are here (content translations in ./tables/translations.ts); each later module keeps its tables in ./tables/<module>.ts. */
export interface DB
  extends
    EventsTables,
    HolidaysTables,
    NewsletterTables,
    SurveyTables,
    TranslationsTables,
    ContentTables,
    IdeasTables,
    AppointmentsTables,
    CouncilTables,
    PlacesTables,
    NetworkTables,
    NotificationTables,
    EmployersTables {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  consents: ConsentsTable;
  audit_log: AuditLogTable;
  rate_limit_hits: RateLimitHitsTable;
  platform_secrets: PlatformSecretsTable;
  content_versions: ContentVersionsTable;
  private_versions: ContentVersionsTable;
  mail_outbox: MailOutboxTable;
  content_pages: ContentPagesTable;
  barrier_reports: BarrierReportsTable;
  taxonomies: TaxonomiesTable;
  taxonomy_terms: TaxonomyTermsTable;
  directory_locations: DirectoryLocationsTable;
  directory_services: DirectoryServicesTable;
  directory_service_locations: DirectoryServiceLocationsTable;
  directory_search_words: DirectorySearchWordsTable;
  revisions: RevisionsTable;
  media_images: MediaImagesTable;
  media_videos: MediaVideosTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ContentPage = Selectable<ContentPagesTable>;
