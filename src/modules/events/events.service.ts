import { sql, type Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { deleteImage, storeImage, type UploadedImage } from '../../platform/media/media.js';
import { decisionMail } from './events.mails.js';
import { openSuggestionDays, suggesterEmailDays } from './events.privacy.js';
import { rowValues, type EventInput } from './events.model.js';
import { canEditEvent, canModerate, membershipsOf } from './events.policy.js';
import { lockEvent, rebuildOccurrences } from './events.repository.js';

/** The rules for writing events: who publishes directly, what waits for review, SEQUENCE, audit, mails. */

export type ServiceDeps = Pick<AppDeps, 'db' | 'mail' | 'config' | 'city'>;

/** Public suggestions: five an hour from one address. */
export const suggestionLimit = { bucket: 'events.suggest:ip', max: 5, windowSeconds: 3600 };

async function withLocationDistrict(trx: Transaction<DB>, input: EventInput): Promise<EventInput> {
  if (!input.locationId) return input;
  const location = await trx.selectFrom('directory_locations').select('district').where('id', '=', input.locationId).executeTakeFirst();
  if (!location) return { ...input, locationId: null };
  return { ...input, district: location.district ?? input.district };
}

async function writeExclusions(trx: Transaction<DB>, eventId: string, dates: readonly string[]): Promise<void> {
  await trx.deleteFrom('event_exceptions').where('event_id', '=', eventId).where('kind', '=', 'excluded').execute();
  // An exclusion replaces an override of the same date (a dropped date has nothing to override).
  if (dates.length) {
    await trx.deleteFrom('event_exceptions').where('event_id', '=', eventId).where('occurrence_date', 'in', dates).execute();
    await trx
      .insertInto('event_exceptions')
      .values(dates.map((d) => ({ event_id: eventId, occurrence_date: d, kind: 'excluded' as const })))
      .execute();
  }
}

/** An organiser or editor creates an event; members of a revoked organisation send it for review instead. */
/** What happens to an event's image on save: a new upload (validated), removal, or nothing. */
export interface ImageChange {
  upload: UploadedImage | null;
  remove: boolean;
}

export async function createEvent(
  deps: ServiceDeps,
  actor: Actor,
  input: EventInput,
  upload: UploadedImage | null = null,
): Promise<{ id: string; published: boolean }> {
  const memberships = await membershipsOf(deps.db, actor);
  let published = isEditor(actor);
  if (!isEditor(actor)) {
    const membership = memberships.find((m) => m.organizationId === input.organizationId) ?? (input.organizationId === null ? memberships[0] : undefined);
    ensure(!!membership);
    input = { ...input, organizationId: membership!.organizationId };
    published = membership!.publishesDirectly;
  }
  return deps.db.transaction().execute(async (trx) => {
    const imageId = upload ? (await storeImage(trx, upload, actor.id)).id : null;
    const values = rowValues(await withLocationDistrict(trx, { ...input, imageId, imageAlt: imageId ? input.imageAlt : null }));
    const row = await trx
      .insertInto('events')
      .values({ ...values, review_state: published ? 'published' : 'pending', created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeExclusions(trx, row.id, input.excludedDates);
    await rebuildOccurrences(trx, [row.id]);
    await recordAudit(trx, { actorId: actor.id, action: 'event.created', subjectType: 'event', subjectId: row.id, details: { title: input.title } });
    return { id: row.id, published };
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
  const memberships = await membershipsOf(deps.db, actor);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockEvent(trx, id);
    if (!current) throw notFound('Veranstaltung');
    ensure(canEditEvent(actor, current, memberships));
    // Organisers may move an event only between their own organisations.
    const organizationId =
      isEditor(actor) || memberships.some((m) => m.organizationId === input.organizationId) ? input.organizationId : current.organization_id;
    const imageId = image.upload ? (await storeImage(trx, image.upload, actor.id)).id : image.remove ? null : current.image_id;
    const values = rowValues(await withLocationDistrict(trx, { ...input, organizationId, imageId, imageAlt: imageId ? input.imageAlt : null }));
    await trx
      .updateTable('events')
      .set({ ...values, sequence: current.sequence + 1, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
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
  const memberships = await membershipsOf(deps.db, actor);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockEvent(trx, id);
    if (!current) throw notFound('Veranstaltung');
    ensure(canEditEvent(actor, current, memberships));
    const known = await trx
      .selectFrom('event_occurrences')
      .select('occurrence_date')
      .where('event_id', '=', id)
      .where('occurrence_date', '=', change.date)
      .executeTakeFirst();
    if (!known) throw new AppError('validation_failed', 'Unbekannter Termin', { fields: { occurrenceDate: 'unknown' } });
    await trx
      .insertInto('event_exceptions')
      .values({
        event_id: id,
        occurrence_date: change.date,
        kind: 'override',
        status: change.status,
        note: change.note,
        starts_at: change.start ?? null,
        ends_at: change.start ? (change.end ?? null) : null,
      })
      .onConflict((oc) =>
        oc
          .columns(['event_id', 'occurrence_date'])
          .doUpdateSet(
            change.start
              ? { kind: 'override', status: change.status, note: change.note, starts_at: change.start, ends_at: change.end ?? null }
              : { kind: 'override', status: change.status, note: change.note },
          ),
      )
      .execute();
    await trx
      .updateTable('events')
      .set({ sequence: current.sequence + 1, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
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
    const row = await trx
      .insertInto('events')
      .values({ ...values, review_state: 'pending', created_by: origin.actor?.id ?? null, suggester_email: email })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeExclusions(trx, row.id, input.excludedDates);
    await rebuildOccurrences(trx, [row.id]);
    return row.id;
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
    await trx
      .updateTable('events')
      .set({
        review_state: decision.approve ? 'published' : 'rejected',
        review_reason: reason,
        reviewed_by: actor.id,
        reviewed_at: sql<Date>`now()`,
        sequence: current.sequence + 1,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
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
    const org = await trx.selectFrom('organizations').select(['id', 'name']).where('id', '=', organizationId).executeTakeFirst();
    if (!org) throw notFound('Organisation');
    if (allowed) await trx.deleteFrom('event_publishing_blocks').where('organization_id', '=', organizationId).execute();
    else
      await trx
        .insertInto('event_publishing_blocks')
        .values({ organization_id: organizationId, blocked_by: actor.id })
        .onConflict((oc) => oc.column('organization_id').doNothing())
        .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: allowed ? 'event.publishing_restored' : 'event.publishing_revoked',
      subjectType: 'organization',
      subjectId: organizationId,
      details: { name: org.name },
    });
  });
}

/** Published events with the same title and place that have a date on the same day: a likely duplicate. */
export async function likelyDuplicates(deps: Pick<AppDeps, 'db'>, id: string) {
  const event = await deps.db.selectFrom('events').select(['id', 'title', 'location_id', 'place_name']).where('id', '=', id).executeTakeFirst();
  if (!event) return [];
  return deps.db
    .selectFrom('events as e')
    .innerJoin('event_occurrences as o', 'o.event_id', 'e.id')
    .innerJoin('event_occurrences as mine', (j) => j.on('mine.event_id', '=', id).onRef('mine.occurrence_date', '=', 'o.occurrence_date'))
    .select(['e.id', 'e.title', 'o.occurrence_date'])
    .distinctOn('e.id')
    .where('e.id', '<>', id)
    .where('e.review_state', '=', 'published')
    .where(sql<boolean>`lower(trim(e.title)) = lower(trim(${event.title}))`)
    .where((w) =>
      event.location_id ? w('e.location_id', '=', event.location_id) : w(sql`lower(trim(e.place_name))`, '=', event.place_name.trim().toLowerCase()),
    )
    .orderBy('e.id')
    .limit(5)
    .execute();
}

/** Retention as declared in events.privacy.ts: suggester addresses after the decision, undecided or rejected suggestions. */
export async function applyRetention(deps: Pick<AppDeps, 'db'>, now: Date): Promise<{ emailsErased: number; suggestionsDeleted: number }> {
  const day = 86_400_000;
  const erased = await deps.db
    .updateTable('events')
    .set({ suggester_email: null })
    .where('suggester_email', 'is not', null)
    .where('reviewed_at', '<', new Date(now.getTime() - suggesterEmailDays * day))
    .executeTakeFirst();
  const deleted = await deps.db
    .deleteFrom('events')
    .where('review_state', 'in', ['pending', 'rejected'])
    .where((w) =>
      w.or([
        w('reviewed_at', '<', new Date(now.getTime() - openSuggestionDays * day)),
        w.and([w('reviewed_at', 'is', null), w('created_at', '<', new Date(now.getTime() - openSuggestionDays * day))]),
      ]),
    )
    .executeTakeFirst();
  return { emailsErased: Number(erased.numUpdatedRows), suggestionsDeleted: Number(deleted.numDeletedRows) };
}
