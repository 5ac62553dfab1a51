import { isEditor, type Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';

export type PlacesAction =
  /** Open "Plätze verwalten" (everyone signed in but families). */
  | 'manage.open'
  /** Enter and change an organisation's places (as drafts or proposals). */
  | 'places.edit'
  /** Publish without review (editors; trusted organisations are decided by the service). */
  | 'places.publish';

/** The signed-in person with the organisations they are a member of. */
export interface PlacesActor extends Actor {
  readonly organizationIds: ReadonlySet<string>;
}

/**
 * Who may do what with places: members of an organisation (employers, providers, partners) act on
 * its places only; editors and admins on every organisation's, and publish at once; families never.
 */
export function can(actor: PlacesActor | null, action: PlacesAction, organizationId?: string): boolean {
  if (!actor) return false;
  const editor: boolean = isEditor(actor);
  if (editor) return true;
  if (actor.role === 'family') return false;
  switch (action) {
    case 'manage.open':
      return true;
    case 'places.edit':
      return organizationId !== undefined && actor.organizationIds.has(organizationId);
    case 'places.publish':
      return false;
  }
}

/** 401 for nobody, 403 for anyone the policy does not allow. */
export function authorize(actor: PlacesActor | null, action: PlacesAction, organizationId?: string): asserts actor is PlacesActor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!can(actor, action, organizationId)) throw new AppError('forbidden', 'Keine Berechtigung');
}
