import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/guard.js';
import type { AppDeps } from '../../platform/deps.js';
import { csvDocument } from '../../platform/export/csv.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { ButtonForm, IdParams, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { addDays, daysBetween, fromLocal, isDate, todayIn, toLocal } from '../../platform/time/berlin.js';
import { appointmentMessages } from './appointments.messages.js';
import { canHandle, visibleServices } from './appointments.policy.js';
import { allCounsellors, allLocations, bookingById, bookingsBetween } from './appointments.repository.js';
import { cancelBooking, markAttendance } from './appointments.service.js';
import { staffMessages } from './staff.messages.js';
import { StaffCalendarPage, type StaffFilter } from './views/staff-views.js';

const CalendarQuery = pageQuery({ tag: QueryText(10), ansicht: QueryText(10), standort: QueryText(36), berater: QueryText(36) });
const CsvQuery = pageQuery({ von: QueryText(10), bis: QueryText(10) });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/*
 * Staff pages (admins: every service; counsellors: the services they give):
 *   GET       /verwaltung/termine?tag=&ansicht=tag|woche&standort=&berater=   day or week view (prints cleanly)
 *   GET       /verwaltung/termine.csv?von=&bis=                                CSV export (formula-safe)
 *        POST /verwaltung/termine/:id/erschienen | nicht-erschienen            attendance
 *        POST /verwaltung/termine/:id/absagen                                  cancel; the person is told (with METHOD:CANCEL)
 */
export function registerStaffPages(app: RouteApp, deps: AppDeps): void {
  async function allowed(req: FastifyRequest) {
    const actor = requireActor(req);
    const visible = await visibleServices(deps.db, actor);
    if (visible === 'none') throw new AppError('forbidden', 'Keine Berechtigung');
    return { actor, visible };
  }

  app.get('/verwaltung/termine', { schema: { querystring: CalendarQuery } }, async (req, reply) => {
    const { visible } = await allowed(req);
    const q = req.query;
    const filter: StaffFilter = {
      day: q.tag && isDate(q.tag) ? q.tag : todayIn(),
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
        locationId: filter.location || undefined,
        counsellorId: filter.counsellor || undefined,
      }),
      allLocations(deps.db),
      allCounsellors(deps.db),
    ]);
    reply.header('cache-control', 'no-store');
    return reply.html(
      <StaffCalendarPage ctx={pageContext(req, deps.city)} filter={filter} bookings={bookings} locations={locations} counsellors={counsellors} />,
    );
  });

  app.get('/verwaltung/termine.csv', { schema: { querystring: CsvQuery } }, async (req, reply) => {
    const { visible } = await allowed(req);
    const from = req.query.von && isDate(req.query.von) ? req.query.von : todayIn();
    const until =
      req.query.bis && isDate(req.query.bis) && daysBetween(from, req.query.bis) >= 0 && daysBetween(from, req.query.bis) <= 366 ? req.query.bis : from;
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
}
