import { type Kysely, sql } from 'kysely';

/**
 * Bündnis-Netzwerk: the alliance for families' own workspace.
 *
 * - network_partners: the public profile of a partner organisation (short text, what it contributes, logo).
 * - network_partner_requests: "we want to join" from the public page, for the family office.
 * - network_groups / network_group_members: the steering group and the working groups; open, closed
 *   (request, the lead approves) or private (invitation only). One membership row per person and group.
 * - network_documents / network_document_versions: files stored in the database (every web process
 *   serves them), each upload a new numbered version; the document points at its current one. The text
 *   of the current version (extracted in a job) feeds a German full-text index with title and description.
 * - network_meetings / network_rsvps / network_tasks: meetings with iCalendar SEQUENCE, answers, action items.
 * - network_posts / network_comments: a group's feed (the Familieninfobrief joins it when read, from the newsletter module).
 * - network_notification_settings / network_notifications: exactly one delivery per member and item
 *   (UNIQUE (user_id, item_key)); the dispatch and the digest claim rows and queue the mail in one transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE network_partners (
    organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    short_text text NOT NULL DEFAULT '' CHECK (length(short_text) <= 1000),
    contribution text NOT NULL DEFAULT '' CHECK (length(contribution) <= 1000),
    logo_image_id uuid REFERENCES media_images(id) ON DELETE SET NULL,
    website text CHECK (website ~ '^https?://' AND length(website) <= 300),
    shown boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE network_partner_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization text NOT NULL CHECK (length(organization) BETWEEN 2 AND 200),
    contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 2 AND 120),
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    message text NOT NULL CHECK (length(message) BETWEEN 10 AND 3000),
    locale text NOT NULL DEFAULT 'de',
    created_at timestamptz NOT NULL DEFAULT now(),
    handled_at timestamptz
  )`.execute(db);

  await sql`CREATE TABLE network_groups (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    kind text NOT NULL CHECK (kind IN ('steering', 'working')),
    access text NOT NULL CHECK (access IN ('open', 'closed', 'private')),
    topic text NOT NULL DEFAULT '' CHECK (length(topic) <= 2000),
    public_results text NOT NULL DEFAULT '' CHECK (length(public_results) <= 5000),
    lead_organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX network_groups_one_steering ON network_groups (kind) WHERE kind = 'steering'`.execute(db);

  await sql`CREATE TABLE network_group_members (
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
    state text NOT NULL CHECK (state IN ('member', 'requested', 'invited')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
  )`.execute(db);
  await sql`CREATE INDEX network_group_members_user ON network_group_members (user_id)`.execute(db);

  await sql`CREATE TABLE network_documents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    folder text NOT NULL DEFAULT '' CHECK (length(folder) <= 100),
    title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    visibility text NOT NULL CHECK (visibility IN ('group', 'partners', 'public')),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
    updated_at timestamptz NOT NULL DEFAULT now(),
    body_text text NOT NULL DEFAULT '',
    search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', description), 'B') || setweight(to_tsvector('german', body_text), 'C')
    ) STORED
  )`.execute(db);
  await sql`CREATE INDEX network_documents_group ON network_documents (group_id, updated_at DESC)`.execute(db);
  await sql`CREATE INDEX network_documents_search ON network_documents USING gin (search_vector)`.execute(db);

  await sql`CREATE TABLE network_document_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id uuid NOT NULL REFERENCES network_documents(id) ON DELETE CASCADE,
    number integer NOT NULL CHECK (number >= 1),
    filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 26214400),
    bytes bytea NOT NULL,
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, number)
  )`.execute(db);

  await sql`CREATE TABLE network_meetings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    video_url text CHECK (video_url ~ '^https://' AND length(video_url) <= 500),
    agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000),
    minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
    sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    cancelled_at timestamptz,
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
  )`.execute(db);
  await sql`CREATE INDEX network_meetings_group ON network_meetings (group_id, starts_at)`.execute(db);

  // Date polls: options (moments), each member's yes / if need be / no; the chosen option becomes a meeting.
  await sql`CREATE TABLE network_polls (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
    place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    meeting_id uuid REFERENCES network_meetings(id) ON DELETE SET NULL,
    closed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE network_poll_options (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    poll_id uuid NOT NULL REFERENCES network_polls(id) ON DELETE CASCADE,
    starts_at timestamptz NOT NULL,
    UNIQUE (poll_id, starts_at)
  )`.execute(db);
  await sql`CREATE TABLE network_poll_votes (
    option_id uuid NOT NULL REFERENCES network_poll_options(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answer text NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    PRIMARY KEY (option_id, user_id)
  )`.execute(db);

  await sql`CREATE TABLE network_rsvps (
    meeting_id uuid NOT NULL REFERENCES network_meetings(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answer text NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
    answered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, user_id)
  )`.execute(db);

  await sql`CREATE TABLE network_tasks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    meeting_id uuid REFERENCES network_meetings(id) ON DELETE SET NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
    due_on text CHECK (due_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX network_tasks_group ON network_tasks (group_id, status)`.execute(db);
  await sql`CREATE INDEX network_tasks_owner ON network_tasks (owner_id, status)`.execute(db);

  await sql`CREATE TABLE network_posts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    group_id uuid NOT NULL REFERENCES network_groups(id) ON DELETE CASCADE,
    author_id uuid REFERENCES users(id) ON DELETE SET NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX network_posts_group ON network_posts (group_id, created_at DESC)`.execute(db);

  await sql`CREATE TABLE network_comments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id uuid NOT NULL REFERENCES network_posts(id) ON DELETE CASCADE,
    author_id uuid REFERENCES users(id) ON DELETE SET NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX network_comments_post ON network_comments (post_id, created_at)`.execute(db);

  await sql`CREATE TABLE network_notification_settings (
    user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    channel text NOT NULL DEFAULT 'immediate' CHECK (channel IN ('immediate', 'digest', 'weekly', 'off')),
    link_key text NOT NULL,
    calendar_key text,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE network_notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id uuid REFERENCES network_groups(id) ON DELETE CASCADE,
    item_key text NOT NULL CHECK (length(item_key) <= 200),
    kind text NOT NULL CHECK (kind IN ('post', 'mention', 'reply', 'document', 'poll', 'meeting', 'meeting_changed', 'meeting_cancelled', 'task', 'task_due', 'request')),
    subject text NOT NULL CHECK (length(subject) <= 300),
    link text NOT NULL CHECK (link ~ '^/'),
    channel text NOT NULL CHECK (channel IN ('immediate', 'digest', 'weekly', 'off')),
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'skipped')),
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    UNIQUE (user_id, item_key)
  )`.execute(db);
  await sql`CREATE INDEX network_notifications_queued ON network_notifications (channel, created_at) WHERE state = 'queued'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'network_notifications',
    'network_notification_settings',
    'network_comments',
    'network_posts',
    'network_tasks',
    'network_rsvps',
    'network_poll_votes',
    'network_poll_options',
    'network_polls',
    'network_meetings',
    'network_document_versions',
    'network_documents',
    'network_group_members',
    'network_groups',
    'network_partner_requests',
    'network_partners',
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
