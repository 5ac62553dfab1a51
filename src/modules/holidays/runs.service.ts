import { sql, type Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import { type Actor, isAdmin } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import { seedHash } from './allocation-rng.js';
import { type AllocationInput, allocate, allocateUnits, lotteryUnits } from './allocation.js';
import { type AllocationSummary, summarizeAllocation } from './allocation-summary.js';
import { holidayMessages } from './holidays.messages.js';
import { lotteryAnswerDays } from './places.service.js';
import { resultMailsJob } from './result-mails.js';
import { buildPublication, newPseudonymSecret } from './lottery-publication.js';
import { offerTitles, savePublication } from './lottery.repository.js';

/**
 * Lottery runs of a season. The admin commits to a seed by publishing its SHA-256 hash; a run needs
 * the seed itself and checks it against the hash. A preview computes and logs the figures only; the
 * confirmed run writes places, waiting lists, the published seed, the published inputs (see
 * lottery-publication.ts) and the result mails in ONE transaction, so a crash leaves the season
 * exactly as it was.
 */

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });

/** Reads the season's approved offers and submitted wish lists as lottery input. */
export async function loadAllocationInput(db: Executor, seasonId: string, seed: string): Promise<AllocationInput> {
  const season = await db.selectFrom('holiday_seasons').select(['reserved_percent']).where('id', '=', seasonId).executeTakeFirstOrThrow();
  const offers = await db
    .selectFrom('holiday_offers')
    .select(['id', 'places', 'min_age', 'max_age', 'first_day', 'last_day', 'daily_from', 'daily_until'])
    .where('season_id', '=', seasonId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  const lists = await db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_wish_lists.child_id')
    .select([
      'holiday_wish_lists.id',
      'holiday_wish_lists.child_id',
      'holiday_wish_lists.max_places',
      'holiday_wish_lists.group_code',
      'holiday_children.birth_date',
      'holiday_children.priority',
    ])
    // Priority also for children who took part in an earlier lottery and got nothing there.
    .select(
      sql<boolean>`EXISTS (
        SELECT 1 FROM holiday_wish_lists earlier JOIN holiday_seasons s ON s.id = earlier.season_id
        WHERE earlier.child_id = holiday_wish_lists.child_id AND earlier.season_id <> ${seasonId} AND earlier.submitted_at IS NOT NULL AND s.allocated_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM holiday_places p WHERE p.child_id = earlier.child_id AND p.season_id = earlier.season_id AND p.source = 'lottery'))`.as(
        'empty_before',
      ),
    )
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .where('holiday_wish_lists.submitted_at', 'is not', null)
    .orderBy('holiday_wish_lists.child_id')
    .execute();
  const wishes = await db
    .selectFrom('holiday_wishes')
    .innerJoin('holiday_wish_lists', 'holiday_wish_lists.id', 'holiday_wishes.wish_list_id')
    .select(['holiday_wishes.wish_list_id', 'holiday_wishes.offer_id'])
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .orderBy('holiday_wishes.wish_list_id')
    .orderBy('holiday_wishes.rank')
    .execute();
  const byList = new Map<string, string[]>();
  for (const w of wishes) byList.set(w.wish_list_id, [...(byList.get(w.wish_list_id) ?? []), w.offer_id]);
  return {
    offers: offers.map((o) => ({
      id: o.id,
      places: o.places,
      minAge: o.min_age,
      maxAge: o.max_age,
      firstDay: o.first_day,
      lastDay: o.last_day,
      dailyFrom: o.daily_from,
      dailyUntil: o.daily_until,
    })),
    children: lists.map((l) => ({
      id: l.child_id,
      birthDate: l.birth_date,
      priority: l.priority || l.empty_before,
      maxPlaces: l.max_places,
      groupCode: l.group_code,
      wishes: byList.get(l.id) ?? [],
    })),
    settings: { reservedShare: season.reserved_percent / 100 },
    seed,
  };
}

/** Publishes the hash of the seed the admin will use; it can be set only once per season. */
export async function commitSeed(deps: AppDeps, actor: Actor, seasonId: string, hash: string, locale: Locale = 'de'): Promise<void> {
  const t = holidayMessages(locale);
  ensure(isAdmin(actor));
  const normalized = hash.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized)) throw refuse('seedHash', t('seed.hashFormat'));
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('holiday_seasons')
      .set({ seed_hash: normalized, updated_at: new Date() })
      .where('id', '=', seasonId)
      .where('seed_hash', 'is', null)
      .where('phase', 'in', ['collecting', 'wishes', 'allocation'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', t('seed.hashSet'), { fields: { seedHash: t('seed.hashSet') } });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.seed_committed',
      subjectType: 'holiday_season',
      subjectId: seasonId,
      details: { seedHash: normalized },
    });
  });
}

