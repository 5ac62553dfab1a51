import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/guard.js';
import type { AppDeps } from '../../platform/deps.js';
import { csvDocument } from '../../platform/export/csv.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ButtonForm, formBody, Id, IdParams, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { attempt, CivilDate, formValues, parseForm } from '../../platform/http/forms.js';
import { readInstant } from './appointments.schemas.js';
import { PlanningPage } from './views/planning-views.js';
import { addDays, daysBetween, fromLocal, todayIn, toLocal } from '../../platform/time/berlin.js';
import { civilDateError, readCivilDate } from '../../platform/time/civil-date.js';
import { appointmentMessages } from './appointments.messages.js';
import { canHandle, visibleServices } from './appointments.policy.js';
import { activeServices, allCounsellors, allLocations, bookingById, bookingsBetween, counsellorOfUser } from './appointments.repository.js';
import { availability, blockTime, book, cancelBooking, markAttendance, reportAbsence, unblockTime } from './appointments.service.js';
import { staffMessages } from './staff.messages.js';
import { StaffCalendarPage, type StaffFilter } from './views/staff-views.js';

const CalendarQuery = pageQuery({ tag: QueryText(30), ansicht: QueryText(10), standort: QueryText(36), berater: QueryText(36) });
const CsvQuery = pageQuery({ von: QueryText(30), bis: QueryText(30) });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const timePattern = '^([01]\\d|2[0-3]):[0-5]\\d$';
const CallerForm = Type.Object({
  dienst: Id(),
  zeit: Type.String({ minLength: 1, maxLength: 120 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  telefon: Type.String({ minLength: 3, maxLength: 40 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
});
const BlockForm = Type.Object({
  berater: Id(),
  tag: CivilDate(),
  von: Type.String({ pattern: timePattern }),
  bis: Type.String({ pattern: timePattern }),
  grund: Type.Optional(Type.String({ maxLength: 100 })),
});
const IllForm = Type.Object({ ausfallBerater: Id(), ausfallTag: CivilDate() });
const PlanQuery = pageQuery({ dienst: QueryText(36), erledigt: QueryText(20), verschoben: QueryText(5), abgesagt: QueryText(5) });

/*
 * Staff pages (admins: every service; counsellors: the services they give):
 *   GET       /verwaltung/termine?tag=&ansicht=tag|woche&standort=&berater=   day or week view (prints cleanly)
 *   GET       /verwaltung/termine.csv?von=&bis=                                CSV export (formula-safe)
 *        POST /verwaltung/termine/:id/erschienen | nicht-erschienen            attendance
 *        POST /verwaltung/termine/:id/absagen                                  cancel; the person is told (with METHOD:CANCEL)
 *   GET       /verwaltung/termine/planen?dienst=                                book for a caller, block time, report an absence
 *        POST /verwaltung/termine/anruf                                         book for a caller (phone; mail only with an address)
 *        POST /verwaltung/termine/sperren                                       block a counsellor's time
 *        POST /verwaltung/termine/:id/freigeben                                 lift a block (admins; a counsellor their own)
 *        POST /verwaltung/termine/ausfall                                       a counsellor is ill: move (or cancel) the day's bookings
 */
export function registerStaffPages(app: RouteApp, deps: AppDeps): void {
  async function allowed(req: FastifyRequest) {
    const actor = requireActor(req);
    const visible = await visibleServices(deps.db, actor);
    if (visible === 'none') throw new AppError('forbidden', 'Keine Berechtigung');
    return { actor, visible };
  }

  app.get('/verwaltung/termine', { schema: { querystring: CalendarQuery } }, async (req, reply) => {
    const { actor, visible } = await allowed(req);
    const own = visible === null ? undefined : await counsellorOfUser(deps.db, actor.id);
    const q = req.query;
    // The day as typed (TT.MM.JJJJ or ISO); one that cannot be read is named above the field, and today is shown.
    const typedDay = q.tag?.trim() ?? '';
    const reading = typedDay ? readCivilDate(typedDay) : null;
    const dayError = reading && !reading.ok ? civilDateError(reading.problem, staffMessages(req.locale)('filter.day'), req.locale) : undefined;
    const filter: StaffFilter = {
      day: reading?.ok ? reading.date : todayIn(),
      ...(dayError ? { dayError, typedDay } : {}),
      view: q.ansicht === 'woche' ? 'woche' : 'tag',
      location: q.standort && uuid.test(q.standort) ? q.standort : '',
      counsellor: q.berater && uuid.test(q.berater) ? q.berater : '',
    };
    const span = filter.view === 'woche' ? 7 : 1;
    const [bookings, locations, counsellors] = await Promise.all([
      bookingsBetween(deps.db, {
        from: fromLocal(filter.day),
        until: fromLocal(addDays(filter.day, span)),
        serviceIds: visible,
        ownCounsellorId: own?.id,
        locationId: filter.location || undefined,
        counsellorId: filter.counsellor || undefined,
      }),
      allLocations(deps.db),
      allCounsellors(deps.db),
    ]);
    reply.header('cache-control', 'no-store');
    if (dayError) reply.code(422);
    return reply.html(
      <StaffCalendarPage ctx={pageContext(req, deps.city)} filter={filter} bookings={bookings} locations={locations} counsellors={counsellors} />,
    );
  });

  app.get('/verwaltung/termine.csv', { schema: { querystring: CsvQuery } }, async (req, reply) => {
    const { visible } = await allowed(req);
    const read = (value: string | undefined) => {
      const reading = value?.trim() ? readCivilDate(value) : null;
      return reading?.ok ? reading.date : '';
    };
    const from = read(req.query.von) || todayIn();
    const bis = read(req.query.bis);
    const until = bis && daysBetween(from, bis) >= 0 && daysBetween(from, bis) <= 366 ? bis : from;
    const bookings = await bookingsBetween(deps.db, { from: fromLocal(from), until: fromLocal(addDays(until, 1)), serviceIds: visible });
    const t = staffMessages(req.locale);
    const a = appointmentMessages(req.locale);
    const rows = [
      [t('csv.date'), t('csv.time'), t('csv.end'), t('col.service'), t('col.person'), t('col.counsellor'), t('col.location'), t('col.status')],
      ...bookings.map((b) => [
        toLocal(b.starts_at).date,
        toLocal(b.starts_at).time,
        toLocal(b.ends_at).time,
        b.service_name ?? '',
        b.name,
        b.counsellor_name,
        b.location_name ?? '',
        a(`manage.status.${b.status}`),
      ]),
    ];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="termine-${from}-${until}.csv"`)
      .header('cache-control', 'no-store')
      .send(csvDocument(rows));
  });

  const StatusParams = IdParams;
  for (const [path, status] of [
    ['erschienen', 'attended'],
    ['nicht-erschienen', 'no_show'],
  ] as const) {
    app.post(`/verwaltung/termine/:id/${path}`, { schema: { params: StatusParams, body: ButtonForm } }, async (req, reply) => {
      const { actor, visible } = await allowed(req);
      const booking = await bookingById(deps.db, req.params.id);
      if (!booking) throw notFound('Termin');
      if (!canHandle(visible, booking.service_id)) throw new AppError('forbidden', 'Keine Berechtigung');
      await markAttendance(deps, actor, booking, status);
      return reply.redirect(`/verwaltung/termine?tag=${toLocal(booking.starts_at).date}`, 303);
    });
  }

  app.post('/verwaltung/termine/:id/absagen', { schema: { params: Type.Object({ id: IdParams.properties.id }), body: ButtonForm } }, async (req, reply) => {
    const { actor, visible } = await allowed(req);
    const booking = await bookingById(deps.db, req.params.id);
    if (!booking) throw notFound('Termin');
    if (!canHandle(visible, booking.service_id)) throw new AppError('forbidden', 'Keine Berechtigung');
    await cancelBooking(deps, booking.id, actor);
    return reply.redirect(`/verwaltung/termine?tag=${toLocal(booking.starts_at).date}`, 303);
  });

  app.post('/verwaltung/termine/:id/freigeben', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const { actor, visible } = await allowed(req);
    const block = await bookingById(deps.db, req.params.id);
    if (!block || block.status !== 'blocked') throw notFound('Termin');
    // Admins lift any block, a counsellor only their own.
    const own = visible === null ? undefined : await counsellorOfUser(deps.db, actor.id);
    if (visible !== null && own?.id !== block.counsellor_id) throw new AppError('forbidden', 'Keine Berechtigung');
    await unblockTime(deps, actor, block.id);
    return reply.redirect(`/verwaltung/termine?tag=${toLocal(block.starts_at).date}`, 303);
  });

  /** What this person may plan: admins every service and counsellor, a counsellor their own. */
  async function scope(req: FastifyRequest) {
    const { actor, visible } = await allowed(req);
    const services = (await activeServices(deps.db)).filter((s) => visible === null || visible.includes(s.id));
    const own = actor.role === 'admin' ? null : await counsellorOfUser(deps.db, actor.id);
    const counsellors = own ? [own] : await allCounsellors(deps.db);
    return { actor, services, counsellors };
  }

  async function planningPage(
    req: FastifyRequest,
    serviceId: string | undefined,
    extra: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string; status?: number } = {},
  ) {
    const { services, counsellors } = await scope(req);
    const service = services.find((s) => s.id === serviceId) ?? services[0];
    const today = todayIn();
    const slots = service ? await availability(deps, { ...service, min_notice_minutes: 0 }, today, addDays(today, 14)) : [];
    const locations = new Map((await allLocations(deps.db)).map((l) => [l.id, l]));
    const data = {
      services: services.map((s) => ({ id: s.id, name: s.name })),
      serviceId: service?.id ?? '',
      slots: slots.slice(0, 200),
      locations,
      counsellors,
    };
    return <PlanningPage ctx={pageContext(req, deps.city)} data={data} values={extra.values} errors={extra.errors} notice={extra.notice} />;
  }

  app.get('/verwaltung/termine/planen', { schema: { querystring: PlanQuery } }, async (req, reply) => {
    const t = staffMessages(req.locale);
    const done = req.query.erledigt;
    const notice =
      done === 'gebucht'
        ? t('done.booked')
        : done === 'gesperrt'
          ? t('done.blocked')
          : done === 'ausfall'
            ? t('done.ill', { moved: Number(req.query.verschoben ?? 0), cancelled: Number(req.query.abgesagt ?? 0) })
            : undefined;
    reply.header('cache-control', 'no-store');
    return reply.html(await planningPage(req, req.query.dienst, { notice }));
  });

  app.post('/verwaltung/termine/anruf', { schema: { body: formBody(CallerForm) } }, async (req, reply) => {
    const { actor, services } = await scope(req);
    const t = staffMessages(req.locale);
    const values = formValues(req.body);
    const labels = {
      dienst: t('caller.service'),
      zeit: { label: t('caller.slot'), required: t('caller.slot.required'), format: t('caller.slot.required') },
      name: { label: t('caller.name'), required: t('caller.name.required') },
      telefon: { label: t('caller.phone'), required: t('caller.phone.required'), tooShort: t('caller.phone.required') },
      email: { label: t('caller.email'), format: t('caller.email.format') },
    };
    const form = parseForm(CallerForm, values, labels, req.locale);
    const again = async (errors: Record<string, string>, status = 422) => reply.status(status).html(await planningPage(req, values.dienst, { values, errors }));
    if (!form.ok) return again(form.errors);
    const service = services.find((s) => s.id === form.value.dienst);
    if (!service) throw new AppError('forbidden', 'Keine Berechtigung');
    const [beginn, standort] = form.value.zeit.split('|');
    const start = readInstant(beginn);
    if (!start || !standort) return again({ zeit: t('caller.slot.required') });
    try {
      const result = await attempt(() =>
        book(
          deps,
          {
            serviceId: service.id,
            start,
            locationId: standort,
            name: form.value.name,
            email: form.value.email ?? null,
            phone: form.value.telefon,
            onBehalf: 'caller',
            locale: 'de',
          },
          actor,
          { staff: true },
        ),
      );
      if (!result.ok) return again({ zeit: Object.values(result.errors)[0] ?? t('caller.slot.required') });
    } catch (error) {
      if (error instanceof AppError && error.code === 'slot_taken') return again({ zeit: error.message }, 409);
      throw error;
    }
    return reply.redirect(`/verwaltung/termine/planen?dienst=${service.id}&erledigt=gebucht`, 303);
  });

  app.post('/verwaltung/termine/sperren', { schema: { body: formBody(BlockForm) } }, async (req, reply) => {
    const { actor, counsellors } = await scope(req);
    const t = staffMessages(req.locale);
    const values = formValues(req.body);
    const labels = {
      berater: { label: t('block.counsellor'), required: t('block.counsellor.required'), format: t('block.counsellor.required') },
      tag: t('block.day'),
      von: { label: t('block.start'), required: t('block.time'), format: t('block.time') },
      bis: { label: t('block.end'), required: t('block.time'), format: t('block.time') },
      grund: t('block.reason'),
    };
    const form = parseForm(BlockForm, values, labels, req.locale);
    const again = async (errors: Record<string, string>) => reply.status(422).html(await planningPage(req, undefined, { values, errors }));
    if (!form.ok) return again(form.errors);
    if (!counsellors.some((c) => c.id === form.value.berater)) throw new AppError('forbidden', 'Keine Berechtigung');
    const from = fromLocal(form.value.tag, form.value.von);
    const until = fromLocal(form.value.tag, form.value.bis);
    if (until <= from) return again({ bis: t('block.order') });
    const result = await attempt(() =>
      blockTime(deps, actor, { counsellorId: form.value.berater, from, until, note: form.value.grund ?? '' }, t('block.overlap')),
    );
    if (!result.ok) return again({ von: result.errors.start ?? t('block.overlap') });
    return reply.redirect('/verwaltung/termine/planen?erledigt=gesperrt', 303);
  });

  app.post('/verwaltung/termine/ausfall', { schema: { body: formBody(IllForm) } }, async (req, reply) => {
    const { actor, counsellors } = await scope(req);
    const t = staffMessages(req.locale);
    const values = formValues(req.body);
    const labels = {
      ausfallBerater: { label: t('block.counsellor'), required: t('block.counsellor.required'), format: t('block.counsellor.required') },
      ausfallTag: t('block.day'),
    };
    const form = parseForm(IllForm, values, labels, req.locale);
    if (!form.ok) return reply.status(422).html(await planningPage(req, undefined, { values, errors: form.errors }));
    if (!counsellors.some((c) => c.id === form.value.ausfallBerater)) throw new AppError('forbidden', 'Keine Berechtigung');
    if (form.value.ausfallTag < todayIn())
      return reply.status(422).html(await planningPage(req, undefined, { values, errors: { ausfallTag: t('block.day.past') } }));
    const outcome = await reportAbsence(deps, actor, form.value.ausfallBerater, form.value.ausfallTag);
    return reply.redirect(`/verwaltung/termine/planen?erledigt=ausfall&verschoben=${outcome.moved}&abgesagt=${outcome.cancelled}`, 303);
  });
}
