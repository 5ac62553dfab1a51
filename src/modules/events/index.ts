import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerEventAdminPages } from './events.admin.pages.js';
import { registerEventPages } from './events.pages.js';
import { registerEventsPlatform } from './events.platform.js';
import { seedEvents as seedDemoEvents } from './events.seed.js';

export { listEventsInRange, type EventOccurrenceSummary, type EventRangeQuery } from './events.range.js';
export { eventCategories } from './events.categories.js';

/** Veranstaltungskalender: public calendar, feeds, organiser and moderation pages. */
export function eventsModule(deps: AppDeps): FastifyPluginAsync {
  registerEventsPlatform(deps);
  return async (app) => {
    registerEventPages(app, deps);
    registerEventAdminPages(app, deps);
  };
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedEvents(deps: AppDeps): Promise<boolean> {
  return seedDemoEvents(deps);
}
