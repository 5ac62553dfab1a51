import type { Transaction } from 'kysely';
import type { DB, DirectoryEntity } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';

/** The queries of the HSDS import; all run inside the import's one transaction. */

type Table = 'organizations' | 'directory_locations' | 'directory_services' | 'taxonomy_terms';
const chunk = 1000;

function* slices<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += chunk) yield items.slice(i, i + chunk);
}

/** Which of these ids exist in the table. */
export async function existingIds(trx: Transaction<DB>, table: Table, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of slices([...new Set(ids)])) {
    const rows = await trx.selectFrom(table).select('id').where('id', 'in', part).execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** service_at_location ids already used, with the service they belong to. */
export async function linkOwners(trx: Transaction<DB>, linkIds: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const part of slices([...new Set(linkIds)])) {
    const rows = await trx.selectFrom('directory_service_locations').select(['id', 'service_id']).where('id', 'in', part).execute();
    for (const row of rows) owners.set(row.id, row.service_id);
  }
  return owners;
}

export interface PublishedRevision {
  entityType: DirectoryEntity;
  entityId: string;
  organizationId: string;
  data: unknown;
}

/**
 * Records each imported object as its next published version; the version it replaces
 * becomes superseded (drafts and pending reviews stay as they are).
 */
export async function recordPublishedRevisions(trx: Transaction<DB>, revisions: PublishedRevision[], authorId: string | null, at: Date): Promise<void> {
  for (const part of slices(revisions)) {
    const byType = new Map<DirectoryEntity, string[]>();
    for (const r of part) byType.set(r.entityType, [...(byType.get(r.entityType) ?? []), r.entityId]);
    const latest = new Map<string, number>();
    for (const [type, ids] of byType) {
      const rows = await trx
        .selectFrom('revisions')
        .select(['entity_id', (eb) => eb.fn.max<number>('version').as('version')])
        .where('entity_type', '=', type)
        .where('entity_id', 'in', ids)
        .groupBy('entity_id')
        .execute();
      for (const row of rows) latest.set(`${type}:${row.entity_id}`, Number(row.version));
      await trx
        .updateTable('revisions')
        .set({ status: 'superseded' })
        .where('entity_type', '=', type)
        .where('entity_id', 'in', ids)
        .where('status', '=', 'published')
        .execute();
    }
    await trx
      .insertInto('revisions')
      .values(
        part.map((r) => ({
          entity_type: r.entityType,
          entity_id: r.entityId,
          organization_id: r.organizationId,
          version: (latest.get(`${r.entityType}:${r.entityId}`) ?? 0) + 1,
          status: 'published' as const,
          data: JSON.stringify(r.data),
          author_id: authorId,
          submitted_at: at,
          reviewed_by: authorId,
          reviewed_at: at,
        })),
      )
      .execute();
  }
}

/** The account the CLI imports as (`--als`), by email address. */
export const accountByEmail = (db: Executor, email: string) => db.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirst();
