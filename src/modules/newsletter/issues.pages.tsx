import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { requireActor } from '../../platform/auth/guard.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { civilDateError, readCivilDate } from '../../platform/time/civil-date.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { ButtonForm, formBody, IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { eventCategories } from '../events/index.js';
import { fromBerlinLocal, toBerlinLocal } from '../../platform/time/berlin.js';
import { composeMessages } from './compose.messages.js';
import { renderIssueTemplate } from './emails/issue-mail.js';
import type { Composition } from './issue-content.js';
import type { Issue } from './issues.repository.js';
import type { IssueInput, IssueService } from './issues.service.js';
import { maxTestAddresses } from './issues.service.js';
import { ComposerPage, freeSections, PreviewPage } from './views/issue-composer.js';
import { IssueOverviewPage } from './views/issue-overview.js';
import { progressScript } from './progress-script.js';
import { ProgressPage, progressSummary } from './views/issue-progress.js';
import { SendCheckPage } from './views/issue-send-check.js';

/*
 * Routes of the editors' newsletter pages (HTML):
 *   GET       /verwaltung/infobrief                  subscriber counts and issues
 *   GET  POST /verwaltung/infobrief/neu              compose a new issue
 *   GET  POST /verwaltung/infobrief/:id              edit it (drafts and scheduled only)
 *   GET       /verwaltung/infobrief/:id/vorschau     browser preview with the text part
 *        POST /verwaltung/infobrief/:id/test         test send to up to 5 addresses
 *        POST /verwaltung/infobrief/:id/planen       schedule
 *        POST /verwaltung/infobrief/:id/planung-aufheben  scheduled → draft
 *   GET  POST /verwaltung/infobrief/:id/senden       send now: the check page (recipient count), then its button (refused a second time)
 *   GET       /verwaltung/infobrief/:id/fortschritt  progress, failures; ?auto=1 refreshes every 10 s
 *   GET       /verwaltung/infobrief/:id/fortschritt.json  the same as JSON, polled by fortschritt.js (progressive enhancement)
 *        POST /verwaltung/infobrief/:id/unklare-senden  after a crash: the editor decides to re-send "unknown" rows
 */

const ComposeForm = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 200 }),
  intro: Type.Optional(Type.String({ maxLength: 10_000 })),
  holidayNotice: Type.Optional(Type.String({ maxLength: 5_000 })),
  eventsCategory: Type.Optional(Type.Union([Type.Literal(''), ...eventCategories.map((c) => Type.Literal(c.code))])),
});
/** The forms beside the composer; their handlers read and check the one field themselves. */
const TestSendForm = Type.Object({ testAddresses: Type.String({ maxLength: 2_000 }) });
const ScheduleForm = Type.Object({ scheduleAt: Type.String({ maxLength: 20 }) });
/** The check page's button; without it the POST only leads to the check page. */
const SendForm = Type.Object({ bestaetigt: Type.Optional(Type.Literal('ja')) });
const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** The composer's fields as an IssueInput, or field errors. */
export function parseComposer(body: unknown, locale: Locale): { ok: true; value: IssueInput } | { ok: false; errors: FieldErrors } {
  const t = composeMessages(locale);
  const values = formValues(body);
  const form = parseForm(
    ComposeForm,
    body,
    { subject: t('field.subject'), intro: t('field.intro'), holidayNotice: t('field.holiday'), eventsCategory: t('field.eventsCategory') },
    locale,
  );
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  let events: Composition['events'] = null;
  if (values.eventsEnabled === 'ja') {
    const fromDay = readCivilDate(values.eventsFrom ?? '');
    const toDay = readCivilDate(values.eventsTo ?? '');
    const from = fromDay.ok ? fromDay.date : '';
    const to = toDay.ok ? toDay.date : '';
    const fromAt = from ? fromBerlinLocal(from) : null;
    const toAt = to ? fromBerlinLocal(to) : null;
    if (!fromDay.ok) errors.eventsFrom = civilDateError(fromDay.problem, t('field.eventsFrom'), locale);
    if (!toDay.ok) errors.eventsTo = civilDateError(toDay.problem, t('field.eventsTo'), locale);
    else if (fromAt && toAt && (toAt < fromAt || toAt.getTime() - fromAt.getTime() > 92 * 86_400_000)) errors.eventsTo = t('error.range');
    const ageText = values.eventsAge?.trim() ?? '';
    const age = ageText === '' ? undefined : Number(ageText);
    if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 27)) errors.eventsAge = t('error.age');
    events = {
      from,
      to,
      district: values.eventsDistrict || undefined,
      category: values.eventsCategory?.trim() || undefined,
      age,
      freeOnly: values.eventsFreeOnly === 'ja' || undefined,
    };
  }
  const sections: Composition['sections'] = [];
  for (let n = 1; n <= freeSections; n++) {
    const heading = (values[`section${n}Heading`] ?? '').trim().slice(0, 200);
    const text = (values[`section${n}Body`] ?? '').trim().slice(0, 10_000);
    if (text && !heading) errors[`section${n}Heading`] = t('error.heading');
    if (heading || text) sections.push({ heading, body: text });
  }
  if (!form.ok || Object.keys(errors).length) return { ok: false, errors };
  const newsIds = Object.entries(values)
    .filter(([key, v]) => key.startsWith('news_') && v === 'ja' && uuidPattern.test(key.slice(5)))
    .map(([key]) => key.slice(5));
  return {
    ok: true,
    value: {
      subject: form.value.subject,
      intro: (form.value.intro ?? '').replace(/\r\n/g, '\n'),
      composition: { newsIds, events, holidayNotice: (form.value.holidayNotice ?? '').replace(/\r\n/g, '\n'), sections },
    },
  };
}

