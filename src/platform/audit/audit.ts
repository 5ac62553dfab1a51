import type { Executor } from '../../db/executor.js';
import { startsWithPattern } from '../../db/like.js';

export interface AuditEntry {
  actorId: string | null;
  /** Verb in dotted form, e.g. "user.role_changed". */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** What changed; never passwords, tokens or more personal data than needed. */
  details?: Record<string, unknown>;
}

/** Writes one audit entry, in the caller's transaction so it exists exactly when the change does. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditQuery {
  action?: string;
  limit: number;
  offset: number;
}

export async function listAudit(db: Executor, query: AuditQuery) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.details',
      'users.email as actor_email',
    ]);
  if (query.action) q = q.where('audit_log.action', 'like', startsWithPattern(query.action));
  return q.orderBy('audit_log.id', 'desc').limit(query.limit).offset(query.offset).execute();
}
