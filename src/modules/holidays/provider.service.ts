import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Executor } from '../../db/executor.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { ageOn } from './allocation.js';
import { holidayMessages } from './holidays.messages.js';
import { canManageOffers, canSeeParticipants } from './holidays.policy.js';
import { attendanceOfPlaces, saveAttendance } from './attendance.repository.js';
import { isMember, organizationsOf } from './memberships.repository.js';
import { findOffer, insertOffer, lockOffer, markOfferCancelled, resubmitOffer } from './offers.repository.js';
import { mailParentOfChild } from './places.service.js';
import { cancelPlacesOfOffer, participantRows } from './places.repository.js';
import { collectingSeason } from './seasons.repository.js';
import { closeWaitlist } from './waitlist.repository.js';

/**
 * Provider work: offers of one's own organisations, participant lists (only of one's own offers —
 * they hold children's needs), attendance and cancellation. Who may do what: holidays.policy.ts.
 */

export async function myOrganizations(db: Executor, actor: Actor) {
  return organizationsOf(db, actor.id);
}

export async function ensureOrganizationAccess(db: Executor, actor: Actor, orgId: string): Promise<void> {
  const member = await isMember(db, actor.id, orgId);
  ensure(canManageOffers(actor, member));
}

/** The offer, if the actor may see its participants (member of its organisation, or admin). */
export async function participantOffer(db: Executor, actor: Actor, offerId: string) {
  const offer = await findOffer(db, offerId);
  if (!offer) throw notFound('Angebot');
  const member = await isMember(db, actor.id, offer.organization_id);
  ensure(canSeeParticipants(actor, member));
  return offer;
}

export interface OfferInput {
  title: string;
  description: string;
  kind: 'day' | 'week' | 'trip';
  firstDay: string;
  lastDay: string;
  dailyFrom: number;
  dailyUntil: number;
  minAge: number;
  maxAge: number;
  places: number;
  minParticipants: number;
  priceCents: number;
  reducedPriceCents: number | null;
  location: string;
  meetingPoint: string;
  whatToBring: string;
  inclusionSupport: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** Checks the rules between fields; returns field errors (German). */
export function offerProblems(input: OfferInput, locale: Locale = 'de'): Record<string, string> {
  const t = holidayMessages(locale);
  const errors: Record<string, string> = {};
  const validDay = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!validDay(input.firstDay)) errors.firstDay = t('offer.firstDay');
  if (!validDay(input.lastDay)) errors.lastDay = t('offer.lastDay');
  else if (input.lastDay < input.firstDay) errors.lastDay = t('offer.lastBeforeFirst');
  if (input.kind !== 'trip' && input.dailyUntil <= input.dailyFrom) errors.dailyUntil = t('offer.endBeforeStart');
  if (input.maxAge < input.minAge) errors.maxAge = t('offer.maxBelowMin');
  if (input.maxAge > 18) errors.maxAge = t('offer.maxAge18');
  if (input.places < 1 || input.places > 1000) errors.places = t('offer.places');
  if (input.minParticipants > input.places) errors.minParticipants = t('offer.minAboveplaces');
  if (input.reducedPriceCents !== null && input.reducedPriceCents > input.priceCents) errors.reducedPrice = t('offer.reducedAbove');
  return errors;
}

/** A member enters an offer for the current season; editors review it before the wish phase. */
export async function createOffer(deps: AppDeps, actor: Actor, orgId: string, input: OfferInput, locale: Locale = 'de'): Promise<string> {
  await ensureOrganizationAccess(deps.db, actor, orgId);
  const errors = offerProblems(input, locale);
  // Offers go to the newest season that still collects them.
  const season = await collectingSeason(deps.db);
  if (!season) errors.title = holidayMessages(locale)('offer.notCollecting');
  if (Object.keys(errors).length) throw new AppError('validation_failed', Object.values(errors)[0] as string, { fields: errors });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertOffer(trx, { season_id: season!.id, organization_id: orgId, status: 'submitted', ...offerColumns(input), created_by: actor.id });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.offer_submitted',
      subjectType: 'holiday_offer',
      subjectId: id,
      details: { title: input.title },
    });
    return id;
  });
}

function offerColumns(input: OfferInput) {
  const trip = input.kind === 'trip';
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    first_day: input.firstDay,
    last_day: input.lastDay,
    daily_from: trip ? 0 : input.dailyFrom,
    daily_until: trip ? 1440 : input.dailyUntil,
    min_age: input.minAge,
    max_age: input.maxAge,
    places: input.places,
    min_participants: input.minParticipants,
    price_cents: input.priceCents,
    reduced_price_cents: input.reducedPriceCents,
    location: input.location,
    meeting_point: input.meetingPoint,
    what_to_bring: input.whatToBring,
    inclusion_support: input.inclusionSupport,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
  };
}

