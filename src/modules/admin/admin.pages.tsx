import { Type } from '@sinclair/typebox';
import { requireActor } from '../../platform/auth/guard.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import type { AdminService } from './admin.service.js';
import { AuditPage, DashboardPage, OutboxMailPage, OutboxPage } from './views/admin-views.js';

// The action filter is clipped by the handler, so a long one is no error.
const AuditQuery = pageQuery({ aktion: Type.Optional(Type.String()), seite: QueryText() });

/*
 * GET /verwaltung              start page for editors and admins
 * GET /admin/protokoll         audit log (admins)
 * GET /admin/outbox            local outbox (admins)
 * GET /admin/outbox/:id        one mail
 */
export function registerAdminPages(app: RouteApp, service: AdminService, city: CityProfile): void {
  app.get('/verwaltung', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const { adminTools } = service.dashboard(requireActor(req));
    return reply.html(<DashboardPage ctx={pageContext(req, city)} admin={adminTools} />);
  });

  app.get('/admin/protokoll', { schema: { querystring: AuditQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const action = (req.query.aktion ?? '').trim().slice(0, 100);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.seite ?? '1', 10) || 1));
    const { rows, hasMore } = await service.auditLog(actor, { action: action || undefined, page });
    return reply.html(<AuditPage ctx={pageContext(req, city)} rows={rows} hasMore={hasMore} action={action} page={page} />);
  });

  app.get('/admin/outbox', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const mails = await service.outbox(requireActor(req));
    return reply.html(<OutboxPage ctx={pageContext(req, city)} mails={mails} />);
  });

  app.get('/admin/outbox/:id', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const mail = await service.outboxMail(requireActor(req), req.params.id);
    return reply.html(<OutboxMailPage ctx={pageContext(req, city)} mail={mail} />);
  });
}
