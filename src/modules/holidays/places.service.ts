import type { Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { ageOn, fitsAge, offersOverlap } from './allocation.js';
import { holidayMessages } from './holidays.messages.js';

/** Hours a family has to answer a place that moved up from the waiting list. */
export const answerHours = 48;
/** Days a family has to accept or give back a place from the lottery. */
export const lotteryAnswerDays = 7;
export const offerNextJob = 'holidays.offer-next';
export const expireJob = 'holidays.expire-offers';
export const activeStatuses = ['offered', 'accepted'] as const;

const isCapacityViolation = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23514' && (error as { constraint?: string }).constraint === 'holiday_offers_capacity';
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });

/** Why a child may not get a place in an offer (age, time overlap, already there), or null. */
export async function placeRefusal(trx: Executor, childId: string, offerId: string, locale: Locale): Promise<string | null> {
  const t = holidayMessages(locale);
  const child = await trx.selectFrom('holiday_children').select(['first_name', 'birth_date']).where('id', '=', childId).executeTakeFirstOrThrow();
  const offer = await trx.selectFrom('holiday_offers').selectAll().where('id', '=', offerId).executeTakeFirstOrThrow();
  if (!fitsAge(child.birth_date, { minAge: offer.min_age, maxAge: offer.max_age, firstDay: offer.first_day }))
    return t('refuse.age', {
      child: child.first_name,
      offer: offer.title,
      age: ageOn(child.birth_date, offer.first_day),
      min: offer.min_age,
      max: offer.max_age,
    });
  const held = await trx
    .selectFrom('holiday_places')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_places.offer_id')
    .select([
      'holiday_offers.id',
      'holiday_offers.title',
      'holiday_offers.first_day',
      'holiday_offers.last_day',
      'holiday_offers.daily_from',
      'holiday_offers.daily_until',
    ])
    .where('holiday_places.child_id', '=', childId)
    .where('holiday_places.status', 'in', activeStatuses)
    .execute();
  const timed = (o: { first_day: string; last_day: string; daily_from: number; daily_until: number }) => ({
    firstDay: o.first_day,
    lastDay: o.last_day,
    dailyFrom: o.daily_from,
    dailyUntil: o.daily_until,
  });
  if (held.some((h) => h.id === offerId)) return t('refuse.already', { child: child.first_name });
  const clash = held.find((h) => offersOverlap(timed(h), timed(offer)));
  return clash ? t('refuse.overlap', { offer: offer.title, other: clash.title }) : null;
}

/**
 * First come, first served: books a leftover place for a child of the signed-in parent.
 * The offer row is locked for the check; the capacity CHECK behind the counting trigger refuses any
 * write that would still overbook, so exactly as many requests succeed as there are places.
 */
export async function bookFirstCome(deps: AppDeps, actor: Actor, input: { offerId: string; childId: string }, locale: Locale): Promise<{ placeId: string }> {
  const t = holidayMessages(locale);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const child = await trx.selectFrom('holiday_children').select(['id', 'parent_id']).where('id', '=', input.childId).executeTakeFirst();
      if (!child) throw notFound('Kind');
      if (child.parent_id !== actor.id) throw forbidden();
      const offer = await trx
        .selectFrom('holiday_offers')
        .innerJoin('holiday_seasons', 'holiday_seasons.id', 'holiday_offers.season_id')
        .select([
          'holiday_offers.id',
          'holiday_offers.season_id',
          'holiday_offers.status',
          'holiday_offers.places',
          'holiday_offers.places_taken',
          'holiday_seasons.phase',
        ])
        .where('holiday_offers.id', '=', input.offerId)
        .forUpdate('holiday_offers')
        .executeTakeFirst();
      if (!offer) throw notFound('Angebot');
      if (offer.phase !== 'first_come') throw refuse('offerId', t('refuse.phase'));
      if (offer.status !== 'approved') throw refuse('offerId', t('refuse.notBookable'));
      if (offer.places_taken >= offer.places) throw new AppError('conflict', t('refuse.full'), { fields: { offerId: t('refuse.full') } });
      const why = await placeRefusal(trx, input.childId, input.offerId, locale);
      if (why) throw refuse('offerId', why);
      const place = await trx
        .insertInto('holiday_places')
        .values({ season_id: offer.season_id, offer_id: offer.id, child_id: child.id, source: 'first_come', status: 'accepted' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { placeId: place.id };
    });
  } catch (error) {
    if (isCapacityViolation(error)) throw new AppError('conflict', t('refuse.full'), { fields: { offerId: t('refuse.full') } });
    if (isUniqueViolation(error)) throw refuse('offerId', t('refuse.already', { child: '' }).trim());
    throw error;
  }
}

/** The parent accepts a place or gives it back; a place given back moves up the waiting list (job). */
export async function answerPlace(deps: AppDeps, actor: Actor, placeId: string, answer: 'accept' | 'return', locale: Locale): Promise<void> {
  const t = holidayMessages(locale);
  await deps.db.transaction().execute(async (trx) => {
    const place = await trx
      .selectFrom('holiday_places')
      .innerJoin('holiday_children', 'holiday_children.id', 'holiday_places.child_id')
      .select(['holiday_places.id', 'holiday_places.status', 'holiday_places.offer_id', 'holiday_children.parent_id'])
      .where('holiday_places.id', '=', placeId)
      .forUpdate('holiday_places')
      .executeTakeFirst();
    if (!place) throw notFound('Platz');
    if (place.parent_id !== actor.id) throw forbidden();
    const allowed = answer === 'accept' ? place.status === 'offered' : place.status === 'offered' || place.status === 'accepted';
    if (!allowed) throw new AppError('conflict', t('refuse.placeGone'));
    if (answer === 'return') await returnPlace(deps, trx, { id: placeId, offerId: place.offer_id });
    else await trx.updateTable('holiday_places').set({ status: 'accepted', respond_by: null, updated_at: new Date() }).where('id', '=', placeId).execute();
  });
}

