import { isEditor, type Actor } from '../../platform/auth/roles.js';
import type { Executor } from '../../db/executor.js';

/**
 * Who may do what with events. Members of provider and partner organisations publish for their
 * organisation directly unless an editor revoked that right (then their events wait for review);
 * editors may do everything; anyone may suggest an event through the public form.
 */

export interface OrganizerMembership {
  organizationId: string;
  name: string;
  /** False when an editor revoked the organisation's right to publish directly. */
  publishesDirectly: boolean;
}

/** The provider/partner organisations the actor belongs to. */
export async function membershipsOf(db: Executor, actor: Actor | null): Promise<OrganizerMembership[]> {
  if (!actor) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('event_publishing_blocks as b', 'b.organization_id', 'o.id')
    .select(['o.id', 'o.name', 'b.organization_id as blocked'])
    .where('m.user_id', '=', actor.id)
    .where('o.kind', 'in', ['provider', 'partner'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ organizationId: r.id, name: r.name, publishesDirectly: r.blocked === null }));
}

/** May create events at all (through the organiser form, not the public suggestion form). */
export const canCreateEvents = (actor: Actor | null, memberships: readonly OrganizerMembership[]) => isEditor(actor) || memberships.length > 0;

/** May edit or cancel this event. */
export function canEditEvent(
  actor: Actor | null,
  event: { organization_id: string | null; created_by: string | null; review_state: string },
  memberships: readonly OrganizerMembership[],
): boolean {
  if (isEditor(actor)) return true;
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
