import { deleteExpiredSessions, sessionSettings } from './auth/sessions.js';
import type { AppDeps } from './deps.js';
import { deleteExpiredRateLimits } from './http/rate-limit.js';
import { defineModule, job, type ModuleManifest } from './modules/manifest.js';
import { sweepExpired } from './privacy/privacy.queries.js';

export const maintenanceJob = 'platform.maintenance';

/**
 * The platform's own part: deletion on schedule. Expired sessions and rate-limit counters; every
 * fixed retention period declared with the personal data (`retention.sweep`: unconfirmed accounts,
 * used-up links, outbox mails, barrier reports, the audit log); the farewell mails to erased
 * accounts once they are out, and the .eml copies of outbox rows that are gone.
 */
export function platformModule({ db, config, privacy, mail }: AppDeps): ModuleManifest {
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
    ],
  });
}
