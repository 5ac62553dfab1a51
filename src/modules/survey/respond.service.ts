import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import { hmac, newToken } from '../../platform/auth/tokens.js';
import { AppError } from '../../platform/http/errors.js';
import type { Executor } from '../../db/executor.js';
import { readPage, type AnswerProblem } from './survey.answers.js';
import {
  cleanAnswers,
  completeLanguages,
  isSurveyLanguage,
  visiblePages,
  type Answers,
  type SurveyDefinition,
  type SurveyLanguage,
} from './survey.definition.js';
import { berlinDay, findSurveyBySlug, loadDefinition, takesAnswers, type SurveyRow } from './survey.repository.js';

/** Why a respondent cannot go on; each has its own clear message. */
export type RespondProblem = 'closed' | 'channel' | 'code_missing' | 'code_invalid' | 'draft_missing';

export class RespondError extends Error {
  constructor(readonly problem: RespondProblem) {
    super(problem);
  }
}

export const draftLifetimeDays = 30;

export interface Draft {
  tokenHash: string;
  survey: SurveyRow;
  definition: SurveyDefinition;
  version: number;
  language: SurveyLanguage;
  answers: Answers;
  page: number;
  submissionKey: string;
}

export type SubmitOutcome = { ok: true } | { ok: false; page: number; problems: Record<string, AnswerProblem> };

