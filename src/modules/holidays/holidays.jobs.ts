import type { AppDeps } from '../../app.js';
import { deleteExpiredSeasonData, holidayPersonalData, retentionJob } from './holidays.privacy.js';
import { resultMailsJob, sendResultMails } from './result-mails.js';
import { expireJob, expireUnanswered, offerFreedPlaces, offerNextJob } from './places.service.js';

/** The module's jobs (move-up of waiting lists, expiry of unanswered places, retention) and its personal data. */
export function registerHolidayJobs(deps: AppDeps): void {
  deps.jobs.register<{ offerId: string }>(offerNextJob, async ({ offerId }) => void (await offerFreedPlaces(deps, offerId)));
  // Every 15 minutes: places offered from the waiting list and not answered in time move on.
  deps.jobs.register(expireJob, async () => void (await expireUnanswered(deps)), { cron: '*/15 * * * *' });
  // Nightly: personal data of seasons closed longer than their retention period goes.
  deps.jobs.register(retentionJob, async () => void (await deleteExpiredSeasonData(deps)), { cron: '40 3 * * *' });
  deps.jobs.register<{ seasonId: string; after: string | null; chunk?: number }>(resultMailsJob, async ({ seasonId, after, chunk }) => void (await sendResultMails(deps, seasonId, after, chunk)));
  deps.privacy.register(...holidayPersonalData);
}
