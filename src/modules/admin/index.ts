import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerAdminPages } from './admin.pages.js';
import { createAdminService } from './admin.service.js';
/** The audit log's sentences, for other modules' tests of what they record. */
export { describeAuditEntry } from './audit-words.js';

/** The staff start page (/verwaltung), the audit log and the local outbox. */
export function adminModule(deps: AppDeps): ModuleManifest {
  const service = createAdminService(deps);
  return defineModule({ name: 'admin', routes: (app) => registerAdminPages(app, service, deps.city) });
}
