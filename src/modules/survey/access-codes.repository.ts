import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Single-use access codes: a code is deleted when its answers are stored, so nothing links them. */

export async function accessCodeExists(db: Executor, surveyId: string, code: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_access_codes').select('code').where('survey_id', '=', surveyId).where('code', '=', code).executeTakeFirst());
}

/** Deletes a code; false when it was gone already (used by someone else). */
export async function consumeAccessCode(db: Executor, surveyId: string, code: string): Promise<boolean> {
  const used = await db.deleteFrom('survey_access_codes').where('survey_id', '=', surveyId).where('code', '=', code).returning('code').executeTakeFirst();
  return !!used;
}

export async function countAccessCodes(db: Executor, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_access_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listAccessCodes(db: Executor, surveyId: string): Promise<string[]> {
  const rows = await db.selectFrom('survey_access_codes').select('code').where('survey_id', '=', surveyId).orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** Stores new codes; one that exists already is skipped. */
export async function insertAccessCodes(db: Executor, surveyId: string, codes: readonly string[]): Promise<void> {
  await db
    .insertInto('survey_access_codes')
    .values(codes.map((code) => ({ survey_id: surveyId, code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
