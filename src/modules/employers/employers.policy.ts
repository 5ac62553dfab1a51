import { isEditor, type Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';

export type EmployersAction =
  /** Open "Arbeitgeberprofil pflegen" (everyone signed in but families). */
  | 'manage.open'
  /** Edit an organisation's profile (drafts, proposals), confirm its measures, save a self-check to it. */
  | 'profile.edit'
  /** Publish without review (editors; trusted organisations are decided by the service). */
  | 'profile.publish';

/** The signed-in person with the organisations they are a member of. */
export interface EmployersActor extends Actor {
  readonly organizationIds: ReadonlySet<string>;
}

/**
 * Who may do what with employer profiles: members of an organisation act on its profile only (like
 * providers in the directory and employers with their places); editors and admins on every
 * organisation's, and publish at once; families never.
 */
export function can(actor: EmployersActor | null, action: EmployersAction, organizationId?: string): boolean {
  if (!actor) return false;
  const editor: boolean = isEditor(actor);
  if (editor) return true;
  if (actor.role === 'family') return false;
  switch (action) {
    case 'manage.open':
      return true;
    case 'profile.edit':
      return organizationId !== undefined && actor.organizationIds.has(organizationId);
    case 'profile.publish':
      return false;
  }
}

/** 401 for nobody, 403 for anyone the policy does not allow. */
export function authorize(actor: EmployersActor | null, action: EmployersAction, organizationId?: string): asserts actor is EmployersActor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!can(actor, action, organizationId)) throw new AppError('forbidden', 'Keine Berechtigung');
}
