import type { Executor } from '../../db/executor.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { deleteImage, storeImage, type UploadedImage } from '../../platform/media/media.js';
import { decisionMail } from './events.mails.js';
import { openSuggestionDays, suggesterEmailDays } from './events.privacy.js';
import { rowValues, type EventInput } from './events.model.js';
import { hasOccurrenceOn } from './events.admin.repository.js';
import { overrideOccurrence, writeExclusions } from './event-exceptions.repository.js';
import { actsForAnyOrganization, canEditEvent, canModerate } from './events.policy.js';
import { insertEvent, locationDistrict, lockEvent, rebuildOccurrences, setSequence, updateEventRow } from './events.repository.js';
import { blockPublishing, findOrganization, organizerMemberships, restorePublishing } from './organizers.repository.js';
import { deleteStaleSuggestions, eraseSuggesterEmails, recordDecision } from './suggestions.repository.js';

/** The rules for writing events: who publishes directly, what waits for review, SEQUENCE, audit, mails. */

export type ServiceDeps = Pick<AppDeps, 'db' | 'mail' | 'config' | 'city'>;

/** Public suggestions: five an hour from one address. */
export const suggestionLimit = { bucket: 'events.suggest:ip', max: 5, windowSeconds: 3600 };

async function withLocationDistrict(trx: Executor, input: EventInput): Promise<EventInput> {
  if (!input.locationId) return input;
  const location = await locationDistrict(trx, input.locationId);
  if (!location) return { ...input, locationId: null };
  return { ...input, district: location.district ?? input.district };
}

/** What happens to an event's image on save: a new upload (validated), removal, or nothing. */
export interface ImageChange {
  upload: UploadedImage | null;
  remove: boolean;
}

/** An organiser or editor creates an event; members of a revoked organisation send it for review instead. */
export async function createEvent(
  deps: ServiceDeps,
  actor: Actor,
  input: EventInput,
  upload: UploadedImage | null = null,
): Promise<{ id: string; published: boolean }> {
  const memberships = await organizerMemberships(deps.db, actor.id);
  let published = actsForAnyOrganization(actor);
  if (!actsForAnyOrganization(actor)) {
    const membership = memberships.find((m) => m.organizationId === input.organizationId) ?? (input.organizationId === null ? memberships[0] : undefined);
    ensure(!!membership);
    input = { ...input, organizationId: membership!.organizationId };
    published = membership!.publishesDirectly;
  }
  return deps.db.transaction().execute(async (trx) => {
    const imageId = upload ? (await storeImage(trx, upload, actor.id)).id : null;
    const values = rowValues(await withLocationDistrict(trx, { ...input, imageId, imageAlt: imageId ? input.imageAlt : null }));
    const id = await insertEvent(trx, { ...values, review_state: published ? 'published' : 'pending', created_by: actor.id });
    await writeExclusions(trx, id, input.excludedDates);
    await rebuildOccurrences(trx, [id]);
    await recordAudit(trx, { actorId: actor.id, action: 'event.created', subjectType: 'event', subjectId: id, details: { title: input.title } });
    return { id, published };
  });
}

/** Saves a changed event: SEQUENCE goes up by one, so subscribed calendars replace their copy. */
export async function updateEvent(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: EventInput,
  image: ImageChange = { upload: null, remove: false },
): Promise<void> {
  const memberships = await organizerMemberships(deps.db, actor.id);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockEvent(trx, id);
    if (!current) throw notFound('Veranstaltung');
    ensure(canEditEvent(actor, current, memberships));
    // Organisers may move an event only between their own organisations.
    const organizationId =
      actsForAnyOrganization(actor) || memberships.some((m) => m.organizationId === input.organizationId) ? input.organizationId : current.organization_id;
    const imageId = image.upload ? (await storeImage(trx, image.upload, actor.id)).id : image.remove ? null : current.image_id;
    const values = rowValues(await withLocationDistrict(trx, { ...input, organizationId, imageId, imageAlt: imageId ? input.imageAlt : null }));
    await updateEventRow(trx, id, values, current.sequence + 1);
    // The old image goes with the row that used it (images are not shared between events).
    if (current.image_id && current.image_id !== imageId) await deleteImage(trx, current.image_id);
    await writeExclusions(trx, id, input.excludedDates);
    await rebuildOccurrences(trx, [id]);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'event.updated',
      subjectType: 'event',
      subjectId: id,
      details: { title: input.title, status: input.status },
    });
  });
}

