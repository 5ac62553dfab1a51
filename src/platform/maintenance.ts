import { sql } from 'kysely';
import type { AppDeps } from '../app.js';
import { deleteExpiredSessions, sessionSettings } from './auth/sessions.js';
import { deleteExpiredRateLimits } from './http/rate-limit.js';

export const maintenanceJob = 'platform.maintenance';

/** Deletion on schedule: expired sessions, tokens and rate-limit counters, old outbox mails and barrier reports. */
export function registerMaintenanceJobs({ db, jobs, config }: AppDeps): void {
  jobs.register(
    maintenanceJob,
    async () => {
      await deleteExpiredSessions(db, sessionSettings(config));
      await deleteExpiredRateLimits(db);
      await db.deleteFrom('auth_tokens').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
      // Accounts never confirmed within 7 days are removed with everything they hold.
      await db.deleteFrom('users').where('email_confirmed_at', 'is', null).where('created_at', '<', sql<Date>`now() - interval '7 days'`).execute();
      await db.deleteFrom('mail_outbox').where('created_at', '<', sql<Date>`now() - interval '30 days'`).execute();
      await db.deleteFrom('barrier_reports').where('created_at', '<', sql<Date>`now() - interval '1 year'`).execute();
      await db.deleteFrom('audit_log').where('at', '<', sql<Date>`now() - make_interval(days => ${config.auditRetentionDays})`).execute();
    },
    { cron: '17 * * * *' },
  );
}
