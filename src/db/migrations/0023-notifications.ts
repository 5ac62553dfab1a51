import { type Kysely, sql } from 'kysely';

/**
 * The platform's notification service (platform/notifications), and what the alliance network needs beside it.
 *
 * - notification_recipients: whom the portal tells things — an account ('user:<id>') or a person a module
 *   knows by address only ('council-member:<id>'); the mail language, the hour of the digests, and the key
 *   that signs their settings and unsubscribe links (renewed to revoke them).
 * - notification_preferences: per person and kind of notification: immediately, daily or weekly digest, or
 *   never by mail, and whether also by web push. A kind without a row uses the kind's default.
 * - notification_push_subscriptions: one row per device (endpoint and its keys, RFC 8291).
 * - notifications: the outbox. One row per recipient, item and channel (UNIQUE: the same event told twice
 *   queues nothing more), written in the transaction of the event. A run claims rows ('sending', committed
 *   before any SMTP or push traffic), sends, records 'sent' or 'failed'. A row left in 'sending' by a crash
 *   becomes 'unclear' and is never sent again by itself.
 *
 * The network's own outbox (network_notifications) moves here; its settings keep the RSVP and calendar keys.
 * Network additions: pinned posts, edit history, reports, attachments of posts and agenda items, per-group
 * calendar keys and retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE notification_recipients (
    id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z-]*:[0-9a-f-]{36}$'),
    user_id uuid UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    locale text NOT NULL DEFAULT 'de',
    digest_hour smallint NOT NULL DEFAULT 7 CHECK (digest_hour BETWEEN 0 AND 23),
    link_key text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE notification_preferences (
    recipient_id text NOT NULL REFERENCES notification_recipients(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$'),
    cadence text NOT NULL CHECK (cadence IN ('immediate', 'daily', 'weekly', 'never')),
    push boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recipient_id, kind)
  )`.execute(db);

  await sql`CREATE TABLE notification_push_subscriptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id text NOT NULL REFERENCES notification_recipients(id) ON DELETE CASCADE,
    endpoint text NOT NULL UNIQUE CHECK (length(endpoint) <= 1000),
    p256dh text NOT NULL CHECK (length(p256dh) <= 200),
    auth text NOT NULL CHECK (length(auth) <= 100),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX notification_push_subscriptions_recipient ON notification_push_subscriptions (recipient_id)`.execute(db);

  await sql`CREATE TABLE notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id text NOT NULL REFERENCES notification_recipients(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (length(kind) <= 80),
    item_key text NOT NULL CHECK (length(item_key) <= 200),
    channel text NOT NULL CHECK (channel IN ('mail', 'push')),
    cadence text NOT NULL CHECK (cadence IN ('immediate', 'daily', 'weekly')),
    scope text CHECK (length(scope) <= 200),
    content jsonb NOT NULL,
    not_before timestamptz NOT NULL DEFAULT now(),
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'unclear', 'failed', 'cancelled')),
    attempts smallint NOT NULL DEFAULT 0,
    batch_id uuid,
    claimed_at timestamptz,
    sent_at timestamptz,
    error text CHECK (length(error) <= 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (recipient_id, item_key, channel),
    CHECK (channel = 'mail' OR cadence = 'immediate'),
    CHECK ((state = 'queued') OR claimed_at IS NOT NULL OR state = 'cancelled')
  )`.execute(db);
  await sql`CREATE INDEX notifications_due ON notifications (not_before) WHERE state = 'queued' AND cadence = 'immediate'`.execute(db);
  await sql`CREATE INDEX notifications_digest ON notifications (cadence, recipient_id) WHERE state = 'queued' AND cadence <> 'immediate'`.execute(db);
  await sql`CREATE INDEX notifications_sending ON notifications (claimed_at) WHERE state = 'sending'`.execute(db);
  await sql`CREATE INDEX notifications_attention ON notifications (created_at) WHERE state IN ('unclear', 'failed')`.execute(db);
  await sql`CREATE INDEX notifications_scope ON notifications (scope) WHERE state = 'queued'`.execute(db);
  await sql`CREATE INDEX notifications_batch ON notifications (batch_id) WHERE batch_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX notifications_sent ON notifications (sent_at) WHERE sent_at IS NOT NULL`.execute(db);

  // The network's people and choices move over: its "channel" becomes the cadence of each of its kinds.
  await sql`INSERT INTO notification_recipients (id, user_id, email, locale, link_key)
    SELECT 'user:' || u.id, u.id, u.email, u.locale, s.link_key
    FROM network_notification_settings s JOIN users u ON u.id = s.user_id`.execute(db);
  await sql`INSERT INTO notification_preferences (recipient_id, kind, cadence)
    SELECT 'user:' || s.user_id, 'network.' || k.kind,
      CASE s.channel WHEN 'digest' THEN 'daily' WHEN 'off' THEN 'never' ELSE s.channel END
    FROM network_notification_settings s
    CROSS JOIN (VALUES ('post'), ('mention'), ('reply'), ('document'), ('poll'), ('meeting'), ('task'), ('request'), ('report')) AS k(kind)
    WHERE s.channel <> 'immediate'`.execute(db);
  // What waits in the old outbox goes out through the new one (in German, with its link).
  await sql`INSERT INTO notifications (recipient_id, kind, item_key, channel, cadence, scope, content, created_at)
    SELECT 'user:' || n.user_id,
      'network.' || CASE WHEN n.kind LIKE 'meeting%' THEN 'meeting' WHEN n.kind = 'task_due' THEN 'task' ELSE n.kind END,
      n.item_key, 'mail', CASE n.channel WHEN 'digest' THEN 'daily' ELSE n.channel END,
      CASE WHEN n.group_id IS NULL THEN NULL ELSE 'network-group:' || n.group_id END,
      jsonb_build_object('subject', n.subject, 'links', jsonb_build_array(jsonb_build_object('label', 'Öffnen', 'url', n.link))),
      n.created_at
    FROM network_notifications n
    WHERE n.state = 'queued' AND n.channel <> 'off'
      AND EXISTS (SELECT 1 FROM notification_recipients r WHERE r.id = 'user:' || n.user_id)`.execute(db);
  await sql`DROP TABLE network_notifications`.execute(db);
  // The network's own dispatch and digest jobs are gone: their schedules must not keep filling queues nobody reads.
  await sql`DO $$ BEGIN
    IF to_regclass('pgboss.schedule') IS NOT NULL THEN
      DELETE FROM pgboss.schedule WHERE name IN ('network.dispatch', 'network.digest', 'network.weekly-digest');
    END IF;
  END $$`.execute(db);
  await sql`ALTER TABLE network_notification_settings DROP COLUMN channel`.execute(db);

  // Network: pinned posts, edit history, reports of posts.
  await sql`ALTER TABLE network_posts
    ADD COLUMN pinned_at timestamptz,
    ADD COLUMN edited_at timestamptz`.execute(db);
  await sql`CREATE INDEX network_posts_pinned ON network_posts (group_id, pinned_at) WHERE pinned_at IS NOT NULL`.execute(db);
  await sql`CREATE TABLE network_post_revisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id uuid NOT NULL REFERENCES network_posts(id) ON DELETE CASCADE,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    edited_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX network_post_revisions_post ON network_post_revisions (post_id, created_at)`.execute(db);
  await sql`CREATE TABLE network_post_reports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id uuid NOT NULL REFERENCES network_posts(id) ON DELETE CASCADE,
    reporter_id uuid REFERENCES users(id) ON DELETE SET NULL,
    reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    handled_at timestamptz,
    UNIQUE (post_id, reporter_id)
  )`.execute(db);

  // Network: files attached to posts and to agenda items (pointing at the group's documents).
  await sql`CREATE TABLE network_post_attachments (
    post_id uuid NOT NULL REFERENCES network_posts(id) ON DELETE CASCADE,
    document_id uuid NOT NULL REFERENCES network_documents(id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, document_id)
  )`.execute(db);
  await sql`CREATE TABLE network_agenda_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id uuid NOT NULL REFERENCES network_meetings(id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 1),
    title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    presenter text NOT NULL DEFAULT '' CHECK (length(presenter) <= 200),
    document_id uuid REFERENCES network_documents(id) ON DELETE SET NULL,
    UNIQUE (meeting_id, position)
  )`.execute(db);

  // Network: a group's own calendar feed (secret key, renewed to revoke) and how long its feed is kept.
  await sql`ALTER TABLE network_groups
    ADD COLUMN calendar_key text,
    ADD COLUMN retention_months integer CHECK (retention_months BETWEEN 1 AND 240)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE network_groups DROP COLUMN calendar_key, DROP COLUMN retention_months`.execute(db);
  for (const table of ['network_agenda_items', 'network_post_attachments', 'network_post_reports', 'network_post_revisions'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  await sql`ALTER TABLE network_posts DROP COLUMN pinned_at, DROP COLUMN edited_at`.execute(db);
  await sql`ALTER TABLE network_notification_settings ADD COLUMN channel text NOT NULL DEFAULT 'immediate'`.execute(db);
  for (const table of ['notifications', 'notification_push_subscriptions', 'notification_preferences', 'notification_recipients'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
