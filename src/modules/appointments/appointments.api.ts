import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { Id, NoQuery, params, type RouteApp } from '../../platform/http/routes.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { isDate, daysBetween, isoWithOffset } from '../../platform/time/berlin.js';
import { activeServices, allLocations, serviceById } from './appointments.repository.js';
import { BookingCreated, BookingRequest, FreeSlots, RangeQuery, readInstant, ServiceList } from './appointments.schemas.js';
import { availability, book } from './appointments.service.js';

/** Booking requests per address and 10 minutes: a person books one or two, a school a class. */
export const bookingApiLimit = { bucket: 'appointments-api:ip', max: 30, windowSeconds: 600 };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/*
 * JSON routes (OpenAPI document):
 *   GET  /api/v1/termine/dienste                               services that can be booked
 *   GET  /api/v1/termine/dienste/:id/freie-zeiten?von=&bis=    free slots (times with offset, Europe/Berlin)
 *   POST /api/v1/termine/buchungen                             hold a slot; the mail link confirms it (201, 409 slot_taken, 422 fields)
 */
export function registerAppointmentsApi(app: RouteApp, deps: AppDeps): void {
  app.get(
    '/api/v1/termine/dienste',
    { schema: { tags: ['Termine'], summary: 'Buchbare Beratungstermine (Dienste)', querystring: NoQuery, response: { 200: ServiceList } } },
    async () =>
      (await activeServices(deps.db)).map((s) => ({
        id: s.id,
        kennung: s.slug,
        name: s.name,
        stelle: s.office,
        dauerMinuten: s.duration_minutes,
        kanal: s.channel,
        zielgruppe: s.audience,
      })),
  );

  app.get(
    '/api/v1/termine/dienste/:id/freie-zeiten',
    {
      schema: {
        tags: ['Termine'],
        summary: 'Freie Zeiten eines Dienstes zwischen zwei Tagen (Europe/Berlin)',
        params: params({ id: Id() }),
        querystring: RangeQuery,
        response: { 200: FreeSlots },
      },
    },
    async (req) => {
      const service = await serviceById(deps.db, req.params.id);
      if (!service || !service.active) throw notFound('Dienst');
      const { von, bis } = req.query;
      const fields: Record<string, string> = {};
      if (!isDate(von)) fields.von = 'invalid_date';
      if (!isDate(bis)) fields.bis = 'invalid_date';
      else if (isDate(von) && (daysBetween(von, bis) < 0 || daysBetween(von, bis) > 62)) fields.bis = 'range_too_long';
      if (Object.keys(fields).length > 0)
        throw new AppError('validation_failed', 'Der Zeitraum muss aus zwei Tagen bestehen, höchstens 62 Tage auseinander.', { fields });
      const [slots, locations] = await Promise.all([availability(deps, service, von, bis), allLocations(deps.db)]);
      const byId = new Map(locations.map((l) => [l.id, l]));
      return {
        zeiten: slots.map((s) => ({
          beginn: isoWithOffset(s.start),
          ende: isoWithOffset(s.end),
          standort: { id: s.locationId, name: byId.get(s.locationId)?.name ?? '', adresse: byId.get(s.locationId)?.address ?? '' },
          kanal: service.channel,
        })),
      };
    },
  );

  app.post(
    '/api/v1/termine/buchungen',
    {
      config: { csrf: false },
      schema: {
        tags: ['Termine'],
        summary: `Einen freien Termin halten (30 Minuten); die E-Mail bestätigt ihn. Höchstens ${bookingApiLimit.max} Anfragen je Adresse in 10 Minuten (sonst 429).`,
        body: BookingRequest,
        response: { 201: BookingCreated },
      },
    },
    async (req, reply) => {
      await consumeRateLimit(deps.db, deps.config.sessionSecret, bookingApiLimit, req.ip);
      const body = req.body;
      const fields: Record<string, string> = {};
      const start = readInstant(body.beginn);
      if (!body.dienst || !uuid.test(body.dienst)) fields.dienst = body.dienst ? 'unknown' : 'required';
      if (!start) fields.beginn = body.beginn ? 'invalid' : 'required';
      if (!body.standort || !uuid.test(body.standort)) fields.standort = body.standort ? 'unknown' : 'required';
      const name = body.name?.trim() ?? '';
      if (!name) fields.name = 'required';
      else if (name.length > 100) fields.name = 'too_long';
      const email = body.email?.trim() ?? '';
      if (!email) fields.email = 'required';
      else if (email.length > 254 || !emailPattern.test(email)) fields.email = 'invalid';
      if (Object.keys(fields).length > 0 || !start || !body.dienst || !body.standort)
        throw new AppError('validation_failed', 'Die Buchung ist unvollständig oder fehlerhaft.', { fields });
      try {
        const booked = await book(deps, { serviceId: body.dienst, start, locationId: body.standort, name, email, locale: req.locale }, null);
        return reply.status(201).send({
          id: booked.id,
          status: booked.status,
          beginn: isoWithOffset(booked.start),
          ende: isoWithOffset(booked.end),
          standort: booked.locationId,
          gehaltenBis: booked.holdExpiresAt ? isoWithOffset(booked.holdExpiresAt) : null,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found')
          throw new AppError('validation_failed', 'Diesen Dienst gibt es nicht.', { fields: { dienst: 'unknown' } });
        if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields?.slot)
          throw new AppError('validation_failed', error.message, { fields: { beginn: 'not_bookable' } });
        throw error;
      }
    },
  );
}
