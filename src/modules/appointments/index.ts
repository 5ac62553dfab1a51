import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerAppointmentsApi } from './appointments.api.js';
import { registerAppointmentPages } from './appointments.pages.js';
import { appointmentPersonalData } from './appointments.privacy.js';
import { expireHoldsAndOffer, expireHoldsJob, offerFreedJob, offerFreedSlot, reminderJob, sendDueReminders } from './appointments.service.js';
import { seedAppointmentsDemo } from './appointments.seed.js';
import { pushReminderJob, sendDuePushReminders } from './push.js';
import { registerSettingsPages } from './settings.pages.js';
import { registerStaffPages } from './staff.pages.js';

export { activeServices as bookableServices } from './appointments.repository.js';
export { seedAppointmentsDemo } from './appointments.seed.js';

/**
 * Beratungstermine: a booking engine every office uses (Jugendberufsagentur, Familienbüro,
 * Wiedereinstieg). Counsellors' weekly patterns, exceptions and NRW holidays give the free slots; an
 * exclusion constraint in the database makes a double booking impossible.
 */
export function appointmentsModule(deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'appointments',
    personalData: appointmentPersonalData,
    jobs: [
      // Every 10 minutes: reminders for tomorrow's appointments (each exactly once, see claimDueReminders).
      job(reminderJob, async () => void (await sendDueReminders(deps)), { cron: '*/10 * * * *' }),
      // Every 5 minutes: the push reminders 2 hours before, for those who turned them on (each at most once).
      job(pushReminderJob, async () => void (await sendDuePushReminders(deps)), { cron: '*/5 * * * *' }),
      // Every 5 minutes: unconfirmed holds past their time free their slot (a status change).
      job(expireHoldsJob, async () => void (await expireHoldsAndOffer(deps)), { cron: '*/5 * * * *' }),
      // A slot freed (cancel, move, lapsed hold): the first person on that day's waiting list gets it held.
      job<{ serviceId: string; date: string }>(offerFreedJob, async ({ serviceId, date }) => void (await offerFreedSlot(deps, serviceId, date))),
    ],
    routes(app) {
      registerAppointmentPages(app, deps);
      registerStaffPages(app, deps);
      registerSettingsPages(app, deps);
      registerAppointmentsApi(app, deps);
    },
    seedDemo: () => seedAppointmentsDemo(deps),
  });
}
