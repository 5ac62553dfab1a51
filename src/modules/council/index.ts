import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerCouncilPages } from './council.pages.js';
import { councilPersonalData } from './council.privacy.js';
import { seedCouncilDemo } from './council.seed.js';
import { councilKinds } from './council.notifications.js';
import { createCouncilService } from './council.service.js';
import { registerStaffPages } from './staff.pages.js';

export const councilRemindersJob = 'council.reminders';
export const councilExchangeJob = 'council.exchange';

/**
 * Familienbeirat: the family council. Families apply (optional questions only with consent), the
 * Stabsstelle accepts members for a term, plans workshops and invites; members register with their
 * needs (capacity and childcare places held by a database constraint, a waiting list in commit order),
 * staff publish reports whose results link to the roadmap's initiatives and to ideas, and members talk in a
 * private group of the network.
 */
export function councilModule(deps: AppDeps): ModuleManifest {
  const service = createCouncilService(deps);
  // Moving up and reminders go through the platform's notification service (mail, and push where allowed).
  deps.notifications.define(...councilKinds);
  return defineModule({
    name: 'council',
    personalData: councilPersonalData,
    erasureSteps: [service.releasedOnErasure],
    jobs: [
      // Every 10 minutes: reminders for workshops within the next 24 hours, each registration once.
      job(councilRemindersJob, async () => void (await service.sendReminders()), { cron: '*/10 * * * *' }),
      // Daily at 00:20 UTC: members whose term ran out leave the exchange group (a private group of the network).
      job(councilExchangeJob, async () => void (await service.tidyExchange()), { cron: '20 0 * * *' }),
    ],
    routes(app) {
      registerCouncilPages(app, deps, service);
      registerStaffPages(app, deps, service);
    },
    seedDemo: () => seedCouncilDemo(deps),
  });
}
