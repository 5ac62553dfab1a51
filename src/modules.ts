import type { AppDeps } from './platform/deps.js';
import { platformModule } from './platform/maintenance.js';
import type { ModuleManifest } from './platform/modules/manifest.js';
import { accountsModule } from './modules/accounts/index.js';
import { adminModule } from './modules/admin/index.js';
import { appointmentsModule } from './modules/appointments/index.js';
import { apiDocsModule } from './modules/api-docs/index.js';
import { contentModule } from './modules/content/index.js';
import { councilModule } from './modules/council/index.js';
import { directoryModule } from './modules/directory/index.js';
import { employersModule } from './modules/employers/index.js';
import { eventsModule } from './modules/events/index.js';
import { holidaysModule } from './modules/holidays/index.js';
import { homeModule } from './modules/home/index.js';
import { ideasModule } from './modules/ideas/index.js';
import { networkModule } from './modules/network/index.js';
import { newsletterModule } from './modules/newsletter/index.js';
import { placesModule } from './modules/places/index.js';
import { searchModule } from './modules/search/index.js';
import { sectionsModule } from './modules/sections/index.js';
import { surveyModule } from './modules/survey/index.js';
import { youthModule } from './modules/youth/index.js';

/**
 * The modules this portal runs, in order. The order is the order of the site search's groups and of
 * the demo data: the directory creates the organisations that the demo accounts and the later modules use.
 */
export function portalModules(deps: AppDeps): ModuleManifest[] {
  return [
    platformModule(deps),
    homeModule(deps),
    contentModule(deps),
    directoryModule(deps),
    accountsModule(deps),
    eventsModule(deps),
    holidaysModule(deps),
    newsletterModule(deps),
    surveyModule(deps),
    ideasModule(deps),
    councilModule(deps),
    appointmentsModule(deps),
    youthModule(deps),
    placesModule(deps),
    employersModule(deps),
    networkModule(deps),
    sectionsModule(deps),
    searchModule(deps),
    adminModule(deps),
    apiDocsModule(deps),
  ];
}
