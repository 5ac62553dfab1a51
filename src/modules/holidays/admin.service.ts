import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { HolidayPhase } from '../../db/tables/holidays.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import { type Actor, isEditor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { todayInBerlin } from './holidays.format.js';
import { holidayMessages } from './holidays.messages.js';
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

export async function createSeason(deps: AppDeps, actor: Actor, input: SeasonInput, locale: Locale = 'de'): Promise<string> {
  ensure(isEditor(actor));
  if (input.wishUntil < input.wishFrom) throw refuse('wishUntil', holidayMessages(locale)('season.untilBeforeFrom'));
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('holiday_seasons')
      .values({
        name: input.name,
        wish_from: input.wishFrom,
        wish_until: input.wishUntil,
        max_wishes: input.maxWishes,
        reserved_percent: input.reservedPercent,
        retention_days: input.retentionDays,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'holidays.season_created', subjectType: 'holiday_season', subjectId: row.id, details: { ...input } });
    return row.id;
  });
}

/** True when a switch leaves the wish phase before its announced last day: families could still hand in lists. */
export function endsWishPhaseEarly(season: { phase: HolidayPhase; wish_until: string }, phase: HolidayPhase, today: string): boolean {
  return season.phase === 'wishes' && phase !== 'wishes' && today <= season.wish_until;
}

/** What an editor must confirm before ending the wish phase early (null when nothing): the season and the lists handed in. */
export async function earlyEndOfWishes(db: Executor, seasonId: string, phase: HolidayPhase, today = todayInBerlin()) {
  const season = await db.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).executeTakeFirst();
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
  ensure(isEditor(actor));
  await deps.db.transaction().execute(async (trx) => {
    const season = await trx
      .selectFrom('holiday_seasons')
      .select(['phase', 'allocated_at', 'wish_until'])
      .where('id', '=', seasonId)
      .forUpdate()
      .executeTakeFirst();
    if (!season) throw notFound('Saison');
    const allowed = phase !== 'deleted' && (phase !== 'results' || !!season.allocated_at) && season.phase !== 'deleted';
    if (!allowed) throw refuse('phase', holidayMessages(locale)('season.phaseManual'));
    if (endsWishPhaseEarly(season, phase, todayInBerlin()) && !options.earlyEndConfirmed) throw refuse('phase', holidayMessages(locale)('season.earlyEnd'));
    await trx
      .updateTable('holiday_seasons')
      .set({ phase, closed_at: phase === 'closed' ? new Date() : null, updated_at: new Date() })
      .where('id', '=', seasonId)
      .execute();
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
export async function reviewOffer(deps: AppDeps, actor: Actor, offerId: string, decision: 'approved' | 'rejected', note: string): Promise<void> {
  ensure(isEditor(actor));
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('holiday_offers')
      .set({ status: decision, review_note: note, reviewed_by: actor.id, reviewed_at: new Date(), updated_at: new Date() })
      .where('id', '=', offerId)
      .where('status', 'in', ['submitted', 'approved', 'rejected'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw notFound('Angebot');
    await recordAudit(trx, { actorId: actor.id, action: `holidays.offer_${decision}`, subjectType: 'holiday_offer', subjectId: offerId, details: { note } });
    const offer = await trx.selectFrom('holiday_offers').select(['id', 'title', 'contact_email']).where('id', '=', offerId).executeTakeFirstOrThrow();
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

/** Per offer: places, places taken, wishes (all ranks and first wishes), waiting children. */
export async function seasonDashboard(db: Executor, seasonId: string) {
  const season = await db.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).executeTakeFirst();
  if (!season) throw notFound('Saison');
  const offers = await db
    .selectFrom('holiday_offers')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .select([
      'holiday_offers.id',
      'holiday_offers.title',
      'holiday_offers.status',
      'holiday_offers.places',
      'holiday_offers.places_taken',
      'holiday_offers.first_day',
      'organizations.name as organization_name',
      sql<number>`(SELECT count(*)::int FROM holiday_wishes w JOIN holiday_wish_lists l ON l.id = w.wish_list_id WHERE w.offer_id = holiday_offers.id AND l.submitted_at IS NOT NULL)`.as(
        'wishes',
      ),
      sql<number>`(SELECT count(*)::int FROM holiday_wishes w JOIN holiday_wish_lists l ON l.id = w.wish_list_id WHERE w.offer_id = holiday_offers.id AND w.rank = 1 AND l.submitted_at IS NOT NULL)`.as(
        'first_wishes',
      ),
      sql<number>`(SELECT count(*)::int FROM holiday_waitlist q WHERE q.offer_id = holiday_offers.id AND q.status = 'waiting')`.as('waiting'),
    ])
    .where('holiday_offers.season_id', '=', seasonId)
    .orderBy('holiday_offers.first_day')
    .orderBy('holiday_offers.title')
    .execute();
  const registrations = await db
    .selectFrom('holiday_wish_lists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('season_id', '=', seasonId)
    .where('submitted_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const runs = await db.selectFrom('holiday_runs').selectAll().where('season_id', '=', seasonId).orderBy('created_at', 'desc').limit(20).execute();
  return { season, offers, registrations: Number(registrations.n), runs };
}