/** An issue's stored content as form values. */
function composerValues(issue: Issue): Record<string, string> {
  const c = issue.composition;
  const values: Record<string, string> = { subject: issue.subject, intro: issue.intro, holidayNotice: c.holidayNotice };
  for (const id of c.newsIds) values[`news_${id}`] = 'ja';
  if (c.events) {
    Object.assign(values, {
      eventsEnabled: 'ja',
      eventsFrom: c.events.from,
      eventsTo: c.events.to,
      eventsDistrict: c.events.district ?? '',
      eventsCategory: c.events.category ?? '',
    });
    if (c.events.age !== undefined) values.eventsAge = String(c.events.age);
    if (c.events.freeOnly) values.eventsFreeOnly = 'ja';
  }
  c.sections.forEach((s, i) => Object.assign(values, { [`section${i + 1}Heading`]: s.heading, [`section${i + 1}Body`]: s.body }));
  if (issue.scheduledAt) values.scheduleAt = toBerlinLocal(issue.scheduledAt);
  return values;
}

function defaultValues(): Record<string, string> {
  const from = new Date();
  const to = new Date(Date.now() + 28 * 86_400_000);
  return { eventsEnabled: 'ja', eventsFrom: toBerlinLocal(from).slice(0, 10), eventsTo: toBerlinLocal(to).slice(0, 10) };
}

