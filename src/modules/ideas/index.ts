import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerIdeaApi } from './ideas.api.js';
import { ideaMessages } from './ideas.messages.js';
import { registerIdeaPages } from './ideas.pages.js';
import { authorsBecomeAnonymous, ideasPersonalData, purgeIdeasJob } from './ideas.privacy.js';
import { seedIdeasDemo } from './ideas.seed.js';
import { createIdeaService } from './ideas.service.js';
import { registerModerationPages } from './moderation.pages.js';
import { registerInitiativePages } from './initiatives/initiatives.pages.js';
import { seedInitiativesDemo } from './initiatives/initiatives.seed.js';
import { createInitiativeService } from './initiatives/initiatives.service.js';

export { purgeIdeasJob };
export { councilSources, type InitiativeSummary } from './initiatives/council-sources.js';

/** Ideen & Anliegen: families' ideas and concerns, moderated, answered in public, supported and followed; and the Vorhaben roadmap. */
export function ideasModule(deps: AppDeps): ModuleManifest {
  const ideas = createIdeaService(deps);
  const initiatives = createInitiativeService(deps);
  return defineModule({
    name: 'ideas',
    personalData: ideasPersonalData,
    erasureSteps: [authorsBecomeAnonymous],
    searchProviders: [
      { id: 'ideas', label: (locale) => ideaMessages(locale)('search.label'), search: (query, locale, limit) => ideas.search(query, locale, limit) },
    ],
    jobs: [
      // Nightly: unconfirmed submissions and follow requests, old declined submissions (ideas.privacy.ts).
      job(purgeIdeasJob, async () => void (await ideas.purge()), { cron: '35 3 * * *' }),
    ],
    routes(app) {
      registerIdeaPages(app, deps, ideas);
      registerModerationPages(app, deps, ideas);
      registerIdeaApi(app, deps, ideas);
      registerInitiativePages(app, deps, initiatives);
    },
    seedDemo: async () => {
      const seeded = await seedIdeasDemo(deps);
      return (await seedInitiativesDemo(deps)) || seeded;
    },
  });
}
