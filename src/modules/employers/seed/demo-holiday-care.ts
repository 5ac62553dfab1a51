import type { AppDeps } from '../../../platform/deps.js';
import { seedEmployerHolidayPlaces } from '../../holidays/index.js';

/** Two demo employers reserve places in the demo season's holiday offers for their staff's children. */
const reservations = [
  { employer: 'Klinikum Lippeaue (Demo)', titles: ['Zirkuswoche', 'Ferienspiele im Familienzentrum'], places: 4 },
  { employer: 'Stadtverwaltung {city} (Demo)', titles: ['Waldforscher', 'Kunstwerkstatt'], places: 3 },
];

/** Idempotent (runs after the holidays' and the employers' demo data): true when it reserved anything. */
export async function seedEmployerHolidayCareDemo(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  let added = 0;
  for (const r of reservations) {
    const name = r.employer.replace('{city}', deps.city.name);
    const org = await deps.db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst();
    if (org) added += await seedEmployerHolidayPlaces(deps, org.id, { titles: r.titles, places: r.places });
  }
  return added > 0;
}
