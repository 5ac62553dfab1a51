import { AppError } from '../../platform/http/errors.js';
import { canActForOrganization, type OrganizationActor } from '../places/index.js';

export type EmployersAction =
  /** Open "Arbeitgeberprofil pflegen" (everyone signed in but families). */
  | 'manage.open'
  /** Edit an organisation's profile (drafts, proposals), confirm its measures, save a self-check to it. */
  | 'profile.edit'
  /** Publish without review (editors; trusted organisations are decided by the service). */
  | 'profile.publish';

/** The signed-in person with the organisations they are a member of. */
export type EmployersActor = OrganizationActor;

/** The places' rule for the same kind of action: an employer's profile is its organisation's, like its places. */
const sameRule = { 'manage.open': 'manage.open', 'profile.edit': 'places.edit', 'profile.publish': 'places.publish' } as const;

/**
 * Who may do what with employer profiles: members of an organisation act on its profile only (like
 * providers in the directory and employers with their places); editors and admins on every
 * organisation's, and publish at once; families never. One rule with the places (places.policy.ts).
 */
export function can(actor: EmployersActor | null, action: EmployersAction, organizationId?: string): boolean {
  return canActForOrganization(actor, sameRule[action], organizationId);
}

/** 401 for nobody, 403 for anyone the policy does not allow. */
export function authorize(actor: EmployersActor | null, action: EmployersAction, organizationId?: string): asserts actor is EmployersActor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!can(actor, action, organizationId)) throw new AppError('forbidden', 'Keine Berechtigung');
}
