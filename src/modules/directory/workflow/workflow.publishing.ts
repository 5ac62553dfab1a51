import { sql, type Transaction } from 'kysely';
import type { DB, DirectoryEntity } from '../../../db/types.js';
import { loadTermIndex, publishLocation, publishOrganization, publishService } from '../directory.publish.js';
import type { TermInfo } from '../directory.projection.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';

/**
 * Puts an approved version live through the publish* functions, in the caller's transaction.
 * Services carry projections of their organisation (name) and locations (district, access), so
 * those services are published again when an organisation or location changes.
 */
export async function publishEntry(trx: Transaction<DB>, type: DirectoryEntity, organizationId: string, data: unknown): Promise<void> {
  switch (type) {
    case 'organization':
      await publishOrganization(trx, { ...(data as HsdsOrganization), id: organizationId });
      await republishServices(trx, organizationId);
      return;
    case 'location':
      await publishLocation(trx, organizationId, data as HsdsLocation);
      await republishServices(trx, organizationId, (data as HsdsLocation).id);
      return;
    case 'service': {
      const service = data as HsdsService;
      const before = await trx
        .selectFrom('directory_services')
        .select(sql<string | null>`assured_date::text`.as('assured_date'))
        .where('id', '=', service.id)
        .executeTakeFirst();
      await publishService(trx, organizationId, service, await loadTermIndex(trx));
      // Checked again: the reminder and the editors' flag start afresh.
      if (service.assured_date && (!before?.assured_date || service.assured_date > before.assured_date)) {
        await trx.updateTable('directory_services').set({ check_reminder_sent_at: null, stale_flagged_at: null }).where('id', '=', service.id).execute();
      }
    }
  }
}

async function republishServices(trx: Transaction<DB>, organizationId: string, locationId?: string): Promise<void> {
  let q = trx
    .selectFrom('directory_services')
    .select(['directory_services.id', 'directory_services.hsds'])
    .where('directory_services.organization_id', '=', organizationId);
  if (locationId)
    q = q.where('directory_services.id', 'in', trx.selectFrom('directory_service_locations').select('service_id').where('location_id', '=', locationId));
  const rows = await q.execute();
  if (!rows.length) return;
  const terms: Map<string, TermInfo> = await loadTermIndex(trx);
  for (const row of rows) await publishService(trx, organizationId, row.hsds as HsdsService, terms);
}
