import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerSearchPages } from './search.pages.js';
import { createSearchService } from './search.service.js';

/** The site search page: whatever the modules listed as search providers, grouped by module. */
export function searchModule(deps: AppDeps): ModuleManifest {
  const service = createSearchService(deps.search);
  return defineModule({ name: 'search', routes: (app) => registerSearchPages(app, service, deps.city) });
}
