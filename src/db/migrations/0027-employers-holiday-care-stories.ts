import { type Kysely, sql } from 'kysely';

/**
 * Familienfreundliche Arbeitgeber, second part.
 *
 * Holiday care for employees' children: an employer organisation reserves places of a holiday offer
 * (`holiday_employer_quotas`, one row per offer and employer). The database holds the sum: a trigger
 * keeps `holiday_offers.employer_places` equal to the places reserved for employers, and a CHECK keeps
 * it between 0 and `places`, so no code path can reserve more places than an offer has (the offer row
 * is locked by every change, like `places_taken`). The employer hands its staff one code per season
 * (`holiday_employer_codes`); a wish list handed in with the code names the employer (`employer_id`),
 * and the lottery gives that employer's reserved places to those children first.
 *
 * Good-practice stories become editable: a story without `published_at` is a draft.
 *
 * Translations (content_translations, migration 0011) of employer profiles and stories are deleted with
 * the record. A profile is keyed by its organisation, not by `id`, so this migration adds a variant of
 * the trigger function that reads the key from a named column.
 */
const statements = [
  `ALTER TABLE holiday_offers ADD COLUMN employer_places integer NOT NULL DEFAULT 0`,
  `ALTER TABLE holiday_offers ADD CONSTRAINT holiday_offers_employer_places CHECK (employer_places BETWEEN 0 AND places)`,
  `CREATE TABLE holiday_employer_quotas (
    offer_id uuid NOT NULL REFERENCES holiday_offers(id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    places integer NOT NULL CHECK (places BETWEEN 1 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_id, organization_id)
  )`,
  `CREATE INDEX holiday_employer_quotas_organization ON holiday_employer_quotas (organization_id)`,
  `CREATE TABLE holiday_employer_codes (
    season_id uuid NOT NULL REFERENCES holiday_seasons(id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-9]{5}-[A-Z2-9]{5}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (season_id, organization_id)
  )`,
  `ALTER TABLE holiday_wish_lists ADD COLUMN employer_id uuid REFERENCES organizations(id) ON DELETE SET NULL`,
  `CREATE FUNCTION holiday_employer_quotas_count() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      UPDATE holiday_offers SET employer_places = employer_places - OLD.places WHERE id = OLD.offer_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      UPDATE holiday_offers SET employer_places = employer_places + NEW.places WHERE id = NEW.offer_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER holiday_employer_quotas_count AFTER INSERT OR UPDATE OF places, offer_id OR DELETE ON holiday_employer_quotas
    FOR EACH ROW EXECUTE FUNCTION holiday_employer_quotas_count()`,
  `ALTER TABLE employer_stories ALTER COLUMN published_at DROP NOT NULL`,
  `ALTER TABLE employer_stories ALTER COLUMN published_at DROP DEFAULT`,
  `ALTER TABLE employer_stories ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
  `CREATE FUNCTION content_translations_forget_by() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM content_translations WHERE kind = TG_ARGV[0] AND entity_id = (to_jsonb(OLD) ->> TG_ARGV[1])::uuid;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER employer_profiles_translations_forget AFTER DELETE ON employer_profiles
    FOR EACH ROW EXECUTE FUNCTION content_translations_forget_by('employer_profile', 'organization_id')`,
  `CREATE TRIGGER employer_stories_translations_forget AFTER DELETE ON employer_stories
    FOR EACH ROW EXECUTE FUNCTION content_translations_forget('employer_story')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP TRIGGER employer_stories_translations_forget ON employer_stories`,
    `DROP TRIGGER employer_profiles_translations_forget ON employer_profiles`,
    `DROP FUNCTION content_translations_forget_by()`,
    `DELETE FROM content_translations WHERE kind IN ('employer_profile', 'employer_story')`,
    `ALTER TABLE employer_stories DROP COLUMN updated_at`,
    `UPDATE employer_stories SET published_at = now() WHERE published_at IS NULL`,
    `ALTER TABLE employer_stories ALTER COLUMN published_at SET DEFAULT now()`,
    `ALTER TABLE employer_stories ALTER COLUMN published_at SET NOT NULL`,
    `ALTER TABLE holiday_wish_lists DROP COLUMN employer_id`,
    `DROP TABLE holiday_employer_codes`,
    `DROP TABLE holiday_employer_quotas`,
    `DROP FUNCTION holiday_employer_quotas_count()`,
    `ALTER TABLE holiday_offers DROP CONSTRAINT holiday_offers_employer_places`,
    `ALTER TABLE holiday_offers DROP COLUMN employer_places`,
  ])
    await sql.raw(statement).execute(db);
}
