import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../test/support/directory.js';

const t = useTestApp();

describe('publishing a service', () => {
  it('stores the HSDS object with its search projections and location links', async () => {
    const org = await buildOrganization(t, { name: 'Kinderärzte am Kurpark' });
    const location = await buildLocation(t, org.id, { district: 'Heessen', barrierFree: true });
    const service = await buildService(t, org.id, {
      name: 'Kinderärztliche Sprechstunde',
      topics: ['gesundheit'],
      locationIds: [location.id],
      minimum_age: 0,
      maximum_age: 17,
    });
    const row = await t.deps.db.selectFrom('directory_services').selectAll().where('id', '=', service.id).executeTakeFirstOrThrow();
    expect(row.topic_codes).toEqual(['gesundheit']);
    expect(row.districts).toEqual(['Heessen']);
    expect(row.barrier_free).toBe(true);
    expect((row.hsds as { name: string }).name).toBe('Kinderärztliche Sprechstunde');
    const links = await t.deps.db.selectFrom('directory_service_locations').selectAll().where('service_id', '=', service.id).execute();
    expect(links.map((l) => l.location_id)).toEqual([location.id]);
    const found = await t.deps.db
      .selectFrom('directory_services')
      .select('id')
      .where(sql<boolean>`search_vector @@ websearch_to_tsquery('german', ${'Kinderärzte'})`)
      .execute();
    expect(found.map((f) => f.id)).toContain(service.id);
  });
});
