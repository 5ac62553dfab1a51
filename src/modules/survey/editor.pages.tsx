import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { civilDateError, readCivilDate } from '../../platform/time/civil-date.js';
import { attempt, formValues } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { findQuestion, surveyLanguages, type Texts } from './survey.definition.js';
import { localiseErrors } from './editor-errors.js';
import { editorMessages } from './editor.messages.js';
import type { EditorService, LifecycleAction } from './editor.service.js';
import { questionFromForm, questionToForm } from './question-form.js';
import { surveyPolicy } from './survey.policy.js';
import {
  AddPageForm,
  ChannelForm,
  CodesForm,
  CreateSurveyForm,
  LifecycleForm,
  MoveForm,
  NewQuestionQuery,
  QrParams,
  QuestionForm,
  QuestionParams,
  SavedQuery,
  SettingsForm,
  surveySlugPattern,
} from './survey.schemas.js';
import { CodesPrintPage, DetailPage, editorPath, ListPage, QuestionFormPage } from './views/editor-views.js';
import { surveyPath } from './views/respond-views.js';

const lifecycle: LifecycleAction[] = ['open', 'close', 'publish', 'unpublish'];

/*
 * Editor routes (role editor or admin; analysts see the list and the raw export):
 *   GET  /verwaltung/befragungen                         list, create form
 *   POST /verwaltung/befragungen                         create
 *   GET  /verwaltung/befragungen/:id                     questions, settings, channels, codes, lifecycle
 *   POST /verwaltung/befragungen/:id/einstellungen       titles, intro (all languages), dates, code requirement
 *   POST /verwaltung/befragungen/:id/status              aktion=open|close|publish|unpublish
 *   POST /verwaltung/befragungen/:id/seiten              add a page
 *   GET  /verwaltung/befragungen/:id/fragen/neu?seite=   question form
 *   GET  /verwaltung/befragungen/:id/fragen/:qid         question form (edit)
 *   POST /verwaltung/befragungen/:id/fragen              save a question
 *   POST /verwaltung/befragungen/:id/fragen/:qid/loeschen
 *   POST /verwaltung/befragungen/:id/fragen/:qid/verschieben     richtung=hoch|runter (within the page)
 *   POST /verwaltung/befragungen/:id/kanaele             add a channel
 *   GET  /verwaltung/befragungen/:id/kanaele/:cid/qr.svg|qr.png
 *   POST /verwaltung/befragungen/:id/codes               generate access codes
 *   GET  /verwaltung/befragungen/:id/codes               printable list of unused codes
 */
