import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { ageOn, fitsAge, groupWishes, offersOverlap } from './allocation.js';
import { isIssuedGroupCode } from './group-codes.js';
import { holidayMessages } from './holidays.messages.js';
import { isParentOf } from './holidays.policy.js';
import { needsConsentText, needsConsentVersion } from './holidays.privacy.js';
import { mailParentOfChild } from './places.service.js';
import { dateFormat } from '../../platform/i18n/i18n.js';
import { findChild, firstContact, insertChild, recordNeedsConsent, replaceContact, updateChild } from './children.repository.js';
import { seasonOffers } from './offers.repository.js';
import { placesOfParent } from './places.repository.js';
import { currentSeason, sharedSeasonPhase } from './seasons.repository.js';
import { waitingOfParent } from './waitlist.repository.js';
import { otherGroupMembers, replaceWishList } from './wishes.repository.js';
import { employerForCode, type CodeEmployer } from './employer-places.service.js';
import { todayInBerlin } from './holidays.format.js';

/** Children of a parent account, their wish lists and their results. */

export interface ChildInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  needs: string;
  needsConsent: boolean;
  photoConsent: boolean;
  priority: boolean;
  contactName: string;
  contactPhone: string;
  contactRelation: string;
}

const fail = (fields: Record<string, string>) => new AppError('validation_failed', Object.values(fields)[0] as string, { fields });

/** A child of the signed-in parent with its first emergency contact; 404/403 otherwise. */
export async function ownChild(db: Executor, actor: Actor, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw notFound('Kind');
  if (!isParentOf(actor, child)) throw forbidden();
  const contact = await firstContact(db, childId);
  return { child, contact };
}

/** Adds or changes a child; needs are stored only with explicit consent (text and version recorded). */
export async function saveChild(deps: AppDeps, actor: Actor, childId: string | null, input: ChildInput, locale: Locale): Promise<string> {
  const t = holidayMessages(locale);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(input.birthDate) &&
    !Number.isNaN(Date.parse(`${input.birthDate}T00:00:00Z`)) &&
    new Date(`${input.birthDate}T00:00:00Z`).toISOString().startsWith(input.birthDate);
  const age = valid ? ageOn(input.birthDate, todayInBerlin()) : -1;
  if (!valid || age < 0 || age > 18) throw fail({ birthDate: t('refuse.birthDate') });
  const needs = input.needs.trim();
  if (needs && !input.needsConsent) throw fail({ needsConsent: t('refuse.consent') });
  return deps.db.transaction().execute(async (trx) => {
    if (childId) await ownChild(trx, actor, childId);
    const consented = needs
      ? { needs_consent_version: needsConsentVersion, needs_consent_at: new Date() }
      : { needs_consent_version: null, needs_consent_at: null };
    const values = {
      first_name: input.firstName,
      last_name: input.lastName,
      birth_date: input.birthDate,
      needs,
      photo_consent: input.photoConsent,
      priority: input.priority,
      ...consented,
    };
    const id = childId ? await updateChild(trx, childId, values) : await insertChild(trx, { ...values, parent_id: actor.id });
    if (needs) await recordNeedsConsent(trx, actor.id, { version: needsConsentVersion, text: needsConsentText });
    await replaceContact(trx, id, { name: input.contactName, phone: input.contactPhone, relation: input.contactRelation });
    return id;
  });
}

export interface WishInput {
  offerIds: string[];
  maxPlaces: number;
  groupCode: string | null;
  /** The code an employer gave its staff (employer-places.service.ts), or null. */
  employerCode: string | null;
}

type SeasonOffer = Awaited<ReturnType<typeof seasonOffers>>[number];

/** The offers a child may wish for (its age on the first day fits) and the others. */
export function offersByAge(birthDate: string, offers: SeasonOffer[]) {
  const fits = (o: SeasonOffer) => fitsAge(birthDate, { minAge: o.min_age, maxAge: o.max_age, firstDay: o.first_day });
  return { fitting: offers.filter(fits), unfit: offers.filter((o) => !fits(o)) };
}

/** What a group code means for this list: the other children with the code, and the wishes the lottery will drop. */
export interface GroupCheck {
  others: number;
  /** This child's wishes that not every member wished for or whose ages not every member fits (best first). */
  dropped: SeasonOffer[];
  /** How many of this child's wishes stay in the lottery. */
  kept: number;
}

async function checkGroup(
  db: Executor,
  seasonId: string,
  child: { id: string; birth_date: string },
  input: WishInput,
  offers: Map<string, SeasonOffer>,
): Promise<GroupCheck | null> {
  if (!input.groupCode) return null;
  const others = await otherGroupMembers(db, seasonId, input.groupCode, child.id);
  const lotteryOffers = [...offers.values()].map((o) => ({
    id: o.id,
    places: o.places,
    minAge: o.min_age,
    maxAge: o.max_age,
    firstDay: o.first_day,
    lastDay: o.last_day,
    dailyFrom: o.daily_from,
    dailyUntil: o.daily_until,
  }));
  const shared = new Set(groupWishes([{ birthDate: child.birth_date, wishes: input.offerIds }, ...others], lotteryOffers));
  const dropped = input.offerIds.filter((id) => !shared.has(id)).map((id) => offers.get(id)!);
  return { others: others.length, dropped, kept: input.offerIds.length - dropped.length };
}

