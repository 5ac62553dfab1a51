import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerAccountsApi } from './accounts.api.js';
import { registerAccountPages } from './accounts.pages.js';
import { accountsPersonalData } from './accounts.privacy.js';
import { seedDemoUsers } from './accounts.seed.js';
import { createAccountsService } from './accounts.service.js';
import { registerAdminUserPages } from './admin.pages.js';

export { listEditorEmails } from './users.repository.js';
export { demoLogins } from './accounts.seed.js';

/** Accounts: registration, logins, Mein Konto and user administration. */
export function accountsModule(deps: AppDeps): ModuleManifest {
  const service = createAccountsService(deps);
  return defineModule({
    name: 'accounts',
    personalData: accountsPersonalData,
    routes(app) {
      registerAccountPages(app, service, deps.city);
      registerAdminUserPages(app, service, deps.city);
      registerAccountsApi(app, service);
    },
    seedDemo: () => seedDemoUsers(deps.db),
  });
}