async function checkedSeason(trx: Transaction<DB>, seasonId: string, seed: string, locale: Locale) {
  const t = holidayMessages(locale);
  const season = await trx.selectFrom('holiday_seasons').selectAll().where('id', '=', seasonId).forUpdate().executeTakeFirst();
  if (!season) throw notFound('Saison');
  if (season.phase !== 'allocation') throw refuse('seed', t('refuse.phase'));
  if (!season.seed_hash) throw refuse('seed', t('refuse.seedMissing'));
  if (seedHash(seed) !== season.seed_hash) throw refuse('seed', t('refuse.seedWrong'));
  return season;
}

/** Computes the figures for the committed seed without writing places; the run is logged. */
export async function previewRun(deps: AppDeps, actor: Actor, seasonId: string, seed: string, locale: Locale = 'de'): Promise<AllocationSummary> {
  ensure(isAdmin(actor));
  return deps.db.transaction().execute(async (trx) => {
    const season = await checkedSeason(trx, seasonId, seed, locale);
    const input = await loadAllocationInput(trx, seasonId, seed);
    const summary = summarizeAllocation(input, allocate(input));
    await trx
      .insertInto('holiday_runs')
      .values({ season_id: seasonId, kind: 'preview', seed_hash: season.seed_hash as string, stats: JSON.stringify(statsOf(summary)), started_by: actor.id })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.run_previewed',
      subjectType: 'holiday_season',
      subjectId: seasonId,
      details: statsOf(summary),
    });
    return summary;
  });
}

const statsOf = (s: AllocationSummary) => ({
  children: s.children,
  childrenWithPlace: s.childrenWithPlace,
  placements: s.placements,
  shareWithPlace: s.shareWithPlace,
  shareFirstWishMet: s.shareFirstWishMet,
  childrenWithNothing: s.childrenWithNothing.length,
});

/** Test seam: runs inside the transaction just before it commits. */
export interface RunHooks {
  beforeCommit?: () => Promise<void> | void;
  /** Families per result-mail transaction (default 500). */
  mailChunk?: number;
}

/** Runs the lottery for real: places, waiting lists, published seed, result mails — all or nothing. */
export async function confirmRun(
  deps: AppDeps,
  actor: Actor,
  seasonId: string,
  seed: string,
  hooks: RunHooks = {},
  locale: Locale = 'de',
): Promise<AllocationSummary> {
  ensure(isAdmin(actor));
  return deps.db.transaction().execute(async (trx) => {
    const season = await checkedSeason(trx, seasonId, seed, locale);
    const input = await loadAllocationInput(trx, seasonId, seed);
    const units = lotteryUnits(input.children, input.offers);
    const result = allocateUnits({ offers: input.offers, units, settings: input.settings, seed });
    const summary = summarizeAllocation(input, result);
    // Families answer lottery places within a week; unanswered places expire and move on like any other.
    const now = new Date();
    const respondBy = new Date(now.getTime() + lotteryAnswerDays * 86_400_000);
    for (let i = 0; i < result.placements.length; i += 1000) {
      const chunk = result.placements.slice(i, i + 1000);
      await trx
        .insertInto('holiday_places')
        .values(
          chunk.map((p) => ({
            season_id: seasonId,
            offer_id: p.offerId,
            child_id: p.childId,
            source: 'lottery' as const,
            status: 'offered' as const,
            respond_by: respondBy,
          })),
        )
        .execute();
    }
    const waiting = result.waitingLists.flatMap((w) => w.childIds.map((childId) => ({ offer_id: w.offerId, child_id: childId, position: w.position })));
    for (let i = 0; i < waiting.length; i += 1000)
      await trx
        .insertInto('holiday_waitlist')
        .values(waiting.slice(i, i + 1000))
        .execute();
    await trx.updateTable('holiday_seasons').set({ phase: 'results', seed, allocated_at: now, updated_at: now }).where('id', '=', seasonId).execute();
    // The anonymised inputs and result, published with the seed so that anyone can recompute the run.
    const titles = await offerTitles(trx, seasonId);
    const secret = newPseudonymSecret(units.map((u) => u.key));
    const offers = input.offers.map((o) => ({ ...o, title: titles.get(o.id) ?? '' }));
    const publication = buildPublication({
      season: { id: seasonId, name: season.name },
      allocatedAt: now,
      seed,
      seedHash: season.seed_hash as string,
      settings: input.settings,
      offers,
      units,
      result,
      secret,
    });
    await savePublication(trx, seasonId, secret, JSON.stringify(publication));
    await trx
      .insertInto('holiday_runs')
      .values({ season_id: seasonId, kind: 'confirmed', seed_hash: season.seed_hash as string, stats: JSON.stringify(statsOf(summary)), started_by: actor.id })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'holidays.run_confirmed',
      subjectType: 'holiday_season',
      subjectId: seasonId,
      details: statsOf(summary),
    });
    // The result mails go out from a job that exists exactly when this run commits (chunked, see result-mails.ts).
    await deps.jobs.send(trx, resultMailsJob, { seasonId, after: null, chunk: hooks.mailChunk });
    await hooks.beforeCommit?.();
    return summary;
  });
}
