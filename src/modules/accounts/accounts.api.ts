import { requireActor } from '../../platform/auth/guard.js';
import { NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { ErrorResponse, MeResponse } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

/** JSON routes of the accounts module under /api/v1. */
export function registerAccountsApi(app: RouteApp, service: AccountsService): void {
  app.get(
    '/api/v1/konto',
    {
      schema: {
        tags: ['Konto'],
        summary: 'Das eigene Konto (angemeldete Person)',
        querystring: NoQuery,
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    async (req) => {
      const { user, organizations } = await service.account(requireActor(req));
      return {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        locale: user.locale,
        emailConfirmedAt: user.email_confirmed_at?.toISOString() ?? null,
        organizations: organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
      };
    },
  );
}
