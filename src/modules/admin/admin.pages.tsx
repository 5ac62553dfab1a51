import type { AppDeps } from '../../platform/deps.js';
import { listAudit } from '../../platform/audit/audit.js';
import { ensure, requireActor } from '../../platform/auth/guard.js';
import { isAdmin, isEditor } from '../../platform/auth/roles.js';
import { findOutboxMail, listOutbox } from '../../platform/mail/outbox.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { Type } from '@sinclair/typebox';
import { accountsPolicy } from '../accounts/index.js';
import { AuditPage, DashboardPage, OutboxMailPage, OutboxPage } from './views/admin-views.js';

const pageSize = 50;
// The action filter is clipped by the handler, so a long one is no error.
const AuditQuery = pageQuery({ aktion: Type.Optional(Type.String()), seite: QueryText() });

/*
 * GET /verwaltung              start page for editors and admins
 * GET /admin/protokoll         audit log (admins)
 * GET /admin/outbox            local outbox (admins)
 * GET /admin/outbox/:id        one mail
 */
export function registerAdminPages(app: RouteApp, { db, city }: AppDeps): void {
  app.get('/verwaltung', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(isEditor(actor));
    return reply.html(<DashboardPage ctx={pageContext(req, city)} admin={isAdmin(actor)} />);
  });

  app.get('/admin/protokoll', { schema: { querystring: AuditQuery } }, async (req, reply) => {
    ensure(accountsPolicy.can(requireActor(req), 'audit.read'));
    const action = (req.query.aktion ?? '').trim().slice(0, 100);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.seite ?? '1', 10) || 1));
    const rows = await listAudit(db, { action: action || undefined, limit: pageSize + 1, offset: (page - 1) * pageSize });
    return reply.html(<AuditPage ctx={pageContext(req, city)} rows={rows.slice(0, pageSize)} hasMore={rows.length > pageSize} action={action} page={page} />);
  });

  app.get('/admin/outbox', { schema: { querystring: NoQuery } }, async (req, reply) => {
    ensure(accountsPolicy.can(requireActor(req), 'outbox.read'));
    const mails = await listOutbox(db);
    return reply.html(<OutboxPage ctx={pageContext(req, city)} mails={mails} />);
  });

  app.get('/admin/outbox/:id', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    ensure(accountsPolicy.can(requireActor(req), 'outbox.read'));
    const mail = await findOutboxMail(db, req.params.id);
    if (!mail) throw new AppError('not_found', 'E-Mail nicht gefunden');
    return reply.html(<OutboxMailPage ctx={pageContext(req, city)} mail={mail} />);
  });
}
