import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { formBody, NoQuery, params, type RouteApp } from '../../platform/http/routes.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { addDays, isDate, toLocal, todayIn } from '../../platform/time/berlin.js';
import { appointmentMessages } from './appointments.messages.js';
import { activeServices, allLocations, serviceById, serviceBySlug, type BookingView } from './appointments.repository.js';
import { BookingForm, DayQuery, MoveForm, readInstant, SlotQuery, TokenForm, TokenQuery, WaitlistForm } from './appointments.schemas.js';
import {
  availability,
  book,
  bookingByToken,
  cancelBooking,
  confirmBooking,
  joinWaitlist,
  linkToken,
  moveBooking,
  type AppointmentService,
} from './appointments.service.js';
import { subscribeToPushReminder, vapidKeys } from './push.js';
import { freeDays } from './slots.js';
import { BookingFormPage, ManagePage, MoveConfirmPage, NoticePage, ServiceListPage, ServicePage } from './views/booking-views.js';

const PushForm = Type.Object({
  token: Type.String({ maxLength: 200 }),
  endpoint: Type.String({ maxLength: 1000 }),
  p256dh: Type.String({ maxLength: 200 }),
  auth: Type.String({ maxLength: 100 }),
});
const SlugParams = params({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) });

/*
 * Routes of booking (HTML, no account needed):
 *   GET       /termine                              the services, by office
 *   GET       /termine/:slug?tag=                   free days; for the chosen day its free times
 *   GET  POST /termine/:slug/buchen?beginn=&standort=   the form for one slot; holds it (or books it, signed in)
 *        POST /termine/:slug/warteliste             join the waiting list of a day
 *   GET       /termine/warteliste                   "you are on the waiting list"
 *   GET       /termine/angefragt                    "check your mail"
 *   GET       /termine/buchung?token=               the booking through the signed personal link
 *        POST /termine/buchung/bestaetigen          confirm a held booking (once)
 *        POST /termine/buchung/absagen              cancel
 *        POST /termine/buchung/push                 the push reminder 2 hours before (the browser's subscription)
 *   GET  POST /termine/buchung/verschieben?token=&tag=   choose a new time; move
 */