export function registerEditorPages(app: RouteApp, deps: AppDeps, service: EditorService): void {
  const { city, config } = deps;
  const showDetail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status = 200,
    extra: { notice?: string; errors?: FieldErrors; values?: Record<string, string> } = {},
  ) => {
    const detail = await service.detail(requireActor(req), id);
    return reply
      .status(status)
      .html(
        <DetailPage ctx={pageContext(req, city)} detail={detail} publicUrl={config.publicUrl} {...extra} errors={localiseErrors(extra.errors, req.locale)} />,
      );
  };
  const back = (reply: FastifyReply, id: string, saved = 'ja') => reply.redirect(`${editorPath(id)}?gespeichert=${saved}`, 303);

  app.get('/verwaltung/befragungen', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const surveys = await service.list(actor);
    return reply.html(<ListPage ctx={pageContext(req, city)} surveys={surveys} canEdit={surveyPolicy.can(actor, 'survey.edit')} />);
  });

  app.post('/verwaltung/befragungen', { schema: { body: formBody(CreateSurveyForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const values = formValues(req.body);
    const t = editorMessages(req.locale);
    const errors: FieldErrors = {};
    const title = (values.title ?? '').trim();
    const slug = (values.slug ?? '').trim().toLowerCase();
    if (!title || title.length > 200) errors.title = `${t('field.title')}: 1–200`;
    if (!surveySlugPattern.test(slug) || slug.length > 60) errors.slug = t('field.slugHint');
    const result = Object.keys(errors).length ? ({ ok: false, errors } as const) : await attempt(() => service.create(actor, { title, slug }));
    if (!result.ok)
      return reply
        .status(422)
        .html(
          <ListPage
            ctx={pageContext(req, city)}
            surveys={await service.list(actor)}
            canEdit
            errors={localiseErrors(result.errors, req.locale)}
            values={values}
          />,
        );
    return reply.redirect(editorPath(result.value), 303);
  });

  app.get('/verwaltung/befragungen/:id', { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
    return showDetail(req, reply, req.params.id, 200, { notice: req.query.gespeichert ? editorMessages(req.locale)('saved') : undefined });
  });

  app.post('/verwaltung/befragungen/:id/einstellungen', { schema: { params: IdParams, body: formBody(SettingsForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const values = formValues(req.body);
    const errors: FieldErrors = {};
    const texts = (prefix: string, max: number): Texts => {
      const out: Texts = { de: (values[`${prefix}_de`] ?? '').trim().slice(0, max) };
      for (const lang of surveyLanguages)
        if (lang !== 'de' && values[`${prefix}_${lang}`]?.trim()) out[lang] = values[`${prefix}_${lang}`]!.trim().slice(0, max);
      return out;
    };
    const title = texts('title', 200);
    if (!title.de) errors.title_de = 'Geben Sie den Titel auf Deutsch ein.';
    // An empty date is allowed: open at once, or until someone closes the survey.
    const optionalDate = (name: 'opensOn' | 'closesOn', label: string): string | null => {
      if (!values[name]?.trim()) return null;
      const reading = readCivilDate(values[name]);
      if (reading.ok) return reading.date;
      errors[name] = civilDateError(reading.problem, label, req.locale);
      return null;
    };
    const m = editorMessages(req.locale);
    const opensOn = optionalDate('opensOn', m('settings.opens'));
    const closesOn = optionalDate('closesOn', m('settings.closes'));
    const result = Object.keys(errors).length
      ? ({ ok: false, errors } as const)
      : await attempt(() =>
          service.saveSettings(actor, id, { title, intro: texts('intro', 2000), opensOn, closesOn, requiresCode: values.requiresCode === 'ja' }),
        );
    if (!result.ok) return showDetail(req, reply, id, 422, { errors: result.errors, values });
    return back(reply, id);
  });

  app.post('/verwaltung/befragungen/:id/status', { schema: { params: IdParams, body: formBody(LifecycleForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const action = formValues(req.body).aktion as LifecycleAction;
    if (!lifecycle.includes(action)) throw new AppError('validation_failed', 'Unbekannter Schritt');
    try {
      await service.transition(actor, id, action);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return showDetail(req, reply, id, 409, { errors: { aktion: error.message } });
      throw error;
    }
    return back(reply, id, action);
  });

  app.post('/verwaltung/befragungen/:id/seiten', { schema: { params: IdParams, body: formBody(AddPageForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const title = (formValues(req.body).pageTitle ?? '').trim().slice(0, 200);
    if (!title) return showDetail(req, reply, id, 422, { errors: { pageTitle: 'Geben Sie einen Titel für die Seite ein.' } });
    await service.addPage(actor, id, { de: title });
    return back(reply, id);
  });

  const questionForm = async (req: FastifyRequest, reply: FastifyReply, id: string, values: Record<string, string>, status = 200, errors: FieldErrors = {}) => {
    const { survey, definition } = await service.detail(requireActor(req), id);
    return reply
      .status(status)
      .html(
        <QuestionFormPage
          ctx={pageContext(req, city)}
          survey={survey}
          definition={definition}
          values={values}
          errors={localiseErrors(errors, req.locale)}
          editing={!!values.id}
        />,
      );
  };

  app.get('/verwaltung/befragungen/:id/fragen/neu', { schema: { params: IdParams, querystring: NewQuestionQuery } }, async (req, reply) => {
    return questionForm(req, reply, req.params.id, { page: String(Number.parseInt(req.query.seite ?? '1', 10) || 1), type: 'single' });
  });

  app.get('/verwaltung/befragungen/:id/fragen/:qid', { schema: { params: QuestionParams, querystring: NoQuery } }, async (req, reply) => {
    const { id } = req.params;
    const { definition } = await service.detail(requireActor(req), id);
    const found = findQuestion(definition, req.params.qid);
    if (!found) throw new AppError('not_found', 'Frage nicht gefunden');
    return questionForm(req, reply, id, questionToForm(found.question, found.pageIndex));
  });

  app.post('/verwaltung/befragungen/:id/fragen', { schema: { params: IdParams, body: formBody(QuestionForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const values = formValues(req.body);
    const { definition } = await service.detail(actor, id);
    const parsed = questionFromForm(values, definition, city.districts);
    if (!parsed.ok) return questionForm(req, reply, id, values, 422, parsed.errors);
    const result = await attempt(() => service.saveQuestion(actor, id, parsed.pageIndex, parsed.question));
    if (!result.ok) return questionForm(req, reply, id, values, 422, result.errors);
    return back(reply, id);
  });

  app.post('/verwaltung/befragungen/:id/fragen/:qid/loeschen', { schema: { params: QuestionParams, body: ButtonForm } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    try {
      await service.deleteQuestion(actor, id, req.params.qid);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return showDetail(req, reply, id, 409, { errors: { aktion: error.message } });
      throw error;
    }
    return back(reply, id);
  });

  app.post('/verwaltung/befragungen/:id/fragen/:qid/verschieben', { schema: { params: QuestionParams, body: formBody(MoveForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const direction = formValues(req.body).richtung === 'hoch' ? 'up' : 'down';
    try {
      await service.moveQuestion(actor, id, req.params.qid.slice(0, 40), direction);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return showDetail(req, reply, id, 409, { errors: { aktion: error.message } });
      throw error;
    }
    return back(reply, id);
  });

  app.post('/verwaltung/befragungen/:id/kanaele', { schema: { params: IdParams, body: formBody(ChannelForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const values = formValues(req.body);
    const name = (values.name ?? '').trim();
    if (!name || name.length > 100) return showDetail(req, reply, id, 422, { errors: { name: 'Geben Sie einen Namen ein (höchstens 100 Zeichen).' }, values });
    const result = await attempt(() => service.addChannel(actor, id, name));
    if (!result.ok) return showDetail(req, reply, id, 422, { errors: result.errors, values });
    return back(reply, id);
  });

  app.get('/verwaltung/befragungen/:id/kanaele/:cid/qr.:format', { schema: { params: QrParams, querystring: NoQuery } }, async (req, reply) => {
    const { survey, channels } = await service.detail(requireActor(req), req.params.id);
    const channel = channels.find((c) => c.id === req.params.cid);
    if (!channel) throw new AppError('not_found', 'Verteilweg nicht gefunden');
    const link = `${config.publicUrl}${surveyPath(survey.slug)}?kanal=${channel.slug}`;
    const filename = `qr-${survey.slug}-${channel.slug}.${req.params.format}`;
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    const { default: QRCode } = await import('qrcode'); // loaded when first asked for, not at every start
    if (req.params.format === 'svg')
      return reply.type('image/svg+xml').send(await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
    return reply.type('image/png').send(await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 12 }));
  });

  app.post('/verwaltung/befragungen/:id/codes', { schema: { params: IdParams, body: formBody(CodesForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const values = formValues(req.body);
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 500)
      return showDetail(req, reply, id, 422, { errors: { count: 'Geben Sie eine Zahl von 1 bis 500 ein.' }, values });
    await service.generateCodes(actor, id, count);
    return back(reply, id);
  });

  app.get('/verwaltung/befragungen/:id/codes', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const { id } = req.params;
    const codes = await service.unusedCodes(actor, id);
    const survey = await service.surveyFor(actor, id);
    return reply
      .header('cache-control', 'no-store')
      .html(<CodesPrintPage ctx={pageContext(req, city)} survey={survey} codes={codes} url={`${config.publicUrl}${surveyPath(survey.slug)}`} />);
  });
}
