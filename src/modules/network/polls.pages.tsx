import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { notFound } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { readCivilDate } from '../../platform/time/civil-date.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { fromLocal } from '../../platform/time/berlin.js';
import { DecideForm, PollForm, SlugParams } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { meetingPath, pollPath } from './network.paths.js';
import { PollFormPage, PollPageView } from './views/polls.js';
import { NoticeQuery, pageTools } from './page-tools.js';

/** Date polls (routes in network.pages.tsx). */
export function registerPollPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, groupActor, notice } = pageTools(deps, service);

  // Date polls ----------------------------------------------------------------------------------------

  app.get('/netzwerk/gruppen/:slug/umfragen/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isLead);
    return reply.html(<PollFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  app.post('/netzwerk/gruppen/:slug/umfragen/neu', { schema: { params: SlugParams, body: formBody(PollForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const labels = {
      title: { label: t(req)('meeting.title'), required: t(req)('meeting.title.required') },
      place: t(req)('meeting.place'),
      duration: { label: t(req)('poll.duration'), required: t(req)('poll.duration.format'), format: t(req)('poll.duration.format') },
      options: { label: t(req)('poll.options'), required: t(req)('poll.options.required'), tooShort: t(req)('poll.options.required') },
    };
    const form = parseForm(PollForm, req.body, labels, req.locale);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    const options: Date[] = [];
    if (form.ok) {
      const duration = Number(form.value.duration);
      if (duration < 15 || duration > 600) errors.duration = t(req)('poll.duration.format');
      const lines = form.value.options.split(/\r?\n/).map((l) => l.trim());
      lines.forEach((line, i) => {
        if (!line || errors.options) return;
        const m = /^(\S+)\s+([01]?\d|2[0-3]):([0-5]\d)$/.exec(line);
        const date = m ? readCivilDate(m[1]!) : null;
        if (!m || !date?.ok) errors.options = t(req)('poll.options.line', { line: i + 1, text: line.slice(0, 40) });
        else options.push(fromLocal(date.date, `${m[2]!.padStart(2, '0')}:${m[3]}`));
      });
      const unique = new Set(options.map((o) => o.getTime()));
      if (!errors.options && (unique.size < 2 || unique.size > 20)) errors.options = t(req)('poll.options.required');
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      const view = await service.groupPage(actor, req.params.slug);
      return reply.status(422).html(<PollFormPage ctx={ctxOf(req)} group={view.group} values={formValues(req.body)} errors={errors} />);
    }
    const unique = [...new Set(options.map((o) => o.getTime()))].map((ms) => new Date(ms));
    const id = await service.createPoll(actor, req.params.slug, {
      title: form.value.title,
      place: form.value.place ?? '',
      durationMinutes: Number(form.value.duration),
      options: unique,
    });
    return reply.redirect(`${pollPath(id)}?hinweis=umfrage`, 303);
  });

  app.get('/netzwerk/umfragen/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<PollPageView ctx={ctxOf(req)} view={await service.pollPage(groupActor(req), req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  app.post('/netzwerk/umfragen/:id/abstimmen', { schema: { params: IdParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const answers = new Map<string, 'yes' | 'no' | 'maybe'>();
    for (const [name, value] of Object.entries(formValues(req.body))) {
      const option = /^o-([0-9a-f-]{36})$/.exec(name)?.[1];
      if (option && (value === 'yes' || value === 'no' || value === 'maybe')) answers.set(option, value);
    }
    await service.vote(groupActor(req), req.params.id, answers);
    return reply.redirect(`${pollPath(req.params.id)}?hinweis=antwort`, 303);
  });

  app.post('/netzwerk/umfragen/:id/festlegen', { schema: { params: IdParams, body: formBody(DecideForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(DecideForm, req.body, { option: t(req)('poll.decide.label') }, req.locale);
    if (!form.ok) throw notFound('Umfrage');
    const meetingId = await service.decidePoll(actor, req.params.id, form.value.option);
    return reply.redirect(`${meetingPath(meetingId)}?hinweis=festgelegt`, 303);
  });
}
