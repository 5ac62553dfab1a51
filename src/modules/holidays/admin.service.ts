import type { AppDeps } from '../../platform/deps.js';
import type { HolidayPhase } from '../../db/tables/holidays.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { todayInBerlin } from './holidays.format.js';
import { holidayMessages } from './holidays.messages.js';
import { childNames } from './children.repository.js';
import { canManageSeasons } from './holidays.policy.js';
import { findOfferForReview, offerContact, offerDemand, recordReview } from './offers.repository.js';
import { recentRuns } from './runs.repository.js';
import { findSeason, insertSeason, listSeasons, lockSeasonPhase, setSeasonPhase } from './seasons.repository.js';
import { handedInWishLists } from './wishes.repository.js';

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });

/** Editor work on seasons: create, switch phases, review offers; the dashboard figures. */

export interface SeasonInput {
  name: string;
  wishFrom: string;
  wishUntil: string;
  maxWishes: number;
  reservedPercent: number;
  retentionDays: number;
}

/** Every season, the newest first (editors). */
export async function seasonsForEditor(db: Executor, actor: Actor) {
  ensure(canManageSeasons(actor));
  return listSeasons(db);
}

export async function createSeason(deps: AppDeps, actor: Actor, input: SeasonInput, locale: Locale = 'de'): Promise<string> {
  ensure(canManageSeasons(actor));
  if (input.wishUntil < input.wishFrom) throw refuse('wishUntil', holidayMessages(locale)('season.untilBeforeFrom'));
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertSeason(trx, {
      name: input.name,
      wish_from: input.wishFrom,
      wish_until: input.wishUntil,
      max_wishes: input.maxWishes,
      reserved_percent: input.reservedPercent,
      retention_days: input.retentionDays,
    });
    await recordAudit(trx, { actorId: actor.id, action: 'holidays.season_created', subjectType: 'holiday_season', subjectId: id, details: { ...input } });
    return id;
  });
}

/** True when a switch leaves the wish phase before its announced last day: families could still hand in lists. */
export function endsWishPhaseEarly(season: { phase: HolidayPhase; wish_until: string }, phase: HolidayPhase, today: string): boolean {
  return season.phase === 'wishes' && phase !== 'wishes' && today <= season.wish_until;
}

/** What an editor must confirm before ending the wish phase early (null when nothing): the season and the lists handed in. */
export async function earlyEndOfWishes(db: Executor, actor: Actor, seasonId: string, phase: HolidayPhase, today = todayInBerlin()) {
  ensure(canManageSeasons(actor));
  const season = await findSeason(db, seasonId);
  if (!season) throw notFound('Saison');
  if (!endsWishPhaseEarly(season, phase, today)) return null;
  return { season, handedIn: await handedInWishLists(db, seasonId) };
}

/**
 * Editors switch phases; "results" comes only from a confirmed lottery run, "deleted" only from the retention job.
 * Ending the wish phase before its announced last day needs `earlyEndConfirmed`.
 */
export async function setPhase(
  deps: AppDeps,
  actor: Actor,
  seasonId: string,
  phase: HolidayPhase,
  locale: Locale = 'de',
  options: { earlyEndConfirmed?: boolean } = {},
): Promise<void> {
  ensure(canManageSeasons(actor));
  await deps.db.transaction().execute(async (trx) => {
    const season = await lockSeasonPhase(trx, seasonId);
    if (!season) throw notFound('Saison');
    const allowed = phase !== 'deleted' && (phase !== 'results' || !!season.allocated_at) && season.phase !== 'deleted';
    if (!allowed) throw refuse('phase', holidayMessages(locale)('season.phaseManual'));
    if (endsWishPhaseEarly(season, phase, todayInBerlin()) && !options.earlyEndConfirmed) throw refuse('phase', holidayMessages(locale)('season.earlyEnd'));
    await setSeasonPhase(trx, seasonId, phase);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.phase_changed',
      subjectType: 'holiday_season',
      subjectId: seasonId,
      details: { from: season.phase, to: phase },
    });
  });
}

/** Editors approve or reject a submitted offer before the wish phase. */
/** Any offer with its organisation's name, for the editors' review. */
export async function offerForReview(db: Executor, actor: Actor, offerId: string) {
  ensure(canManageSeasons(actor));
  const offer = await findOfferForReview(db, offerId);
  if (!offer) throw notFound('Angebot');
  return offer;
}

export async function reviewOffer(deps: AppDeps, actor: Actor, offerId: string, decision: 'approved' | 'rejected', note: string): Promise<void> {
  ensure(canManageSeasons(actor));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await recordReview(trx, offerId, { decision, note, reviewerId: actor.id }))) throw notFound('Angebot');
    await recordAudit(trx, { actorId: actor.id, action: `holidays.offer_${decision}`, subjectType: 'holiday_offer', subjectId: offerId, details: { note } });
    const offer = await offerContact(trx, offerId);
    // The provider learns why (the offer's contact address), and can change and resubmit it.
    if (decision === 'rejected' && note && offer.contact_email) {
      const t = holidayMessages('de');
      await deps.mail.enqueue(trx, {
        to: offer.contact_email,
        subject: t('mail.rejected.subject', { offer: offer.title }),
        text: t('mail.rejected.text', { offer: offer.title, note, url: `${deps.config.publicUrl}/meine-ferienangebote/angebote/${offer.id}/bearbeiten` }),
      });
    }
  });
}

/** The season with, per offer, places, places taken, wishes (all ranks and first wishes) and waiting children; lists handed in; recent runs. */
export async function seasonDashboard(db: Executor, actor: Actor, seasonId: string) {
  ensure(canManageSeasons(actor));
  const season = await findSeason(db, seasonId);
  if (!season) throw notFound('Saison');
  const offers = await offerDemand(db, seasonId);
  const registrations = await handedInWishLists(db, seasonId);
  const runs = await recentRuns(db, seasonId);
  return { season, offers, registrations, runs };
}

/** The names of the children a lottery preview leaves without a place (editors see who they are). */
export async function namesOfChildren(db: Executor, actor: Actor, childIds: readonly string[]): Promise<string[]> {
  ensure(canManageSeasons(actor));
  return childNames(db, childIds);
}
