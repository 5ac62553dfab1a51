import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../db/types.js';
import { requireActor } from '../../platform/auth/guard.js';
import { roles } from '../../platform/auth/roles.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { MembershipForm, OrganizationForm, RoleForm } from './accounts.schemas.js';
import { accountMessages } from './accounts.messages.js';
import type { AccountsService } from './accounts.service.js';
import { UserPage, UsersPage } from './views/admin-pages.js';
import { uuidPattern } from '../../platform/http/ids.js';

/*
 * Admin routes (role admin; the service checks it again):
 *   GET  /admin/benutzer?q=&rolle=&seite=                          list and search accounts
 *   GET  /admin/benutzer/:id                                       one account
 *   POST /admin/benutzer/:id/rolle                                 change the role
 *   POST /admin/benutzer/:id/mitgliedschaften                      add a membership
 *   POST /admin/benutzer/:id/mitgliedschaften/:orgId/entfernen     remove it
 *   POST /admin/organisationen?fuer=:id                            create an organisation
 */
export function registerAdminUserPages(app: FastifyInstance, service: AccountsService, city: CityProfile): void {
  const userId = (req: FastifyRequest<{ Params: { id: string } }>) => {
    if (!uuidPattern.test(req.params.id)) throw new AppError('not_found', 'Benutzerkonto nicht gefunden');
    return req.params.id;
  };
  const showUser = async (req: FastifyRequest, reply: FastifyReply, id: string, status: number, extra: { notice?: string; errors?: FieldErrors } = {}) => {
    const detail = await service.userForAdmin(requireActor(req), id);
    return reply.status(status).html(<UserPage ctx={pageContext(req, city)} detail={detail} {...extra} />);
  };

  app.get<{ Querystring: { q?: string; rolle?: string; seite?: string } }>('/admin/benutzer', async (req, reply) => {
    const actor = requireActor(req);
    const query = (req.query.q ?? '').trim().slice(0, 200);
    const role = roles.includes(req.query.rolle as Role) ? (req.query.rolle as Role) : '';
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.seite ?? '1', 10) || 1));
    const list = await service.listUsers(actor, { query: query || undefined, role: role || undefined, page });
    return reply.html(<UsersPage ctx={pageContext(req, city)} list={list} query={query} role={role} page={page} />);
  });

  app.get<{ Params: { id: string }; Querystring: { gespeichert?: string } }>('/admin/benutzer/:id', async (req, reply) => {
    const t = accountMessages(req.locale);
    const saved = req.query.gespeichert;
    const notice =
      saved === 'rolle'
        ? t('admin.roleSaved')
        : saved === 'mitgliedschaft'
          ? t('admin.membershipSaved')
          : saved === 'organisation'
            ? t('admin.organizationCreated')
            : undefined;
    return showUser(req, reply, userId(req), 200, { notice });
  });

  app.post<{ Params: { id: string } }>('/admin/benutzer/:id/rolle', async (req, reply) => {
    const actor = requireActor(req);
    const id = userId(req);
    const t = accountMessages(req.locale);
    const form = parseForm(RoleForm, req.body, { role: t('account.role') }, req.locale);
    if (!form.ok) return showUser(req, reply, id, 422, { errors: form.errors });
    try {
      await service.changeRole(actor, id, form.value.role);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return showUser(req, reply, id, 409, { errors: { role: t('admin.lastAdmin') } });
      throw error;
    }
    return reply.redirect(`/admin/benutzer/${id}?gespeichert=rolle`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/benutzer/:id/mitgliedschaften', async (req, reply) => {
    const actor = requireActor(req);
    const id = userId(req);
    const form = parseForm(MembershipForm, req.body, { organizationId: accountMessages(req.locale)('admin.organization') }, req.locale);
    if (!form.ok) return showUser(req, reply, id, 422, { errors: form.errors });
    await service.addMembership(actor, id, form.value.organizationId);
    return reply.redirect(`/admin/benutzer/${id}?gespeichert=mitgliedschaft`, 303);
  });

  app.post<{ Params: { id: string; orgId: string } }>('/admin/benutzer/:id/mitgliedschaften/:orgId/entfernen', async (req, reply) => {
    const actor = requireActor(req);
    const id = userId(req);
    if (!uuidPattern.test(req.params.orgId)) throw new AppError('not_found', 'Organisation nicht gefunden');
    await service.removeMembership(actor, id, req.params.orgId);
    return reply.redirect(`/admin/benutzer/${id}?gespeichert=mitgliedschaft`, 303);
  });

  app.post<{ Querystring: { fuer?: string } }>('/admin/organisationen', async (req, reply) => {
    const actor = requireActor(req);
    const t = accountMessages(req.locale);
    const back = req.query.fuer && uuidPattern.test(req.query.fuer) ? req.query.fuer : null;
    const form = parseForm(OrganizationForm, req.body, { name: t('admin.organizationName'), kind: t('admin.organizationKind') }, req.locale);
    if (!form.ok) {
      if (back) return showUser(req, reply, back, 422, { errors: form.errors });
      throw new AppError('validation_failed', Object.values(form.errors).join(' '));
    }
    await service.createOrganization(actor, form.value);
    return reply.redirect(back ? `/admin/benutzer/${back}?gespeichert=organisation` : '/admin/benutzer', 303);
  });
}
