import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { loadCityProfile } from '../../platform/city.js';
import { loadTermIndex, publishLocation, publishOrganization, publishService } from './directory.publish.js';
import { importHsdsPackage } from './open-data/hsds.import.js';
import { generateDirectory } from './seed/index.js';

const t = useTestApp();
const city = loadCityProfile(path.resolve(import.meta.dirname, '../../../city/hamm.json'));

async function snapshot() {
  const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(t.deps.db)).rows;
  return {
    organizations: await rows(`SELECT id, name, kind, description, hsds FROM organizations WHERE hsds IS NOT NULL ORDER BY id`),
    locations: await rows(`SELECT id, organization_id, name, district, latitude, longitude, barrier_free, hsds FROM directory_locations ORDER BY id`),
    services: await rows(
      `SELECT id, organization_id, name, status, hsds, topic_codes, districts, language_codes, minimum_age, maximum_age, free, barrier_free, assured_date, weekly_hours, search_vector::text AS search_vector, search_text FROM directory_services ORDER BY id`,
    ),
    links: await rows(`SELECT id, service_id, location_id FROM directory_service_locations ORDER BY id`),
    words: await rows(`SELECT word FROM directory_search_words ORDER BY word`),
  };
}

describe('publishing many objects at once (the HSDS import)', () => {
  it('writes exactly the rows that publishing one by one writes', async () => {
    const generated = generateDirectory({ services: 120, city, today: new Date('2026-11-25T12:00:00Z') });
    const pkg = { organizations: [...generated.organizations()], locations: [...generated.locations()], services: [...generated.services()] };
    expect(pkg.services.some((s) => (s.service_at_locations?.length ?? 0) > 1)).toBe(true);

    const result = await importHsdsPackage(t.deps.db, pkg, { authorId: null, source: 'cli' });
    expect(result).toMatchObject({ ok: true, counts: { services: { created: 120, updated: 0 } } });
    const batched = await snapshot();
    expect(batched.services).toHaveLength(120);

    await t.deps.db.transaction().execute(async (trx) => {
      const terms = await loadTermIndex(trx);
      for (const o of pkg.organizations) await publishOrganization(trx, o);
      // The import checked that every location and service names its organisation.
      for (const l of pkg.locations) await publishLocation(trx, l.organization_id!, l);
      for (const s of pkg.services) await publishService(trx, s.organization_id!, s, terms);
    });
    expect(await snapshot()).toEqual(batched);
  });
});
