import type { Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { formatDateTime, type Locale, storedLocale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { ageOn, fitsAge, offersOverlap } from './allocation.js';
import { childForPlace, childParent, parentOfChild } from './children.repository.js';
import { holidayMessages } from './holidays.messages.js';
import { isParentOf } from './holidays.policy.js';
import { getOffer, lockOffer, lockOfferForBooking } from './offers.repository.js';
import { expireOfferedPlaces, heldPlaces, insertPlace, insertPlaces, lockPlaceWithParent, setPlaceStatus } from './places.repository.js';
import { setWaitlistStatus, waitingQueue } from './waitlist.repository.js';

/** Hours a family has to answer a place that moved up from the waiting list. */
export const answerHours = 48;
/** Days a family has to accept or give back a place from the lottery. */
export const lotteryAnswerDays = 7;
export const offerNextJob = 'holidays.offer-next';
export const expireJob = 'holidays.expire-offers';

const isCapacityViolation = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23514' && (error as { constraint?: string }).constraint === 'holiday_offers_capacity';
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });

/** Why a child may not get a place in an offer (age, time overlap, already there), or null. */
export async function placeRefusal(trx: Executor, childId: string, offerId: string, locale: Locale): Promise<string | null> {
  const t = holidayMessages(locale);
  const child = await childForPlace(trx, childId);
  const offer = await getOffer(trx, offerId);
  if (!fitsAge(child.birth_date, { minAge: offer.min_age, maxAge: offer.max_age, firstDay: offer.first_day }))
    return t('refuse.age', {
      child: child.first_name,
      offer: offer.title,
      age: ageOn(child.birth_date, offer.first_day),
      min: offer.min_age,
      max: offer.max_age,
    });
  const held = await heldPlaces(trx, childId);
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
      const child = await childParent(trx, input.childId);
      if (!child) throw notFound('Kind');
      if (!isParentOf(actor, child)) throw forbidden();
      const offer = await lockOfferForBooking(trx, input.offerId);
      if (!offer) throw notFound('Angebot');
      if (offer.phase !== 'first_come') throw refuse('offerId', t('refuse.phase'));
      if (offer.status !== 'approved') throw refuse('offerId', t('refuse.notBookable'));
      if (offer.places_taken >= offer.places) throw new AppError('conflict', t('refuse.full'), { fields: { offerId: t('refuse.full') } });
      const why = await placeRefusal(trx, input.childId, input.offerId, locale);
      if (why) throw refuse('offerId', why);
      const placeId = await insertPlace(trx, { season_id: offer.season_id, offer_id: offer.id, child_id: child.id, source: 'first_come', status: 'accepted' });
      return { placeId };
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
    const place = await lockPlaceWithParent(trx, placeId);
    if (!place) throw notFound('Platz');
    if (!isParentOf(actor, place)) throw forbidden();
    const allowed = answer === 'accept' ? place.status === 'offered' : place.status === 'offered' || place.status === 'accepted';
    if (!allowed) throw new AppError('conflict', t('refuse.placeGone'));
    if (answer === 'return') await returnPlace(deps, trx, { id: placeId, offerId: place.offer_id });
    else await setPlaceStatus(trx, placeId, 'accepted');
  });
}

/**
 * The one path for a place given back (by the family, or because its account is deleted): it no
 * longer counts, and the next child on the waiting list is offered it (job, after the commit).
 */
export async function returnPlace(deps: Pick<AppDeps, 'jobs'>, trx: Transaction<DB>, place: { id: string; offerId: string }): Promise<void> {
  await setPlaceStatus(trx, place.id, 'returned');
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
    const offer = await lockOffer(trx, offerId);
    if (!offer || offer.status !== 'approved') return 0;
    let free = offer.places - offer.places_taken;
    if (free <= 0) return 0;
    const queue = await waitingQueue(trx, offerId, offer.season_id);
    const units = new Map<string, string[]>();
    for (const entry of queue) {
      const key = entry.group_code ? `g:${entry.group_code}` : `c:${entry.child_id}`;
      units.set(key, [...(units.get(key) ?? []), entry.child_id]);
    }
    const setStatus = (childIds: string[], status: 'offered' | 'removed') => setWaitlistStatus(trx, offerId, childIds, status);
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
      await insertPlaces(
        trx,
        fitting.map((childId) => ({
          season_id: offer.season_id,
          offer_id: offerId,
          child_id: childId,
          source: 'waiting_list' as const,
          status: 'offered' as const,
          respond_by: respondBy,
        })),
      );
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
    const expired = await expireOfferedPlaces(trx, now);
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
  const row = await parentOfChild(trx, childId);
  const locale: Locale = storedLocale(row.locale);
  await deps.mail.enqueue(trx, { to: row.email, ...compose(holidayMessages(locale), row.display_name, row.first_name, locale) });
}
