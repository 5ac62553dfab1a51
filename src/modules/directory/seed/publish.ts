import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DB, RevisionsTable } from '../../../db/types.js';
import type { TermInfo } from '../directory.projection.js';
import { loadTermIndex, publishLocation, publishOrganization, publishService } from '../directory.publish.js';
import type { DirectoryUnit } from './build.js';
import { publishLocations, publishOrganizations, publishServices } from '../directory.publish-many.js';
import type { GeneratedDirectory } from './generate.js';

/**
 * Publishing seed and benchmark data, with a first published revision of every object so history and
 * review start from a consistent state. The demo seed goes through publishOrganization, publishLocation
 * and publishService (what an editor's approval writes); benchmark loads default to the batched writer,
 * whose rows publish.batch.int.test.ts proves identical.
 */

export interface PublishStats {
  organizations: number;
  locations: number;
  services: number;
  milliseconds: number;
}

const revisionBatch = 500;

/**
 * Publishes the units inside the caller's transaction, with a first published revision of each
 * object. `batched` writes the same rows in multi-row statements (see directory.publish-many.ts).
 */
export async function publishUnits(
  trx: Transaction<DB>,
  units: readonly DirectoryUnit[],
  terms: Map<string, TermInfo>,
  options: { batched?: boolean } = {},
): Promise<Omit<PublishStats, 'milliseconds'>> {
  if (options.batched) {
    await publishOrganizations(
      trx,
      units.map((u) => u.organization),
      new Map(units.map((u) => [u.organization.id, u.kind])),
    );
    await publishLocations(
      trx,
      units.flatMap((u) => u.locations.map((l) => ({ ...l, organization_id: u.organization.id }))),
    );
    await publishServices(
      trx,
      units.flatMap((u) => u.services.map((s) => ({ ...s, organization_id: u.organization.id }))),
      terms,
    );
  } else {
    for (const unit of units) {
      await publishOrganization(trx, unit.organization, unit.kind);
      for (const location of unit.locations) await publishLocation(trx, unit.organization.id, location);
      for (const service of unit.services) await publishService(trx, unit.organization.id, service, terms);
    }
  }
  const revisions: Insertable<RevisionsTable>[] = [];
  const revision = (entity_type: 'organization' | 'location' | 'service', entity_id: string, organization_id: string, data: object) =>
    revisions.push({ entity_type, entity_id, organization_id, version: 1, status: 'published', data: JSON.stringify(data), author_id: null });
  for (const { organization, locations, services } of units) {
    revision('organization', organization.id, organization.id, organization);
    for (const location of locations) revision('location', location.id, organization.id, { ...location, organization_id: organization.id });
    for (const service of services) revision('service', service.id, organization.id, { ...service, organization_id: organization.id });
  }
  for (let i = 0; i < revisions.length; i += revisionBatch) await insertRevisions(trx, revisions.slice(i, i + revisionBatch));
  return {
    organizations: units.length,
    locations: units.reduce((n, u) => n + u.locations.length, 0),
    services: units.reduce((n, u) => n + u.services.length, 0),
  };
}

async function insertRevisions(trx: Transaction<DB>, rows: Insertable<RevisionsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('revisions')
    .values(rows)
    .onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'version']).doNothing())
    .execute();
}

/**
 * Publishes a generated directory in chunked transactions of about `chunkSize` services (pass
 * Infinity for one transaction), batched unless `batched: false` (then through publishService one
 * by one), then refreshes the planner statistics and GIN pending lists.
 */
export async function publishGenerated(
  db: Kysely<DB>,
  generated: GeneratedDirectory,
  options: { chunkSize?: number; batched?: boolean } = {},
): Promise<PublishStats> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 500;
  const terms = await loadTermIndex(db);
  const total = { organizations: 0, locations: 0, services: 0 };
  let chunk: DirectoryUnit[] = [];
  let chunkServices = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const units = chunk;
    chunk = [];
    chunkServices = 0;
    const stats = await db.transaction().execute((trx) => publishUnits(trx, units, terms, { batched: options.batched ?? true }));
    total.organizations += stats.organizations;
    total.locations += stats.locations;
    total.services += stats.services;
  };
  for (const unit of generated.units()) {
    chunk.push(unit);
    chunkServices += unit.services.length;
    if (chunkServices >= chunkSize) await flush();
  }
  await flush();
  await analyzeDirectory(db);
  return { ...total, milliseconds: Math.round(performance.now() - started) };
}

/** After bulk inserts: GIN indexes skip rows still in their pending list until VACUUM (STACK-NOTES). */
export async function analyzeDirectory(db: Kysely<DB>): Promise<void> {
  await sql`VACUUM ANALYZE organizations, directory_locations, directory_services, directory_service_locations, directory_search_words, revisions`.execute(db);
}
