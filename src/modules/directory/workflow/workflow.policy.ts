import { isEditor, type Actor } from '../../../platform/auth/roles.js';
import { AppError } from '../../../platform/http/errors.js';

export type WorkflowAction =
  /** Open "Mein Verzeichnis" (everyone signed in but families; it lists their own organisations). */
  | 'home.read'
  /** See an organisation's entries with drafts, proposals and history. */
  | 'entries.read'
  /** Create and change an organisation's entries (as drafts or proposals). */
  | 'entries.edit'
  /** Publish without review (editors; trusted organisations are decided by the service). */
  | 'entries.publish'
  /** Approve or reject proposals, see the review queue and stale entries. */
  | 'entries.review'
  /** Mark an organisation as trusted or not. */
  | 'organizations.trust';

/** The signed-in user with the organisations they are a member of. */
export interface WorkflowActor extends Actor {
  readonly organizationIds: ReadonlySet<string>;
}

const memberRoles = new Set(['provider', 'partner']);

/**
 * Who may do what in the directory workflow: members (role provider or partner) act on their own
 * organisations only; editors and admins act on every organisation and review; families never.
 */
export function can(actor: WorkflowActor | null, action: WorkflowAction, organizationId?: string): boolean {
  if (!actor) return false;
  // A plain boolean: isEditor's type guard would narrow `actor` to never below.
  const editor: boolean = isEditor(actor);
  if (editor) return true;
  switch (action) {
    case 'home.read':
      return actor.role !== 'family';
    case 'entries.read':
    case 'entries.edit':
      return memberRoles.has(actor.role) && organizationId !== undefined && actor.organizationIds.has(organizationId);
    case 'entries.publish':
    case 'entries.review':
    case 'organizations.trust':
      return false;
  }
}

/** 401 for nobody, 403 for anyone the policy does not allow. */
export function authorize(actor: WorkflowActor | null, action: WorkflowAction, organizationId?: string): asserts actor is WorkflowActor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!can(actor, action, organizationId)) throw new AppError('forbidden', 'Keine Berechtigung');
}
