import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../platform/auth/guard.js';
import { ErrorResponse, MeResponse } from './accounts.schemas.js';
import type { AccountsService } from './accounts.service.js';

/** JSON routes of the accounts module under /api/v1. */
export function registerAccountsApi(app: FastifyInstance, service: AccountsService): void {
  app.get(
    '/api/v1/konto',
    {
      schema: {
        tags: ['Konto'],
        summary: 'Das eigene Konto (angemeldete Person)',
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