export function registerIssuePages(app: RouteApp, service: IssueService, city: CityProfile, config: Config): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  async function composer(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    issue: Issue | undefined,
    extra: { values?: Record<string, string>; errors?: FieldErrors; actionErrors?: FieldErrors; notice?: string } = {},
  ) {
    const actor = requireActor(req);
    if (issue && issue.status !== 'draft' && issue.status !== 'scheduled') return reply.redirect(`/verwaltung/infobrief/${issue.id}/fortschritt`, 303);
    const [news, overview] = [await service.newsChoices(actor), await service.overview(actor)];
    const values = extra.values ?? (issue ? composerValues(issue) : defaultValues());
    return reply
      .status(status)
      .html(
        <ComposerPage
          ctx={ctxOf(req)}
          issue={issue}
          news={news}
          values={values}
          errors={extra.errors}
          actionErrors={extra.actionErrors}
          notice={extra.notice}
          confirmed={overview.counts.confirmed}
        />,
      );
  }

  app.get('/verwaltung/infobrief', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const { issues, counts } = await service.overview(requireActor(req));
    return reply.html(<IssueOverviewPage ctx={ctxOf(req)} issues={issues} counts={counts} />);
  });
  app.get('/verwaltung/infobrief/neu', { schema: { querystring: NoQuery } }, (req, reply) => composer(req, reply, 200, undefined));
  app.post('/verwaltung/infobrief/neu', { schema: { body: formBody(ComposeForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const parsed = parseComposer(req.body, req.locale);
    if (!parsed.ok) return composer(req, reply, 422, undefined, { values: formValues(req.body), errors: parsed.errors });
    const id = await service.create(actor, parsed.value);
    return reply.redirect(`/verwaltung/infobrief/${id}?hinweis=gespeichert`, 303);
  });

  const notices = { gespeichert: 'compose.saved', test: 'test.done', geplant: 'schedule.done', aufgehoben: 'unschedule.done' } as const;
  app.get('/verwaltung/infobrief/:id', { schema: { params: IdParams, querystring: pageQuery({ hinweis: QueryText() }) } }, async (req, reply) => {
    const issue = await service.get(requireActor(req), req.params.id);
    const key = req.query.hinweis && Object.hasOwn(notices, req.query.hinweis) ? notices[req.query.hinweis as keyof typeof notices] : undefined;
    return composer(req, reply, 200, issue, { notice: key ? composeMessages(req.locale)(key) : undefined });
  });
  app.post('/verwaltung/infobrief/:id', { schema: { params: IdParams, body: formBody(ComposeForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const issue = await service.get(actor, req.params.id);
    const parsed = parseComposer(req.body, req.locale);
    if (!parsed.ok) return composer(req, reply, 422, issue, { values: formValues(req.body), errors: parsed.errors });
    await service.update(actor, issue.id, parsed.value);
    return reply.redirect(`/verwaltung/infobrief/${issue.id}?hinweis=gespeichert`, 303);
  });

  app.get('/verwaltung/infobrief/:id/vorschau', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { issue, content } = await service.preview(requireActor(req), req.params.id);
    const text = renderIssueTemplate(content, req.locale, { portalName: city.portalName, archiveUrl: `${config.publicUrl}/infobrief/archiv/${issue.id}` }).text;
    return reply.html(<PreviewPage ctx={ctxOf(req)} issue={issue} content={content} text={text} />);
  });

  app.post('/verwaltung/infobrief/:id/test', { schema: { params: IdParams, body: formBody(TestSendForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const issue = await service.get(actor, req.params.id);
    const raw = formValues(req.body).testAddresses ?? '';
    const addresses = [
      ...new Set(
        raw
          .split(/[,;\s]+/)
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    if (addresses.length === 0 || addresses.length > maxTestAddresses || !addresses.every((a) => a.length <= 254 && emailPattern.test(a))) {
      return composer(req, reply, 422, issue, {
        values: { ...composerValues(issue), testAddresses: raw },
        actionErrors: { testAddresses: composeMessages(req.locale)('test.invalid') },
      });
    }
    await service.testSend(actor, issue.id, addresses);
    return reply.redirect(`/verwaltung/infobrief/${issue.id}?hinweis=test`, 303);
  });

  app.post('/verwaltung/infobrief/:id/planen', { schema: { params: IdParams, body: formBody(ScheduleForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const issue = await service.get(actor, req.params.id);
    const raw = formValues(req.body).scheduleAt ?? '';
    const at = fromBerlinLocal(raw);
    const t = composeMessages(req.locale);
    if (!at || at.getTime() <= Date.now()) {
      return composer(req, reply, 422, issue, {
        values: { ...composerValues(issue), scheduleAt: raw },
        actionErrors: { scheduleAt: at ? t('schedule.past') : t('error.date') },
      });
    }
    await service.schedule(actor, issue.id, at);
    return reply.redirect(`/verwaltung/infobrief/${issue.id}?hinweis=geplant`, 303);
  });

  app.post('/verwaltung/infobrief/:id/planung-aufheben', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const id = req.params.id;
    try {
      await service.unschedule(requireActor(req), id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return reply.redirect(`/verwaltung/infobrief/${id}/fortschritt?hinweis=schon`, 303);
      throw error;
    }
    return reply.redirect(`/verwaltung/infobrief/${id}?hinweis=aufgehoben`, 303);
  });

  app.get('/verwaltung/infobrief/:id/senden', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const issue = await service.get(actor, req.params.id);
    if (issue.status !== 'draft' && issue.status !== 'scheduled') return reply.redirect(`/verwaltung/infobrief/${issue.id}/fortschritt?hinweis=schon`, 303);
    const { counts } = await service.overview(actor);
    return reply.html(<SendCheckPage ctx={ctxOf(req)} issue={issue} confirmed={counts.confirmed} />);
  });
  app.post('/verwaltung/infobrief/:id/senden', { schema: { params: IdParams, body: formBody(SendForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const id = req.params.id;
    // Only the check page's button sends; anything else is shown that page first.
    if (formValues(req.body).bestaetigt !== 'ja') return reply.redirect(`/verwaltung/infobrief/${id}/senden`, 303);
    try {
      await service.sendNow(actor, id);
    } catch (error) {
      // A second click or a second editor: nobody is mailed twice; show where sending stands.
      if (error instanceof AppError && error.code === 'conflict') return reply.redirect(`/verwaltung/infobrief/${id}/fortschritt?hinweis=schon`, 303);
      throw error;
    }
    return reply.redirect(`/verwaltung/infobrief/${id}/fortschritt?hinweis=gestartet`, 303);
  });

  app.get('/verwaltung/infobrief/fortschritt.js', { schema: { querystring: NoQuery } }, (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(progressScript),
  );
  app.get('/verwaltung/infobrief/:id/fortschritt.json', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { issue, progress } = await service.progress(requireActor(req), req.params.id);
    const done = progress.sent + progress.failed + progress.unknown + progress.skipped;
    return reply
      .header('cache-control', 'no-store')
      .send({ total: progress.total, done, summary: progressSummary(req, progress), finished: issue.status === 'sent' });
  });

  app.post('/verwaltung/infobrief/:id/unklare-senden', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const id = req.params.id;
    await service.resendUnknown(requireActor(req), id);
    return reply.redirect(`/verwaltung/infobrief/${id}/fortschritt?hinweis=unklar`, 303);
  });

  app.get(
    '/verwaltung/infobrief/:id/fortschritt',
    { schema: { params: IdParams, querystring: pageQuery({ auto: QueryText(), hinweis: QueryText() }) } },
    async (req, reply) => {
      const { issue, progress, problems } = await service.progress(requireActor(req), req.params.id);
      const auto = req.query.auto === '1' && issue.status === 'sending';
      // The editor chose automatic refresh (WCAG 2.2.1: the user controls it; the link turns it off).
      if (auto) reply.header('refresh', '10');
      const t = composeMessages(req.locale);
      const notices = { gestartet: t('started'), schon: t('compose.locked'), unklar: t('unknown.done') } as Record<string, string>;
      const notice = req.query.hinweis && Object.hasOwn(notices, req.query.hinweis) ? notices[req.query.hinweis] : undefined;
      return reply.html(<ProgressPage ctx={ctxOf(req)} issue={issue} progress={progress} problems={problems} auto={auto} notice={notice} />);
    },
  );
}
