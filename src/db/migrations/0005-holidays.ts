import { type Kysely, sql } from 'kysely';

const date = (column: string) => `${column} text NOT NULL CHECK (${column} ~ '^\\d{4}-\\d{2}-\\d{2}$')`;

/**
 * Ferienbetreuung: seasons with phases, offers of provider organisations, children of parent
 * accounts with emergency contacts, ranked wish lists, lottery runs, places and waiting lists.
 *
 * Capacity lives in the database: a trigger keeps `holiday_offers.places_taken` equal to the number
 * of active places (offered or accepted) and a CHECK keeps it between 0 and `places`. Every write of
 * a place therefore locks the offer row, and a write that would overbook fails, whatever the code
 * path and however many requests run at once.
 */
const statements = [
  `CREATE TABLE holiday_seasons (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    phase text NOT NULL DEFAULT 'collecting' CHECK (phase IN ('collecting','wishes','allocation','results','first_come','closed','deleted')),
    ${date('wish_from')},
    ${date('wish_until')},
    max_wishes integer NOT NULL DEFAULT 5 CHECK (max_wishes BETWEEN 1 AND 10),
    reserved_percent integer NOT NULL DEFAULT 0 CHECK (reserved_percent BETWEEN 0 AND 100),
    retention_days integer NOT NULL DEFAULT 180 CHECK (retention_days BETWEEN 1 AND 3650),
    seed_hash text CHECK (seed_hash ~ '^[0-9a-f]{64}$'),
    seed text,
    allocated_at timestamptz,
    closed_at timestamptz,
    data_deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (seed IS NULL OR seed_hash IS NOT NULL),
    CHECK (wish_until >= wish_from)
  )`,
  `CREATE TABLE holiday_offers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    season_id uuid NOT NULL REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','approved','rejected','cancelled')),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    kind text NOT NULL CHECK (kind IN ('day','week','trip')),
    ${date('first_day')},
    ${date('last_day')},
    daily_from integer NOT NULL CHECK (daily_from BETWEEN 0 AND 1440),
    daily_until integer NOT NULL CHECK (daily_until BETWEEN 0 AND 1440),
    min_age integer NOT NULL CHECK (min_age BETWEEN 0 AND 18),
    max_age integer NOT NULL CHECK (max_age BETWEEN 0 AND 18),
    places integer NOT NULL CHECK (places BETWEEN 1 AND 1000),
    places_taken integer NOT NULL DEFAULT 0,
    min_participants integer NOT NULL DEFAULT 0 CHECK (min_participants >= 0),
    price_cents integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    reduced_price_cents integer CHECK (reduced_price_cents >= 0),
    location text NOT NULL DEFAULT '',
    meeting_point text NOT NULL DEFAULT '',
    what_to_bring text NOT NULL DEFAULT '',
    inclusion_support boolean NOT NULL DEFAULT false,
    contact_name text NOT NULL DEFAULT '',
    contact_email text NOT NULL DEFAULT '',
    contact_phone text NOT NULL DEFAULT '',
    review_note text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
    reviewed_at timestamptz,
    cancelled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT holiday_offers_capacity CHECK (places_taken BETWEEN 0 AND places),
    CHECK (last_day >= first_day),
    CHECK (daily_until > daily_from),
    CHECK (max_age >= min_age)
  )`,
  `CREATE INDEX holiday_offers_season ON holiday_offers (season_id, status)`,
  `CREATE INDEX holiday_offers_organization ON holiday_offers (organization_id)`,
  `CREATE TABLE holiday_children (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    first_name text NOT NULL,
    last_name text NOT NULL,
    ${date('birth_date')},
    needs text NOT NULL DEFAULT '',
    needs_consent_version text,
    needs_consent_at timestamptz,
    photo_consent boolean NOT NULL DEFAULT false,
    priority boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT holiday_children_needs_consent CHECK (needs = '' OR (needs_consent_version IS NOT NULL AND needs_consent_at IS NOT NULL))
  )`,
  `CREATE INDEX holiday_children_parent ON holiday_children (parent_id)`,
  `CREATE TABLE holiday_contacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id uuid NOT NULL REFERENCES holiday_children(id) ON DELETE CASCADE,
    name text NOT NULL,
    phone text NOT NULL,
    relation text NOT NULL DEFAULT '',
    position integer NOT NULL DEFAULT 1
  )`,
  `CREATE INDEX holiday_contacts_child ON holiday_contacts (child_id)`,
  `CREATE TABLE holiday_wish_lists (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    season_id uuid NOT NULL REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    child_id uuid NOT NULL REFERENCES holiday_children(id) ON DELETE CASCADE,
    max_places integer NOT NULL DEFAULT 1 CHECK (max_places BETWEEN 1 AND 10),
    group_code text CHECK (group_code ~ '^[A-Z0-9-]{4,20}$'),
    submitted_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (season_id, child_id)
  )`,
  `CREATE TABLE holiday_wishes (
    wish_list_id uuid NOT NULL REFERENCES holiday_wish_lists(id) ON DELETE CASCADE,
    offer_id uuid NOT NULL REFERENCES holiday_offers(id) ON DELETE CASCADE,
    rank integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
    PRIMARY KEY (wish_list_id, offer_id),
    UNIQUE (wish_list_id, rank)
  )`,
  `CREATE INDEX holiday_wishes_offer ON holiday_wishes (offer_id)`,
  `CREATE TABLE holiday_runs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    season_id uuid NOT NULL REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('preview','confirmed')),
    seed_hash text NOT NULL,
    stats jsonb NOT NULL DEFAULT '{}'::jsonb,
    started_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX holiday_runs_one_confirmed ON holiday_runs (season_id) WHERE kind = 'confirmed'`,
  `CREATE TABLE holiday_places (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    season_id uuid NOT NULL REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    offer_id uuid NOT NULL REFERENCES holiday_offers(id) ON DELETE CASCADE,
    child_id uuid NOT NULL REFERENCES holiday_children(id) ON DELETE CASCADE,
    source text NOT NULL CHECK (source IN ('lottery','waiting_list','first_come')),
    status text NOT NULL CHECK (status IN ('offered','accepted','returned','expired','cancelled')),
    respond_by timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE UNIQUE INDEX holiday_places_active ON holiday_places (offer_id, child_id) WHERE status IN ('offered','accepted')`,
  `CREATE INDEX holiday_places_child ON holiday_places (child_id)`,
  `CREATE INDEX holiday_places_respond_by ON holiday_places (respond_by) WHERE status = 'offered'`,
  `CREATE TABLE holiday_waitlist (
    offer_id uuid NOT NULL REFERENCES holiday_offers(id) ON DELETE CASCADE,
    child_id uuid NOT NULL REFERENCES holiday_children(id) ON DELETE CASCADE,
    position integer NOT NULL,
    status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','offered','removed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_id, child_id)
  )`,
  `CREATE INDEX holiday_waitlist_next ON holiday_waitlist (offer_id, position) WHERE status = 'waiting'`,
  `CREATE TABLE holiday_attendance (
    place_id uuid NOT NULL REFERENCES holiday_places(id) ON DELETE CASCADE,
    ${date('day')},
    present boolean NOT NULL,
    recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (place_id, day)
  )`,
  `CREATE FUNCTION holiday_places_count() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was_active boolean := TG_OP <> 'INSERT' AND OLD.status IN ('offered','accepted');
    is_active boolean := TG_OP <> 'DELETE' AND NEW.status IN ('offered','accepted');
  BEGIN
    IF TG_OP = 'UPDATE' AND was_active AND is_active AND OLD.offer_id <> NEW.offer_id THEN
      RAISE EXCEPTION 'a place cannot move to another offer';
    END IF;
    IF is_active AND NOT was_active THEN
      UPDATE holiday_offers SET places_taken = places_taken + 1 WHERE id = NEW.offer_id;
    ELSIF was_active AND NOT is_active THEN
      UPDATE holiday_offers SET places_taken = places_taken - 1 WHERE id = OLD.offer_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER holiday_places_count AFTER INSERT OR UPDATE OF status, offer_id OR DELETE ON holiday_places FOR EACH ROW EXECUTE FUNCTION holiday_places_count()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'holiday_attendance',
    'holiday_waitlist',
    'holiday_places',
    'holiday_runs',
    'holiday_wishes',
    'holiday_wish_lists',
    'holiday_contacts',
    'holiday_children',
    'holiday_offers',
    'holiday_seasons',
  ])
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS holiday_places_count()').execute(db);
}
