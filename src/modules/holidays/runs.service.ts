import type { Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { seedHash } from './allocation-rng.js';
import { allocate, allocateUnits, lotteryUnits } from './allocation.js';
import { type AllocationSummary, summarizeAllocation } from './allocation-summary.js';
import { holidayMessages } from './holidays.messages.js';
import { canRunLottery } from './holidays.policy.js';
import { lotteryAnswerDays } from './places.service.js';
import { resultMailsJob } from './result-mails.js';
import { buildPublication, newPseudonymSecret } from './lottery-publication.js';
import { loadAllocationInput } from './lottery-input.repository.js';
import { offerTitles, savePublication } from './lottery.repository.js';
import { insertPlaces } from './places.repository.js';
import { logRun } from './runs.repository.js';
import { lockSeason, markAllocated, setSeedHashOnce } from './seasons.repository.js';
import { insertWaitlistEntries } from './waitlist.repository.js';

/**
 * Lottery runs of a season. The admin commits to a seed by publishing its SHA-256 hash; a run needs
 * the seed itself and checks it against the hash. A preview computes and logs the figures only; the
 * confirmed run writes places, waiting lists, the published seed, the published inputs (see
 * lottery-publication.ts) and the result mails in ONE transaction, so a crash leaves the season
 * exactly as it was.
 */

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });

/** Publishes the hash of the seed the admin will use; it can be set only once per season. */
export async function commitSeed(deps: AppDeps, actor: Actor, seasonId: string, hash: string, locale: Locale = 'de'): Promise<void> {
  const t = holidayMessages(locale);
  ensure(canRunLottery(actor));
  const normalized = hash.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized)) throw refuse('seedHash', t('seed.hashFormat'));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setSeedHashOnce(trx, seasonId, normalized))) throw new AppError('conflict', t('seed.hashSet'), { fields: { seedHash: t('seed.hashSet') } });
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
  const season = await lockSeason(trx, seasonId);
  if (!season) throw notFound('Saison');
  if (season.phase !== 'allocation') throw refuse('seed', t('refuse.phase'));
  if (!season.seed_hash) throw refuse('seed', t('refuse.seedMissing'));
  if (seedHash(seed) !== season.seed_hash) throw refuse('seed', t('refuse.seedWrong'));
  return season;
}

/** Computes the figures for the committed seed without writing places; the run is logged. */
export async function previewRun(deps: AppDeps, actor: Actor, seasonId: string, seed: string, locale: Locale = 'de'): Promise<AllocationSummary> {
  ensure(canRunLottery(actor));
  return deps.db.transaction().execute(async (trx) => {
    const season = await checkedSeason(trx, seasonId, seed, locale);
    const input = await loadAllocationInput(trx, seasonId, seed);
    const summary = summarizeAllocation(input, allocate(input));
    await logRun(trx, { seasonId, kind: 'preview', seedHash: season.seed_hash as string, stats: statsOf(summary), startedBy: actor.id });
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
  ensure(canRunLottery(actor));
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
      await insertPlaces(
        trx,
        chunk.map((p) => ({
          season_id: seasonId,
          offer_id: p.offerId,
          child_id: p.childId,
          source: 'lottery' as const,
          status: 'offered' as const,
          respond_by: respondBy,
        })),
      );
    }
    const waiting = result.waitingLists.flatMap((w) => w.childIds.map((childId) => ({ offer_id: w.offerId, child_id: childId, position: w.position })));
    for (let i = 0; i < waiting.length; i += 1000) await insertWaitlistEntries(trx, waiting.slice(i, i + 1000));
    await markAllocated(trx, seasonId, seed, now);
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
    await logRun(trx, { seasonId, kind: 'confirmed', seedHash: season.seed_hash as string, stats: statsOf(summary), startedBy: actor.id });
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
