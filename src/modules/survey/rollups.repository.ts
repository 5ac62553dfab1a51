import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Counting answers: daily sums in survey_rollups for days that cannot change, live counts for the rest. */

/** The day up to which a survey is summed up, the survey row locked until the transaction ends. */
export async function lockRolledUpUntil(trx: Executor, surveyId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('survey_surveys')
    .select(sql<string | null>`rolled_up_until::text`.as('until'))
    .where('id', '=', surveyId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.until;
}

/** Sums up the days after `from` up to `until`: answers under these keys, and the channel under `channelKey`. */
export async function insertRollups(
  trx: Executor,
  surveyId: string,
  range: { from: string; until: string },
  keys: string[],
  channelKey: string,
): Promise<void> {
  const { from, until } = range;
  await sql`
    INSERT INTO survey_rollups (survey_id, day, key, value, n)
    SELECT ${surveyId}::uuid, r.answered_on, e.key, e.value, count(*)::int
    FROM survey_responses r CROSS JOIN LATERAL jsonb_each_text(r.answers) e
    WHERE r.survey_id = ${surveyId} AND r.answered_on > ${from}::date AND r.answered_on <= ${until}::date AND e.key = ANY(${keys}::text[])
    GROUP BY 2, 3, 4
    UNION ALL
    SELECT ${surveyId}::uuid, answered_on, ${channelKey}, coalesce(channel_id::text, ''), count(*)::int
    FROM survey_responses WHERE survey_id = ${surveyId} AND answered_on > ${from}::date AND answered_on <= ${until}::date
    GROUP BY 2, 4`.execute(trx);
  await trx.updateTable('survey_surveys').set({ rolled_up_until: until }).where('id', '=', surveyId).execute();
}

/** How often each value was given under each key: the rollups plus the days after `until`. */
export async function countAnswers(db: Executor, surveyId: string, keys: string[], until: string) {
  const result = await sql<{ key: string; value: string; n: number }>`
    SELECT key, value, sum(n)::int AS n FROM (
      SELECT key, value, n FROM survey_rollups WHERE survey_id = ${surveyId} AND key = ANY(${keys}::text[])
      UNION ALL
      SELECT e.key, e.value, 1 FROM survey_responses r CROSS JOIN LATERAL jsonb_each_text(r.answers) e
      WHERE r.survey_id = ${surveyId} AND r.answered_on > ${until}::date AND e.key = ANY(${keys}::text[])
    ) x GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/** Responses per week and channel ('' = direct link): the rollups plus the days after `until`. */
export async function countRecruitment(db: Executor, surveyId: string, channelKey: string, until: string) {
  const result = await sql<{ week: string; channel: string; n: number }>`
    SELECT date_trunc('week', day)::date::text AS week, value AS channel, sum(n)::int AS n FROM (
      SELECT day, value, n FROM survey_rollups WHERE survey_id = ${surveyId} AND key = ${channelKey}
      UNION ALL
      SELECT answered_on, coalesce(channel_id::text, ''), 1 FROM survey_responses WHERE survey_id = ${surveyId} AND answered_on > ${until}::date
    ) x GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/** What a cross-tabulation counts by: the channel, or the answer under a key. */
export type Dimension = { channel: true } | { key: string };

const dimension = (d: Dimension): RawBuilder<string | null> => ('channel' in d ? sql<string | null>`channel_id::text` : sql<string | null>`answers->>${d.key}`);

/** Responses counted by two or three dimensions (a, b, c; c null without a third). */
export async function countCombinations(db: Executor, surveyId: string, dims: Dimension[]) {
  const result = await sql<{ a: string | null; b: string | null; c: string | null; n: number }>`
    SELECT ${dimension(dims[0]!)} AS a, ${dimension(dims[1]!)} AS b, ${dims[2] ? dimension(dims[2]) : sql`NULL`} AS c, count(*)::int AS n
    FROM survey_responses WHERE survey_id = ${surveyId} GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}
