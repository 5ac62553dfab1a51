import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerSectionPages, unbuiltSectionsNavigation } from './sections.pages.js';

export { unbuiltSections } from './sections.pages.js';

/** "Im Aufbau" pages for the sections of the main navigation that are not built yet. */
export function sectionsModule(deps: AppDeps): ModuleManifest {
  return defineModule({ name: 'sections', navigation: unbuiltSectionsNavigation, routes: (app) => registerSectionPages(app, deps.city) });
}