/**
 * The one path for a place given back (by the family, or because its account is deleted): it no
 * longer counts, and the next child on the waiting list is offered it (job, after the commit).
 */
export async function returnPlace(deps: Pick<AppDeps, 'jobs'>, trx: Transaction<DB>, place: { id: string; offerId: string }): Promise<void> {
  await trx.updateTable('holiday_places').set({ status: 'returned', respond_by: null, updated_at: new Date() }).where('id', '=', place.id).execute();
  await deps.jobs.send(trx, offerNextJob, { offerId: place.offerId });
}

/**
 * Offers free places of an offer to the next children on its waiting list, each with a deadline.
 * Children who meanwhile got an overlapping place or no longer fit are taken off. Siblings with a
 * group code move up together or not at all: a group that does not fit yet keeps its position, and
 * the next child or group that fits gets the place.
 */
export async function offerFreedPlaces(deps: AppDeps, offerId: string, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const offer = await trx.selectFrom('holiday_offers').selectAll().where('id', '=', offerId).forUpdate().executeTakeFirst();
    if (!offer || offer.status !== 'approved') return 0;
    let free = offer.places - offer.places_taken;
    if (free <= 0) return 0;
    const queue = await trx
      .selectFrom('holiday_waitlist')
      .leftJoin('holiday_wish_lists', (j) =>
        j.onRef('holiday_wish_lists.child_id', '=', 'holiday_waitlist.child_id').on('holiday_wish_lists.season_id', '=', offer.season_id),
      )
      .select(['holiday_waitlist.child_id', 'holiday_wish_lists.group_code'])
      .where('holiday_waitlist.offer_id', '=', offerId)
      .where('holiday_waitlist.status', '=', 'waiting')
      .orderBy('holiday_waitlist.position')
      .orderBy('holiday_waitlist.child_id')
      .execute();
    const units = new Map<string, string[]>();
    for (const entry of queue) {
      const key = entry.group_code ? `g:${entry.group_code}` : `c:${entry.child_id}`;
      units.set(key, [...(units.get(key) ?? []), entry.child_id]);
    }
    const setStatus = (childIds: string[], status: 'offered' | 'removed') =>
      trx.updateTable('holiday_waitlist').set({ status }).where('offer_id', '=', offerId).where('child_id', 'in', childIds).execute();
    const respondBy = new Date(now.getTime() + answerHours * 3_600_000);
    let offered = 0;
    for (const members of units.values()) {
      if (free <= 0) break;
      const fitting: string[] = [];
      for (const childId of members) {
        if (await placeRefusal(trx, childId, offerId, 'de')) await setStatus([childId], 'removed');
        else fitting.push(childId);
      }
      if (fitting.length === 0 || fitting.length > free) continue;
      await setStatus(fitting, 'offered');
      await trx
        .insertInto('holiday_places')
        .values(
          fitting.map((childId) => ({
            season_id: offer.season_id,
            offer_id: offerId,
            child_id: childId,
            source: 'waiting_list' as const,
            status: 'offered' as const,
            respond_by: respondBy,
          })),
        )
        .execute();
      for (const childId of fitting)
        await mailParentOfChild(deps, trx, childId, (t, name, child, locale) => ({
          subject: t('mail.offered.subject', { child }),
          text: t('mail.offered.text', {
            name,
            child,
            offer: offer.title,
            deadline: formatDateTime(respondBy, locale),
            url: `${deps.config.publicUrl}/ferien/ergebnis`,
          }),
        }));
      free -= fitting.length;
      offered += fitting.length;
    }
    return offered;
  });
}

/** Places offered from the waiting list and not answered in time expire; their offers move on. */
export async function expireUnanswered(deps: AppDeps, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const expired = await trx
      .updateTable('holiday_places')
      .set({ status: 'expired', updated_at: now })
      .where('status', '=', 'offered')
      .where('respond_by', '<', now)
      .returning('offer_id')
      .execute();
    for (const offerId of new Set(expired.map((e) => e.offer_id))) await deps.jobs.send(trx, offerNextJob, { offerId });
    return expired.length;
  });
}

/** Queues a mail to the parent of a child, in the parent's language, inside the caller's transaction. */
export async function mailParentOfChild(
  deps: AppDeps,
  trx: Transaction<DB>,
  childId: string,
  compose: (t: ReturnType<typeof holidayMessages>, parentName: string, childName: string, locale: Locale) => { subject: string; text: string },
): Promise<void> {
  const row = await trx
    .selectFrom('holiday_children')
    .innerJoin('users', 'users.id', 'holiday_children.parent_id')
    .select(['users.email', 'users.display_name', 'users.locale', 'holiday_children.first_name'])
    .where('holiday_children.id', '=', childId)
    .executeTakeFirstOrThrow();
  const locale: Locale = row.locale === 'en' ? 'en' : 'de';
  await deps.mail.enqueue(trx, { to: row.email, ...compose(holidayMessages(locale), row.display_name, row.first_name, locale) });
}
