import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { fromLocal, toLocal } from '../../platform/time/berlin.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { AgendaItemForm, AgendaItemParams, MeetingForm, MinutesForm, RsvpForm, RsvpQuery, SlugParams, TaskForm, TaskStatusForm } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { attachmentMessages } from './attachments.messages.js';
import { meetingPath } from './network.paths.js';
import type { MeetingInput } from './meetings.service.js';
import { section } from './views/public.js';
import { MeetingFormPage, MeetingPageView, RsvpLinkPage } from './views/meetings.js';
import { NoticeQuery, pageTools } from './page-tools.js';

/** Meetings: planning, changes, answers, minutes and action items (routes in network.pages.tsx). */
export function registerMeetingPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, groupActor, notice, invalidLink } = pageTools(deps, service);

  // Meetings and tasks -----------------------------------------------------------------------------

  const meetingLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    title: { label: t(req)('meeting.title'), required: t(req)('meeting.title.required') },
    date: { label: t(req)('meeting.date'), required: t(req)('meeting.date.required') },
    start: { label: t(req)('meeting.start'), required: t(req)('meeting.time.format'), format: t(req)('meeting.time.format') },
    end: { label: t(req)('meeting.end'), required: t(req)('meeting.time.format'), format: t(req)('meeting.time.format') },
    place: t(req)('meeting.place'),
    videoUrl: { label: t(req)('meeting.video'), format: t(req)('meeting.video.format') },
    agenda: t(req)('meeting.agenda'),
  });

  app.get('/netzwerk/gruppen/:slug/termine/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isLead);
    return reply.html(<MeetingFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  /** The meeting form read into what the service takes, or the errors to show (422). */
  const readMeeting = (req: FastifyRequest): { input: MeetingInput } | { errors: Record<string, string> } => {
    const form = parseForm(MeetingForm, req.body, meetingLabels(req), req.locale);
    if (!form.ok) return { errors: form.errors };
    const pad = (time: string) => time.padStart(5, '0');
    const startsAt = fromLocal(form.value.date, pad(form.value.start));
    const endsAt = fromLocal(form.value.date, pad(form.value.end));
    if (endsAt <= startsAt) return { errors: { end: t(req)('meeting.end.beforeStart') } };
    if (!form.value.place && !form.value.videoUrl) return { errors: { place: t(req)('meeting.place.required') } };
    return {
      input: {
        title: form.value.title,
        startsAt,
        endsAt,
        place: form.value.place ?? '',
        videoUrl: form.value.videoUrl ?? null,
        agenda: form.value.agenda ?? '',
      },
    };
  };

  app.post('/netzwerk/gruppen/:slug/termine/neu', { schema: { params: SlugParams, body: formBody(MeetingForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const values = formValues(req.body);
    const read = readMeeting(req);
    if ('errors' in read) {
      const view = await service.groupPage(actor, req.params.slug);
      return reply.status(422).html(<MeetingFormPage ctx={ctxOf(req)} group={view.group} values={values} errors={read.errors} />);
    }
    const id = await service.createMeeting(actor, req.params.slug, read.input);
    return reply.redirect(`${meetingPath(id)}?hinweis=geplant`, 303);
  });

  app.get('/netzwerk/termine/:id/aendern', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.meetingPage(networkActor(req), req.params.id);
    ensure(view.isLead && !view.meeting.cancelled_at);
    const m = view.meeting;
    const start = toLocal(m.starts_at);
    const values = {
      title: m.title,
      date: start.date,
      start: start.time,
      end: toLocal(m.ends_at).time,
      place: m.place,
      videoUrl: m.video_url ?? '',
      agenda: m.agenda,
    };
    return reply.html(<MeetingFormPage ctx={ctxOf(req)} group={{ slug: m.group_slug, name: m.group_name }} values={values} meetingId={m.id} />);
  });

  app.post('/netzwerk/termine/:id/aendern', { schema: { params: IdParams, body: formBody(MeetingForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const read = readMeeting(req);
    if ('errors' in read) {
      const view = await service.meetingPage(actor, req.params.id);
      const group = { slug: view.meeting.group_slug, name: view.meeting.group_name };
      return reply
        .status(422)
        .html(<MeetingFormPage ctx={ctxOf(req)} group={group} values={formValues(req.body)} errors={read.errors} meetingId={req.params.id} />);
    }
    await service.updateMeeting(actor, req.params.id, read.input);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=geaendert`, 303);
  });

  app.get('/netzwerk/termine/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<MeetingPageView ctx={ctxOf(req)} view={await service.meetingPage(groupActor(req), req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  app.get('/netzwerk/termine/:id/antwort', { schema: { params: IdParams, querystring: RsvpQuery } }, async (req, reply) => {
    const found = await service.rsvpLink(req.params.id, req.query.token ?? '');
    if (!found) return invalidLink(req, reply);
    const answer = req.query.antwort === 'yes' || req.query.antwort === 'no' || req.query.antwort === 'maybe' ? req.query.antwort : undefined;
    return reply
      .header('cache-control', 'no-store')
      .html(<RsvpLinkPage ctx={ctxOf(req)} meeting={found.meeting} token={req.query.token ?? ''} answer={answer} />);
  });

  app.post('/netzwerk/termine/:id/antwort', { schema: { params: IdParams, body: formBody(RsvpForm) } }, async (req, reply) => {
    const form = parseForm(RsvpForm, req.body, { answer: t(req)('rsvp.heading') }, req.locale);
    if (!form.ok) return invalidLink(req, reply);
    if (form.value.token) {
      if (!(await service.rsvpByLink(req.params.id, form.value.token, form.value.answer))) return invalidLink(req, reply);
      return reply.html(
        <NoticePage ctx={ctxOf(req)} section={section} status="success" title={t(req)('rsvp.heading')} text={t(req)(`rsvp.done.${form.value.answer}`)} />,
      );
    }
    await service.rsvp(groupActor(req), req.params.id, form.value.answer);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=antwort`, 303);
  });

  app.post('/netzwerk/termine/:id/absagen', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.cancelMeeting(networkActor(req), req.params.id);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=abgesagt`, 303);
  });

  const meetingAgain = async (req: FastifyRequest, reply: FastifyReply, errors: Record<string, string>, id: string) =>
    reply
      .status(422)
      .html(<MeetingPageView ctx={ctxOf(req)} view={await service.meetingPage(networkActor(req), id)} errors={errors} values={formValues(req.body)} />);

  app.post('/netzwerk/termine/:id/protokoll', { schema: { params: IdParams, body: formBody(MinutesForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(MinutesForm, req.body, { minutes: { label: t(req)('minutes.label'), required: t(req)('minutes.required') } }, req.locale);
    if (!form.ok) return meetingAgain(req, reply, form.errors, req.params.id);
    await service.saveMinutes(actor, req.params.id, form.value.minutes);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=gespeichert`, 303);
  });

  app.post('/netzwerk/termine/:id/aufgaben', { schema: { params: IdParams, body: formBody(TaskForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const labels = { title: { label: t(req)('task.title'), required: t(req)('task.title.required') }, owner: t(req)('task.owner'), due: t(req)('task.due') };
    const form = parseForm(TaskForm, req.body, labels, req.locale);
    if (!form.ok) return meetingAgain(req, reply, form.errors, req.params.id);
    const done = await attempt(() =>
      service.addTask(actor, req.params.id, { title: form.value.title, ownerId: form.value.owner ?? null, dueOn: form.value.due ?? null }, req.locale),
    );
    if (!done.ok) return meetingAgain(req, reply, done.errors, req.params.id);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=gespeichert`, 303);
  });

  app.post('/netzwerk/termine/:id/tagesordnung', { schema: { params: IdParams, body: formBody(AgendaItemForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const a = attachmentMessages(req.locale);
    const labels = {
      agendaTitle: { label: a('agenda.title'), required: a('agenda.title.required'), tooShort: a('agenda.title.required') },
      agendaPresenter: a('agenda.presenterField'),
      agendaDocument: { label: a('agenda.documentField'), format: a('agenda.documentField.unknown') },
    };
    const form = parseForm(AgendaItemForm, req.body, labels, req.locale);
    if (!form.ok) return meetingAgain(req, reply, form.errors, req.params.id);
    const input = { title: form.value.agendaTitle, presenter: form.value.agendaPresenter ?? '', documentId: form.value.agendaDocument ?? null };
    const done = await attempt(() => service.addAgendaItem(actor, req.params.id, input, req.locale));
    if (!done.ok) return meetingAgain(req, reply, done.errors, req.params.id);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=tagesordnung#tagesordnung`, 303);
  });

  app.post('/netzwerk/termine/:id/tagesordnung/:item/entfernen', { schema: { params: AgendaItemParams, body: ButtonForm } }, async (req, reply) => {
    await service.removeAgendaItem(networkActor(req), req.params.id, req.params.item);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=tagesordnung#tagesordnung`, 303);
  });

  app.post('/netzwerk/aufgaben/:id/status', { schema: { params: IdParams, body: formBody(TaskStatusForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(TaskStatusForm, req.body, { done: t(req)('task.status') }, req.locale);
    const back = await service.setTaskDone(actor, req.params.id, !form.ok || form.value.done === 'ja');
    return reply.redirect(`${back}?hinweis=gespeichert`, 303);
  });
}
