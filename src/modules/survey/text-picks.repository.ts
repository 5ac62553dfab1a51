import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Free-text answers and the ones editors picked for the public results. */

/** Up to 500 answers under this key (in id order, never by time), each marked whether it is published. */
export async function listFreeTexts(db: Executor, surveyId: string, key: string, publishedOnly: boolean) {
  let q = db
    .selectFrom('survey_responses as r')
    .leftJoin('survey_text_picks as p', (j) => j.onRef('p.response_id', '=', 'r.id').on('p.answer_key', '=', key))
    .select(['r.id', sql<string>`r.answers->>${key}`.as('text'), sql<boolean>`p.response_id IS NOT NULL`.as('published')])
    .where('r.survey_id', '=', surveyId)
    .where(sql<boolean>`r.answers ? ${key}`);
  if (publishedOnly) q = q.where('p.response_id', 'is not', null);
  return q.orderBy('r.id').limit(500).execute();
}

export async function deleteTextPicks(db: Executor, surveyId: string): Promise<void> {
  await db.deleteFrom('survey_text_picks').where('survey_id', '=', surveyId).execute();
}

export async function insertTextPick(db: Executor, surveyId: string, responseId: string, key: string): Promise<void> {
  await db
    .insertInto('survey_text_picks')
    .values({ survey_id: surveyId, response_id: responseId, answer_key: key })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
