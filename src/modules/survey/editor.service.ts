import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { conditionOrderProblem, definitionProblems, movedAboveCondition, type Question, type SurveyDefinition, type Texts } from './survey.definition.js';
import { surveyPolicy } from './survey.policy.js';
import { countAccessCodes, insertAccessCodes, listAccessCodes } from './access-codes.repository.js';
import { channelNameTaken, insertChannel } from './channels.repository.js';
import { deleteSurveyDrafts } from './drafts.repository.js';
import {
  countResponses,
  findSurvey,
  insertSurvey,
  listChannels,
  listSurveysWithResponses,
  loadDefinition,
  lockSurvey,
  slugTaken,
  updateSurvey,
  type SurveyRow,
} from './survey.repository.js';
import { findVersion, freezeVersion, insertVersion, updateVersionDefinition } from './versions.repository.js';

export type LifecycleAction = 'open' | 'close' | 'publish' | 'unpublish';
const transitions: Record<LifecycleAction, { from: SurveyRow['status'][]; to: SurveyRow['status'] }> = {
  open: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
  unpublish: { from: ['published'], to: 'closed' },
};

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Eight characters without look-alikes (0/O, 1/I), shown as XXXX-XXXX. */
export function newAccessCode(): string {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => codeAlphabet[b % codeAlphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const fieldError = (fields: Record<string, string>) => new AppError('validation_failed', 'Bitte prüfen Sie Ihre Angaben.', { fields });
/** Two editors creating the same name at once: the unique index decides, the loser sees a field error. */
async function uniquely<T>(action: () => Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw fieldError(fields);
    throw error;
  }
}

/** The editors' side: building surveys, versions, channels, codes and the lifecycle, each audited. */
export function createEditorService({ db }: AppDeps) {
  async function surveyFor(actor: Actor, id: string): Promise<SurveyRow> {
    ensure(surveyPolicy.can(actor, 'survey.list'));
    const survey = await findSurvey(db, id);
    if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
    return survey;
  }

  /** Applies a change to the questions. A frozen version is never changed: the change makes a new version. */
  async function changeDefinition(actor: Actor, id: string, change: (d: SurveyDefinition) => SurveyDefinition, what: string): Promise<void> {
    ensure(surveyPolicy.can(actor, 'survey.edit'));
    await db.transaction().execute(async (trx) => {
      const survey = await lockSurvey(trx, id);
      if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
      const version = await findVersion(trx, id, survey.current_version);
      const next = change(structuredClone(version.definition));
      const live = survey.status !== 'draft';
      if (version.frozenAt) {
        const number = survey.current_version + 1;
        await insertVersion(trx, id, number, next, live ? new Date() : null);
        await updateSurvey(trx, id, { current_version: number });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'survey.version_created',
          subjectType: 'survey',
          subjectId: id,
          details: { version: number, change: what },
        });
      } else {
        await updateVersionDefinition(trx, id, survey.current_version, next);
        await updateSurvey(trx, id, {});
        await recordAudit(trx, { actorId: actor.id, action: 'survey.edited', subjectType: 'survey', subjectId: id, details: { change: what } });
      }
    });
  }

  return {
    async list(actor: Actor) {
      ensure(surveyPolicy.can(actor, 'survey.list'));
      return listSurveysWithResponses(db);
    },

    async create(actor: Actor, input: { title: string; slug: string }): Promise<string> {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      const definition: SurveyDefinition = { title: { de: input.title }, intro: { de: '' }, pages: [{ id: 'p1', title: { de: 'Seite 1' }, questions: [] }] };
      return uniquely(
        () =>
          db.transaction().execute(async (trx) => {
            if (await slugTaken(trx, input.slug)) throw fieldError({ slug: 'Diese Adresse ist schon vergeben.' });
            const surveyId = await insertSurvey(trx, { slug: input.slug, title: input.title });
            await insertVersion(trx, surveyId, 1, definition);
            await recordAudit(trx, { actorId: actor.id, action: 'survey.created', subjectType: 'survey', subjectId: surveyId, details: { slug: input.slug } });
            return surveyId;
          }),
        { slug: 'Diese Adresse ist schon vergeben.' },
      );
    },

    async detail(actor: Actor, id: string) {
      const survey = await surveyFor(actor, id);
      const [definition, channels, responses, codes] = await Promise.all([
        loadDefinition(db, id, survey.current_version),
        listChannels(db, id),
        countResponses(db, id),
        countAccessCodes(db, id),
      ]);
      return { survey, definition, channels, responses, unusedCodes: codes };
    },

    async saveSettings(
      actor: Actor,
      id: string,
      input: { title: Texts; intro: Texts; opensOn: string | null; closesOn: string | null; requiresCode: boolean },
    ) {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      if (input.opensOn && input.closesOn && input.closesOn < input.opensOn) throw fieldError({ closesOn: 'Das Ende liegt vor dem Beginn.' });
      await changeDefinition(actor, id, (d) => ({ ...d, title: input.title, intro: input.intro }), 'settings');
      await db.transaction().execute(async (trx) => {
        await updateSurvey(trx, id, { title: input.title.de, opens_on: input.opensOn, closes_on: input.closesOn, requires_code: input.requiresCode });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'survey.settings_changed',
          subjectType: 'survey',
          subjectId: id,
          details: { opensOn: input.opensOn, closesOn: input.closesOn, requiresCode: input.requiresCode },
        });
      });
    },

    async addPage(actor: Actor, id: string, title: Texts) {
      await changeDefinition(
        actor,
        id,
        (d) => ({ ...d, pages: [...d.pages, { id: `p${d.pages.length + 1}-${randomBytes(2).toString('hex')}`, title, questions: [] }] }),
        'page_added',
      );
    },

    /** Adds or replaces a question on the chosen page; the whole definition is checked before saving. */
    async saveQuestion(actor: Actor, id: string, pageIndex: number, question: Question) {
      await changeDefinition(
        actor,
        id,
        (d) => {
          const pages = d.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.id !== question.id) }));
          const existingPage = d.pages.findIndex((p) => p.questions.some((q) => q.id === question.id));
          const target = pages[pageIndex];
          if (!target) throw fieldError({ page: 'Wählen Sie eine Seite.' });
          const position = existingPage === pageIndex ? d.pages[pageIndex]!.questions.findIndex((q) => q.id === question.id) : target.questions.length;
          target.questions.splice(position, 0, question);
          const next = { ...d, pages };
          const problems = definitionProblems(next).filter((p) => !p.startsWith('Die Befragung hat noch keine'));
          if (problems.length > 0) throw fieldError({ showIfQuestion: problems[0]! });
          return next;
        },
        `question:${question.id}`,
      );
    },

    async deleteQuestion(actor: Actor, id: string, questionId: string) {
      await changeDefinition(
        actor,
        id,
        (d) => {
          const next = { ...d, pages: d.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.id !== questionId) })) };
          if (next.pages.some((p) => p.questions.some((q) => q.showIf?.question === questionId)))
            throw new AppError('conflict', 'Eine andere Frage hängt von dieser Frage ab.');
          return next;
        },
        `question_deleted:${questionId}`,
      );
    },

    /** Moves a question one place up or down within its page; a condition must keep looking at a question above it. */
    async moveQuestion(actor: Actor, id: string, questionId: string, direction: 'up' | 'down') {
      await changeDefinition(
        actor,
        id,
        (d) => {
          for (const page of d.pages) {
            const i = page.questions.findIndex((q) => q.id === questionId);
            const j = direction === 'up' ? i - 1 : i + 1;
            if (i >= 0 && j >= 0 && j < page.questions.length) [page.questions[i], page.questions[j]] = [page.questions[j]!, page.questions[i]!];
          }
          if (definitionProblems(d).some((p) => p.endsWith(conditionOrderProblem))) throw new AppError('conflict', movedAboveCondition);
          return d;
        },
        `question_moved:${questionId}:${direction}`,
      );
    },

    async transition(actor: Actor, id: string, action: LifecycleAction) {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      await db.transaction().execute(async (trx) => {
        const survey = await lockSurvey(trx, id);
        if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
        const rule = transitions[action];
        if (!rule.from.includes(survey.status)) throw new AppError('conflict', 'Dieser Schritt passt nicht zum Stand der Befragung.');
        if (action === 'open') {
          const version = await findVersion(trx, id, survey.current_version);
          const problems = definitionProblems(version.definition);
          if (problems.length > 0) throw new AppError('conflict', problems[0]!);
          // Opening freezes the questions: from now on a change makes a new version.
          await freezeVersion(trx, id, survey.current_version);
        }
        if (action === 'close') await deleteSurveyDrafts(trx, id);
        await updateSurvey(trx, id, { status: rule.to });
        await recordAudit(trx, {
          actorId: actor.id,
          action: `survey.${action}`,
          subjectType: 'survey',
          subjectId: id,
          details: { from: survey.status, to: rule.to },
        });
      });
    },

    async addChannel(actor: Actor, id: string, name: string) {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      const base =
        name
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/ß/g, 'ss')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 40) || 'kanal';
      // A random suffix: a channel link cannot be guessed from the channel's name.
      const slug = `${base}-${randomBytes(3).toString('hex')}`;
      await uniquely(
        () =>
          db.transaction().execute(async (trx) => {
            if (await channelNameTaken(trx, id, name)) throw fieldError({ name: 'Diesen Verteilweg gibt es schon.' });
            await insertChannel(trx, { survey_id: id, slug, name });
            await recordAudit(trx, { actorId: actor.id, action: 'survey.channel_added', subjectType: 'survey', subjectId: id, details: { name } });
          }),
        { name: 'Diesen Verteilweg gibt es schon.' },
      );
    },

    async generateCodes(actor: Actor, id: string, count: number): Promise<number> {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      const codes = new Set<string>();
      while (codes.size < count) codes.add(newAccessCode());
      await db.transaction().execute(async (trx) => {
        await insertAccessCodes(trx, id, [...codes]);
        await recordAudit(trx, { actorId: actor.id, action: 'survey.codes_generated', subjectType: 'survey', subjectId: id, details: { count } });
      });
      return count;
    },

    async unusedCodes(actor: Actor, id: string): Promise<string[]> {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      return listAccessCodes(db, id);
    },

    surveyFor,
  };
}

export type EditorService = ReturnType<typeof createEditorService>;
