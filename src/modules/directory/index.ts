import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerDirectoryPages } from './public/directory.pages.js';
import { directorySearchProvider } from './public/directory.search-provider.js';
import { registerHsdsApi } from './open-data/hsds.api.js';
import { seedDirectory } from './seed/index.js';
import { workflowJobs } from './workflow/workflow.jobs.js';
import { registerWorkflowPages } from './workflow/workflow.pages.js';
import { workflowPersonalData } from './workflow/workflow.privacy.js';
import { directoryNavigation } from './directory.navigation.js';
import { createWorkflowService } from './workflow/workflow.service.js';
import { serviceTranslationEditing } from './workflow/workflow.translations.js';
import { directoryReviewables } from './workflow/workflow.reviewables.js';

/** The directory's staleness rule and who hears of it, reused for the employers' measures (re-confirmed every 12 months). */
export { isDueForReminder, reminderMonths } from './workflow/workflow.jobs.js';
export { reachableMembers } from './workflow/workflow.checks.repository.js';
export { demoOrganizers, profileTopics, seedDirectory, type DemoOrganizer, type DemoVenue, type OrganizationProfile } from './seed/index.js';

/** Angebote & Leistungen: the directory of family services (HSDS 3.0). */
export function directoryModule(deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'directory',
    personalData: workflowPersonalData,
    jobs: workflowJobs(deps),
    searchProviders: [directorySearchProvider(deps.db)],
    reviewables: directoryReviewables,
    translations: [serviceTranslationEditing(deps, createWorkflowService(deps))],
    navigation: [directoryNavigation],
    routes(app) {
      registerDirectoryPages(app, deps);
      registerHsdsApi(app, deps);
      registerWorkflowPages(app, deps);
    },
    seedDemo: () => seedDirectory(deps),
  });
}
