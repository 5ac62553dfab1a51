import { type Kysely, sql } from 'kysely';

const date = (column: string) => `${column} text NOT NULL CHECK (${column} ~ '^\\d{4}-\\d{2}-\\d{2}$')`;
const time = (column: string) => `${column} text NOT NULL CHECK (${column} ~ '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$')`;

/**
 * Counselling appointments (Jugendberufsagentur, Familienbüro, Wiedereinstieg) and the school contacts of
 * the young people's section.
 *
 * No double booking, by construction: every booking row that holds time (held, confirmed, attended,
 * no-show, or a staff block) carries the counsellor's busy range including buffers, and an exclusion
 * constraint refuses two overlapping ranges for one counsellor. A hold that expires leaves the
 * constraint through a status change ('expired'), never through now() in the predicate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_locations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address text NOT NULL DEFAULT '' CHECK (length(address) <= 300),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_services (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    office text NOT NULL CHECK (office IN ('youth_career','family_office','return_to_work')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120),
    buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
    channel text NOT NULL CHECK (channel IN ('in_person','phone','video')),
    audience text NOT NULL DEFAULT 'anyone' CHECK (audience IN ('anyone','young','invitation')),
    question text CHECK (length(question) <= 300),
    min_notice_minutes integer NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
    window_days integer NOT NULL DEFAULT 60 CHECK (window_days BETWEEN 1 AND 365),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_counsellors (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    user_id uuid UNIQUE REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_counsellor_services (
    counsellor_id uuid NOT NULL REFERENCES appointment_counsellors(id) ON DELETE CASCADE,
    service_id uuid NOT NULL REFERENCES appointment_services(id) ON DELETE CASCADE,
    PRIMARY KEY (counsellor_id, service_id)
  )`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX appointment_counsellor_services_service ON appointment_counsellor_services (service_id)`).execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_patterns (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    counsellor_id uuid NOT NULL REFERENCES appointment_counsellors(id) ON DELETE CASCADE,
    location_id uuid NOT NULL REFERENCES appointment_locations(id) ON DELETE CASCADE,
    weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    ${time('starts')},
    ${time('ends')},
    ${date('valid_from')},
    valid_until text CHECK (valid_until ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    CHECK (ends > starts),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
  )`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX appointment_patterns_counsellor ON appointment_patterns (counsellor_id)`).execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_exceptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    counsellor_id uuid NOT NULL REFERENCES appointment_counsellors(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('absence','extra')),
    location_id uuid REFERENCES appointment_locations(id) ON DELETE CASCADE,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    CHECK (ends_at > starts_at),
    CHECK (kind = 'absence' OR location_id IS NOT NULL)
  )`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX appointment_exceptions_counsellor ON appointment_exceptions (counsellor_id, ends_at)`).execute(db);
  await sql
    .raw(
      `CREATE TABLE appointment_bookings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id uuid REFERENCES appointment_services(id) ON DELETE CASCADE,
    counsellor_id uuid NOT NULL REFERENCES appointment_counsellors(id) ON DELETE CASCADE,
    location_id uuid REFERENCES appointment_locations(id) ON DELETE SET NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    busy_from timestamptz NOT NULL,
    busy_until timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('held','confirmed','cancelled','expired','moved','attended','no_show','blocked')),
    hold_expires_at timestamptz,
    name text NOT NULL DEFAULT '' CHECK (length(name) <= 100),
    email text CHECK (length(email) <= 254),
    phone text CHECK (length(phone) <= 40),
    locale text NOT NULL DEFAULT 'de',
    answer text CHECK (length(answer) <= 500),
    booked_by uuid REFERENCES users(id) ON DELETE SET NULL,
    on_behalf text CHECK (on_behalf IN ('caller','pupil')),
    pupil_consent boolean NOT NULL DEFAULT false,
    moved_to uuid REFERENCES appointment_bookings(id) ON DELETE SET NULL,
    ical_uid uuid NOT NULL,
    ical_sequence integer NOT NULL DEFAULT 0 CHECK (ical_sequence >= 0),
    reminder_sent_at timestamptz,
    confirmed_at timestamptz,
    cancelled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at AND busy_from <= starts_at AND busy_until >= ends_at),
    CHECK (status = 'blocked' OR service_id IS NOT NULL),
    CHECK (status <> 'held' OR hold_expires_at IS NOT NULL),
    CHECK (on_behalf <> 'pupil' OR pupil_consent),
    CONSTRAINT appointment_bookings_no_overlap EXCLUDE USING gist (
      counsellor_id WITH =,
      tstzrange(busy_from, busy_until, '[)') WITH &&
    ) WHERE (status IN ('held','confirmed','attended','no_show','blocked'))
  )`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX appointment_bookings_service_start ON appointment_bookings (service_id, starts_at)`).execute(db);
  await sql.raw(`CREATE INDEX appointment_bookings_counsellor_start ON appointment_bookings (counsellor_id, starts_at)`).execute(db);
  await sql.raw(`CREATE UNIQUE INDEX appointment_bookings_ical ON appointment_bookings (ical_uid, ical_sequence)`).execute(db);
  await sql.raw(`CREATE INDEX appointment_bookings_holds ON appointment_bookings (hold_expires_at) WHERE status = 'held'`).execute(db);
  await sql
    .raw(`CREATE INDEX appointment_bookings_reminders ON appointment_bookings (starts_at) WHERE status = 'confirmed' AND reminder_sent_at IS NULL`)
    .execute(db);
  // The waiting list: when a slot of that day frees, the first person waiting gets it held with a mail.
  await sql
    .raw(
      `CREATE TABLE appointment_waitlist (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id uuid NOT NULL REFERENCES appointment_services(id) ON DELETE CASCADE,
    ${date('wanted_date')},
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email text NOT NULL CHECK (length(email) <= 254),
    locale text NOT NULL DEFAULT 'de',
    status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','offered','expired')),
    offered_booking_id uuid REFERENCES appointment_bookings(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX appointment_waitlist_next ON appointment_waitlist (service_id, wanted_date, created_at) WHERE status = 'waiting'`).execute(db);
  // Jugend & Beruf: schools with their career-orientation (KAoA) contacts.
  await sql
    .raw(
      `CREATE TABLE youth_schools (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    school_form text NOT NULL CHECK (school_form IN ('hauptschule','realschule','sekundarschule','gesamtschule','gymnasium','foerderschule','berufskolleg')),
    district text NOT NULL DEFAULT '' CHECK (length(district) <= 100),
    contact_name text CHECK (length(contact_name) <= 100),
    contact_email text CHECK (length(contact_email) <= 254),
    contact_phone text CHECK (length(contact_phone) <= 40),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'youth_schools',
    'appointment_waitlist',
    'appointment_bookings',
    'appointment_exceptions',
    'appointment_patterns',
    'appointment_counsellor_services',
    'appointment_counsellors',
    'appointment_services',
    'appointment_locations',
  ])
    await sql.raw(`DROP TABLE ${table}`).execute(db);
}
