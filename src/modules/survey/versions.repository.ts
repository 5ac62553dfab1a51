import type { Executor } from '../../db/executor.js';
import type { SurveyDefinition } from './survey.definition.js';

/** The question versions of a survey (loadDefinition, with its cache of frozen versions, is in survey.repository.ts). */

export async function findVersion(db: Executor, surveyId: string, version: number) {
  const row = await db
    .selectFrom('survey_versions')
    .select(['definition', 'frozen_at'])
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return { definition: row.definition as SurveyDefinition, frozenAt: row.frozen_at };
}

/** The definitions of every version of a survey. */
export async function listDefinitions(db: Executor, surveyId: string): Promise<SurveyDefinition[]> {
  const rows = await db.selectFrom('survey_versions').select('definition').where('survey_id', '=', surveyId).execute();
  return rows.map((r) => r.definition as SurveyDefinition);
}

export async function insertVersion(
  db: Executor,
  surveyId: string,
  version: number,
  definition: SurveyDefinition,
  frozenAt: Date | null = null,
): Promise<void> {
  await db
    .insertInto('survey_versions')
    .values({ survey_id: surveyId, version, definition: JSON.stringify(definition), frozen_at: frozenAt })
    .execute();
}

export async function updateVersionDefinition(db: Executor, surveyId: string, version: number, definition: SurveyDefinition): Promise<void> {
  await db
    .updateTable('survey_versions')
    .set({ definition: JSON.stringify(definition) })
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .execute();
}

/** Freezes a version (once): from now on a change makes a new version. */
export async function freezeVersion(db: Executor, surveyId: string, version: number): Promise<void> {
  await db
    .updateTable('survey_versions')
    .set({ frozen_at: new Date() })
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .where('frozen_at', 'is', null)
    .execute();
}
