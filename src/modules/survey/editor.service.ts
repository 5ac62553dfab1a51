import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { conditionOrderProblem, definitionProblems, movedAboveCondition, type Question, type SurveyDefinition, type Texts } from './survey.definition.js';
import { surveyPolicy } from './survey.policy.js';
import { countResponses, findSurvey, listChannels, loadDefinition, type SurveyRow } from './survey.repository.js';

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
      const survey = await trx.selectFrom('survey_surveys').select(['id', 'status', 'current_version']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
      const version = await trx
        .selectFrom('survey_versions')
        .selectAll()
        .where('survey_id', '=', id)
        .where('version', '=', survey.current_version)
        .executeTakeFirstOrThrow();
      const next = change(structuredClone(version.definition as SurveyDefinition));
      const live = survey.status !== 'draft';
      if (version.frozen_at) {
        const number = survey.current_version + 1;
        await trx
          .insertInto('survey_versions')
          .values({ survey_id: id, version: number, definition: JSON.stringify(next), frozen_at: live ? new Date() : null })
          .execute();
        await trx.updateTable('survey_surveys').set({ current_version: number, updated_at: new Date() }).where('id', '=', id).execute();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'survey.version_created',
          subjectType: 'survey',
          subjectId: id,
          details: { version: number, change: what },
        });
      } else {
        await trx
          .updateTable('survey_versions')
          .set({ definition: JSON.stringify(next) })
          .where('survey_id', '=', id)
          .where('version', '=', survey.current_version)
          .execute();
        await trx.updateTable('survey_surveys').set({ updated_at: new Date() }).where('id', '=', id).execute();
        await recordAudit(trx, { actorId: actor.id, action: 'survey.edited', subjectType: 'survey', subjectId: id, details: { change: what } });
      }
    });
  }

  return {
    async list(actor: Actor) {
      ensure(surveyPolicy.can(actor, 'survey.list'));
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
    },

    async create(actor: Actor, input: { title: string; slug: string }): Promise<string> {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      const definition: SurveyDefinition = { title: { de: input.title }, intro: { de: '' }, pages: [{ id: 'p1', title: { de: 'Seite 1' }, questions: [] }] };
      return uniquely(
        () =>
          db.transaction().execute(async (trx) => {
            const taken = await trx.selectFrom('survey_surveys').select('id').where('slug', '=', input.slug).executeTakeFirst();
            if (taken) throw fieldError({ slug: 'Diese Adresse ist schon vergeben.' });
            const row = await trx.insertInto('survey_surveys').values({ slug: input.slug, title: input.title }).returning('id').executeTakeFirstOrThrow();
            await trx
              .insertInto('survey_versions')
              .values({ survey_id: row.id, version: 1, definition: JSON.stringify(definition) })
              .execute();
            await recordAudit(trx, { actorId: actor.id, action: 'survey.created', subjectType: 'survey', subjectId: row.id, details: { slug: input.slug } });
            return row.id;
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
        db
          .selectFrom('survey_access_codes')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('survey_id', '=', id)
          .executeTakeFirstOrThrow(),
      ]);
      return { survey, definition, channels, responses, unusedCodes: codes.n };
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
        await trx
          .updateTable('survey_surveys')
          .set({ title: input.title.de, opens_on: input.opensOn, closes_on: input.closesOn, requires_code: input.requiresCode, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
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
      await db.transaction().execute(async (trx: Transaction<DB>) => {
        const survey = await trx.selectFrom('survey_surveys').select(['status', 'current_version']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
        const rule = transitions[action];
        if (!rule.from.includes(survey.status)) throw new AppError('conflict', 'Dieser Schritt passt nicht zum Stand der Befragung.');
        if (action === 'open') {
          const version = await trx
            .selectFrom('survey_versions')
            .select('definition')
            .where('survey_id', '=', id)
            .where('version', '=', survey.current_version)
            .executeTakeFirstOrThrow();
          const problems = definitionProblems(version.definition as SurveyDefinition);
          if (problems.length > 0) throw new AppError('conflict', problems[0]!);
          // Opening freezes the questions: from now on a change makes a new version.
          await trx
            .updateTable('survey_versions')
            .set({ frozen_at: new Date() })
            .where('survey_id', '=', id)
            .where('version', '=', survey.current_version)
            .where('frozen_at', 'is', null)
            .execute();
        }
        if (action === 'close') await trx.deleteFrom('survey_drafts').where('survey_id', '=', id).execute();
        await trx.updateTable('survey_surveys').set({ status: rule.to, updated_at: new Date() }).where('id', '=', id).execute();
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
            const taken = await trx.selectFrom('survey_channels').select('id').where('survey_id', '=', id).where('name', '=', name).executeTakeFirst();
            if (taken) throw fieldError({ name: 'Diesen Verteilweg gibt es schon.' });
            await trx.insertInto('survey_channels').values({ survey_id: id, slug, name }).execute();
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
        await trx
          .insertInto('survey_access_codes')
          .values([...codes].map((code) => ({ survey_id: id, code })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        await recordAudit(trx, { actorId: actor.id, action: 'survey.codes_generated', subjectType: 'survey', subjectId: id, details: { count } });
      });
      return count;
    },

    async unusedCodes(actor: Actor, id: string): Promise<string[]> {
      ensure(surveyPolicy.can(actor, 'survey.edit'));
      const rows = await db.selectFrom('survey_access_codes').select('code').where('survey_id', '=', id).orderBy('code').execute();
      return rows.map((r) => r.code);
    },

    surveyFor,
  };
}

export type EditorService = ReturnType<typeof createEditorService>;
