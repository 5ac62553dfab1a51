import type { AppDeps } from '../../app.js';
import { expireJob, expireUnanswered, offerFreedPlaces, offerNextJob } from './places.service.js';

/** The module's jobs: move-up of the waiting list, expiry of unanswered places. */
export function registerHolidayJobs(deps: AppDeps): void {
  deps.jobs.register<{ offerId: string }>(offerNextJob, async ({ offerId }) => void (await offerFreedPlaces(deps, offerId)));
  // Every 15 minutes: places offered from the waiting list and not answered in time move on.
  deps.jobs.register(expireJob, async () => void (await expireUnanswered(deps)), { cron: '*/15 * * * *' });
}
