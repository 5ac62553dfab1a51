import type { Transaction } from 'kysely';
import type { DB, OrganizationKind } from '../../db/types.js';
import type { TermInfo } from './directory.projection.js';
import { locationRow, organizationRow, serviceRow } from './directory.publish.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from './open-data/hsds.types.js';
import * as published from './published.repository.js';

/**
 * Publishing many objects at once (the HSDS import, seeds and benchmark loads): the same rows as
 * publishOrganization, publishLocation and publishService write one by one, in multi-row
 * statements. One by one, 2,000 services took half a minute on PGlite under load, and the embedded
 * portal (one connection) waited for it.
 */

/** Organisations (new ones of the given kind, else providers; the kind of existing ones stays). */
export async function publishOrganizations(
  trx: Transaction<DB>,
  organizations: readonly HsdsOrganization[],
  kinds: ReadonlyMap<string, OrganizationKind> = new Map(),
): Promise<void> {
  const now = new Date();
  await published.upsertOrganizations(
    trx,
    organizations.map((o) => organizationRow(o, kinds.get(o.id) ?? 'provider', now)),
  );
}

export async function publishLocations(trx: Transaction<DB>, locations: readonly (HsdsLocation & { organization_id: string })[]): Promise<void> {
  const now = new Date();
  await published.upsertLocations(
    trx,
    locations.map((location) => locationRow(location, now)),
  );
}

/** Services; their organisations and locations must be published first (as for publishService). */
export async function publishServices(
  trx: Transaction<DB>,
  services: readonly (HsdsService & { organization_id: string })[],
  terms: Map<string, TermInfo>,
): Promise<void> {
  const organizationNames = await published.organizationNames(trx, [...new Set(services.map((s) => s.organization_id))]);
  const locations = await published.locationFacts(trx, [...new Set(services.flatMap((s) => (s.service_at_locations ?? []).map((l) => l.location_id)))]);

  const now = new Date();
  const words = new Set<string>();
  const links: published.ServiceLocationLink[] = [];
  const rows = services.map((service) => {
    // Links keep the order of the package; a service's districts follow the order of its links.
    const linked = (service.service_at_locations ?? []).filter((l) => locations.has(l.location_id));
    const built = serviceRow(
      service,
      terms,
      organizationNames.get(service.organization_id) ?? '',
      linked.map((l) => locations.get(l.location_id)!),
      now,
    );
    for (const l of linked) links.push({ id: l.id, service_id: service.id, location_id: l.location_id });
    for (const word of built.words) words.add(word);
    return built.row;
  });
  if (rows.length === 0) return;
  await published.upsertServices(trx, rows);
  await published.replaceServiceLocations(
    trx,
    rows.map((s) => s.id),
    links,
  );
  await published.addSearchWords(trx, [...words]);
}
