import { randomUUID } from 'node:crypto';
import { loadTermIndex, publishLocation, publishOrganization, publishService } from '../../src/modules/directory/directory.publish.js';
import { featureTerms, topics } from '../../src/modules/directory/directory.taxonomy.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../../src/modules/directory/open-data/hsds.types.js';
import type { TestApp } from './app.js';

/** Factories that publish real directory rows through the same functions the app uses. */

export const topicId = (code: string): string => {
  const topic = topics.find((t) => t.code === code);
  if (!topic) throw new Error(`unknown topic ${code}`);
  return topic.id;
};

export async function buildOrganization(t: TestApp, overrides: Partial<HsdsOrganization> = {}): Promise<HsdsOrganization> {
  const organization: HsdsOrganization = {
    id: randomUUID(),
    name: `Testträger ${randomUUID().slice(0, 6)} e. V.`,
    description: 'Ein Träger für Tests.',
    ...overrides,
  };
  await t.deps.db.transaction().execute((trx) => publishOrganization(trx, organization));
  return organization;
}

export async function buildLocation(
  t: TestApp,
  organizationId: string,
  overrides: Partial<HsdsLocation> & { district?: string; barrierFree?: boolean } = {},
): Promise<HsdsLocation> {
  const { district = 'Hamm-Mitte', barrierFree = false, ...rest } = overrides;
  const location: HsdsLocation = {
    id: randomUUID(),
    location_type: 'physical',
    name: 'Haus der Familie',
    latitude: 51.68,
    longitude: 7.81,
    addresses: [
      {
        id: randomUUID(),
        address_1: 'Teststraße 1',
        city: 'Hamm',
        region: district,
        state_province: 'Nordrhein-Westfalen',
        postal_code: '59065',
        country: 'DE',
        address_type: 'physical',
      },
    ],
    attributes: barrierFree ? [{ id: randomUUID(), taxonomy_term_id: featureTerms.barrierFree.id, value: 'true' }] : [],
    ...rest,
  };
  await t.deps.db.transaction().execute((trx) => publishLocation(trx, organizationId, location));
  return location;
}

/** A published service; pass `topics` as codes (e.g. ['gesundheit']) and `locationIds` to link locations. */
export async function buildService(
  t: TestApp,
  organizationId: string,
  overrides: Partial<HsdsService> & { topics?: string[]; locationIds?: string[] } = {},
): Promise<HsdsService> {
  const { topics: topicCodes = ['beratung'], locationIds = [], ...rest } = overrides;
  const service: HsdsService = {
    id: randomUUID(),
    name: 'Erziehungsberatung',
    description: 'Beratung für Eltern, Kinder und Jugendliche.',
    status: 'active',
    assured_date: '2026-10-01',
    attributes: topicCodes.map((code) => ({ id: randomUUID(), taxonomy_term_id: topicId(code) })),
    service_at_locations: locationIds.map((location_id) => ({ id: randomUUID(), location_id })),
    ...rest,
  };
  await t.deps.db.transaction().execute(async (trx) => publishService(trx, organizationId, service, await loadTermIndex(trx)));
  return service;
}
