import type { OrganizationKind } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';
import { locationFacts, projectService, wordsOf, type TermInfo } from './directory.projection.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from './open-data/hsds.types.js';
import * as published from './published.repository.js';

/**
 * Writing the published directory: the HSDS object goes into `hsds`, its projections beside it.
 * Seed data, the review workflow and the HSDS import all publish through these functions (and
 * their multi-row twins in directory.publish-many.ts). Pass the caller's transaction.
 */

export async function loadTermIndex(db: Executor): Promise<Map<string, TermInfo>> {
  const rows = await published.termRows(db);
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** The district of a location is its first address's region (a city district). */
export const districtOf = (location: HsdsLocation): string | null => location.addresses?.find((a) => a.region)?.region ?? null;

export function organizationRow(organization: HsdsOrganization, kind: OrganizationKind, now: Date): published.OrganizationRow {
  return { id: organization.id, kind, name: organization.name, description: organization.description, hsds: JSON.stringify(organization), updated_at: now };
}

export function locationRow(location: HsdsLocation & { organization_id: string }, now: Date): published.LocationRow {
  const facts = locationFacts(location, districtOf(location));
  return {
    id: location.id,
    organization_id: location.organization_id,
    name: location.name ?? '',
    district: facts.district,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
    barrier_free: facts.barrierFree,
    hsds: JSON.stringify(location),
    updated_at: now,
  };
}

/** A service's row with its projections, from its organisation's name and its linked locations (in link order). */
export function serviceRow(
  service: HsdsService & { organization_id: string },
  terms: Map<string, TermInfo>,
  organizationName: string,
  locations: { district: string | null; barrierFree: boolean }[],
  now: Date,
): { row: published.ServiceRow; words: string[] } {
  const p = projectService(service, terms, organizationName, locations);
  const row = {
    id: service.id,
    organization_id: service.organization_id,
    name: service.name,
    status: service.status,
    hsds: JSON.stringify(service),
    topic_codes: p.topicCodes,
    districts: p.districts,
    language_codes: p.languageCodes,
    minimum_age: p.minimumAge,
    maximum_age: p.maximumAge,
    free: p.free,
    barrier_free: p.barrierFree,
    assured_date: p.assuredDate,
    weekly_hours: JSON.stringify(p.weeklyHours),
    text: p.text,
    search_text: `${p.text.a} ${p.text.b}`.toLowerCase(),
    updated_at: now,
  };
  return { row, words: wordsOf(`${p.text.a} ${p.text.b} ${p.text.c}`) };
}

export async function publishOrganization(trx: Executor, organization: HsdsOrganization, kind: OrganizationKind = 'provider'): Promise<void> {
  await published.upsertOrganization(trx, organizationRow(organization, kind, new Date()));
}

export async function publishLocation(trx: Executor, organizationId: string, location: HsdsLocation): Promise<void> {
  await published.upsertLocation(trx, locationRow({ ...location, organization_id: organizationId }, new Date()));
}

/** Publishes a service; its locations must be published first (service_at_locations name them). */
export async function publishService(trx: Executor, organizationId: string, service: HsdsService, terms: Map<string, TermInfo>): Promise<void> {
  const links = service.service_at_locations ?? [];
  const [organizationName, locations] = await Promise.all([
    published.organizationName(trx, organizationId),
    published.locationFacts(
      trx,
      links.map((l) => l.location_id),
    ),
  ]);
  const linked = links.filter((l) => locations.has(l.location_id));
  // Each location once, in the order of the links, so a service's districts do not depend on how the database returns rows.
  const linkedLocations = [...new Set(linked.map((l) => l.location_id))].map((id) => locations.get(id)!);
  const { row, words } = serviceRow({ ...service, organization_id: organizationId }, terms, organizationName, linkedLocations, new Date());
  await published.upsertService(trx, row);
  await published.replaceServiceLocations(
    trx,
    [service.id],
    linked.map((l) => ({ id: l.id, service_id: service.id, location_id: l.location_id })),
  );
  if (words.length) await published.addSearchWords(trx, words);
}

export async function unpublishService(trx: Executor, serviceId: string): Promise<void> {
  await published.deleteService(trx, serviceId);
}
