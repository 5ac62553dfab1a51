import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type NetworkGroupKind = 'steering' | 'working';
/** open: any partner joins; closed: a request the lead approves; private: invitation only, invisible to others. */
export type NetworkGroupAccess = 'open' | 'closed' | 'private';
export type NetworkGroupRole = 'lead' | 'member';
export type NetworkMemberState = 'member' | 'requested' | 'invited';
export type NetworkVisibility = 'group' | 'partners' | 'public';
export type NetworkRsvp = 'yes' | 'no' | 'maybe';
export type NetworkTaskStatus = 'open' | 'done';
export type NetworkChannel = 'immediate' | 'digest' | 'off';
export type NetworkNotificationKind = 'post' | 'document' | 'meeting' | 'meeting_changed' | 'meeting_cancelled' | 'task' | 'request';
export type NetworkNotificationState = 'queued' | 'sent' | 'skipped';

export interface NetworkPartnersTable {
  organization_id: string;
  short_text: ColumnType<string, string | undefined, string>;
  contribution: ColumnType<string, string | undefined, string>;
  logo_image_id: string | null;
  website: string | null;
  shown: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface NetworkPartnerRequestsTable {
  id: Generated<string>;
  organization: string;
  contact_name: string;
  email: string;
  message: string;
  locale: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  handled_at: Date | null;
}

export interface NetworkGroupsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: NetworkGroupKind;
  access: NetworkGroupAccess;
  topic: ColumnType<string, string | undefined, string>;
  public_results: ColumnType<string, string | undefined, string>;
  lead_organization_id: string | null;
  created_at: CreatedAt;
}

export interface NetworkGroupMembersTable {
  group_id: string;
  user_id: string;
  role: ColumnType<NetworkGroupRole, NetworkGroupRole | undefined, NetworkGroupRole>;
  state: NetworkMemberState;
  created_at: CreatedAt;
}

export interface NetworkDocumentsTable {
  id: Generated<string>;
  group_id: string;
  folder: ColumnType<string, string | undefined, string>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  visibility: NetworkVisibility;
  created_by: string | null;
  created_at: CreatedAt;
  current_version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface NetworkDocumentVersionsTable {
  id: Generated<string>;
  document_id: string;
  number: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  bytes: Buffer;
  note: ColumnType<string, string | undefined, string>;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface NetworkMeetingsTable {
  id: Generated<string>;
  group_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: ColumnType<string, string | undefined, string>;
  video_url: string | null;
  agenda: ColumnType<string, string | undefined, string>;
  minutes: ColumnType<string, string | undefined, string>;
  sequence: ColumnType<number, number | undefined, number>;
  cancelled_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface NetworkRsvpsTable {
  meeting_id: string;
  user_id: string;
  answer: NetworkRsvp;
  answered_at: Timestamp;
}

export interface NetworkTasksTable {
  id: Generated<string>;
  group_id: string;
  meeting_id: string | null;
  title: string;
  owner_id: string | null;
  due_on: string | null;
  status: ColumnType<NetworkTaskStatus, NetworkTaskStatus | undefined, NetworkTaskStatus>;
  created_at: CreatedAt;
}

export interface NetworkPostsTable {
  id: Generated<string>;
  group_id: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface NetworkNotificationSettingsTable {
  user_id: string;
  channel: ColumnType<NetworkChannel, NetworkChannel | undefined, NetworkChannel>;
  link_key: string;
  updated_at: Timestamp;
}

export interface NetworkNotificationsTable {
  id: Generated<string>;
  user_id: string;
  group_id: string | null;
  item_key: string;
  kind: NetworkNotificationKind;
  subject: string;
  link: string;
  channel: NetworkChannel;
  state: ColumnType<NetworkNotificationState, NetworkNotificationState | undefined, NetworkNotificationState>;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface NetworkTables {
  network_partners: NetworkPartnersTable;
  network_partner_requests: NetworkPartnerRequestsTable;
  network_groups: NetworkGroupsTable;
  network_group_members: NetworkGroupMembersTable;
  network_documents: NetworkDocumentsTable;
  network_document_versions: NetworkDocumentVersionsTable;
  network_meetings: NetworkMeetingsTable;
  network_rsvps: NetworkRsvpsTable;
  network_tasks: NetworkTasksTable;
  network_posts: NetworkPostsTable;
  network_notification_settings: NetworkNotificationSettingsTable;
  network_notifications: NetworkNotificationsTable;
}
