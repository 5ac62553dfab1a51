import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { Answers } from './survey.definition.js';

/** Drafts: the answers of someone still answering, found by the hash of their resume token; they belong to nobody. */

export async function insertDraft(
  db: Executor,
  draft: {
    tokenHash: string;
    surveyId: string;
    version: number;
    channelId: string | null;
    language: string;
    accessCode: string | null;
    submissionKey: string;
    lifetimeDays: number;
  },
): Promise<void> {
  await db
    .insertInto('survey_drafts')
    .values({
      token_hash: draft.tokenHash,
      survey_id: draft.surveyId,
      version: draft.version,
      channel_id: draft.channelId,
      language: draft.language,
      answers: '{}',
      page: 0,
      access_code: draft.accessCode,
      submission_key: draft.submissionKey,
      expires_at: sql<Date>`now() + make_interval(days => ${draft.lifetimeDays})` as unknown as Date,
    })
    .execute();
}

/** A draft of this survey that has not expired. */
export function findDraft(db: Executor, tokenHash: string, surveyId: string) {
  return db
    .selectFrom('survey_drafts')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('survey_id', '=', surveyId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Where the draft came from: channel and access code (read again just before submitting). */
export function findDraftOrigin(db: Executor, tokenHash: string) {
  return db.selectFrom('survey_drafts').select(['channel_id', 'access_code']).where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
}

export async function updateDraft(db: Executor, tokenHash: string, changes: { answers?: Answers; page?: number; language?: string }): Promise<void> {
  await db
    .updateTable('survey_drafts')
    .set({
      ...(changes.answers ? { answers: JSON.stringify(changes.answers) } : {}),
      ...(changes.page !== undefined ? { page: changes.page } : {}),
      ...(changes.language ? { language: changes.language } : {}),
    })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Deletes a draft; false when it was gone already (a second click). */
export async function deleteDraft(db: Executor, tokenHash: string): Promise<boolean> {
  return !!(await db.deleteFrom('survey_drafts').where('token_hash', '=', tokenHash).returning('token_hash').executeTakeFirst());
}

export async function deleteSurveyDrafts(db: Executor, surveyId: string): Promise<void> {
  await db.deleteFrom('survey_drafts').where('survey_id', '=', surveyId).execute();
}

/** Deletes expired drafts and the drafts of surveys that no longer take answers; returns how many. */
export async function deleteStaleDrafts(db: Executor): Promise<number> {
  const expired = await db
    .deleteFrom('survey_drafts')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const closed = await db
    .deleteFrom('survey_drafts')
    .where('survey_id', 'in', (eb) => eb.selectFrom('survey_surveys').select('id').where('status', '!=', 'open'))
    .executeTakeFirst();
  return Number(expired.numDeletedRows) + Number(closed.numDeletedRows);
}
