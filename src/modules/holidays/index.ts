import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerAdminPages } from './admin.pages.js';
import { registerFamilyPages } from './family.pages.js';
import { registerHolidaysApi } from './holidays.api.js';
import { holidayJobs } from './holidays.jobs.js';
import { holidayPersonalData } from './holidays.privacy.js';
import { seedHolidayDemo } from './holidays.seed.js';
import { registerProviderPages } from './provider.pages.js';
import { placesReleasedOnDeletion } from './release-on-deletion.js';
import { holidaysNavigation } from './holidays.navigation.js';
import { offerTranslationEditing } from './holidays.translations.js';

/** Places employers reserve for their staff's children: the employers module shows them (employer-places.service.ts). */
export { holidayCodesOfEmployer, reservedHolidayOffers, type EmployerSeason } from './employer-places.service.js';
export { seedEmployerHolidayPlaces } from './employer-places.seed.js';

/** Ferienbetreuung: holiday offers, wish lists, the lottery, waiting lists and first-come booking. */
export function holidaysModule(deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'holidays',
    personalData: holidayPersonalData,
    // A deleted parent account gives its children's places back to the waiting lists.
    erasureSteps: [placesReleasedOnDeletion(deps)],
    jobs: holidayJobs(deps),
    navigation: [holidaysNavigation],
    translations: [offerTranslationEditing(deps)],
    routes(app) {
      registerFamilyPages(app, deps);
      registerAdminPages(app, deps);
      registerProviderPages(app, deps);
      registerHolidaysApi(app, deps);
    },
    seedDemo: () => seedHolidayDemo(deps),
  });
}
