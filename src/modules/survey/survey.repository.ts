import { todayIn } from '../../platform/time/berlin.js';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { SurveyDefinition } from './survey.definition.js';

/** Today's civil date in Hamm (Europe/Berlin) as YYYY-MM-DD: the only time a response keeps. */
export const berlinDay = (now = new Date()): string => todayIn(now);

// Dates as text: the pg driver would turn a date into a Date at local midnight.
const surveyColumns = [
  'id',
  'slug',
  'title',
  'status',
  'requires_code',
  'current_version',
  'updated_at',
  sql<string | null>`opens_on::text`.as('opens_on'),
  sql<string | null>`closes_on::text`.as('closes_on'),
] as const;

export async function findSurveyBySlug(db: Executor, slug: string) {
  return db.selectFrom('survey_surveys').select(surveyColumns).where('slug', '=', slug).executeTakeFirst();
}

export async function findSurvey(db: Executor, id: string) {
  return db.selectFrom('survey_surveys').select(surveyColumns).where('id', '=', id).executeTakeFirst();
}

export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

// A frozen version never changes again, so every process may keep it (bounded; a few KB each).
const frozenDefinitions = new Map<string, SurveyDefinition>();

export async function loadDefinition(db: Executor, surveyId: string, version: number): Promise<SurveyDefinition> {
  const cacheKey = `${surveyId}:${version}`;
  const cached = frozenDefinitions.get(cacheKey);
  // Shared, not copied: callers treat a definition as read-only (the editor changes its own copy).
  if (cached) return cached;
  const row = await db
    .selectFrom('survey_versions')
    .select(['definition', 'frozen_at'])
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const definition = row.definition as SurveyDefinition;
  if (row.frozen_at) {
    if (frozenDefinitions.size > 200) frozenDefinitions.clear();
    frozenDefinitions.set(cacheKey, structuredClone(definition));
  }
  return definition;
}

export async function listChannels(db: Executor, surveyId: string) {
  return db.selectFrom('survey_channels').select(['id', 'slug', 'name']).where('survey_id', '=', surveyId).orderBy('name').execute();
}

/** Whether an open survey takes answers today. */
export function takesAnswers(survey: Pick<SurveyRow, 'status' | 'opens_on' | 'closes_on'>, today = berlinDay()): boolean {
  if (survey.status !== 'open') return false;
  if (survey.opens_on && String(survey.opens_on) > today) return false;
  if (survey.closes_on && String(survey.closes_on) < today) return false;
  return true;
}

export async function countResponses(db: Executor, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select(sql<string>`count(*)`.as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Surveys the public may see (taking answers or with published results), the newest first. */
export function listPublicSurveys(db: Executor) {
  return db
    .selectFrom('survey_surveys')
    .select(['slug', 'title', 'status', sql<string | null>`opens_on::text`.as('opens_on'), sql<string | null>`closes_on::text`.as('closes_on')])
    .where('status', 'in', ['open', 'published'])
    .orderBy('created_at', 'desc')
    .execute();
}

/** The editors' list: every survey, the newest first, with its number of responses. */
export function listSurveysWithResponses(db: Executor) {
  return db
    .selectFrom('survey_surveys')
    .select([
      'id',
      'slug',
      'title',
      'status',
      (eb) =>
        eb
          .selectFrom('survey_responses')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('survey_id', '=', 'survey_surveys.id')
          .as('responses'),
    ])
    .orderBy('created_at', 'desc')
    .execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_surveys').select('id').where('slug', '=', slug).executeTakeFirst());
}

export async function insertSurvey(db: Executor, input: { slug: string; title: string }): Promise<string> {
  const row = await db.insertInto('survey_surveys').values(input).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Status and current version, the row locked until the transaction ends (one change at a time). */
export function lockSurvey(trx: Executor, id: string) {
  return trx.selectFrom('survey_surveys').select(['id', 'status', 'current_version']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateSurvey(
  db: Executor,
  id: string,
  changes: Partial<{
    title: string;
    status: SurveyRow['status'];
    current_version: number;
    opens_on: string | null;
    closes_on: string | null;
    requires_code: boolean;
  }>,
): Promise<void> {
  await db
    .updateTable('survey_surveys')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Ids of the surveys that may have answers (every one but drafts). */
export async function listLiveSurveyIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('survey_surveys').select('id').where('status', '!=', 'draft').execute();
  return rows.map((r) => r.id);
}

/** What a one-shot submission needs, in one statement: the survey by slug and the id of the named channel (null if none). */
export function findSurveyForSubmission(db: Executor, slug: string, channelSlug: string) {
  return db
    .selectFrom('survey_surveys as s')
    .select([
      's.id',
      's.status',
      's.requires_code',
      's.current_version',
      sql<string | null>`s.opens_on::text`.as('opens_on'),
      sql<string | null>`s.closes_on::text`.as('closes_on'),
      (eb) => eb.selectFrom('survey_channels as c').select('c.id').whereRef('c.survey_id', '=', 's.id').where('c.slug', '=', channelSlug).as('channel_id'),
    ])
    .where('s.slug', '=', slug)
    .executeTakeFirst();
}
