import { type Kysely, sql } from 'kysely';

/**
 * Veranstaltungskalender: events (with an optional recurrence rule in Berlin wall time), their
 * single-date exceptions, a materialised list of occurrences for fast lists and filters, and the
 * organisations whose right to publish directly an editor has revoked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('all_day', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz')
    .addColumn('freq', 'text', (c) => c.check(sql`freq IN ('daily','weekly','monthly')`))
    .addColumn('repeat_interval', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`repeat_interval BETWEEN 1 AND 52`),
    )
    .addColumn('by_weekday', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('repeat_until', 'text', (c) => c.check(sql`repeat_until ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('repeat_count', 'integer', (c) => c.check(sql`repeat_count BETWEEN 1 AND 1000`))
    .addColumn('location_id', 'uuid', (c) => c.references('directory_locations.id').onDelete('set null'))
    .addColumn('place_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locality', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district', 'text')
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('free', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('price_cents', 'integer', (c) => c.check(sql`price_cents >= 0`))
    .addColumn('reduced_price_cents', 'integer', (c) => c.check(sql`reduced_price_cents >= 0`))
    .addColumn('registration_required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('registration_how', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('registration_until', 'text', (c) => c.check(sql`registration_until ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('barrier_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sign_language', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('easy_language', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('quiet_space', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('image_id', 'uuid', (c) => c.references('media_images.id').onDelete('set null'))
    .addColumn('image_alt', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status IN ('scheduled','cancelled','postponed')`),
    )
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('published')
        .check(sql`review_state IN ('published','pending','rejected')`),
    )
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('suggester_email', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_end_after_start', sql`ends_at IS NULL OR ends_at >= starts_at`)
    .addCheckConstraint('events_rule_limited', sql`freq IS NULL OR repeat_until IS NOT NULL OR repeat_count IS NOT NULL`)
    .addCheckConstraint('events_image_alt', sql`image_id IS NULL OR coalesce(image_alt, '') <> ''`)
    .execute();
  await db.schema.createIndex('events_review_state').on('events').columns(['review_state', 'starts_at']).execute();
  await db.schema.createIndex('events_organization').on('events').column('organization_id').execute();
  // Selective filters (district, topic) start from the events and reach their dates through the primary key.
  await db.schema.createIndex('events_district').on('events').column('district').execute();
  await sql`CREATE INDEX events_categories ON events USING gin (categories)`.execute(db);

  await db.schema
    .createTable('event_exceptions')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('excluded','override')`))
    .addColumn('status', 'text', (c) => c.check(sql`status IN ('scheduled','cancelled','postponed')`))
    .addColumn('starts_at', 'timestamptz')
    .addColumn('ends_at', 'timestamptz')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('event_exceptions_pk', ['event_id', 'occurrence_date'])
    .execute();

  // Rebuilt from the rule whenever an event changes; lists, filters and the month view read only this.
  await db.schema
    .createTable('event_occurrences')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('event_occurrences_pk', ['event_id', 'occurrence_date'])
    .execute();
  await db.schema.createIndex('event_occurrences_start').on('event_occurrences').columns(['starts_at', 'event_id']).execute();

  await db.schema
    .createTable('event_publishing_blocks')
    .addColumn('organization_id', 'uuid', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('blocked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('blocked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_publishing_blocks', 'event_occurrences', 'event_exceptions', 'events']) await db.schema.dropTable(table).execute();
}
