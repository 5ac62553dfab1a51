import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { networkNavigation } from './network.navigation.js';
import { registerNetworkPages } from './network.pages.js';
import { networkPersonalData } from './network.privacy.js';
import { seedNetworkDemo } from './network.seed.js';
import { networkKinds } from './network.notifications.js';
import { extractJob } from './documents.service.js';
import { remindJob } from './meetings.service.js';
import { createNetworkService } from './network.service.js';
import { retentionJob } from './moderation.service.js';

export { seedNetworkDemo };
export { sharedGroups, type NetworkGroupSummary } from './shared-groups.js';
/** The form asking to join the alliance (posts to /netzwerk/partner-werden); the employers' pages show it prefilled. */
export { PartnerRequestForm as PartnerRequestFormView } from './views/public.js';

/**
 * Bündnis-Netzwerk: the alliance for families in public (/netzwerk) and its workspace for partners —
 * groups, documents with versions, meetings with iCalendar invitations, minutes and tasks, a feed, and
 * notifications that arrive exactly once (through the platform's notification service).
 */
export function networkModule(deps: AppDeps): ModuleManifest {
  const network = createNetworkService(deps);
  // Its notifications go through the platform's service (sent, digested and pushed there).
  deps.notifications.define(...networkKinds((userId) => network.worksInNetwork(userId)));
  return defineModule({
    name: 'network',
    personalData: networkPersonalData,
    navigation: [networkNavigation],
    jobs: [
      // 08:00: owners of open tasks due tomorrow are reminded (once per task).
      job(remindJob, async () => void (await network.remindDueTasks()), { cron: '0 8 * * *' }),
      // 03:50: posts and documents older than their group keeps them are deleted.
      job(retentionJob, async () => void (await network.applyRetention()), { cron: '50 3 * * *' }),
      // The text of an uploaded version, for the full-text search (queued with the upload).
      job<{ documentId: string; number: number }>(extractJob, async ({ documentId, number }) => void (await network.extractText(documentId, number))),
    ],
    routes(app) {
      registerNetworkPages(app, deps, network);
    },
    seedDemo: () => seedNetworkDemo(deps),
  });
}
