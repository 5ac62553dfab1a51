import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { listManagedEvents, listPendingSuggestions } from './events.admin.repository.js';
import { likelyDuplicates } from './event-search.repository.js';
import { actsForAnyOrganization, canCreateEvents, canEditEvent, canModerate, canSeeUnpublished, managedScope } from './events.policy.js';
import { loadEvent } from './events.repository.js';
import { listOrganizers, listPublishingRights, organizerMemberships } from './organizers.repository.js';

/** What the events pages may read, decided by events.policy.ts: a refusal is a 403, an event one may not see a 404. */

type Db = Pick<AppDeps, 'db'>;

/** An event's page: published, or unpublished for its organisers, editors and the person who suggested it. */
export async function visibleEvent(deps: Db, actor: Actor | null, id: string) {
  const event = await loadEvent(deps.db, id);
  if (!event) throw notFound('Veranstaltung');
  const memberships = await organizerMemberships(deps.db, actor?.id ?? null);
  if (event.review_state !== 'published' && !canSeeUnpublished(actor, event, memberships)) throw notFound('Veranstaltung');
  return { event, canEdit: canEditEvent(actor, event, memberships) };
}

/** The organiser's overview: their organisations and the events they manage (none for someone who may not create any). */
export async function managedEvents(deps: Db, actor: Actor) {
  const memberships = await organizerMemberships(deps.db, actor.id);
  const canCreate = canCreateEvents(actor, memberships);
  const events = canCreate ? await listManagedEvents(deps.db, managedScope(actor, memberships)) : [];
  return { memberships, events, canCreate };
}

/** Refuses the organiser form to someone who may not create events. */
export async function ensureMayCreateEvents(deps: Db, actor: Actor): Promise<void> {
  ensure(canCreateEvents(actor, await organizerMemberships(deps.db, actor.id)));
}

/** An event to edit, if this person may edit it. */
export async function editableEvent(deps: Db, actor: Actor, id: string) {
  const event = await loadEvent(deps.db, id);
  if (!event) throw notFound('Veranstaltung');
  ensure(canEditEvent(actor, event, await organizerMemberships(deps.db, actor.id)));
  return event;
}

/** The organisations an event form offers: every organiser to editors, else one's own. */
export async function organizationChoices(deps: Db, actor: Actor | null): Promise<{ id: string; name: string }[]> {
  if (actsForAnyOrganization(actor)) return listOrganizers(deps.db);
  const memberships = await organizerMemberships(deps.db, actor?.id ?? null);
  return memberships.map((m) => ({ id: m.organizationId, name: m.name }));
}

/** The editors' queue: waiting suggestions and the organisations' publishing rights. */
export async function reviewQueue(deps: Db, actor: Actor) {
  ensure(canModerate(actor));
  return { pending: await listPendingSuggestions(deps.db), organizations: await listPublishingRights(deps.db) };
}

/** One waiting suggestion for an editor, with the organisations to assign it to and its likely duplicates. */
export async function suggestionForReview(deps: Db, actor: Actor, id: string) {
  ensure(canModerate(actor));
  const event = await loadEvent(deps.db, id);
  if (!event || event.review_state !== 'pending') throw notFound('Vorschlag');
  return { event, organizations: await listOrganizers(deps.db), duplicates: await likelyDuplicates(deps.db, id) };
}
