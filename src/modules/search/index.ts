import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerSearchPages } from './search.pages.js';
import { createSearchService } from './search.service.js';

/** The site search page: whatever the modules registered with deps.search, grouped by module. */
export function searchModule(deps: AppDeps): FastifyPluginAsync {
  const service = createSearchService(deps.search);
  return async (app) => {
    registerSearchPages(app, service, deps.city);
  };
}
