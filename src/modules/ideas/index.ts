import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerIdeaApi } from './ideas.api.js';
import { ideaMessages } from './ideas.messages.js';
import { registerIdeaPages } from './ideas.pages.js';
import { authorsBecomeAnonymous, ideasPersonalData, purgeIdeasJob } from './ideas.privacy.js';
import { ideaLinks } from './idea-links.js';
import { seedIdeasDemo } from './ideas.seed.js';
import { createIdeaService } from './ideas.service.js';
import { registerModerationPages } from './moderation.pages.js';
import { registerInitiativePages } from './initiatives/initiatives.pages.js';
import { seedInitiativesDemo } from './initiatives/initiatives.seed.js';
import { initiativeMessages } from './initiatives/initiatives.messages.js';
import { createInitiativeService, initiativePath } from './initiatives/initiatives.service.js';

export { purgeIdeasJob };
export { councilSources, type InitiativeSummary } from './initiatives/council-sources.js';
export { ideaLinks } from './idea-links.js';

/** Recomputes stored match terms after the matching changed (matching.ts, `matchingVersion`). */
export const reindexIdeasJob = 'ideas.reindex';

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
      {
        id: 'initiatives',
        label: (locale) => initiativeMessages(locale)('list.title'),
        search: (query, locale, limit) => initiatives.search(query, locale, limit),
      },
    ],
    jobs: [
      // Nightly: unconfirmed submissions and follow requests, old declined submissions (ideas.privacy.ts).
      job(
        purgeIdeasJob,
        async () => {
          await ideas.purge();
          await initiatives.purge();
        },
        { cron: '35 3 * * *' },
      ),
      // Every 10 minutes: a cheap look for ideas whose stored terms an older matching computed.
      job(reindexIdeasJob, async () => void (await ideas.reindex()), { cron: '*/10 * * * *' }),
    ],
    routes(app) {
      const initiativesOf = async (ideaId: string) => ({
        shaped: (await initiatives.initiativesOfIdea(ideaId)).map((i) => ({ title: i.title, href: initiativePath(i.slug) })),
        council: await ideaLinks.of(deps.db, ideaId),
      });
      registerIdeaPages(app, deps, ideas, initiativesOf);
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
