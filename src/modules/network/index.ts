import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { networkNavigation } from './network.navigation.js';
import { registerNetworkPages } from './network.pages.js';
import { networkPersonalData } from './network.privacy.js';
import { seedNetworkDemo } from './network.seed.js';
import { createNetworkService, digestJob, dispatchJob, extractJob, remindJob, weeklyDigestJob } from './network.service.js';

export { seedNetworkDemo };
/** The form asking to join the alliance (posts to /netzwerk/partner-werden); the employers' pages show it prefilled. */
export { PartnerRequestForm as PartnerRequestFormView } from './views/public.js';

/**
 * Bündnis-Netzwerk: the alliance for families in public (/netzwerk) and its workspace for partners —
 * groups, documents with versions, meetings with iCalendar invitations, minutes and tasks, a feed, and
 * notifications that arrive exactly once (immediately, in a daily digest, or not at all).
 */
export function networkModule(deps: AppDeps): ModuleManifest {
  const network = createNetworkService(deps);
  return defineModule({
    name: 'network',
    personalData: networkPersonalData,
    navigation: [networkNavigation],
    jobs: [
      // Queued with every event (same transaction); every minute as well, in case a run was lost.
      job(dispatchJob, async () => void (await network.dispatchImmediate()), { cron: '* * * * *' }),
      // The daily digest at 07:00 Berlin time.
      job(digestJob, async () => void (await network.sendDigests('digest')), { cron: '0 7 * * *' }),
      // The weekly digest on Mondays at 07:00.
      job(weeklyDigestJob, async () => void (await network.sendDigests('weekly')), { cron: '0 7 * * 1' }),
      // 08:00: owners of open tasks due tomorrow are reminded (once per task).
      job(remindJob, async () => void (await network.remindDueTasks()), { cron: '0 8 * * *' }),
      // The text of an uploaded version, for the full-text search (queued with the upload).
      job<{ documentId: string; number: number }>(extractJob, async ({ documentId, number }) => void (await network.extractText(documentId, number))),
    ],
    routes(app) {
      registerNetworkPages(app, deps, network);
    },
    seedDemo: () => seedNetworkDemo(deps),
  });
}
