import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../db/executor.js';
import type { HolidayPhase } from '../../db/tables/holidays.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import {
  codeOf,
  deleteQuota,
  employerOfCode,
  insertCodeOnce,
  organizationChoices,
  quotasOfOffer,
  reservationsOfEmployer,
  reservedOffersInSeason,
  upsertQuota,
} from './employer-places.repository.js';
import { holidayMessages } from './holidays.messages.js';
import { canManageSeasons } from './holidays.policy.js';
import { withOfferTitles } from './holidays.translations.js';
import { lockOffer } from './offers.repository.js';
import { findSeason } from './seasons.repository.js';

/**
 * Places employers reserve in holiday offers for the children of their staff. Editors set them per
 * offer and employer (approved offers, until the lottery runs); the employer gets one code per season
 * for its staff, who hand it in with a child's wish list; the lottery gives those children the
 * employer's places first (rule 4 of allocation.ts) and the unused ones to everyone. The database
 * keeps the reserved places within the offer's places (migration 0027), whatever the code does.
 */

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });
const checkViolation = (error: unknown) => (error as { code?: string }).code === '23514';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A new code, e.g. "K7QX2-M9HD4": 50 random bits, server-made, so nobody guesses an employer's code. */
export const newEmployerCode = (): string => {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

const openPhases: readonly HolidayPhase[] = ['collecting', 'wishes', 'allocation'];
/** Employer places of an approved offer can change until the lottery has run. */
const changeable = (offer: { status: string }, season: { phase: HolidayPhase; allocated_at: Date | null } | undefined) =>
  offer.status === 'approved' && !!season && !season.allocated_at && openPhases.includes(season.phase);

/** The offer's employer places for the editors' page: each employer with places and code, whom to choose, whether it can change. */
export async function employerPlacesOfOffer(
  db: Executor,
  actor: Actor,
  offer: { id: string; season_id: string; status: string; places: number; employer_places: number },
) {
  ensure(canManageSeasons(actor));
  const [season, quotas, organizations] = await Promise.all([findSeason(db, offer.season_id), quotasOfOffer(db, offer.id), organizationChoices(db)]);
  return { quotas, organizations, open: changeable(offer, season), reserved: offer.employer_places, places: offer.places };
}

export type EmployerPlacesOfOffer = Awaited<ReturnType<typeof employerPlacesOfOffer>>;

/** Reserves places of an offer for an employer (or changes how many); the first reservation of a season makes the employer's code. */
export async function reserveForEmployer(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  offerId: string,
  input: { organizationId: string; places: number },
  locale: Locale = 'de',
): Promise<void> {
  ensure(canManageSeasons(actor));
  const t = holidayMessages(locale);
  try {
    await deps.db.transaction().execute(async (trx) => {
      // The offer row is locked: two editors reserving at once are counted one after the other.
      const offer = await lockOffer(trx, offerId);
      if (!offer) throw notFound('Angebot');
      if (!changeable(offer, await findSeason(trx, offer.season_id))) throw refuse('employerOrganization', t('refuse.employerClosed'));
      const employer = (await organizationChoices(trx)).find((o) => o.id === input.organizationId);
      if (!employer) throw refuse('employerOrganization', t('refuse.employerUnknown'));
      const before = (await quotasOfOffer(trx, offerId)).find((q) => q.organization_id === employer.id)?.places ?? 0;
      const free = offer.places - (offer.employer_places - before);
      if (input.places < 1 || input.places > free) throw refuse('employerPlaces', t('refuse.employerPlaces', { free }));
      await upsertQuota(trx, offerId, employer.id, input.places);
      let code = await codeOf(trx, offer.season_id, employer.id);
      while (!code) code = await insertCodeOnce(trx, offer.season_id, employer.id, newEmployerCode());
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'holidays.employer_places_set',
        subjectType: 'holiday_offer',
        subjectId: offerId,
        details: { offer: offer.title, employer: employer.name, places: input.places },
      });
    });
  } catch (error) {
    // The database's CHECK (reserved places within the offer's places) stands behind the count above.
    if (checkViolation(error)) throw refuse('employerPlaces', t('refuse.employerPlaces', { free: 0 }));
    throw error;
  }
}

/** Gives an employer's places of an offer back to everyone (before the lottery). */
export async function releaseForEmployer(deps: Pick<AppDeps, 'db'>, actor: Actor, offerId: string, organizationId: string, locale: Locale = 'de') {
  ensure(canManageSeasons(actor));
  const t = holidayMessages(locale);
  await deps.db.transaction().execute(async (trx) => {
    const offer = await lockOffer(trx, offerId);
    if (!offer) throw notFound('Angebot');
    if (!changeable(offer, await findSeason(trx, offer.season_id))) throw refuse('employerOrganization', t('refuse.employerClosed'));
    const employer = (await quotasOfOffer(trx, offerId)).find((q) => q.organization_id === organizationId);
    if (!employer || !(await deleteQuota(trx, offerId, organizationId))) throw notFound('Arbeitgeber');
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.employer_places_removed',
      subjectType: 'holiday_offer',
      subjectId: offerId,
      details: { offer: offer.title, employer: employer.name },
    });
  });
}

/** The employer a family's code names in this season, with the offers it reserved places in; undefined for an unknown code. */
export async function employerForCode(db: Executor, seasonId: string, code: string) {
  const employer = await employerOfCode(db, seasonId, code.trim().toUpperCase());
  if (!employer) return undefined;
  return { ...employer, offers: await reservedOffersInSeason(db, seasonId, employer.id) };
}

export type CodeEmployer = NonNullable<Awaited<ReturnType<typeof employerForCode>>>;

/** The code of the employer a stored wish list names, to show it in the form again. */
export const employerCodeOf = (db: Executor, seasonId: string, organizationId: string | null) =>
  organizationId ? codeOf(db, seasonId, organizationId) : Promise.resolve(undefined);

export interface EmployerSeason {
  seasonId: string;
  season: string;
  phase: HolidayPhase;
  /** Only for the employer's members and the staff (employers decide who gets it). */
  code: string | null;
  offers: { offerId: string; title: string; firstDay: string; lastDay: string; places: number }[];
}

/** An employer's reserved places in approved offers of seasons not closed, per season, titles in the visitor's language. */
async function reservationsBySeason(db: Executor, organizationId: string, locale: Locale): Promise<EmployerSeason[]> {
  const rows = await withOfferTitles(db, locale, await reservationsOfEmployer(db, organizationId));
  const seasons = new Map<string, EmployerSeason>();
  for (const r of rows) {
    const season = seasons.get(r.season_id) ?? { seasonId: r.season_id, season: r.season, phase: r.phase, code: r.code, offers: [] };
    season.offers.push({ offerId: r.offer_id, title: r.title, firstDay: r.first_day, lastDay: r.last_day, places: r.places });
    seasons.set(r.season_id, season);
  }
  return [...seasons.values()];
}

/** For the employer's public page: the offers it reserved places in, without the code. */
export async function reservedHolidayOffers(db: Executor, organizationId: string, locale: Locale): Promise<EmployerSeason[]> {
  return (await reservationsBySeason(db, organizationId, locale)).map((s) => ({ ...s, code: null }));
}

/** For the employer's members and the staff (the caller checks who asks): the same with the code of each season. */
export const holidayCodesOfEmployer = reservationsBySeason;
