import { type Kysely, sql } from 'kysely';

/**
 * Translations of what editors and providers write (news posts, events, directory services, holiday
 * offers; later modules' records too): one row per record, language, field and state. No foreign key
 * names the record, so one table serves every module. Instead every translated table gets a trigger
 * that deletes a record's translations with the record, whatever deletes it (a button, a retention
 * job, a cascade from a season or an organisation). A later module's migration adds its own trigger:
 *   CREATE TRIGGER <table>_translations_forget AFTER DELETE ON <table>
 *     FOR EACH ROW EXECUTE FUNCTION content_translations_forget('<kind>')
 * `state` is 'published' (what visitors see) or 'proposed' (a provider's change waiting for review).
 * `source_digest` is a hash of the German text the translation was made from, to tell when it is out of date.
 */
const translatedTables = [
  ['news_posts', 'news_post'],
  ['events', 'event'],
  ['directory_services', 'service'],
  ['holiday_offers', 'holiday_offer'],
] as const;

const statements = [
  `CREATE TABLE content_translations (
    kind text NOT NULL,
    entity_id uuid NOT NULL,
    locale text NOT NULL CHECK (locale <> 'de'),
    field text NOT NULL,
    state text NOT NULL CHECK (state IN ('published', 'proposed')),
    text text NOT NULL,
    source_digest text NOT NULL,
    updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, entity_id, locale, field, state)
  )`,
  `CREATE INDEX content_translations_proposed_idx ON content_translations (kind, updated_at) WHERE state = 'proposed'`,
  `CREATE INDEX content_translations_updated_by_idx ON content_translations (updated_by)`,
  `CREATE FUNCTION content_translations_forget() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM content_translations WHERE kind = TG_ARGV[0] AND entity_id = OLD.id;
    RETURN NULL;
  END $$`,
  ...translatedTables.map(
    ([table, kind]) =>
      `CREATE TRIGGER ${table}_translations_forget AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION content_translations_forget('${kind}')`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of translatedTables) await sql.raw(`DROP TRIGGER ${table}_translations_forget ON ${table}`).execute(db);
  await sql`DROP FUNCTION content_translations_forget()`.execute(db);
  await sql`DROP TABLE content_translations`.execute(db);
}