/** An offer its organisation may still change: submitted or rejected, not yet approved (or cancelled). */
export async function editableOffer(db: Executor, actor: Actor, offerId: string, locale: Locale = 'de') {
  const offer = await findOffer(db, offerId);
  if (!offer) throw notFound('Angebot');
  await ensureOrganizationAccess(db, actor, offer.organization_id);
  if (offer.status !== 'submitted' && offer.status !== 'rejected') throw new AppError('conflict', holidayMessages(locale)('offer.locked'));
  return offer;
}

/** Changes a submitted or rejected offer; it goes (back) to review. */
export async function updateOffer(deps: AppDeps, actor: Actor, offerId: string, input: OfferInput, locale: Locale = 'de'): Promise<void> {
  const offer = await editableOffer(deps.db, actor, offerId, locale);
  const errors = offerProblems(input, locale);
  // Places an employer reserved stay (an approved offer sent back to review keeps them); the database's CHECK holds this too.
  if (!errors.places && input.places < offer.employer_places) errors.places = holidayMessages(locale)('offer.employerPlaces', { count: offer.employer_places });
  if (Object.keys(errors).length) throw new AppError('validation_failed', Object.values(errors)[0] as string, { fields: errors });
  await deps.db.transaction().execute(async (trx) => {
    await resubmitOffer(trx, offerId, offerColumns(input));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.offer_resubmitted',
      subjectType: 'holiday_offer',
      subjectId: offerId,
      details: { title: input.title },
    });
  });
}

export interface Participant {
  placeId: string;
  firstName: string;
  lastName: string;
  age: number;
  needs: string;
  contact: string;
  photoConsent: boolean;
  status: string;
}

/** Children with an active place in the offer, with what the provider needs to care for them. */
export async function participants(db: Executor, actor: Actor, offerId: string) {
  const offer = await participantOffer(db, actor, offerId);
  const rows = await participantRows(db, offerId);
  const list: Participant[] = rows.map((r) => ({
    placeId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    age: ageOn(r.birth_date, offer.first_day),
    needs: r.needs,
    contact: [r.contact_name, r.contact_relation ? `(${r.contact_relation})` : '', r.contact_phone].filter(Boolean).join(' '),
    photoConsent: r.photo_consent,
    status: r.status,
  }));
  const attendance = await attendanceOfPlaces(
    db,
    list.map((p) => p.placeId),
  );
  return { offer, list, attendance };
}

/** Records who was there on one day of the offer. */
export async function recordAttendance(
  deps: AppDeps,
  actor: Actor,
  offerId: string,
  day: string,
  presentPlaceIds: Set<string>,
  locale: Locale = 'de',
): Promise<void> {
  const { offer, list } = await participants(deps.db, actor, offerId);
  if (day < offer.first_day || day > offer.last_day) {
    const message = holidayMessages(locale)('attendance.day');
    throw new AppError('validation_failed', message, { fields: { day: message } });
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const p of list) {
      await saveAttendance(trx, { placeId: p.placeId, day, present: presentPlaceIds.has(p.placeId), recordedBy: actor.id });
    }
  });
}

/** Cancels an offer: places end (capacity freed by the trigger), families are mailed, the waiting list closes. */
export async function cancelOffer(deps: AppDeps, actor: Actor, offerId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const offer = await lockOffer(trx, offerId);
    if (!offer) throw notFound('Angebot');
    const member = await isMember(trx, actor.id, offer.organization_id);
    ensure(canManageOffers(actor, member));
    if (offer.status === 'cancelled') return 0;
    const ended = await cancelPlacesOfOffer(trx, offerId);
    await closeWaitlist(trx, offerId);
    await markOfferCancelled(trx, offerId);
    for (const { child_id } of ended)
      await mailParentOfChild(deps, trx, child_id, (t, name, child) => ({
        subject: t('mail.cancelled.subject', { offer: offer.title }),
        text: t('mail.cancelled.text', { name, child, offer: offer.title, url: `${deps.config.publicUrl}/ferien` }),
      }));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.offer_cancelled',
      subjectType: 'holiday_offer',
      subjectId: offerId,
      details: { placesEnded: ended.length },
    });
    return ended.length;
  });
}
