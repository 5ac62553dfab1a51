import type { Executor } from '../../db/executor.js';
import { listAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { findOutboxMail, listOutbox } from '../../platform/mail/outbox.js';
import { adminPolicy } from './admin.policy.js';

export const auditPageSize = 50;

export type AdminService = ReturnType<typeof createAdminService>;

/** The staff start page, the audit log and the local outbox; each checks who asks before it reads. */
export function createAdminService({ db }: { db: Executor }) {
  return {
    dashboard(actor: Actor) {
      ensure(adminPolicy.can(actor, 'dashboard.open'));
      return { adminTools: adminPolicy.can(actor, 'adminTools.see') };
    },

    /** One page of the log, newest first; `hasMore` when a further page exists. */
    async auditLog(actor: Actor, filter: { action?: string; page: number }) {
      ensure(adminPolicy.can(actor, 'audit.read'));
      const rows = await listAudit(db, { action: filter.action, limit: auditPageSize + 1, offset: (filter.page - 1) * auditPageSize });
      return { rows: rows.slice(0, auditPageSize), hasMore: rows.length > auditPageSize };
    },

    outbox(actor: Actor) {
      ensure(adminPolicy.can(actor, 'outbox.read'));
      return listOutbox(db);
    },

    async outboxMail(actor: Actor, id: string) {
      ensure(adminPolicy.can(actor, 'outbox.read'));
      const mail = await findOutboxMail(db, id);
      if (!mail) throw new AppError('not_found', 'E-Mail nicht gefunden');
      return mail;
    },
  };
}
