import type { AppDeps } from '../app.js';
import { deleteExpiredSessions, sessionSettings } from './auth/sessions.js';
import { deleteExpiredRateLimits } from './http/rate-limit.js';
import { sweepExpired } from './privacy/privacy.queries.js';

export const maintenanceJob = 'platform.maintenance';

/**
 * Deletion on schedule: expired sessions and rate-limit counters; every fixed retention period
 * declared with the personal data (`retention.sweep`: unconfirmed accounts, used-up links, outbox
 * mails, barrier reports, the audit log); the farewell mails to erased accounts once they are out,
 * and the .eml copies of outbox rows that are gone.
 */
export function registerMaintenanceJobs({ db, jobs, config, privacy, mail }: AppDeps): void {
  jobs.register(
    maintenanceJob,
    async () => {
      await deleteExpiredSessions(db, sessionSettings(config));
      await deleteExpiredRateLimits(db);
      await sweepExpired(db, config, privacy.declarations());
      await mail.forgetDelivered();
      await mail.pruneFiles();
    },
    { cron: '17 * * * *' },
  );
}
