import type { AppDeps } from '../../platform/deps.js';
import { job, type JobDefinition } from '../../platform/modules/manifest.js';
import { deleteExpiredSeasonData, retentionJob } from './holidays.privacy.js';
import { resultMailsJob, sendResultMails } from './result-mails.js';
import { expireJob, expireUnanswered, offerFreedPlaces, offerNextJob } from './places.service.js';

/** The module's jobs: move-up of waiting lists, expiry of unanswered places, result mails, retention. */
export function holidayJobs(deps: AppDeps): JobDefinition[] {
  return [
    job<{ offerId: string }>(offerNextJob, async ({ offerId }) => void (await offerFreedPlaces(deps, offerId))),
    // Every 15 minutes: places offered from the waiting list and not answered in time move on.
    job(expireJob, async () => void (await expireUnanswered(deps)), { cron: '*/15 * * * *' }),
    // Nightly: personal data of seasons closed longer than their retention period goes.
    job(retentionJob, async () => void (await deleteExpiredSeasonData(deps)), { cron: '40 3 * * *' }),
    job<{ seasonId: string; after: string | null; chunk?: number }>(
      resultMailsJob,
      async ({ seasonId, after, chunk }) => void (await sendResultMails(deps, seasonId, after, chunk)),
    ),
  ];
}
