import { type Kysely, sql } from 'kysely';
import { featureTaxonomy, featureTerms, topicTaxonomy, topics } from './0002-directory.taxonomy.js';

/**
 * The directory (Angebote & Leistungen), after Open Referral HSDS 3.0. Each published organization,
 * location and service keeps its HSDS object in `hsds` (the source of truth the API serves); the
 * other columns are projections of it for search and filters. Every edit is a revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hsds', 'jsonb')
    .addColumn('trusted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('taxonomies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('uri', 'text')
    .addColumn('version', 'text')
    .execute();

  await db.schema
    .createTable('taxonomy_terms')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('taxonomy_id', 'uuid', (c) => c.notNull().references('taxonomies.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'uuid', (c) => c.references('taxonomy_terms.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('directory_locations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('barrier_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hsds', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('directory_locations_org_idx').on('directory_locations').column('organization_id').execute();

  await db.schema
    .createTable('directory_services')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hsds', 'jsonb', (c) => c.notNull())
    .addColumn('topic_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('language_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('barrier_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('assured_date', 'date')
    .addColumn('weekly_hours', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('check_reminder_sent_at', 'timestamptz')
    .addColumn('stale_flagged_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX directory_services_search_idx ON directory_services USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX directory_services_trgm_idx ON directory_services USING gin (search_text gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX directory_services_topics_idx ON directory_services USING gin (topic_codes)`.execute(db);
  await sql`CREATE INDEX directory_services_districts_idx ON directory_services USING gin (districts)`.execute(db);
  await sql`CREATE INDEX directory_services_languages_idx ON directory_services USING gin (language_codes)`.execute(db);
  await db.schema.createIndex('directory_services_org_idx').on('directory_services').column('organization_id').execute();
  await db.schema.createIndex('directory_services_updated_idx').on('directory_services').column('updated_at').execute();

  await db.schema
    .createTable('directory_service_locations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('service_id', 'uuid', (c) => c.notNull().references('directory_services.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('directory_locations.id').onDelete('cascade'))
    .addUniqueConstraint('directory_service_locations_pair', ['service_id', 'location_id'])
    .execute();
  await db.schema.createIndex('directory_sal_location_idx').on('directory_service_locations').column('location_id').execute();

  // Vocabulary of the published texts: the search corrects typos against it (pg_trgm).
  await db.schema
    .createTable('directory_search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await sql`CREATE INDEX directory_search_words_trgm_idx ON directory_search_words USING gin (word gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('directory_revisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type IN ('organization','location','service')`))
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft','in_review','published','rejected','superseded')`))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_reason', 'text')
    .addUniqueConstraint('directory_revisions_version', ['entity_type', 'entity_id', 'version'])
    .execute();
  // The taxonomies every city starts with (editors may add topics later).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration writes tables as they were then, not as today's types say
  const raw = db as Kysely<any>;
  await raw.insertInto('taxonomies').values([topicTaxonomy, featureTaxonomy]).execute();
  await raw
    .insertInto('taxonomy_terms')
    .values([
      ...topics.map((t, i) => ({ ...t, taxonomy_id: topicTaxonomy.id, position: i + 1 })),
      ...Object.values(featureTerms).map((t, i) => ({ ...t, taxonomy_id: featureTaxonomy.id, position: i + 1 })),
    ])
    .execute();

  await db.schema.createIndex('directory_revisions_status_idx').on('directory_revisions').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('directory_revisions_org_idx').on('directory_revisions').column('organization_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'directory_revisions',
    'directory_search_words',
    'directory_service_locations',
    'directory_services',
    'directory_locations',
    'taxonomy_terms',
    'taxonomies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('organizations').dropColumn('description').dropColumn('hsds').dropColumn('trusted').dropColumn('updated_at').execute();
}
