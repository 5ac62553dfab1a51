import type { Transaction } from 'kysely';
import type { DB, DirectoryEntity } from '../../../db/types.js';
import { loadTermIndex, publishLocation, publishOrganization, publishService } from '../directory.publish.js';
import type { TermInfo } from '../directory.projection.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { clearCheckMarks, publishedAssuredDate, servicesOf } from '../published.repository.js';

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
      const before = await publishedAssuredDate(trx, service.id);
      await publishService(trx, organizationId, service, await loadTermIndex(trx));
      // Checked again: the reminder and the editors' flag start afresh.
      if (service.assured_date && (!before || service.assured_date > before)) await clearCheckMarks(trx, service.id);
    }
  }
}

async function republishServices(trx: Transaction<DB>, organizationId: string, locationId?: string): Promise<void> {
  const rows = await servicesOf(trx, organizationId, locationId);
  if (!rows.length) return;
  const terms: Map<string, TermInfo> = await loadTermIndex(trx);
  for (const row of rows) await publishService(trx, organizationId, row.hsds as HsdsService, terms);
}