/** Checks a wish list against the rules (phase, count, age, no overlaps); field errors name the wish. */
export async function checkWishes(deps: AppDeps, actor: Actor, childId: string, input: WishInput, locale: Locale) {
  const t = holidayMessages(locale);
  const { child } = await ownChild(deps.db, actor, childId);
  const season = await currentSeason(deps.db);
  if (!season || season.phase !== 'wishes') throw fail({ wish1: t('refuse.phase') });
  const offers = new Map((await seasonOffers(deps.db, season.id)).map((o) => [o.id, o]));
  const errors: Record<string, string> = {};
  if (input.offerIds.length === 0) errors.wish1 = t('refuse.noWish');
  if (input.offerIds.length > season.max_wishes) errors[`wish${season.max_wishes + 1}`] = t('refuse.tooMany', { max: season.max_wishes });
  const timed = (o: { first_day: string; last_day: string; daily_from: number; daily_until: number }) => ({
    firstDay: o.first_day,
    lastDay: o.last_day,
    dailyFrom: o.daily_from,
    dailyUntil: o.daily_until,
  });
  input.offerIds.forEach((id, i) => {
    const field = `wish${i + 1}`;
    const offer = offers.get(id);
    if (!offer) return void (errors[field] = t('refuse.notBookable'));
    if (input.offerIds.indexOf(id) !== i) return void (errors[field] = t('refuse.duplicate'));
    if (!fitsAge(child.birth_date, { minAge: offer.min_age, maxAge: offer.max_age, firstDay: offer.first_day }))
      return void (errors[field] = t('refuse.age', {
        child: child.first_name,
        offer: offer.title,
        age: ageOn(child.birth_date, offer.first_day),
        min: offer.min_age,
        max: offer.max_age,
      }));
    const clash = input.offerIds
      .slice(0, i)
      .map((other) => offers.get(other))
      .find((other) => other && other.id !== id && offersOverlap(timed(other), timed(offer)));
    if (clash) errors[field] = t('refuse.overlap', { offer: offer.title, other: clash.title });
  });
  if (input.groupCode && !isIssuedGroupCode(deps.config.sessionSecret, season.id, input.groupCode)) errors.groupCode = t('refuse.groupCode');
  const employer = input.employerCode ? await employerForCode(deps.db, season.id, input.employerCode) : undefined;
  if (input.employerCode && !employer) errors.employerCode = t('refuse.employerCode');
  if (!Number.isInteger(input.maxPlaces) || input.maxPlaces < 1 || input.maxPlaces > Math.max(1, input.offerIds.length))
    errors.maxPlaces = t('refuse.maxPlaces');
  if (Object.keys(errors).length) throw fail(errors);
  const group = await checkGroup(deps.db, season.id, child, input, offers);
  return { child, season, offers: input.offerIds.map((id) => offers.get(id)!), group, employer: employerCheck(employer, input.offerIds) };
}

/** What an employer's code means for this list: the employer, its reserved offers, and which of them the child wished for. */
export interface EmployerCheck {
  name: string;
  id: string;
  offers: CodeEmployer['offers'];
  wished: number;
}

function employerCheck(employer: CodeEmployer | undefined, offerIds: readonly string[]): EmployerCheck | null {
  if (!employer) return null;
  return { id: employer.id, name: employer.name, offers: employer.offers, wished: employer.offers.filter((o) => offerIds.includes(o.id)).length };
}

/** Saves the checked wish list (replacing an earlier one) and queues the confirmation mail, in one transaction. */
export async function submitWishes(deps: AppDeps, actor: Actor, childId: string, input: WishInput, locale: Locale): Promise<void> {
  const { child, season, offers, group, employer } = await checkWishes(deps, actor, childId, input, locale);
  await deps.db.transaction().execute(async (trx) => {
    // Re-checked under a share lock: a phase switch (FOR UPDATE) waits for this list or comes first and refuses it.
    const phase = await sharedSeasonPhase(trx, season.id);
    if (phase.phase !== 'wishes') throw fail({ wish1: holidayMessages(locale)('refuse.phase') });
    await replaceWishList(trx, {
      seasonId: season.id,
      childId: child.id,
      maxPlaces: input.maxPlaces,
      groupCode: input.groupCode,
      employerId: employer?.id ?? null,
      offerIds: offers.map((o) => o.id),
    });
    const until = dateFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${season.wish_until}T00:00:00Z`));
    await mailParentOfChild(deps, trx, child.id, (tr, name, childName) => ({
      subject: tr('mail.wishes.subject', { child: childName }),
      text: tr('mail.wishes.text', {
        name,
        child: childName,
        season: season.name,
        list: offers.map((o, i) => `${i + 1}. ${o.title}`).join('\n') + groupNote(tr, group),
        until,
        url: `${deps.config.publicUrl}/ferien/wuensche/${child.id}`,
      }),
    }));
  });
}

/** The warning of the confirmation mail when a group code drops wishes (or no one else uses the code yet). */
function groupNote(t: ReturnType<typeof holidayMessages>, group: GroupCheck | null): string {
  if (!group) return '';
  if (group.others === 0) return `\n\n${t('mail.wishes.groupAlone')}`;
  if (group.dropped.length === 0) return '';
  return `\n\n${t('mail.wishes.groupDropped')}\n${group.dropped.map((o) => `- ${o.title}`).join('\n')}`;
}

/** Places and waiting-list positions of all children of a parent in a season. */
export async function familyResults(db: Executor, parentId: string, seasonId: string) {
  const places = await placesOfParent(db, parentId, seasonId);
  const waiting = await waitingOfParent(db, parentId, seasonId);
  return { places, waiting };
}