/** The respondent's side: drafts keyed by a random resume token, and anonymous submission. */
export function createRespondService(deps: AppDeps) {
  const { db, config, city } = deps;
  const hashToken = (token: string) => hmac(config.sessionSecret, `survey-draft:${token}`);
  const hashKey = (key: string) => hmac(config.sessionSecret, `survey-submit:${key}`);

  async function openSurvey(slug: string) {
    const survey = await findSurveyBySlug(db, slug);
    if (!survey || survey.status === 'draft') throw new AppError('not_found', 'Befragung nicht gefunden');
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    return { survey, definition, open: takesAnswers(survey) };
  }

  async function channelId(executor: Executor, surveyId: string, channelSlug: string | undefined): Promise<string | null> {
    if (!channelSlug) return null;
    const row = await executor.selectFrom('survey_channels').select('id').where('survey_id', '=', surveyId).where('slug', '=', channelSlug).executeTakeFirst();
    if (!row) throw new RespondError('channel');
    return row.id;
  }

  /** Starts answering: checks channel and access code, creates the draft, returns the resume token. */
  async function start(slug: string, input: { channel?: string; language?: string; code?: string }): Promise<string> {
    const { survey, definition, open } = await openSurvey(slug);
    if (!open) throw new RespondError('closed');
    const channel = await channelId(db, survey.id, input.channel);
    let code: string | null = null;
    if (survey.requires_code) {
      code = normaliseCode(input.code ?? '');
      if (!code) throw new RespondError('code_missing');
      const row = await db.selectFrom('survey_access_codes').select('code').where('survey_id', '=', survey.id).where('code', '=', code).executeTakeFirst();
      if (!row) throw new RespondError('code_invalid');
    }
    const languages = completeLanguages(definition);
    const language = isSurveyLanguage(input.language) && languages.includes(input.language) ? input.language : 'de';
    const token = newToken();
    await db
      .insertInto('survey_drafts')
      .values({
        token_hash: hashToken(token),
        survey_id: survey.id,
        version: survey.current_version,
        channel_id: channel,
        language,
        answers: '{}',
        page: 0,
        access_code: code,
        submission_key: randomUUID(),
        expires_at: sql<Date>`now() + make_interval(days => ${draftLifetimeDays})` as unknown as Date,
      })
      .execute();
    return token;
  }

  async function loadDraft(slug: string, token: string | undefined): Promise<Draft> {
    if (!token || token.length > 100) throw new RespondError('draft_missing');
    const survey = await findSurveyBySlug(db, slug);
    if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
    const row = await db
      .selectFrom('survey_drafts')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('survey_id', '=', survey.id)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!row) throw new RespondError('draft_missing');
    const definition = await loadDefinition(db, survey.id, row.version);
    const language = isSurveyLanguage(row.language) ? row.language : 'de';
    return {
      tokenHash: row.token_hash,
      survey,
      definition,
      version: row.version,
      language,
      answers: row.answers,
      page: row.page,
      submissionKey: row.submission_key,
    };
  }

  async function saveDraft(draft: Draft, changes: { answers?: Answers; page?: number; language?: SurveyLanguage }): Promise<void> {
    await db
      .updateTable('survey_drafts')
      .set({
        ...(changes.answers ? { answers: JSON.stringify(changes.answers) } : {}),
        ...(changes.page !== undefined ? { page: changes.page } : {}),
        ...(changes.language ? { language: changes.language } : {}),
      })
      .where('token_hash', '=', draft.tokenHash)
      .execute();
  }

  /** Checks every visible page; the first page with a problem comes back. */
  function checkAll(definition: SurveyDefinition, answers: Answers): SubmitOutcome {
    for (const index of visiblePages(definition, answers)) {
      const page = definition.pages[index]!;
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(answers)) body[`a_${key.replace('.', '_')}`] = value;
      const result = readPage(page.questions, body, answers, city.districts, true);
      if (Object.keys(result.problems).length > 0) return { ok: false, page: index, problems: result.problems };
    }
    return { ok: true };
  }

  /**
   * Stores the response exactly once. In one transaction: the draft is deleted, the access code
   * (if any) is deleted, the submission key is recorded, the response is written. Nothing links
   * them: the response has a random id and the day only.
   */
  async function submit(slug: string, token: string | undefined, submissionKey: string): Promise<SubmitOutcome> {
    const keyHash = hashKey(submissionKey.slice(0, 100));
    // A second click after the first one went through: the key is known, the draft gone.
    const done = await db.selectFrom('survey_submission_keys').select('key_hash').where('key_hash', '=', keyHash).executeTakeFirst();
    if (done) return { ok: true };
    const draft = await loadDraft(slug, token);
    if (draft.submissionKey !== submissionKey) throw new RespondError('draft_missing');
    if (!takesAnswers(draft.survey)) throw new RespondError('closed');
    const answers = cleanAnswers(draft.definition, draft.answers);
    const check = checkAll(draft.definition, answers);
    if (!check.ok) return check;
    const row = await db.selectFrom('survey_drafts').select(['channel_id', 'access_code']).where('token_hash', '=', draft.tokenHash).executeTakeFirstOrThrow();
    return db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('survey_submission_keys')
        .values({ key_hash: keyHash, expires_on: sql<string>`current_date + 2` as unknown as string })
        .onConflict((oc) => oc.doNothing())
        .returning('key_hash')
        .executeTakeFirst();
      if (!inserted) return { ok: true } as const;
      const deleted = await trx.deleteFrom('survey_drafts').where('token_hash', '=', draft.tokenHash).returning('token_hash').executeTakeFirst();
      if (!deleted) return { ok: true } as const;
      if (row.access_code) {
        const used = await trx
          .deleteFrom('survey_access_codes')
          .where('survey_id', '=', draft.survey.id)
          .where('code', '=', row.access_code)
          .returning('code')
          .executeTakeFirst();
        if (!used) throw new RespondError('code_invalid');
      }
      await insertResponse(trx, draft.survey.id, draft.version, row.channel_id, answers);
      return { ok: true } as const;
    });
  }

  /** One-shot submission (JSON API, bench): all answers at once, idempotent by key; three statements in all. */
  async function submitDirect(
    slug: string,
    input: { channel?: string; answers: Answers; key: string },
    rateLimit: () => Promise<void> = async () => {},
  ): Promise<SubmitOutcome & { duplicate?: boolean }> {
    const [survey] = await Promise.all([
      db
        .selectFrom('survey_surveys as s')
        .select([
          's.id',
          's.status',
          's.requires_code',
          's.current_version',
          sql<string | null>`s.opens_on::text`.as('opens_on'),
          sql<string | null>`s.closes_on::text`.as('closes_on'),
          (eb) =>
            eb
              .selectFrom('survey_channels as c')
              .select('c.id')
              .whereRef('c.survey_id', '=', 's.id')
              .where('c.slug', '=', input.channel ?? '')
              .as('channel_id'),
        ])
        .where('s.slug', '=', slug)
        .executeTakeFirst(),
      rateLimit(),
    ]);
    if (!survey || survey.status === 'draft') throw new AppError('not_found', 'Befragung nicht gefunden');
    if (!takesAnswers(survey)) throw new RespondError('closed');
    if (survey.requires_code) throw new RespondError('code_missing');
    if (input.channel && !survey.channel_id) throw new RespondError('channel');
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const answers = cleanAnswers(definition, input.answers);
    const check = checkAll(definition, answers);
    if (!check.ok) return check;
    // Key and response in one statement: both or neither, and a repeated key stores nothing.
    const result = await sql<{ id: string }>`
      WITH k AS (
        INSERT INTO survey_submission_keys (key_hash, expires_on) VALUES (${hashKey(input.key)}, current_date + 2)
        ON CONFLICT DO NOTHING RETURNING 1
      )
      INSERT INTO survey_responses (survey_id, version, channel_id, answered_on, answers)
      SELECT ${survey.id}, ${survey.current_version}, ${survey.channel_id}, ${berlinDay()}::date, ${JSON.stringify(answers)}::jsonb
      WHERE EXISTS (SELECT 1 FROM k)
      RETURNING id`.execute(db);
    return result.rows.length === 1 ? { ok: true } : { ok: true, duplicate: true };
  }

  async function channelExists(slug: string, channelSlug: string): Promise<boolean> {
    const row = await db
      .selectFrom('survey_channels as c')
      .innerJoin('survey_surveys as s', 's.id', 'c.survey_id')
      .select('c.id')
      .where('s.slug', '=', slug)
      .where('c.slug', '=', channelSlug.slice(0, 80))
      .executeTakeFirst();
    return !!row;
  }

  return { openSurvey, channelExists, start, loadDraft, saveDraft, submit, submitDirect, checkAll };
}

export type RespondService = ReturnType<typeof createRespondService>;

async function insertResponse(trx: Executor, surveyId: string, version: number, channelId: string | null, answers: Answers): Promise<void> {
  await trx
    .insertInto('survey_responses')
    .values({ survey_id: surveyId, version, channel_id: channelId, answered_on: berlinDay(), answers: JSON.stringify(answers) })
    .execute();
}

/** Codes are typed by people: case and separators do not matter. */
export function normaliseCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : '';
}

/** Deletes expired drafts and old submission keys (daily job). */
export async function deleteExpiredDrafts(db: Executor): Promise<number> {
  const drafts = await db
    .deleteFrom('survey_drafts')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  await db
    .deleteFrom('survey_submission_keys')
    .where('expires_on', '<', sql<string>`current_date`)
    .execute();
  // Drafts of surveys that no longer take answers are useless and hold answers: delete them too.
  const closed = await db
    .deleteFrom('survey_drafts')
    .where('survey_id', 'in', (eb) => eb.selectFrom('survey_surveys').select('id').where('status', '!=', 'open'))
    .executeTakeFirst();
  return Number(drafts.numDeletedRows) + Number(closed.numDeletedRows);
}
