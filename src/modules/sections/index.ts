import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerSectionPages } from './sections.pages.js';

export { unbuiltSections } from './sections.pages.js';

/** "Im Aufbau" pages for the sections of the main navigation that are not built yet. */
export function sectionsModule(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    registerSectionPages(app, deps.city);
  };
}
