import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { seedDemoModules } from '../../../platform/modules/install.js';
import { topics } from '../directory.taxonomy.js';
import { buildDemoDirectory } from './demo.js';
import { demoProviderOrganization, seedDirectory } from './index.js';

const t = useTestApp();

async function snapshot() {
  const db = t.deps.db;
  const count = async (table: 'organizations' | 'directory_locations' | 'directory_services' | 'directory_service_locations' | 'revisions') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const latest = await db
    .selectFrom('directory_services')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirstOrThrow();
  return {
    organizations: await count('organizations'),
    locations: await count('directory_locations'),
    services: await count('directory_services'),
    links: await count('directory_service_locations'),
    revisions: await count('revisions'),
    latestUpdate: String(latest.at),
  };
}

describe('seedDirectory', () => {
  const demo = () => buildDemoDirectory({ city: t.deps.city, today: new Date() });
  let legacyId = '';
  let first: boolean;

  beforeAll(async () => {
    // A database seeded before the directory existed already has the demo provider's organisation.
    legacyId = (
      await t.deps.db.insertInto('organizations').values({ name: demoProviderOrganization, kind: 'provider' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    first = await seedDirectory(t.deps);
  });

  it('publishes every demo organisation, location and service with its links', async () => {
    expect(first).toBe(true);
    const units = demo();
    const s = await snapshot();
    expect(s.organizations).toBe(units.length);
    expect(s.locations).toBe(units.reduce((n, u) => n + u.locations.length, 0));
    expect(s.services).toBe(units.reduce((n, u) => n + u.services.length, 0));
    expect(s.services).toBeGreaterThanOrEqual(150);
    expect(s.links).toBe(units.flatMap((u) => u.services).reduce((n, x) => n + (x.service_at_locations?.length ?? 0), 0));
  });

  it('reuses the existing organisation of the demo provider instead of creating a second one', async () => {
    const rows = await t.deps.db.selectFrom('organizations').select(['id', 'kind', 'hsds']).where('name', '=', demoProviderOrganization).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: legacyId, kind: 'provider' });
    const services = await t.deps.db.selectFrom('directory_services').select('name').where('organization_id', '=', legacyId).execute();
    expect(services.map((x) => x.name)).toContain('Kita Sonnenblume');
  });

  it("trusts the city's own offices (their changes need no review) and no provider", async () => {
    const orgs = await t.deps.db.selectFrom('organizations').select(['kind', 'trusted']).execute();
    const city = orgs.filter((o) => o.kind === 'city');
    expect(city.length).toBeGreaterThan(0);
    expect(city.every((o) => o.trusted)).toBe(true);
    expect(orgs.filter((o) => o.kind === 'provider').some((o) => o.trusted)).toBe(false);
  });

  it('records a first published revision of every object, equal to what is published', async () => {
    const db = t.deps.db;
    const s = await snapshot();
    expect(s.revisions).toBe(s.organizations + s.locations + s.services);
    const odd = await db
      .selectFrom('revisions')
      .select('id')
      .where((eb) => eb.or([eb('version', '!=', 1), eb('status', '!=', 'published'), eb('author_id', 'is not', null)]))
      .execute();
    expect(odd).toEqual([]);
    const mismatched = await sql<{ id: string }>`
      SELECT s.id FROM directory_services s JOIN revisions r ON r.entity_type = 'service' AND r.entity_id = s.id WHERE r.data <> s.hsds
      UNION ALL SELECT l.id FROM directory_locations l JOIN revisions r ON r.entity_type = 'location' AND r.entity_id = l.id WHERE r.data <> l.hsds
      UNION ALL SELECT o.id FROM organizations o JOIN revisions r ON r.entity_type = 'organization' AND r.entity_id = o.id WHERE r.data <> o.hsds`.execute(db);
    expect(mismatched.rows).toEqual([]);
  });

  it('fills the search projections: all topics and districts, German stemming finds paediatric care', async () => {
    const db = t.deps.db;
    const rows = await db.selectFrom('directory_services').select(['topic_codes', 'districts', 'language_codes', 'assured_date']).execute();
    expect(new Set(rows.flatMap((r) => r.topic_codes))).toEqual(new Set(topics.map((x) => x.code)));
    expect(new Set(rows.flatMap((r) => r.districts))).toEqual(new Set(t.deps.city.districts));
    expect(rows.filter((r) => r.language_codes.length > 1).length).toBeGreaterThan(30);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    expect(rows.filter((r) => r.assured_date && r.assured_date < yearAgo).length).toBeGreaterThan(10);
    const find = (query: string) =>
      db
        .selectFrom('directory_services')
        .select('name')
        .where(sql<boolean>`search_vector @@ websearch_to_tsquery('german', ${query})`)
        .execute();
    const kinderarzt = await find('kinderarzt');
    expect(kinderarzt.length).toBeGreaterThanOrEqual(8);
    expect((await find('Kinderärzte')).length).toBe(kinderarzt.length);
    const typo = await sql<{ word: string }>`SELECT word FROM directory_search_words ORDER BY similarity(word, 'kinderartz') DESC LIMIT 1`.execute(db);
    expect(typo.rows[0]?.word).toBe('kinderarzt');
  });

  it('returns false on the second call and changes nothing', async () => {
    const before = await snapshot();
    expect(await seedDirectory(t.deps)).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the demo provider account (accounts.seed.ts) belong to the organisation with the services', async () => {
    await seedDemoModules(t.booted.modules);
    const membership = await t.deps.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select(['organizations.id', 'organizations.name'])
      .where('users.role', '=', 'provider')
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ id: legacyId, name: demoProviderOrganization });
  });
});
