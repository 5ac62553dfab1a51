import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerDirectoryPages } from './directory.pages.js';
import { registerHsdsApi } from './hsds.api.js';
import { registerWorkflowPages } from './workflow.pages.js';

export { demoOrganizers, profileTopics, seedDirectory, type DemoOrganizer, type DemoVenue, type OrganizationProfile } from './seed/index.js';

/** Angebote & Leistungen: the directory of family services (HSDS 3.0). */
export function directoryModule(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    registerDirectoryPages(app, deps);
    registerHsdsApi(app, deps);
    registerWorkflowPages(app, deps);
  };
}
