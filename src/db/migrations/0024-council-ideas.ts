import { type Kysely, sql } from 'kysely';

/**
 * The family council and the roadmap, joined up with the network:
 *
 * - The council members' closed exchange becomes a private group of the network workspace (one mechanism,
 *   not two). The board's posts and comments move into that group's feed, with their author's account
 *   (found by the member's address, as the board found it when they wrote); a post's title becomes its
 *   first line in bold (a post keeps its id). Then `council_posts` goes. The group's slug is the one the council module syncs.
 * - A member's term can be ended early (`ended`: their links stop working, the address may apply again)
 *   and a former member removed (`removed`: name, address and optional answers are replaced, so the
 *   participation figures keep their registrations without anybody behind them).
 * - `idea_links`: what an idea led to, written by others through the ideas module (the council's results),
 *   shown on the idea's page.
 * - `initiatives.network_group_id`: the initiative's working group as a group of the network.
 */
const councilGroupSlug = 'familienbeirat-austausch';
const councilGroupName = 'Familienbeirat: Austausch der Mitglieder';
const councilGroupTopic = 'Der geschlossene Austausch der Mitglieder des Familienbeirats zwischen den Workshops.';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE council_applications DROP CONSTRAINT council_applications_status_check`.execute(db);
  await sql`ALTER TABLE council_applications ADD CONSTRAINT council_applications_status_check
    CHECK (status IN ('received','accepted','declined','reserve','ended','removed'))`.execute(db);

  await sql`CREATE TABLE idea_links (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('council')),
    url text NOT NULL CHECK (url ~ '^/[^/]' AND length(url) <= 300),
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX idea_links_idea ON idea_links (idea_id)`.execute(db);

  await sql`ALTER TABLE initiatives ADD COLUMN network_group_id uuid REFERENCES network_groups(id) ON DELETE SET NULL`.execute(db);

  // The board's posts move into the private group (only when there are any; otherwise the council creates the group when needed).
  const posts = await sql<{ n: string }>`SELECT count(*)::text AS n FROM council_posts`.execute(db);
  if (Number(posts.rows[0]?.n ?? 0) > 0) {
    await sql`INSERT INTO network_groups (slug, name, kind, access, topic)
      VALUES (${councilGroupSlug}, ${councilGroupName}, 'working', 'private', ${councilGroupTopic})
      ON CONFLICT (slug) DO NOTHING`.execute(db);
    await sql`INSERT INTO network_group_members (group_id, user_id, role, state)
      SELECT g.id, u.id, 'member', 'member'
        FROM council_applications a
        JOIN users u ON lower(u.email) = lower(a.email)
        CROSS JOIN network_groups g
       WHERE g.slug = ${councilGroupSlug} AND a.status = 'accepted' AND a.term_until >= to_char(now() AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD')
      ON CONFLICT DO NOTHING`.execute(db);
    await sql`INSERT INTO network_posts (id, group_id, author_id, body, created_at)
      SELECT p.id, g.id, (SELECT u.id FROM users u WHERE lower(u.email) = lower(a.email) LIMIT 1),
             left('**' || p.title || '**' || E'\n\n' || p.body, 10000), p.created_at
        FROM council_posts p
        JOIN council_applications a ON a.id = p.member_id
        CROSS JOIN network_groups g
       WHERE g.slug = ${councilGroupSlug} AND p.parent_id IS NULL`.execute(db);
    await sql`INSERT INTO network_comments (post_id, author_id, body, created_at)
      SELECT p.parent_id, (SELECT u.id FROM users u WHERE lower(u.email) = lower(a.email) LIMIT 1), p.body, p.created_at
        FROM council_posts p
        JOIN council_applications a ON a.id = p.member_id
       WHERE p.parent_id IS NOT NULL`.execute(db);
  }
  await sql`DROP TABLE council_posts`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE council_posts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    member_id uuid NOT NULL REFERENCES council_applications(id) ON DELETE CASCADE,
    parent_id uuid REFERENCES council_posts(id) ON DELETE CASCADE,
    title text CHECK (length(title) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((parent_id IS NULL) = (title IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX council_posts_parent ON council_posts (parent_id, created_at)`.execute(db);
  await sql`ALTER TABLE initiatives DROP COLUMN network_group_id`.execute(db);
  await sql`DROP TABLE idea_links`.execute(db);
  await sql`DELETE FROM council_applications WHERE status IN ('ended','removed')`.execute(db);
  await sql`ALTER TABLE council_applications DROP CONSTRAINT council_applications_status_check`.execute(db);
  await sql`ALTER TABLE council_applications ADD CONSTRAINT council_applications_status_check
    CHECK (status IN ('received','accepted','declined','reserve'))`.execute(db);
}
