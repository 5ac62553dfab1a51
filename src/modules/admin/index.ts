import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerAdminPages } from './admin.pages.js';

/** The staff start page (/verwaltung), the audit log and the local outbox. */
export function adminModule(deps: AppDeps): ModuleManifest {
  return defineModule({ name: 'admin', routes: (app) => registerAdminPages(app, deps) });
}
