import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { imageFromForm, validateImage } from '../../platform/media/media.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { fromLocal, toLocal } from '../../platform/time/berlin.js';
import { smallNumber } from './council.pages.js';
import { authorize, can } from './council.policy.js';
import { AttendanceForm, DecisionForm, FollowUpForm, PublishForm, ReportForm, ResultForm, WorkshopForm } from './council.schemas.js';
import type { CouncilService, Workshop } from './council.service.js';
import { staffMessages } from './staff.messages.js';
import { PrintListPage, staffPath, StaffOverviewPage, StaffWorkshopPage, staffWorkshopPath, WorkshopFormPage, type ReportErrors } from './views/staff.js';

const NoticeQuery = pageQuery({ gespeichert: QueryText(20) });
const reportLimits = { files: 1, fileBytes: 6 * 1024 * 1024, fields: 8, fieldBytes: 16 * 1024 };
const notices = ['ended', 'removed', 'decision', 'workshop', 'invite', 'attendance', 'report', 'published', 'withdrawn', 'result', 'moved'] as const;

/** The workshop's stored values as the form shows them (Berlin time). */
function workshopValues(w: Workshop): Record<string, string> {
  const start = toLocal(w.starts_at);
  return {
    title: w.title,
    date: start.date,
    from: start.time,
    until: toLocal(w.ends_at).time,
    registrationUntil: toLocal(w.registration_until).date,
    place: w.place,
    agenda: w.agenda,
    languages: w.languages,
    capacity: String(w.capacity),
    childcarePlaces: String(w.childcare_places),
  };
}

/*
 * Routes of the family council for the Stabsstelle (editors and admins; HTML):
 *   GET       /verwaltung/familienbeirat                                  applications, composition, workshops, participation figures
 *        POST /verwaltung/familienbeirat/bewerbungen/:id                  accept for a term, decline, reserve list
 *        POST /verwaltung/familienbeirat/mitglieder/:id/beenden           end a member's term today (links stop, they leave the exchange group)
 *        POST /verwaltung/familienbeirat/mitglieder/:id/entfernen         remove a former member (name, address and answers replaced)
 *   GET  POST /verwaltung/familienbeirat/workshops/neu                     plan a workshop
 *   GET  POST /verwaltung/familienbeirat/workshops/:id                     registrations with needs, attendance, report, results; change the workshop
 *        POST /verwaltung/familienbeirat/workshops/:id/einladen            invite every member (mail in their language with .ics)
 *        POST /verwaltung/familienbeirat/workshops/:id/anwesenheit         tick off who came
 *   GET       /verwaltung/familienbeirat/workshops/:id/liste              the attendance list to print
 *        POST /verwaltung/familienbeirat/workshops/:id/bericht            the report (multipart: a photo with alt text)
 *        POST /verwaltung/familienbeirat/workshops/:id/veroeffentlichen   publish or withdraw the report
 *        POST /verwaltung/familienbeirat/workshops/:id/ergebnisse         add a result (linked to an initiative)
 *        POST /verwaltung/familienbeirat/ergebnisse/:id                   move a result's follow-up (attendees are told)
 */
