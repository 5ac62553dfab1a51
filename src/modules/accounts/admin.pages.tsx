import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/guard.js';
import { roles } from '../../platform/auth/roles.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { ButtonForm, formBody, IdParams, type RouteApp } from '../../platform/http/routes.js';
import { MembershipForm, MembershipParams, OrganizationForm, OrganizationQuery, RoleForm, SavedQuery, UserListQuery } from './accounts.schemas.js';
import { accountMessages } from './accounts.messages.js';
import type { AccountsService } from './accounts.service.js';
import { UserPage, UsersPage } from './views/admin-pages.js';

/*
 * Admin routes (role admin; the service checks it again):
 *   GET  /admin/benutzer?q=&rolle=&seite=                          list and search accounts
 *   GET  /admin/benutzer/:id                                       one account
 *   POST /admin/benutzer/:id/rolle                                 change the role
 *   POST /admin/benutzer/:id/mitgliedschaften                      add a membership
 *   POST /admin/benutzer/:id/mitgliedschaften/:orgId/entfernen     remove it
 *   POST /admin/organisationen?fuer=:id                            create an organisation
 */
export function registerAdminUserPages(app: RouteApp, service: AccountsService, city: CityProfile): void {
  const showUser = async (req: FastifyRequest, reply: FastifyReply, id: string, status: number, extra: { notice?: string; errors?: FieldErrors } = {}) => {
    const detail = await service.userForAdmin(requireActor(req), id);
    return reply.status(status).html(<UserPage ctx={pageContext(req, city)} detail={detail} {...extra} />);
  };

  app.get('/admin/benutzer', { schema: { querystring: UserListQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const query = (req.query.q ?? '').trim().slice(0, 200);
    const role = roles.find((r) => r === req.query.rolle) ?? '';
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.seite ?? '1', 10) || 1));
    const list = await service.listUsers(actor, { query: query || undefined, role: role || undefined, page });
    return reply.html(<UsersPage ctx={pageContext(req, city)} list={list} query={query} role={role} page={page} />);
  });

  app.get('/admin/benutzer/:id', { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
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
    return showUser(req, reply, req.params.id, 200, { notice });
  });

  app.post('/admin/benutzer/:id/rolle', { schema: { params: IdParams, body: formBody(RoleForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
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

  app.post('/admin/benutzer/:id/mitgliedschaften', { schema: { params: IdParams, body: formBody(MembershipForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const form = parseForm(MembershipForm, req.body, { organizationId: accountMessages(req.locale)('admin.organization') }, req.locale);
    if (!form.ok) return showUser(req, reply, id, 422, { errors: form.errors });
    await service.addMembership(actor, id, form.value.organizationId);
    return reply.redirect(`/admin/benutzer/${id}?gespeichert=mitgliedschaft`, 303);
  });

  app.post('/admin/benutzer/:id/mitgliedschaften/:orgId/entfernen', { schema: { params: MembershipParams, body: ButtonForm } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    await service.removeMembership(actor, id, req.params.orgId);
    return reply.redirect(`/admin/benutzer/${id}?gespeichert=mitgliedschaft`, 303);
  });

  app.post('/admin/organisationen', { schema: { querystring: OrganizationQuery, body: formBody(OrganizationForm) } }, async (req, reply) => {
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
