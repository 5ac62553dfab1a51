import { randomUUID } from 'node:crypto';
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
import { accessCodeExists, consumeAccessCode } from './access-codes.repository.js';
import { channelExists as surveyHasChannel, findChannelId } from './channels.repository.js';
import { deleteDraft, deleteStaleDrafts, findDraft, findDraftOrigin, insertDraft, updateDraft } from './drafts.repository.js';
import { deleteExpiredSubmissionKeys, insertResponse, insertResponseOnce, insertSubmissionKey, submissionKeyUsed } from './responses.repository.js';
import { berlinDay, findSurveyBySlug, findSurveyForSubmission, loadDefinition, takesAnswers, type SurveyRow } from './survey.repository.js';

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
    const id = await findChannelId(executor, surveyId, channelSlug);
    if (!id) throw new RespondError('channel');
    return id;
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
      if (!(await accessCodeExists(db, survey.id, code))) throw new RespondError('code_invalid');
    }
    const languages = completeLanguages(definition);
    const language = isSurveyLanguage(input.language) && languages.includes(input.language) ? input.language : 'de';
    const token = newToken();
    await insertDraft(db, {
      tokenHash: hashToken(token),
      surveyId: survey.id,
      version: survey.current_version,
      channelId: channel,
      language,
      accessCode: code,
      submissionKey: randomUUID(),
      lifetimeDays: draftLifetimeDays,
    });
    return token;
  }

  async function loadDraft(slug: string, token: string | undefined): Promise<Draft> {
    if (!token || token.length > 100) throw new RespondError('draft_missing');
    const survey = await findSurveyBySlug(db, slug);
    if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
    const row = await findDraft(db, hashToken(token), survey.id);
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
    await updateDraft(db, draft.tokenHash, changes);
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
    if (await submissionKeyUsed(db, keyHash)) return { ok: true };
    const draft = await loadDraft(slug, token);
    if (draft.submissionKey !== submissionKey) throw new RespondError('draft_missing');
    if (!takesAnswers(draft.survey)) throw new RespondError('closed');
    const answers = cleanAnswers(draft.definition, draft.answers);
    const check = checkAll(draft.definition, answers);
    if (!check.ok) return check;
    const origin = await findDraftOrigin(db, draft.tokenHash);
    return db.transaction().execute(async (trx) => {
      if (!(await insertSubmissionKey(trx, keyHash))) return { ok: true } as const;
      if (!(await deleteDraft(trx, draft.tokenHash))) return { ok: true } as const;
      if (origin.access_code && !(await consumeAccessCode(trx, draft.survey.id, origin.access_code))) throw new RespondError('code_invalid');
      await insertResponse(trx, { surveyId: draft.survey.id, version: draft.version, channelId: origin.channel_id, answeredOn: berlinDay(), answers });
      return { ok: true } as const;
    });
  }

  /** One-shot submission (JSON API, bench): all answers at once, idempotent by key; three statements in all. */
  async function submitDirect(
    slug: string,
    input: { channel?: string; answers: Answers; key: string },
    rateLimit: () => Promise<void> = async () => {},
  ): Promise<SubmitOutcome & { duplicate?: boolean }> {
    const [survey] = await Promise.all([findSurveyForSubmission(db, slug, input.channel ?? ''), rateLimit()]);
    if (!survey || survey.status === 'draft') throw new AppError('not_found', 'Befragung nicht gefunden');
    if (!takesAnswers(survey)) throw new RespondError('closed');
    if (survey.requires_code) throw new RespondError('code_missing');
    if (input.channel && !survey.channel_id) throw new RespondError('channel');
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const answers = cleanAnswers(definition, input.answers);
    const check = checkAll(definition, answers);
    if (!check.ok) return check;
    const response = { surveyId: survey.id, version: survey.current_version, channelId: survey.channel_id, answeredOn: berlinDay(), answers };
    return (await insertResponseOnce(db, hashKey(input.key), response)) ? { ok: true } : { ok: true, duplicate: true };
  }

  async function channelExists(slug: string, channelSlug: string): Promise<boolean> {
    return surveyHasChannel(db, slug, channelSlug.slice(0, 80));
  }

  return { openSurvey, channelExists, start, loadDraft, saveDraft, submit, submitDirect, checkAll };
}

export type RespondService = ReturnType<typeof createRespondService>;

/** Codes are typed by people: case and separators do not matter. */
export function normaliseCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : '';
}

/** Deletes expired drafts and old submission keys (daily job); returns how many drafts went. */
export async function deleteExpiredDrafts(db: Executor): Promise<number> {
  const drafts = await deleteStaleDrafts(db);
  await deleteExpiredSubmissionKeys(db);
  return drafts;
}
