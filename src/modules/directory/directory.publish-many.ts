import { sql, type Transaction } from 'kysely';
import type { DB, OrganizationKind } from '../../db/types.js';
import { locationFacts, projectService, wordsOf, type TermInfo } from './directory.projection.js';
import { districtOf } from './directory.publish.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from './open-data/hsds.types.js';

/**
 * Publishing many objects at once (the HSDS import, seeds and benchmark loads): the same rows as
 * publishOrganization, publishLocation and publishService write one by one, in multi-row
 * statements. One by one, 2,000 services took half a minute on PGlite under load, and the embedded
 * portal (one connection) waited for it.
 */

const slice = 500;

async function inSlices<T>(rows: readonly T[], write: (part: T[]) => Promise<unknown>, size = slice): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Organisations (new ones of the given kind, else providers; the kind of existing ones stays). */
export async function publishOrganizations(
  trx: Transaction<DB>,
  organizations: readonly HsdsOrganization[],
  kinds: ReadonlyMap<string, OrganizationKind> = new Map(),
): Promise<void> {
  const now = new Date();
  await inSlices(organizations, (part) =>
    trx
      .insertInto('organizations')
      .values(
        part.map((o) => ({
          id: o.id,
          kind: kinds.get(o.id) ?? ('provider' as const),
          name: o.name,
          description: o.description,
          hsds: JSON.stringify(o),
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          hsds: eb.ref('excluded.hsds'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

export async function publishLocations(trx: Transaction<DB>, locations: readonly (HsdsLocation & { organization_id: string })[]): Promise<void> {
  const now = new Date();
  const rows = locations.map((location) => {
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
  });
  await inSlices(rows, (part) =>
    trx
      .insertInto('directory_locations')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          organization_id: eb.ref('excluded.organization_id'),
          name: eb.ref('excluded.name'),
          district: eb.ref('excluded.district'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          barrier_free: eb.ref('excluded.barrier_free'),
          hsds: eb.ref('excluded.hsds'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
}

/** Services; their organisations and locations must be published first (as for publishService). */
export async function publishServices(
  trx: Transaction<DB>,
  services: readonly (HsdsService & { organization_id: string })[],
  terms: Map<string, TermInfo>,
): Promise<void> {
  const organizationNames = new Map<string, string>();
  await inSlices([...new Set(services.map((s) => s.organization_id))], async (ids) => {
    for (const row of await trx.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute()) organizationNames.set(row.id, row.name);
  });
  const locations = new Map<string, { district: string | null; barrierFree: boolean }>();
  await inSlices([...new Set(services.flatMap((s) => (s.service_at_locations ?? []).map((l) => l.location_id)))], async (ids) => {
    for (const row of await trx.selectFrom('directory_locations').select(['id', 'district', 'barrier_free']).where('id', 'in', ids).execute()) {
      locations.set(row.id, { district: row.district, barrierFree: row.barrier_free });
    }
  });

  const now = new Date();
  const words = new Set<string>();
  const links: { id: string; service_id: string; location_id: string }[] = [];
  const rows = services.map((service) => {
    // Links keep the order of the package; a service's districts follow the order of its links.
    const linked = (service.service_at_locations ?? []).filter((l) => locations.has(l.location_id));
    const p = projectService(
      service,
      terms,
      organizationNames.get(service.organization_id) ?? '',
      linked.map((l) => locations.get(l.location_id)!),
    );
    for (const l of linked) links.push({ id: l.id, service_id: service.id, location_id: l.location_id });
    for (const word of wordsOf(`${p.text.a} ${p.text.b} ${p.text.c}`)) words.add(word);
    return {
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
      search_vector: sql`setweight(to_tsvector('german', ${p.text.a}), 'A') || setweight(to_tsvector('german', ${p.text.b}), 'B') || setweight(to_tsvector('german', ${p.text.c}), 'C')`,
      search_text: `${p.text.a} ${p.text.b}`.toLowerCase(),
      updated_at: now,
    };
  });
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id') as (keyof (typeof rows)[number])[];
  await inSlices(rows, (part) =>
    trx
      .insertInto('directory_services')
      .values(part)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute(),
  );
  await inSlices(rows, (part) =>
    trx
      .deleteFrom('directory_service_locations')
      .where(
        'service_id',
        'in',
        part.map((s) => s.id),
      )
      .execute(),
  );
  await inSlices(links, (part) => trx.insertInto('directory_service_locations').values(part).execute());
  await inSlices(
    [...words],
    (part) =>
      trx
        .insertInto('directory_search_words')
        .values(part.map((word) => ({ word })))
        .onConflict((oc) => oc.doNothing())
        .execute(),
    5000,
  );
}
