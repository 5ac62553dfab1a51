import { type Kysely, sql } from 'kysely';

/**
 * Neuigkeiten und Familieninfobrief: news posts, subscribers (double opt-in with consent proof),
 * issues and one delivery row per (issue, subscriber) — the ledger that makes sending resumable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('news_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('teaser', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // Null: draft. In the future: scheduled. In the past: public.
    .addColumn('published_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('image_id', 'uuid', (c) => c.references('media_images.id').onDelete('set null'))
    .addColumn('image_alt', 'text')
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_vector', sql`tsvector`)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('news_posts_published_idx').on('news_posts').column('published_at').execute();
  await sql`CREATE INDEX news_posts_search_idx ON news_posts USING gin (search_vector)`.execute(db);

  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored lower-case: one row per address, whatever the spelling.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('district', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'confirmed', 'unsubscribed')`))
    // Part of every personal link's signature: a new key voids all old links.
    .addColumn('link_key', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('signed_up_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('unsubscribed_at', 'timestamptz')
    .addColumn('confirmation_sent_at', 'timestamptz')
    // A permanent delivery failure: never mailed again until the owner confirms anew.
    .addColumn('suppressed_at', 'timestamptz')
    .addColumn('suppressed_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('newsletter_subscribers_status_idx').on('newsletter_subscribers').columns(['status', 'signed_up_at']).execute();

  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    // The editor's composition: chosen posts, event range, holiday notice, free sections.
    .addColumn('composition', 'jsonb', (c) => c.notNull())
    // Frozen when sending starts: every recipient and the archive get the same content.
    .addColumn('frozen', 'jsonb')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status IN ('draft', 'scheduled', 'sending', 'sent')`),
    )
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    // One sending run at a time holds the lease; a dead run's lease simply runs out.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('issue_id', 'uuid', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'uuid', (c) => c.references('newsletter_subscribers.id').onDelete('set null'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`state IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'unknown')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('error', 'text')
    .addUniqueConstraint('newsletter_deliveries_once', ['issue_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('newsletter_deliveries_state_idx').on('newsletter_deliveries').columns(['issue_id', 'state', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['newsletter_deliveries', 'newsletter_issues', 'newsletter_subscribers', 'news_posts'])
    await db.schema.dropTable(table).ifExists().execute();
}
