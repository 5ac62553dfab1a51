import { isEditor, type Actor } from '../../platform/auth/roles.js';

/**
 * Who may do what with events. Members of provider and partner organisations publish for their
 * organisation directly unless an editor revoked that right (then their events wait for review);
 * editors may do everything; anyone may suggest an event through the public form. Pure: callers pass
 * the actor's memberships (organizerMemberships in organizers.repository.ts).
 */

export interface OrganizerMembership {
  organizationId: string;
  name: string;
  /** False when an editor revoked the organisation's right to publish directly. */
  publishesDirectly: boolean;
}

/** Editors act for any organisation: they create and move events for every organiser and publish without review. */
export const actsForAnyOrganization = (actor: Actor | null): boolean => isEditor(actor);

/** The events someone manages: editors every published one, organisers those of their organisations. */
export function managedScope(actor: Actor | null, memberships: readonly OrganizerMembership[]): { allPublished: true } | { organizationIds: string[] } {
  return actsForAnyOrganization(actor) ? { allPublished: true } : { organizationIds: memberships.map((m) => m.organizationId) };
}

/** May create events at all (through the organiser form, not the public suggestion form). */
export const canCreateEvents = (actor: Actor | null, memberships: readonly OrganizerMembership[]) => actsForAnyOrganization(actor) || memberships.length > 0;

/** May edit or cancel this event. */
export function canEditEvent(
  actor: Actor | null,
  event: { organization_id: string | null; created_by: string | null; review_state: string },
  memberships: readonly OrganizerMembership[],
): boolean {
  if (actsForAnyOrganization(actor)) return true;
  if (!actor) return false;
  return event.organization_id !== null && memberships.some((m) => m.organizationId === event.organization_id);
}

/** May see an unpublished event's page (pending or rejected). */
export function canSeeUnpublished(
  actor: Actor | null,
  event: { organization_id: string | null; created_by: string | null; review_state: string },
  memberships: readonly OrganizerMembership[],
): boolean {
  return canEditEvent(actor, event, memberships) || (!!actor && event.created_by === actor.id);
}

/** Review suggestions, revoke publishing rights. */
export const canModerate = (actor: Actor | null) => isEditor(actor);
