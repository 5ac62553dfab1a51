import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formBody, IdParams, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { AnswerForm, MergeForm, ModerationForm } from './ideas.schemas.js';
import type { IdeaService } from './ideas.service.js';
import { moderationMessages } from './moderation.messages.js';
import { QueuePage, StaffIdeaPage, type StaffForms } from './views/moderation.js';

/*
 * Routes of the editors (HTML):
 *   GET       /verwaltung/ideen                        the queue (waiting, held) and published ideas without an answer
 *   GET       /verwaltung/ideen/:id                    one idea: review, answer, merge
 *        POST /verwaltung/ideen/:id/pruefung           publish (with redaction note), hold, decline with a reason
 *        POST /verwaltung/ideen/:id/antwort            the city's answer and the new status
 *        POST /verwaltung/ideen/:id/zusammenfuehren    merge into another published idea
 */
const savedKeys = ['published', 'held', 'declined', 'answered', 'merged'] as const;
const SavedQuery = pageQuery({ gespeichert: QueryText(20) });

export function registerModerationPages(app: RouteApp, deps: AppDeps, service: IdeaService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const saved = (req: FastifyRequest, value: string | undefined) =>
    (savedKeys as readonly string[]).includes(value ?? '') ? moderationMessages(req.locale)(`saved.${value as (typeof savedKeys)[number]}`) : undefined;

  app.get('/verwaltung/ideen', { schema: { querystring: SavedQuery } }, async (req, reply) => {
    const { queue, unanswered } = await service.queue(requireActor(req));
    return reply.html(<QueuePage ctx={ctxOf(req)} queue={queue} unanswered={unanswered} notice={saved(req, req.query.gespeichert)} />);
  });

  const render = async (req: FastifyRequest, id: string, forms: StaffForms = {}, notice?: string) => {
    const item = await service.staffItem(requireActor(req), id);
    return <StaffIdeaPage ctx={ctxOf(req)} idea={item.idea} entries={item.entries} similar={item.similar} forms={forms} notice={notice} />;
  };

  app.get('/verwaltung/ideen/:id', { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) =>
    reply.html(await render(req, req.params.id, {}, saved(req, req.query.gespeichert))),
  );

  app.post('/verwaltung/ideen/:id/pruefung', { schema: { params: IdParams, body: formBody(ModerationForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = moderationMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(
      ModerationForm,
      req.body,
      {
        title: {
          label: t('moderate.titleField'),
          required: t('moderate.title.required'),
          tooShort: t('moderate.title.required'),
          tooLong: t('moderate.title.required'),
        },
        body: {
          label: t('moderate.bodyField'),
          required: t('moderate.body.required'),
          tooShort: t('moderate.body.required'),
          tooLong: t('moderate.body.required'),
        },
        reason: { label: t('moderate.reason'), choice: t('moderate.reason.choice') },
        redactionNote: t('moderate.redactionNote'),
        note: t('moderate.note'),
      },
      req.locale,
    );
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (form.ok && form.value.action === 'publish') {
      if (!form.value.title) errors.title = t('moderate.title.required');
      if (!form.value.body) errors.body = t('moderate.body.required');
    }
    if (form.ok && form.value.action === 'decline' && !form.value.reason) errors.reason = t('moderate.reason.choice');
    // A text changed before publishing needs a public note that says so.
    if (form.ok && form.value.action === 'publish' && form.value.body && !form.value.redactionNote) {
      const current = await service.staffItem(actor, req.params.id);
      if (current.idea.body.replace(/\r\n/g, '\n').trim() !== form.value.body.replace(/\r\n/g, '\n').trim() && !current.idea.redaction_note)
        errors.redactionNote = t('moderate.redaction.required');
    }
    if (!form.ok || Object.keys(errors).length > 0) return reply.status(422).html(await render(req, req.params.id, { moderate: { values, errors } }));
    const v = form.value;
    const decision =
      v.action === 'publish'
        ? ({ action: 'publish', title: v.title!, body: v.body!, redactionNote: v.redactionNote ?? null } as const)
        : v.action === 'hold'
          ? ({ action: 'hold' } as const)
          : ({ action: 'decline', reason: v.reason!, note: v.note ?? null } as const);
    await service.moderate(actor, req.params.id, decision);
    const key = v.action === 'publish' ? 'published' : v.action === 'hold' ? 'held' : 'declined';
    return reply.redirect(v.action === 'publish' ? `/verwaltung/ideen/${req.params.id}?gespeichert=${key}` : `/verwaltung/ideen?gespeichert=${key}`, 303);
  });

  app.post('/verwaltung/ideen/:id/antwort', { schema: { params: IdParams, body: formBody(AnswerForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = moderationMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(
      AnswerForm,
      req.body,
      {
        status: { label: t('answer.status'), choice: t('answer.status.choice') },
        office: { label: t('answer.office'), required: t('answer.office.required'), tooShort: t('answer.office.required') },
        answer: { label: t('answer.body'), required: t('answer.body.required'), tooShort: t('answer.body.required') },
        referTo: t('answer.referTo'),
      },
      req.locale,
    );
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (form.ok && form.value.status === 'not_possible' && form.value.answer.length < 20) errors.answer = t('answer.notPossible.required');
    if (form.ok && form.value.status === 'not_responsible' && !form.value.referTo) errors.referTo = t('answer.referTo.required');
    if (!form.ok || Object.keys(errors).length > 0) return reply.status(422).html(await render(req, req.params.id, { answer: { values, errors } }));
    const v = form.value;
    await service.answer(actor, req.params.id, { status: v.status, office: v.office, body: v.answer, referTo: v.referTo ?? null });
    return reply.redirect(`/verwaltung/ideen/${req.params.id}?gespeichert=answered`, 303);
  });

  app.post('/verwaltung/ideen/:id/zusammenfuehren', { schema: { params: IdParams, body: formBody(MergeForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = moderationMessages(req.locale);
    const values = formValues(req.body);
    // An address from the list of similar ideas, or the bare id.
    const into = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i.exec((values.into ?? '').trim())?.[1]?.toLowerCase();
    const fail = (message: string) => render(req, req.params.id, { merge: { values, errors: { into: message } } });
    if (!into || !uuidPattern.test(into)) return reply.status(422).html(await fail(t('merge.into.required')));
    if (into === req.params.id.toLowerCase()) return reply.status(422).html(await fail(t('merge.into.self')));
    try {
      await service.merge(actor, req.params.id, into);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return reply.status(422).html(await fail(t('merge.into.required')));
      throw error;
    }
    return reply.redirect(`/verwaltung/ideen/${into}?gespeichert=merged`, 303);
  });
}
