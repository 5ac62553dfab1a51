import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { youthNavigation } from './youth.navigation.js';
import { registerYouthPages } from './youth.pages.js';
import { youthPersonalData } from './youth.privacy.js';
import { seedYouthDemo } from './youth.seed.js';
import { registerSchoolPages } from './schools.pages.js';
import { createSchoolsService } from './schools.service.js';

/** Jugend & Beruf: the young people's entry to the Jugendberufsagentur (guide by situation, KAoA, booking). */
export function youthModule(deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'youth',
    navigation: [youthNavigation],
    personalData: youthPersonalData,
    seedDemo: () => seedYouthDemo(deps),
    routes(app) {
      registerYouthPages(app, deps);
      registerSchoolPages(app, deps, createSchoolsService(deps));
    },
  });
}
