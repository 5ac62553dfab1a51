import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerEventAdminPages } from './events.admin.pages.js';
import { registerEventPages } from './events.pages.js';
import { eventsPersonalData, retentionJob } from './events.privacy.js';
import { eventsSearchProvider } from './events.search.js';
import { seedEvents } from './events.seed.js';
import { applyRetention } from './events.service.js';
import { eventsNavigation } from './events.navigation.js';
import { eventTranslationEditing } from './events.translations.js';

export { listEventsInRange, type EventOccurrenceSummary, type EventRangeQuery } from './events.range.js';
export { categoryName, eventCategories } from './events.categories.js';
export { summaryTranslatable } from './events.translations.js';
export { seedEvents } from './events.seed.js';

/** Veranstaltungskalender: public calendar, feeds, organiser and moderation pages. */
export function eventsModule(deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'events',
    personalData: eventsPersonalData,
    searchProviders: [eventsSearchProvider(deps)],
    translations: [eventTranslationEditing(deps)],
    navigation: [eventsNavigation],
    // Nightly: the retention periods declared in events.privacy.ts (suggesters' addresses, old suggestions).
    jobs: [job(retentionJob, async () => void (await applyRetention(deps, new Date())), { cron: '40 3 * * *' })],
    routes(app) {
      registerEventPages(app, deps);
      registerEventAdminPages(app, deps);
    },
    seedDemo: () => seedEvents(deps),
  });
}