export function registerStaffPages(app: RouteApp, deps: AppDeps, service: CouncilService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const guard = (req: FastifyRequest) => {
    const actor = requireActor(req);
    authorize(actor, 'council.organise');
    return actor;
  };
  const noticeText = (req: FastifyRequest, key: string | undefined, count?: number) => {
    const t = staffMessages(req.locale);
    switch (key) {
      case 'decision':
        return t('decision.done');
      case 'ended':
        return t('members.ended');
      case 'removed':
        return t('members.removed');
      case 'workshop':
        return t('workshop.saved');
      case 'invite':
        return t('invite.done', { count: count ?? 0 });
      case 'attendance':
        return t('attendance.saved');
      case 'report':
        return t('report.saved');
      case 'published':
        return t('report.published');
      case 'withdrawn':
        return t('report.withdrawn');
      case 'result':
      case 'moved':
        return t('results.moved');
      default:
        return undefined;
    }
  };

  const overview = async (req: FastifyRequest, reply: FastifyReply, options: { notice?: string; errors?: FieldErrors; status?: number } = {}) => {
    const actor = guard(req);
    return reply
      .status(options.status ?? 200)
      .html(
        <StaffOverviewPage
          ctx={ctxOf(req)}
          applications={await service.applications(actor)}
          formerMembers={await service.formerMembers(actor)}
          composition={await service.composition()}
          workshops={await service.workshops()}
          figures={await service.figures()}
          notice={options.notice}
          errors={options.errors}
        />,
      );
  };

  app.get(staffPath, { schema: { querystring: NoticeQuery } }, async (req, reply) => overview(req, reply, { notice: noticeText(req, req.query.gespeichert) }));

  app.post(`${staffPath}/bewerbungen/:id`, { schema: { params: IdParams, body: formBody(DecisionForm) } }, async (req, reply) => {
    const actor = guard(req);
    const t = staffMessages(req.locale);
    const form = parseForm(DecisionForm, req.body, { decision: t('applications.decide'), termUntil: t('decision.termUntil') }, req.locale);
    // The term field is named per application on the page, so the summary links to the right one.
    if (!form.ok) return overview(req, reply, { status: 422, errors: Object.fromEntries(Object.values(form.errors).map((e) => [`term-${req.params.id}`, e])) });
    await service.decide(actor, req.params.id, form.value.decision, form.value.termUntil ?? null);
    return reply.redirect(`${staffPath}?gespeichert=decision`, 303);
  });

  // Members: end a term early, remove former members -------------------------------------------

  app.post(`${staffPath}/mitglieder/:id/beenden`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.endTerm(guard(req), req.params.id);
    return reply.redirect(`${staffPath}?gespeichert=ended#ehemalige`, 303);
  });

  app.post(`${staffPath}/mitglieder/:id/entfernen`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.removeMember(guard(req), req.params.id);
    return reply.redirect(`${staffPath}?gespeichert=removed#ehemalige`, 303);
  });

  // Workshops -----------------------------------------------------------------------------------

  const workshopLabels = (req: FastifyRequest): Record<string, FieldWords> => {
    const t = staffMessages(req.locale);
    return {
      title: t('workshop.title'),
      date: t('workshop.date'),
      from: { label: t('workshop.from'), format: t('workshop.time.invalid'), required: t('workshop.time.invalid') },
      until: { label: t('workshop.until'), format: t('workshop.time.invalid'), required: t('workshop.time.invalid') },
      registrationUntil: t('workshop.registrationUntil'),
      place: t('workshop.place'),
      agenda: t('workshop.agenda'),
      languages: t('workshop.languages'),
      capacity: { label: t('workshop.capacity'), format: t('workshop.capacity.invalid'), required: t('workshop.capacity.invalid') },
      childcarePlaces: { label: t('workshop.childcarePlaces'), format: t('workshop.childcarePlaces.invalid'), required: t('workshop.childcarePlaces.invalid') },
    };
  };

  /** Reads the workshop form; errors in the order of the fields. */
  const readWorkshop = (req: FastifyRequest) => {
    const t = staffMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(WorkshopForm, req.body, workshopLabels(req), req.locale);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const capacity = smallNumber(values.capacity?.trim(), 1, 500);
    const childcare = smallNumber((values.childcarePlaces ?? '').trim(), 0, 200);
    if (capacity === null && !errors.capacity) errors.capacity = t('workshop.capacity.invalid');
    if (childcare === null && !errors.childcarePlaces) errors.childcarePlaces = t('workshop.childcarePlaces.invalid');
    if (!form.ok || Object.keys(errors).length > 0) return { ok: false as const, values, errors };
    const v = form.value;
    const startsAt = fromLocal(v.date, v.from);
    const endsAt = fromLocal(v.date, v.until);
    if (endsAt <= startsAt) return { ok: false as const, values, errors: { until: t('workshop.end.beforeStart') } };
    if (v.registrationUntil > v.date) return { ok: false as const, values, errors: { registrationUntil: t('workshop.registrationUntil.afterStart') } };
    const registrationUntil = v.registrationUntil === v.date ? startsAt : fromLocal(v.registrationUntil, '23:59');
    return {
      ok: true as const,
      values,
      input: {
        title: v.title,
        agenda: v.agenda ?? '',
        place: v.place,
        languages: v.languages ?? '',
        startsAt,
        endsAt,
        registrationUntil: registrationUntil > startsAt ? startsAt : registrationUntil,
        capacity: capacity!,
        childcarePlaces: childcare!,
      },
    };
  };

  app.get(`${staffPath}/workshops/neu`, { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    guard(req);
    return reply.html(<WorkshopFormPage ctx={ctxOf(req)} id={null} />);
  });

  app.post(`${staffPath}/workshops/neu`, { schema: { body: formBody(WorkshopForm) } }, async (req, reply) => {
    const actor = guard(req);
    const read = readWorkshop(req);
    if (!read.ok) return reply.status(422).html(<WorkshopFormPage ctx={ctxOf(req)} id={null} values={read.values} errors={read.errors} />);
    const id = await service.saveWorkshop(actor, null, read.input, req.locale);
    return reply.redirect(`${staffWorkshopPath(id)}?gespeichert=workshop`, 303);
  });

  const workshopPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { status?: number; notice?: string; workshopValues?: Record<string, string>; workshopErrors?: FieldErrors; report?: ReportErrors } = {},
  ) => {
    const actor = guard(req);
    const workshop = await service.workshop(id);
    return reply
      .status(options.status ?? 200)
      .html(
        <StaffWorkshopPage
          ctx={ctxOf(req)}
          workshop={workshop}
          registrations={await service.registrations(actor, id)}
          results={await service.results([id], req.locale)}
          initiatives={await service.initiativeChoices()}
          ideas={await service.ideaChoices()}
          workshopValues={options.workshopValues ?? workshopValues(workshop)}
          workshopErrors={options.workshopErrors}
          report={options.report}
          notice={options.notice}
        />,
      );
  };

  app.get(
    `${staffPath}/workshops/:id`,
    { schema: { params: IdParams, querystring: pageQuery({ gespeichert: QueryText(20), anzahl: QueryText(6) }) } },
    async (req, reply) => {
      const key = (notices as readonly string[]).includes(req.query.gespeichert ?? '') ? req.query.gespeichert : undefined;
      return workshopPage(req, reply, req.params.id, { notice: noticeText(req, key, Number(req.query.anzahl ?? 0) || 0) });
    },
  );

  app.post(`${staffPath}/workshops/:id`, { schema: { params: IdParams, body: formBody(WorkshopForm) } }, async (req, reply) => {
    const actor = guard(req);
    const read = readWorkshop(req);
    if (!read.ok) return workshopPage(req, reply, req.params.id, { status: 422, workshopValues: read.values, workshopErrors: read.errors });
    const saved = await attempt(() => service.saveWorkshop(actor, req.params.id, read.input, req.locale));
    if (!saved.ok) return workshopPage(req, reply, req.params.id, { status: 422, workshopValues: read.values, workshopErrors: saved.errors });
    return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=workshop`, 303);
  });

  app.post(`${staffPath}/workshops/:id/einladen`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const actor = guard(req);
    const count = await service.invite(actor, req.params.id, req.locale);
    return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=invite&anzahl=${count}`, 303);
  });

  app.post(`${staffPath}/workshops/:id/anwesenheit`, { schema: { params: IdParams, body: formBody(AttendanceForm) } }, async (req, reply) => {
    const actor = guard(req);
    const present = new Set(
      Object.entries(formValues(req.body))
        .filter(([key, value]) => value === 'ja' && /^[0-9a-f-]{36}$/.test(key))
        .map(([key]) => key),
    );
    await service.recordAttendance(actor, req.params.id, present);
    return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=attendance`, 303);
  });

  app.get(`${staffPath}/workshops/:id/liste`, { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) => {
    const actor = guard(req);
    const workshop = await service.workshop(req.params.id);
    return reply.html(<PrintListPage ctx={ctxOf(req)} workshop={workshop} registrations={await service.registrations(actor, workshop.id)} />);
  });

  acceptMultipart(app, { limits: reportLimits, who: (actor) => can(actor, 'council.organise') }, (scope) => {
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post(`${staffPath}/workshops/:id/bericht`, { schema: { params: IdParams, body: formBody(ReportForm) } }, async (req, reply) => {
        const actor = guard(req);
        const t = staffMessages(req.locale);
        const values = formValues(req.body);
        const form = parseForm(
          ReportForm,
          req.body,
          { discussed: t('report.discussed'), blindSpots: t('report.blindSpots'), ideas: t('report.ideas'), photoAlt: t('report.photoAlt') },
          req.locale,
        );
        const errors: FieldErrors = form.ok ? {} : { ...form.errors };
        const photo = imageFromForm(req.body, 'photo');
        const problem = photo ? validateImage(photo) : null;
        if (problem) errors.photo = problem === 'image.size' ? t('report.photo.size') : t('report.photo.type');
        if (photo && !(values.photoAlt ?? '').trim()) errors.photoAlt = t('report.photoAlt.required');
        if (!form.ok || Object.keys(errors).length > 0) return workshopPage(req, reply, req.params.id, { status: 422, report: { errors, values } });
        const v = form.value;
        await service.saveReport(actor, req.params.id, {
          discussed: v.discussed ?? null,
          blindSpots: v.blindSpots ?? null,
          ideas: v.ideas ?? null,
          photo: photo ? { image: photo, alt: v.photoAlt! } : null,
        });
        return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=report`, 303);
      });
  });

  app.post(`${staffPath}/workshops/:id/veroeffentlichen`, { schema: { params: IdParams, body: formBody(PublishForm) } }, async (req, reply) => {
    const actor = guard(req);
    const publish = formValues(req.body).publish === 'ja';
    const done = await attempt(() => service.publishReport(actor, req.params.id, publish, req.locale));
    if (!done.ok) return workshopPage(req, reply, req.params.id, { status: 422, report: { errors: done.errors, values: {} } });
    return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=${publish ? 'published' : 'withdrawn'}`, 303);
  });

  app.post(`${staffPath}/workshops/:id/ergebnisse`, { schema: { params: IdParams, body: formBody(ResultForm) } }, async (req, reply) => {
    const actor = guard(req);
    const t = staffMessages(req.locale);
    const form = parseForm(
      ResultForm,
      req.body,
      { resultTitle: t('results.title'), resultBody: t('results.body'), resultInitiative: t('results.initiative'), resultIdea: t('results.idea') },
      req.locale,
    );
    if (!form.ok) return workshopPage(req, reply, req.params.id, { status: 422, report: { errors: form.errors, values: {} } });
    await service.addResult(actor, req.params.id, {
      title: form.value.resultTitle,
      body: form.value.resultBody ?? '',
      initiativeId: form.value.resultInitiative ?? null,
      ideaId: form.value.resultIdea ?? null,
    });
    return reply.redirect(`${staffWorkshopPath(req.params.id)}?gespeichert=result`, 303);
  });

  app.post(`${staffPath}/ergebnisse/:id`, { schema: { params: IdParams, body: formBody(FollowUpForm) } }, async (req, reply) => {
    const actor = guard(req);
    const t = staffMessages(req.locale);
    const form = parseForm(
      FollowUpForm,
      req.body,
      { followUp: t('results.followUp', { title: '' }), note: t('results.note'), initiative: t('results.initiative'), idea: t('results.idea') },
      req.locale,
    );
    if (!form.ok) throw new AppError('validation_failed', Object.values(form.errors).join(' '), { fields: form.errors });
    const workshopId = await service.moveResult(actor, req.params.id, {
      followUp: form.value.followUp,
      note: form.value.note ?? null,
      initiativeId: form.value.initiative ?? null,
      ideaId: form.value.idea ?? null,
    });
    return reply.redirect(`${staffWorkshopPath(workshopId)}?gespeichert=moved`, 303);
  });
}
