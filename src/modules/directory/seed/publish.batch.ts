import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.js';
import { locationFacts, projectService, wordsOf, type TermInfo } from '../directory.projection.js';
import { districtOf } from '../directory.publish.js';
import type { DirectoryUnit } from './build.js';

/**
 * Bulk publishing for benchmark-sized directories: the same rows publishOrganization,
 * publishLocation and publishService write (same projections, same HSDS json, same links and
 * search words; publish.batch.int.test.ts compares both paths), in a handful of multi-row
 * statements per chunk instead of six round trips per service. Only for fresh objects of
 * generated units: every linked location must be in the same chunk.
 */
/** Runs `write` on slices of the rows, keeping each statement far below PostgreSQL's 65,535 parameters. */
async function inSlices<T>(rows: readonly T[], write: (slice: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function publishUnitsBatched(trx: Transaction<DB>, units: readonly DirectoryUnit[], terms: Map<string, TermInfo>): Promise<void> {
  if (units.length === 0) return;
  const now = new Date();
  const organizationRows = units.map((u) => ({ id: u.organization.id, kind: u.kind, name: u.organization.name, description: u.organization.description, hsds: JSON.stringify(u.organization), updated_at: now }));
  await inSlices(organizationRows, (rows) =>
    trx
      .insertInto('organizations')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), description: eb.ref('excluded.description'), hsds: eb.ref('excluded.hsds'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute(),
  );

  const facts = new Map<string, ReturnType<typeof locationFacts>>();
  const locationRows = units.flatMap((u) =>
    u.locations.map((location) => {
      const f = locationFacts(location, districtOf(location));
      facts.set(location.id, f);
      return {
        id: location.id,
        organization_id: u.organization.id,
        name: location.name ?? '',
        district: f.district,
        latitude: location.latitude ?? null,
        longitude: location.longitude ?? null,
        barrier_free: f.barrierFree,
        hsds: JSON.stringify({ ...location, organization_id: u.organization.id }),
        updated_at: now,
      };
    }),
  );
  await inSlices(locationRows, (rows) =>
    trx
      .insertInto('directory_locations')
      .values(rows)
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

  const words = new Set<string>();
  const links: { id: string; service_id: string; location_id: string }[] = [];
  const serviceRows = units.flatMap((u) =>
    u.services.map((service) => {
      const linked = (service.service_at_locations ?? []).filter((l) => facts.has(l.location_id));
      const p = projectService(service, terms, u.organization.name, linked.map((l) => facts.get(l.location_id)!));
      for (const l of linked) links.push({ id: l.id, service_id: service.id, location_id: l.location_id });
      for (const word of wordsOf(`${p.text.a} ${p.text.b} ${p.text.c}`)) words.add(word);
      return {
        id: service.id,
        organization_id: u.organization.id,
        name: service.name,
        status: service.status,
        hsds: JSON.stringify({ ...service, organization_id: u.organization.id }),
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
    }),
  );
  if (serviceRows.length === 0) return;
  const columns = Object.keys(serviceRows[0]!).filter((c) => c !== 'id') as (keyof (typeof serviceRows)[number])[];
  await inSlices(serviceRows, (rows) =>
    trx
      .insertInto('directory_services')
      .values(rows)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute(),
  );
  await inSlices(serviceRows, (rows) => trx.deleteFrom('directory_service_locations').where('service_id', 'in', rows.map((s) => s.id)).execute());
  await inSlices(links, (rows) => trx.insertInto('directory_service_locations').values(rows).execute());
  await inSlices([...words], (rows) => trx.insertInto('directory_search_words').values(rows.map((word) => ({ word }))).onConflict((oc) => oc.doNothing()).execute(), 5000);
}
