import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { Answers } from './survey.definition.js';

/** Responses (anonymous: channel, day, answers) and the keys that make a submission count once. */

export async function submissionKeyUsed(db: Executor, keyHash: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_submission_keys').select('key_hash').where('key_hash', '=', keyHash).executeTakeFirst());
}

/** Records a submission key (kept two days); false when it was known already. */
export async function insertSubmissionKey(db: Executor, keyHash: string): Promise<boolean> {
  const inserted = await db
    .insertInto('survey_submission_keys')
    .values({ key_hash: keyHash, expires_on: sql<string>`current_date + 2` as unknown as string })
    .onConflict((oc) => oc.doNothing())
    .returning('key_hash')
    .executeTakeFirst();
  return !!inserted;
}

export async function deleteExpiredSubmissionKeys(db: Executor): Promise<void> {
  await db
    .deleteFrom('survey_submission_keys')
    .where('expires_on', '<', sql<string>`current_date`)
    .execute();
}

export interface NewResponse {
  surveyId: string;
  version: number;
  channelId: string | null;
  answeredOn: string;
  answers: Answers;
}

export async function insertResponse(db: Executor, r: NewResponse): Promise<void> {
  await db
    .insertInto('survey_responses')
    .values({ survey_id: r.surveyId, version: r.version, channel_id: r.channelId, answered_on: r.answeredOn, answers: JSON.stringify(r.answers) })
    .execute();
}

/** Key and response in one statement: both or neither, and a repeated key stores nothing. False when the key was known. */
export async function insertResponseOnce(db: Executor, keyHash: string, r: NewResponse): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH k AS (
      INSERT INTO survey_submission_keys (key_hash, expires_on) VALUES (${keyHash}, current_date + 2)
      ON CONFLICT DO NOTHING RETURNING 1
    )
    INSERT INTO survey_responses (survey_id, version, channel_id, answered_on, answers)
    SELECT ${r.surveyId}, ${r.version}, ${r.channelId}, ${r.answeredOn}::date, ${JSON.stringify(r.answers)}::jsonb
    WHERE EXISTS (SELECT 1 FROM k)
    RETURNING id`.execute(db);
  return result.rows.length === 1;
}

export async function responseExists(db: Executor, surveyId: string, responseId: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_responses').select('id').where('id', '=', responseId).where('survey_id', '=', surveyId).executeTakeFirst());
}

/** Every response for the raw export, in random order, with the month only. */
export function listResponsesForExport(db: Executor, surveyId: string) {
  return db
    .selectFrom('survey_responses')
    .select(['channel_id', sql<string>`to_char(answered_on, 'YYYY-MM')`.as('month'), 'answers'])
    .where('survey_id', '=', surveyId)
    .orderBy(sql`random()`)
    .execute();
}
