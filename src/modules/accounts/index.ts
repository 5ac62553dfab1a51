import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerAccountsApi } from './accounts.api.js';
import { registerAccountPages } from './accounts.pages.js';
import { accountsPersonalData } from './accounts.privacy.js';
import { createAccountsService } from './accounts.service.js';
import { registerAdminUserPages } from './admin.pages.js';

export { accountsPolicy } from './accounts.policy.js';
export { listEditorEmails } from './accounts.repository.js';

/** Accounts: registration, logins, Mein Konto and user administration. */
export function accountsModule(deps: AppDeps): FastifyPluginAsync {
  const service = createAccountsService(deps);
  deps.privacy.register(...accountsPersonalData);
  return async (app) => {
    registerAccountPages(app, service, deps.city);
    registerAdminUserPages(app, service, deps.city);
    registerAccountsApi(app, service);
  };
}
