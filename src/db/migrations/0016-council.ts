import { type Kysely, sql } from 'kysely';

/**
 * The family council (Familienbeirat): applications (an accepted one is a member for a term),
 * workshops with registrations, needs and a waiting list, the workshop reports with results linked
 * to the roadmap, and the members' closed exchange board.
 *
 * Capacity lives in the database, as for holiday care: a trigger keeps `places_taken` and
 * `childcare_taken` of a workshop equal to the persons and children of its confirmed registrations,
 * and CHECK constraints keep them between 0 and the workshop's places. A registration counts the
 * member and the family members they bring; it is confirmed or waits whole. Waiting order is the
 * `queue_no` drawn while the workshop row is locked, i.e. the order in which the registrations commit.
 */
const statements = [
  `CREATE TABLE council_applications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone text CHECK (length(phone) <= 40),
    district text NOT NULL CHECK (length(district) BETWEEN 1 AND 100),
    household_adults integer NOT NULL CHECK (household_adults BETWEEN 1 AND 10),
    household_children integer NOT NULL CHECK (household_children BETWEEN 0 AND 15),
    locale text NOT NULL DEFAULT 'de',
    privacy_consent_at timestamptz NOT NULL,
    optional_consent_at timestamptz,
    family_situation text CHECK (family_situation IN ('single_parent','two_parents','patchwork','foster','other')),
    home_languages text CHECK (length(home_languages) BETWEEN 1 AND 200),
    needs_interpreter boolean,
    needs_childcare boolean,
    status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','accepted','declined','reserve')),
    term_until text CHECK (term_until ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    decided_at timestamptz,
    decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
    result_mails boolean NOT NULL DEFAULT true,
    link_key text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT council_applications_optional_consent CHECK (
      optional_consent_at IS NOT NULL OR (family_situation IS NULL AND home_languages IS NULL AND needs_interpreter IS NULL AND needs_childcare IS NULL)
    ),
    CHECK (status <> 'accepted' OR term_until IS NOT NULL)
  )`,
  // One open application or membership per address.
  `CREATE UNIQUE INDEX council_applications_email ON council_applications (lower(email)) WHERE status IN ('received','accepted','reserve')`,
  `CREATE TABLE council_workshops (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000),
    place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
    languages text NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    registration_until timestamptz NOT NULL,
    capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    childcare_places integer NOT NULL DEFAULT 0 CHECK (childcare_places BETWEEN 0 AND 200),
    places_taken integer NOT NULL DEFAULT 0,
    childcare_taken integer NOT NULL DEFAULT 0,
    invited_at timestamptz,
    ical_uid uuid NOT NULL DEFAULT gen_random_uuid(),
    report_discussed text CHECK (length(report_discussed) <= 5000),
    report_blind_spots text CHECK (length(report_blind_spots) <= 5000),
    report_ideas text CHECK (length(report_ideas) <= 5000),
    report_photo_id uuid REFERENCES media_images(id) ON DELETE SET NULL,
    report_photo_alt text CHECK (length(report_photo_alt) BETWEEN 1 AND 300),
    report_published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT council_workshops_capacity CHECK (places_taken BETWEEN 0 AND capacity),
    CONSTRAINT council_workshops_childcare CHECK (childcare_taken BETWEEN 0 AND childcare_places),
    CHECK (ends_at > starts_at),
    CHECK (registration_until <= starts_at),
    CHECK (report_photo_id IS NULL OR report_photo_alt IS NOT NULL)
  )`,
  `CREATE INDEX council_workshops_start ON council_workshops (starts_at)`,
  `CREATE TABLE council_registrations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id uuid NOT NULL REFERENCES council_workshops(id) ON DELETE CASCADE,
    member_id uuid NOT NULL REFERENCES council_applications(id) ON DELETE CASCADE,
    persons integer NOT NULL CHECK (persons BETWEEN 1 AND 8),
    childcare_children integer NOT NULL DEFAULT 0 CHECK (childcare_children BETWEEN 0 AND 6),
    status text NOT NULL CHECK (status IN ('confirmed','waiting','cancelled')),
    queue_no bigint GENERATED ALWAYS AS IDENTITY,
    attended boolean,
    link_key text NOT NULL,
    promoted_at timestamptz,
    reminder_sent_at timestamptz,
    cancelled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX council_registrations_once ON council_registrations (workshop_id, member_id) WHERE status <> 'cancelled'`,
  `CREATE INDEX council_registrations_queue ON council_registrations (workshop_id, queue_no) WHERE status = 'waiting'`,
  `CREATE INDEX council_registrations_member ON council_registrations (member_id)`,
  // What a registration needs to take part: sensitive, seen only by the organising staff, deleted 30 days after the workshop.
  `CREATE TABLE council_needs (
    registration_id uuid PRIMARY KEY REFERENCES council_registrations(id) ON DELETE CASCADE,
    childcare_ages text CHECK (length(childcare_ages) <= 100),
    interpreter_language text CHECK (length(interpreter_language) <= 60),
    step_free boolean NOT NULL DEFAULT false,
    dietary text CHECK (length(dietary) <= 200),
    travel_refund boolean NOT NULL DEFAULT false,
    delete_after timestamptz NOT NULL
  )`,
  `CREATE TABLE council_results (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id uuid NOT NULL REFERENCES council_workshops(id) ON DELETE CASCADE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
    initiative_id uuid REFERENCES initiatives(id) ON DELETE SET NULL,
    idea_id uuid REFERENCES ideas(id) ON DELETE SET NULL,
    follow_up text NOT NULL DEFAULT 'open' CHECK (follow_up IN ('open','taken_up','in_progress','done','not_pursued')),
    follow_up_note text CHECK (length(follow_up_note) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX council_results_workshop ON council_results (workshop_id, created_at)`,
  // The members' closed board: posts, and comments (a post with a parent).
  `CREATE TABLE council_posts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    member_id uuid NOT NULL REFERENCES council_applications(id) ON DELETE CASCADE,
    parent_id uuid REFERENCES council_posts(id) ON DELETE CASCADE,
    title text CHECK (length(title) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((parent_id IS NULL) = (title IS NOT NULL))
  )`,
  `CREATE INDEX council_posts_parent ON council_posts (parent_id, created_at)`,
  `CREATE FUNCTION council_registrations_count() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was_active boolean := TG_OP <> 'INSERT' AND OLD.status = 'confirmed';
    is_active boolean := TG_OP <> 'DELETE' AND NEW.status = 'confirmed';
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.workshop_id <> NEW.workshop_id THEN
      RAISE EXCEPTION 'a registration cannot move to another workshop';
    END IF;
    IF was_active THEN
      UPDATE council_workshops SET places_taken = places_taken - OLD.persons, childcare_taken = childcare_taken - OLD.childcare_children
        WHERE id = OLD.workshop_id;
    END IF;
    IF is_active THEN
      UPDATE council_workshops SET places_taken = places_taken + NEW.persons, childcare_taken = childcare_taken + NEW.childcare_children
        WHERE id = NEW.workshop_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER council_registrations_count AFTER INSERT OR UPDATE OF status, persons, childcare_children, workshop_id OR DELETE ON council_registrations
    FOR EACH ROW EXECUTE FUNCTION council_registrations_count()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['council_posts', 'council_results', 'council_needs', 'council_registrations', 'council_workshops', 'council_applications'])
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS council_registrations_count()').execute(db);
}
