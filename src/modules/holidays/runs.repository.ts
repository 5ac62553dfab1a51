import type { Executor } from '../../db/executor.js';

/** Queries of the lottery run log: previews and the confirmed run, with their figures. */

export async function logRun(
  db: Executor,
  run: { seasonId: string; kind: 'preview' | 'confirmed'; seedHash: string; stats: Record<string, unknown>; startedBy: string },
): Promise<void> {
  await db
    .insertInto('holiday_runs')
    .values({ season_id: run.seasonId, kind: run.kind, seed_hash: run.seedHash, stats: JSON.stringify(run.stats), started_by: run.startedBy })
    .execute();
}

/** The season's latest 20 runs, newest first. */
export function recentRuns(db: Executor, seasonId: string) {
  return db.selectFrom('holiday_runs').selectAll().where('season_id', '=', seasonId).orderBy('created_at', 'desc').limit(20).execute();
}