export function registerAppointmentPages(app: RouteApp, deps: AppDeps): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const locationMap = async () => new Map((await allLocations(deps.db)).map((l) => [l.id, l]));

  const invalidLink = (req: FastifyRequest, reply: FastifyReply) => {
    const t = appointmentMessages(req.locale);
    return reply
      .status(400)
      .header('cache-control', 'no-store')
      .html(
        <NoticePage
          ctx={ctxOf(req)}
          title={t('link.invalid.title')}
          text={t('link.invalid.text')}
          status="warning"
          link={{ href: '/termine', label: t('manage.bookAgain') }}
        />,
      );
  };

  async function pickerData(service: AppointmentService, day: string | undefined) {
    const now = new Date();
    const today = todayIn(now);
    const slots = await availability(deps, service, today, addDays(today, service.window_days), now);
    const days = freeDays(slots);
    const chosen = day && isDate(day) ? day : null;
    return { slots, days, day: chosen, locations: await locationMap() };
  }

  app.get('/termine', { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<ServiceListPage ctx={ctxOf(req)} services={await activeServices(deps.db)} />),
  );

  app.get('/termine/angefragt', { schema: { querystring: NoQuery } }, (req, reply) => {
    const t = appointmentMessages(req.locale);
    return reply.html(<NoticePage ctx={ctxOf(req)} title={t('held.title')} text={t('held.text')} extra={t('held.spam')} />);
  });

  app.get('/termine/warteliste', { schema: { querystring: NoQuery } }, (req, reply) => {
    const t = appointmentMessages(req.locale);
    return reply.html(<NoticePage ctx={ctxOf(req)} title={t('wait.done.title')} text={t('wait.done.text')} status="success" />);
  });

  app.post('/termine/:slug/warteliste', { schema: { params: SlugParams, body: formBody(WaitlistForm) } }, async (req, reply) => {
    const t = appointmentMessages(req.locale);
    const service = await serviceBySlug(deps.db, req.params.slug);
    if (!service || service.audience === 'invitation') throw notFound('Termin');
    const values = formValues(req.body);
    const labels = { ...formLabels(req), tag: t('wait.day') };
    const form = parseForm(WaitlistForm, values, labels, req.locale);
    const again = async (errors: Record<string, string>) =>
      reply.status(422).html(<ServicePage ctx={ctxOf(req)} service={service} {...await pickerData(service, undefined)} values={values} errors={errors} />);
    if (!form.ok) return again(form.errors);
    await consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'appointments-wait:ip', max: 20, windowSeconds: 600 }, req.ip);
    const result = await attempt(() =>
      joinWaitlist(
        deps,
        { serviceId: service.id, date: form.value.tag, name: form.value.name, email: form.value.email, locale: req.locale },
        t('wait.day.outside', { days: service.window_days }),
      ),
    );
    if (!result.ok) return again(result.errors);
    return reply.redirect('/termine/warteliste', 303);
  });

  app.get('/termine/:slug', { schema: { params: SlugParams, querystring: DayQuery } }, async (req, reply) => {
    const service = await serviceBySlug(deps.db, req.params.slug);
    if (!service) throw notFound('Termin');
    return reply.html(<ServicePage ctx={ctxOf(req)} service={service} {...await pickerData(service, req.query.tag)} />);
  });

  const formLabels = (req: FastifyRequest) => {
    const t = appointmentMessages(req.locale);
    return {
      name: { label: t('field.name'), required: t('field.name.required'), tooLong: t('field.name.tooLong') },
      email: { label: t('field.email'), required: t('field.email.required'), format: t('field.email.format'), tooLong: t('field.email.format') },
      antwort: { label: t('field.answer.tooLong'), tooLong: t('field.answer.tooLong') },
      beginn: { label: t('slot.outside'), required: t('slot.outside'), format: t('slot.outside'), tooLong: t('slot.outside') },
      standort: { label: t('slot.outside'), required: t('slot.outside'), format: t('slot.outside') },
    };
  };

  async function slotOf(service: AppointmentService, beginn: string | undefined, standort: string | undefined) {
    const start = readInstant(beginn);
    const location = standort ? (await locationMap()).get(standort) : undefined;
    return start && location ? { start, location } : null;
  }

  app.get('/termine/:slug/buchen', { schema: { params: SlugParams, querystring: SlotQuery } }, async (req, reply) => {
    const service = await serviceBySlug(deps.db, req.params.slug);
    if (!service) throw notFound('Termin');
    const slot = await slotOf(service, req.query.beginn, req.query.standort);
    if (!slot) return reply.redirect(`/termine/${service.slug}`, 303);
    return reply.html(<BookingFormPage ctx={ctxOf(req)} service={service} start={slot.start} location={slot.location} />);
  });

  app.post('/termine/:slug/buchen', { schema: { params: SlugParams, body: formBody(BookingForm) } }, async (req, reply) => {
    const t = appointmentMessages(req.locale);
    const service = await serviceBySlug(deps.db, req.params.slug);
    if (!service) throw notFound('Termin');
    const values = formValues(req.body);
    const slot = await slotOf(service, values.beginn, values.standort);
    if (!slot) return reply.redirect(`/termine/${service.slug}`, 303);
    const form = parseForm(BookingForm, values, formLabels(req), req.locale);
    const errors = form.ok ? {} : { ...form.errors };
    if (service.audience === 'young' && values.jung !== 'ja') errors.jung = t('field.young.required');
    if (values.fuerSchueler === 'ja' && values.einverstanden !== 'ja') errors.einverstanden = t('field.pupilConsent.required');
    const again = (status: number, errs: Record<string, string>) =>
      reply
        .status(status)
        .html(<BookingFormPage ctx={ctxOf(req)} service={service} start={slot.start} location={slot.location} values={values} errors={errs} />);
    if (!form.ok || Object.keys(errors).length > 0) return again(422, errors);
    await consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'appointments-book:ip', max: 30, windowSeconds: 600 }, req.ip);
    try {
      const result = await attempt(() =>
        book(
          deps,
          {
            serviceId: service.id,
            start: slot.start,
            locationId: slot.location.id,
            name: form.value.name,
            email: form.value.email,
            answer: form.value.antwort ?? null,
            onBehalf: values.fuerSchueler === 'ja' ? 'pupil' : null,
            pupilConsent: values.einverstanden === 'ja',
            locale: req.locale,
          },
          req.actor ?? null,
        ),
      );
      if (!result.ok) return again(422, result.errors);
      if (result.value.status === 'confirmed') return reply.redirect(`/termine/buchung?token=${encodeURIComponent(result.value.token)}&erledigt=gebucht`, 303);
      return reply.redirect('/termine/angefragt', 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'slot_taken') return again(409, { slot: error.message });
      throw error;
    }
  });

  app.get('/termine/buchung', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = appointmentMessages(req.locale);
    const token = req.query.token ?? '';
    const booking = await bookingByToken(deps, token);
    if (!booking) return invalidLink(req, reply);
    const done = req.query.erledigt;
    const notice =
      done === 'gebucht'
        ? { kind: 'success' as const, text: t('manage.confirmed') }
        : done === 'bestaetigt'
          ? { kind: 'success' as const, text: t('manage.confirmed') }
          : done === 'schon'
            ? { kind: 'info' as const, text: t('manage.alreadyConfirmed') }
            : done === 'abgesagt'
              ? { kind: 'success' as const, text: t('manage.cancelledNow') }
              : done === 'verschoben'
                ? { kind: 'success' as const, text: t('manage.movedNow') }
                : done === 'erinnerung'
                  ? { kind: 'success' as const, text: t('push.done') }
                  : booking.status === 'expired' || (booking.status === 'held' && booking.hold_expires_at && booking.hold_expires_at <= new Date())
                    ? { kind: 'warning' as const, text: t('manage.expired') }
                    : undefined;
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.html(<ManagePage ctx={ctxOf(req)} booking={booking} token={token} notice={notice} push={await pushOffer(booking)} />);
  });

  /** The push reminder is offered on a confirmed booking that is still ahead. */
  async function pushOffer(booking: BookingView) {
    if (booking.status !== 'confirmed' || booking.starts_at <= new Date()) return undefined;
    return { publicKey: (await vapidKeys(deps)).publicKey, active: !!booking.push_endpoint };
  }

  // The browser's push subscription for the reminder 2 hours before (sent by public/appointment-push.js).
  app.post('/termine/buchung/push', { schema: { body: formBody(PushForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const token = values.token ?? '';
    const booking = await bookingByToken(deps, token);
    if (!booking) return invalidLink(req, reply);
    const subscription = { endpoint: values.endpoint ?? '', p256dh: values.p256dh ?? '', auth: values.auth ?? '' };
    if (!(await subscribeToPushReminder(deps, booking.id, subscription))) {
      const t = appointmentMessages(req.locale);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return reply
        .status(422)
        .html(
          <ManagePage ctx={ctxOf(req)} booking={booking} token={token} notice={{ kind: 'warning', text: t('push.failed') }} push={await pushOffer(booking)} />,
        );
    }
    return reply.redirect(`/termine/buchung?token=${encodeURIComponent(token)}&erledigt=erinnerung`, 303);
  });

  app.post('/termine/buchung/bestaetigen', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const token = formValues(req.body).token ?? '';
    const { outcome } = await confirmBooking(deps, token);
    if (outcome === 'not_possible') return invalidLink(req, reply);
    const done = outcome === 'confirmed' ? 'bestaetigt' : outcome === 'already_confirmed' ? 'schon' : 'abgelaufen';
    return reply.redirect(`/termine/buchung?token=${encodeURIComponent(token)}&erledigt=${done}`, 303);
  });

  app.post('/termine/buchung/absagen', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const token = formValues(req.body).token ?? '';
    const booking = await bookingByToken(deps, token);
    if (!booking) return invalidLink(req, reply);
    await cancelBooking(deps, booking.id, null);
    return reply.redirect(`/termine/buchung?token=${encodeURIComponent(token)}&erledigt=abgesagt`, 303);
  });

  const MoveQuery = Type.Object(
    {
      token: Type.Optional(Type.String({ maxLength: 200 })),
      tag: Type.Optional(Type.String({ maxLength: 10 })),
      beginn: Type.Optional(Type.String({ maxLength: 40 })),
      standort: Type.Optional(Type.String({ maxLength: 36 })),
    },
    { additionalProperties: true },
  );

  async function movePage(req: FastifyRequest, reply: FastifyReply, token: string, day: string | undefined, status = 200, errors?: Record<string, string>) {
    const booking = await bookingByToken(deps, token);
    if (!booking || !booking.service_id || !['held', 'confirmed'].includes(booking.status)) return invalidLink(req, reply);
    const service = await serviceById(deps.db, booking.service_id);
    if (!service) return invalidLink(req, reply);
    const data = await pickerData(service, day ?? toLocal(booking.starts_at).date);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.status(status).html(<ManagePage ctx={ctxOf(req)} booking={booking} token={token} move={{ ...data, errors }} />);
  }

  app.get('/termine/buchung/verschieben', { schema: { querystring: MoveQuery } }, async (req, reply) => {
    const token = req.query.token ?? '';
    if (req.query.beginn && req.query.standort) {
      const booking = await bookingByToken(deps, token);
      const start = readInstant(req.query.beginn);
      const location = (await locationMap()).get(req.query.standort);
      if (!booking) return invalidLink(req, reply);
      if (start && location) {
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        return reply.html(<MoveConfirmPage ctx={ctxOf(req)} booking={booking} token={token} start={start} location={location} />);
      }
    }
    return movePage(req, reply, token, req.query.tag);
  });

  app.post('/termine/buchung/verschieben', { schema: { body: formBody(MoveForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const token = values.token ?? '';
    const booking = await bookingByToken(deps, token);
    if (!booking) return invalidLink(req, reply);
    const start = readInstant(values.beginn);
    const t = appointmentMessages(req.locale);
    if (!start || !values.standort) return movePage(req, reply, token, undefined, 422, { slot: t('slot.outside') });
    try {
      const moved = await attempt(() => moveBooking(deps, booking, { start, locationId: values.standort! }, null));
      if (!moved.ok) return movePage(req, reply, token, toLocal(start).date, 422, moved.errors);
      return reply.redirect(`/termine/buchung?token=${encodeURIComponent(linkToken(deps, booking.ical_uid))}&erledigt=verschoben`, 303);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'slot_taken' || error.code === 'conflict'))
        return movePage(req, reply, token, toLocal(start).date, 409, { slot: error.message });
      throw error;
    }
  });
}