/** Cancels (or re-instates, or annotates) one date of a repeating event. */
export async function changeOccurrence(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  change: { date: string; status: 'scheduled' | 'cancelled' | 'postponed'; note: string; start?: Date; end?: Date | null },
): Promise<void> {
  const memberships = await organizerMemberships(deps.db, actor.id);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockEvent(trx, id);
    if (!current) throw notFound('Veranstaltung');
    ensure(canEditEvent(actor, current, memberships));
    if (!(await hasOccurrenceOn(trx, id, change.date)))
      throw new AppError('validation_failed', 'Unbekannter Termin', { fields: { occurrenceDate: 'unknown' } });
    await overrideOccurrence(trx, id, change);
    await setSequence(trx, id, current.sequence + 1);
    await rebuildOccurrences(trx, [id]);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'event.occurrence_changed',
      subjectType: 'event',
      subjectId: id,
      details: { date: change.date, status: change.status, note: change.note, start: change.start?.toISOString() },
    });
  });
}

/** A suggestion from the public form: rate-limited per address, waits for review; the email serves only the decision mail. */
export async function suggestEvent(deps: ServiceDeps, origin: { ip: string; actor: Actor | null }, input: EventInput, email: string | null): Promise<string> {
  await consumeRateLimit(deps.db, deps.config.sessionSecret, suggestionLimit, origin.ip);
  return deps.db.transaction().execute(async (trx) => {
    const values = rowValues(await withLocationDistrict(trx, { ...input, organizationId: null, status: 'scheduled', statusNote: '' }));
    const id = await insertEvent(trx, { ...values, review_state: 'pending', created_by: origin.actor?.id ?? null, suggester_email: email });
    await writeExclusions(trx, id, input.excludedDates);
    await rebuildOccurrences(trx, [id]);
    return id;
  });
}

/** An editor publishes or rejects a waiting event; the suggester learns it by mail (sent when this commits). */
export async function decideSuggestion(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<void> {
  ensure(canModerate(actor));
  if (!decision.approve && !decision.reason.trim()) throw new AppError('validation_failed', 'Grund fehlt', { fields: { reason: 'required' } });
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockEvent(trx, id);
    if (!current) throw notFound('Veranstaltung');
    if (current.review_state !== 'pending') throw new AppError('conflict', 'Über diese Veranstaltung ist schon entschieden.');
    const reason = decision.approve ? null : decision.reason.trim().slice(0, 2000);
    await recordDecision(trx, id, { approved: decision.approve, reason, reviewedBy: actor.id, sequence: current.sequence + 1 });
    if (current.suggester_email)
      await deps.mail.enqueue(
        trx,
        decisionMail({
          to: current.suggester_email,
          title: current.title,
          approved: decision.approve,
          reason,
          pageUrl: `${deps.config.publicUrl}/veranstaltungen/${id}`,
          portalName: deps.city.portalName,
        }),
      );
    await recordAudit(trx, {
      actorId: actor.id,
      action: decision.approve ? 'event.approved' : 'event.rejected',
      subjectType: 'event',
      subjectId: id,
      details: { title: current.title, reason },
    });
  });
}

/** Editors revoke (or give back) an organisation's right to publish events without review. */
export async function setDirectPublishing(deps: ServiceDeps, actor: Actor, organizationId: string, allowed: boolean): Promise<void> {
  ensure(canModerate(actor));
  await deps.db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, organizationId);
    if (!org) throw notFound('Organisation');
    if (allowed) await restorePublishing(trx, organizationId);
    else await blockPublishing(trx, organizationId, actor.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: allowed ? 'event.publishing_restored' : 'event.publishing_revoked',
      subjectType: 'organization',
      subjectId: organizationId,
      details: { name: org.name },
    });
  });
}

/** Retention as declared in events.privacy.ts: suggester addresses after the decision, undecided or rejected suggestions. */
export async function applyRetention(deps: Pick<AppDeps, 'db'>, now: Date): Promise<{ emailsErased: number; suggestionsDeleted: number }> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const emailsErased = await eraseSuggesterEmails(deps.db, daysAgo(suggesterEmailDays));
  const suggestionsDeleted = await deleteStaleSuggestions(deps.db, daysAgo(openSuggestionDays));
  return { emailsErased, suggestionsDeleted };
}
