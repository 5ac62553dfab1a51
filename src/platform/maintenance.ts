import { deleteExpiredSessions, sessionSettings } from './auth/sessions.js';
import type { AppDeps } from './deps.js';
import { deleteExpiredRateLimits } from './http/rate-limit.js';
import { defineModule, job, type ModuleManifest } from './modules/manifest.js';
import { digestJob, dispatchJob } from './notifications/notifications.js';
import { sweepExpired } from './privacy/privacy.queries.js';

export const maintenanceJob = 'platform.maintenance';

/**
 * The platform's own part: deletion on schedule. Expired sessions and rate-limit counters; every
 * fixed retention period declared with the personal data (`retention.sweep`: unconfirmed accounts,
 * used-up links, outbox mails, barrier reports, the audit log); the farewell mails to erased
 * accounts once they are out, and the .eml copies of outbox rows that are gone.
 */
export function platformModule({ db, config, privacy, mail, notifications }: AppDeps): ModuleManifest {
  return defineModule({
    name: 'platform',
    jobs: [
      job(
        maintenanceJob,
        async () => {
          await deleteExpiredSessions(db, sessionSettings(config));
          await deleteExpiredRateLimits(db);
          await sweepExpired(db, config, privacy.declarations());
          await mail.forgetDelivered();
          await mail.pruneFiles();
        },
        { cron: '17 * * * *' },
      ),
      // Notifications (platform/notifications): what is due at once every minute (and with each event),
      // the daily and weekly digests every 5 minutes, at each person's hour.
      job(dispatchJob, async () => void (await notifications.dispatch()), { cron: '* * * * *' }),
      job(
        digestJob,
        async () => {
          await notifications.sendDigests('daily');
          await notifications.sendDigests('weekly');
        },
        { cron: '*/5 * * * *' },
      ),
    ],
  });
}
