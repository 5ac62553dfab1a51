import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** How a person wants a kind of notification by mail: at once, in the daily or weekly digest, or not at all. */
export type NotificationCadence = 'immediate' | 'daily' | 'weekly' | 'never';
export type NotificationChannel = 'mail' | 'push';
/**
 * queued → sending (claimed, committed before any traffic) → sent | failed; a row a crash left in
 * "sending" becomes unclear (never sent again by itself); cancelled: the event was withdrawn before it went out.
 */
export type NotificationState = 'queued' | 'sending' | 'sent' | 'unclear' | 'failed' | 'cancelled';

export interface NotificationRecipientsTable {
  /** 'user:<uuid>' for an account, '<module>-…:<uuid>' for a person a module knows by address only. */
  id: string;
  user_id: string | null;
  email: string;
  locale: ColumnType<string, string | undefined, string>;
  digest_hour: ColumnType<number, number | undefined, number>;
  link_key: string;
  created_at: CreatedAt;
}

export interface NotificationPreferencesTable {
  recipient_id: string;
  kind: string;
  cadence: NotificationCadence;
  push: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface NotificationPushSubscriptionsTable {
  id: Generated<string>;
  recipient_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: CreatedAt;
}

export interface NotificationsTable {
  id: Generated<string>;
  recipient_id: string;
  kind: string;
  item_key: string;
  channel: NotificationChannel;
  cadence: Exclude<NotificationCadence, 'never'>;
  scope: string | null;
  /** What the recipient reads, rendered in their language when the event happened (NotificationContent). */
  content: ColumnType<unknown, string, string>;
  not_before: Timestamp;
  state: ColumnType<NotificationState, NotificationState | undefined, NotificationState>;
  attempts: ColumnType<number, number | undefined, number>;
  batch_id: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  error: string | null;
  created_at: Timestamp;
}

export interface NotificationTables {
  notification_recipients: NotificationRecipientsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_push_subscriptions: NotificationPushSubscriptionsTable;
  notifications: NotificationsTable;
}
