import { type Kysely, sql } from 'kysely';

/**
 * Ideen & Anliegen: families' ideas and concerns, moderated, answered in public, supported and
 * followed; and the Vorhaben, the city's public roadmap of initiatives with milestones and history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ideas (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('idea', 'concern')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 140),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    topic text NOT NULL,
    district text,
    shown_as text NOT NULL CHECK (shown_as IN ('first_name', 'initials', 'anonymous')),
    author_name text CHECK (length(author_name) <= 60),
    author_id uuid REFERENCES users(id) ON DELETE SET NULL,
    author_email text,
    author_locale text NOT NULL DEFAULT 'de',
    link_key text NOT NULL,
    moderation text NOT NULL DEFAULT 'unconfirmed'
      CHECK (moderation IN ('unconfirmed', 'pending', 'held', 'published', 'declined', 'merged')),
    decline_reason text CHECK (decline_reason IN ('duplicate', 'offensive', 'personal_data', 'advertising', 'off_topic', 'other')),
    decline_note text,
    redaction_note text,
    status text NOT NULL DEFAULT 'received'
      CHECK (status IN ('received', 'in_review', 'answered', 'in_progress', 'done', 'not_possible', 'not_responsible')),
    merged_into uuid REFERENCES ideas(id) ON DELETE SET NULL,
    photo_id uuid REFERENCES media_images(id) ON DELETE SET NULL,
    photo_alt text,
    supporters integer NOT NULL DEFAULT 0 CHECK (supporters >= 0),
    match_terms text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    published_at timestamptz,
    first_answer_at timestamptz,
    last_answer_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (moderation <> 'declined' OR decline_reason IS NOT NULL),
    CHECK (moderation <> 'merged' OR merged_into IS NOT NULL),
    CHECK (photo_id IS NULL OR photo_alt IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX ideas_public ON ideas (published_at DESC) WHERE moderation = 'published'`.execute(db);
  await sql`CREATE INDEX ideas_queue ON ideas (created_at) WHERE moderation IN ('pending', 'held')`.execute(db);
  // Not partial: the planner uses a partial GIN index for a single && but not for an OR of @> pairs.
  // fastupdate off: a new idea goes straight into the index; a pending list would be scanned by every
  // search until (auto)vacuum merges it, which made suggestions ten times slower after a bulk load.
  await sql`CREATE INDEX ideas_match ON ideas USING gin (match_terms) WITH (fastupdate = off)`.execute(db);
  await sql`CREATE INDEX ideas_author ON ideas (author_id)`.execute(db);

  // The idea's public timeline: the city's dated answers (each may change the status) and the author's updates.
  await sql`CREATE TABLE idea_entries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('answer', 'author_update')),
    status text CHECK (status IN ('received', 'in_review', 'answered', 'in_progress', 'done', 'not_possible', 'not_responsible')),
    office text,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    refer_to text,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    CHECK (kind <> 'answer' OR office IS NOT NULL),
    CHECK (status IS DISTINCT FROM 'not_responsible' OR refer_to IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX idea_entries_idea ON idea_entries (idea_id, created_at)`.execute(db);

  // One support per person and idea, held by the primary key.
  await sql`CREATE TABLE idea_supports (
    idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, user_id)
  )`.execute(db);

  // Who gets each answer and status change by mail: an account, or a confirmed address.
  await sql`CREATE TABLE idea_followers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    user_id uuid REFERENCES users(id) ON DELETE CASCADE,
    email text,
    locale text NOT NULL DEFAULT 'de',
    link_key text NOT NULL,
    confirmed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) <> (email IS NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX idea_followers_user ON idea_followers (idea_id, user_id) WHERE user_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX idea_followers_email ON idea_followers (idea_id, lower(email)) WHERE email IS NOT NULL`.execute(db);

  // Vorhaben: the city's initiatives for families, with milestones, links, updates and their history.
  await sql`CREATE TABLE initiatives (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    goal text NOT NULL CHECK (length(goal) BETWEEN 1 AND 5000),
    topic text NOT NULL,
    marks text[] NOT NULL DEFAULT '{}' CHECK (marks <@ ARRAY['sichtbar', 'spuerbar', 'gestaltbar']::text[]),
    office text NOT NULL,
    working_group text,
    status text NOT NULL CHECK (status IN ('planned', 'preparing', 'in_progress', 'done', 'paused')),
    budget text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE initiative_milestones (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position BETWEEN 1 AND 1000),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    planned_on date,
    reached_on date,
    UNIQUE (initiative_id, position)
  )`.execute(db);
  await sql`CREATE INDEX initiative_milestones_dates ON initiative_milestones (coalesce(reached_on, planned_on))`.execute(db);
  // What shaped an initiative: ideas (by id), published survey results and family-council results (by address).
  await sql`CREATE TABLE initiative_links (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('idea', 'survey', 'council')),
    idea_id uuid REFERENCES ideas(id) ON DELETE CASCADE,
    url text CHECK (url ~ '^/[^/]'),
    label text,
    CHECK ((kind = 'idea') = (idea_id IS NOT NULL)),
    CHECK (kind = 'idea' OR (url IS NOT NULL AND label IS NOT NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX initiative_links_idea ON initiative_links (initiative_id, idea_id) WHERE idea_id IS NOT NULL`.execute(db);
  await sql`CREATE TABLE initiative_updates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL
  )`.execute(db);
  // Every change, in words, with what changed.
  await sql`CREATE TABLE initiative_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
    changes jsonb NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX initiative_history_at ON initiative_history (at DESC)`.execute(db);
  await sql`CREATE TABLE initiative_followers (
    initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    link_key text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, user_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE initiative_followers, initiative_history, initiative_updates, initiative_links, initiative_milestones, initiatives`.execute(db);
  await sql`DROP TABLE idea_followers, idea_supports, idea_entries, ideas`.execute(db);
}
