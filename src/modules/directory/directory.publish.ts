import { sql, type Transaction } from 'kysely';
import type { DB, OrganizationKind } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';
import { locationFacts, projectService, wordsOf, type TermInfo } from './directory.projection.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from './open-data/hsds.types.js';

/**
 * Writing the published directory: the HSDS object goes into `hsds`, its projections beside it.
 * Seed data, the review workflow and the HSDS import all publish through these functions.
 */

export async function loadTermIndex(db: Executor): Promise<Map<string, TermInfo>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'code', 'name']).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** The district of a location is its first address's region (a city district). */
export const districtOf = (location: HsdsLocation): string | null => location.addresses?.find((a) => a.region)?.region ?? null;

export async function publishOrganization(trx: Transaction<DB>, organization: HsdsOrganization, kind: OrganizationKind = 'provider'): Promise<void> {
  const values = { name: organization.name, description: organization.description, hsds: JSON.stringify(organization), updated_at: new Date() };
  await trx
    .insertInto('organizations')
    .values({ id: organization.id, kind, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function publishLocation(trx: Transaction<DB>, organizationId: string, location: HsdsLocation): Promise<void> {
  const facts = locationFacts(location, districtOf(location));
  const values = {
    organization_id: organizationId,
    name: location.name ?? '',
    district: facts.district,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
    barrier_free: facts.barrierFree,
    hsds: JSON.stringify({ ...location, organization_id: organizationId }),
    updated_at: new Date(),
  };
  await trx
    .insertInto('directory_locations')
    .values({ id: location.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Publishes a service; its locations must be published first (service_at_locations name them). */
export async function publishService(trx: Transaction<DB>, organizationId: string, service: HsdsService, terms: Map<string, TermInfo>): Promise<void> {
  const links = service.service_at_locations ?? [];
  const locationIds = links.map((l) => l.location_id);
  const [organization, locations] = await Promise.all([
    trx.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow(),
    locationIds.length
      ? trx.selectFrom('directory_locations').select(['id', 'district', 'barrier_free']).where('id', 'in', locationIds).execute()
      : Promise.resolve([]),
  ]);
  // In the order of the links, so a service's districts do not depend on how the database returns rows.
  const position = new Map(locationIds.map((id, i) => [id, i]));
  locations.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const p = projectService(
    service,
    terms,
    organization.name,
    locations.map((l) => ({ district: l.district, barrierFree: l.barrier_free })),
  );
  const values = {
    organization_id: organizationId,
    name: service.name,
    status: service.status,
    hsds: JSON.stringify({ ...service, organization_id: organizationId }),
    topic_codes: p.topicCodes,
    districts: p.districts,
    language_codes: p.languageCodes,
    minimum_age: p.minimumAge,
    maximum_age: p.maximumAge,
    free: p.free,
    barrier_free: p.barrierFree,
    assured_date: p.assuredDate,
    weekly_hours: JSON.stringify(p.weeklyHours),
    search_vector: sql`setweight(to_tsvector('german', ${p.text.a}), 'A') || setweight(to_tsvector('german', ${p.text.b}), 'B') || setweight(to_tsvector('german', ${p.text.c}), 'C')`,
    search_text: `${p.text.a} ${p.text.b}`.toLowerCase(),
    updated_at: new Date(),
  };
  await trx
    .insertInto('directory_services')
    .values({ id: service.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();

  await trx.deleteFrom('directory_service_locations').where('service_id', '=', service.id).execute();
  const known = new Set(locations.map((l) => l.id));
  const rows = links.filter((l) => known.has(l.location_id)).map((l) => ({ id: l.id, service_id: service.id, location_id: l.location_id }));
  if (rows.length) await trx.insertInto('directory_service_locations').values(rows).execute();

  const words = wordsOf(`${p.text.a} ${p.text.b} ${p.text.c}`);
  if (words.length)
    await trx
      .insertInto('directory_search_words')
      .values(words.map((word) => ({ word })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function unpublishService(trx: Transaction<DB>, serviceId: string): Promise<void> {
  await trx.deleteFrom('directory_services').where('id', '=', serviceId).execute();
}
