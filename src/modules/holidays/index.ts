import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerAdminPages } from './admin.pages.js';
import { registerFamilyPages } from './family.pages.js';
import { registerHolidaysApi } from './holidays.api.js';
import { registerHolidayJobs } from './holidays.jobs.js';
import { seedHolidayDemo } from './holidays.seed.js';
import { registerProviderPages } from './provider.pages.js';
import { placesReleasedOnDeletion } from './release-on-deletion.js';

/** Ferienbetreuung: holiday offers, wish lists, the lottery, waiting lists and first-come booking. */
export function holidaysModule(deps: AppDeps): FastifyPluginAsync {
  registerHolidayJobs(deps);
  // A deleted parent account gives its children's places back to the waiting lists.
  deps.privacy.onErase(placesReleasedOnDeletion(deps));
  return async (app) => {
    registerFamilyPages(app, deps);
    registerAdminPages(app, deps);
    registerProviderPages(app, deps);
    registerHolidaysApi(app, deps);
  };
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedHolidays(deps: AppDeps): Promise<boolean> {
  return seedHolidayDemo(deps);
}
