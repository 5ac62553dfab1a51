import type { AppDeps } from '../../platform/deps.js';
import { codeOf, insertCodeOnce, upsertQuota } from './employer-places.repository.js';
import { newEmployerCode } from './employer-places.service.js';

/**
 * Demo data for the employers module (which seeds after this one): an employer reserves places in
 * approved offers of the demo season for its staff's children. Idempotent: an offer where the
 * employer already has places is left alone. Returns how many offers got places.
 */
export async function seedEmployerHolidayPlaces(
  deps: Pick<AppDeps, 'db'>,
  organizationId: string,
  wanted: { titles: readonly string[]; places: number },
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const offers = await trx
      .selectFrom('holiday_offers as o')
      .innerJoin('holiday_seasons as s', 's.id', 'o.season_id')
      .leftJoin('holiday_employer_quotas as q', (join) => join.onRef('q.offer_id', '=', 'o.id').on('q.organization_id', '=', organizationId))
      .select(['o.id', 'o.season_id', 'o.places', 'o.employer_places', 'q.places as reserved'])
      .where('o.title', 'in', [...wanted.titles])
      .where('o.status', '=', 'approved')
      .where('s.phase', 'in', ['collecting', 'wishes'])
      .execute();
    let added = 0;
    for (const offer of offers) {
      const places = Math.min(wanted.places, offer.places - offer.employer_places);
      if (offer.reserved !== null || places < 1) continue;
      await upsertQuota(trx, offer.id, organizationId, places);
      let code = await codeOf(trx, offer.season_id, organizationId);
      while (!code) code = await insertCodeOnce(trx, offer.season_id, organizationId, newEmployerCode());
      added++;
    }
    return added;
  });
}
