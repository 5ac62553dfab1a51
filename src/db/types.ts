import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types: one interface per table, named as in the migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export type Role = 'family' | 'provider' | 'partner' | 'editor' | 'admin';
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

export interface DB {
  users: UsersTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  consents: ConsentsTable;
  audit_log: AuditLogTable;
  rate_limit_hits: RateLimitHitsTable;
  mail_outbox: MailOutboxTable;
  content_pages: ContentPagesTable;
  barrier_reports: BarrierReportsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ContentPage = Selectable<ContentPagesTable>;
