import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/guard.js';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { attempt, CivilDate, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { formBody, Id, IdParams, pageQuery, params, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { addDays, fromLocal, todayIn } from '../../platform/time/berlin.js';
import { canConfigure, canHandle, visibleServices } from './appointments.policy.js';
import { allCounsellors, allLocations, bookingById, serviceById, servicesOfCounsellor } from './appointments.repository.js';
import { readInstant } from './appointments.schemas.js';
import { availability, moveBooking } from './appointments.service.js';
import { settingsMessages } from './settings.messages.js';
import { allServices, counsellorById, exceptionsOf, locationById, patternsOf } from './settings.repository.js';
import {
  addException,
  addPattern,
  bookingsOutsideWorkingTime,
  removeException,
  removePattern,
  saveCounsellor,
  saveLocation,
  saveService,
} from './settings.service.js';
import { CounsellorPage, LocationFormPage, ServiceFormPage, SettingsOverviewPage } from './views/settings-views.js';

const base = '/verwaltung/termine/einstellungen';
const timePattern = '^([01]\\d|2[0-3]):[0-5]\\d$';
const wholeNumber = () => Type.String({ pattern: '^\\d{1,5}$' });

const ServiceForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  stelle: Type.Union([Type.Literal('youth_career'), Type.Literal('family_office'), Type.Literal('return_to_work')]),
  beschreibung: Type.Optional(Type.String({ maxLength: 2000 })),
  dauer: wholeNumber(),
  pufferVorher: wholeNumber(),
  pufferNachher: wholeNumber(),
  art: Type.Union([Type.Literal('in_person'), Type.Literal('phone'), Type.Literal('video')]),
  zielgruppe: Type.Union([Type.Literal('anyone'), Type.Literal('young'), Type.Literal('invitation')]),
  frage: Type.Optional(Type.String({ maxLength: 300 })),
  vorlauf: wholeNumber(),
  zeitraum: wholeNumber(),
  buchbar: Type.Optional(Type.Literal('ja')),
});
const LocationForm = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), adresse: Type.Optional(Type.String({ maxLength: 300 })) });
const CounsellorForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  konto: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
});
const PatternForm = Type.Object({
  wochentag: Type.Union([1, 2, 3, 4, 5, 6, 7].map((d) => Type.Literal(String(d)))),
  ort: Id(),
  von: Type.String({ pattern: timePattern }),
  bis: Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' }),
  gueltigAb: CivilDate(),
  gueltigBis: Type.Optional(CivilDate()),
});
const ExceptionForm = Type.Object({
  artAusnahme: Type.Union([Type.Literal('absence'), Type.Literal('extra')]),
  tag: CivilDate(),
  letzterTag: Type.Optional(CivilDate()),
  ab: Type.Optional(Type.String({ pattern: timePattern })),
  bisZeit: Type.Optional(Type.String({ pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' })),
  ausnahmeOrt: Type.Optional(Id()),
  notiz: Type.Optional(Type.String({ maxLength: 200 })),
});
const SavedQuery = pageQuery({ gespeichert: QueryText(5), verschoben: QueryText(5) });
const ChildParams = params({ id: Id(), child: Id() });

/** "Gespeichert" after a redirect from a form. */
const saved = (locale: FastifyRequest['locale'], flag: string | undefined) => (flag ? settingsMessages(locale)('saved') : undefined);

/** Number fields and their allowed range (what the database's CHECKs allow). */
const ranges = { dauer: [5, 480], pufferVorher: [0, 120], pufferNachher: [0, 120], vorlauf: [0, 336], zeitraum: [1, 365] } as const;

type ServiceRow = Awaited<ReturnType<typeof allServices>>[number];
const serviceValues = (s: ServiceRow): Record<string, string> => ({
  name: s.name,
  stelle: s.office,
  beschreibung: s.description,
  dauer: String(s.duration_minutes),
  pufferVorher: String(s.buffer_before_minutes),
  pufferNachher: String(s.buffer_after_minutes),
  art: s.channel,
  zielgruppe: s.audience,
  frage: s.question ?? '',
  vorlauf: String(Math.round(s.min_notice_minutes / 60)),
  zeitraum: String(s.window_days),
  ...(s.active ? { buchbar: 'ja' } : {}),
});

/*
 * Admins' settings for appointments (the policy: canConfigure):
 *   GET       /verwaltung/termine/einstellungen                                  services, counsellors, places
 *   GET  POST /verwaltung/termine/einstellungen/dienste/neu | /dienste/:id        a service
 *   GET  POST /verwaltung/termine/einstellungen/orte/neu | /orte/:id              a place
 *   GET  POST /verwaltung/termine/einstellungen/beratende/neu | /beratende/:id    a counsellor (name, account, services)
 *        POST …/beratende/:id/zeiten, …/zeiten/:child/entfernen                   weekly pattern
 *        POST …/beratende/:id/ausnahmen, …/ausnahmen/:child/entfernen             absences and extra hours
 *        POST …/beratende/:id/verschieben/:child                                  move a booking that fell outside the working time
 */
export function registerSettingsPages(app: RouteApp, deps: AppDeps): void {
  function admin(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canConfigure(actor)) throw new AppError('forbidden', 'Keine Berechtigung');
    return actor;
  }

  app.get(base, { schema: { querystring: pageQuery({}) } }, async (req, reply) => {
    admin(req);
    const [services, counsellors, locations] = await Promise.all([allServices(deps.db), allCounsellors(deps.db), allLocations(deps.db)]);
    reply.header('cache-control', 'no-store');
    return reply.html(<SettingsOverviewPage ctx={pageContext(req, deps.city)} data={{ services, counsellors, locations }} />);
  });

  // ---- Services
  const serviceLabels = (locale: FastifyRequest['locale']): Record<string, FieldWords> => {
    const t = settingsMessages(locale);
    const number = (label: string, key: keyof typeof ranges) => ({ label, format: t('number', { label, min: ranges[key][0], max: ranges[key][1] }) });
    return {
      name: t('service.name'),
      stelle: t('service.office'),
      beschreibung: t('service.description'),
      dauer: number(t('service.duration'), 'dauer'),
      pufferVorher: number(t('service.bufferBefore'), 'pufferVorher'),
      pufferNachher: number(t('service.bufferAfter'), 'pufferNachher'),
      art: t('service.channel'),
      zielgruppe: t('service.audience'),
      frage: t('service.question'),
      vorlauf: number(t('service.notice'), 'vorlauf'),
      zeitraum: number(t('service.window'), 'zeitraum'),
    };
  };

  const servicePage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    title: string,
    values: Record<string, string>,
    errors?: FieldErrors,
    notice?: string,
  ) =>
    reply
      .status(errors ? 422 : 200)
      .header('cache-control', 'no-store')
      .html(<ServiceFormPage ctx={pageContext(req, deps.city)} id={id} title={title} values={values} errors={errors} notice={notice} />);

  async function submitService(req: FastifyRequest, reply: FastifyReply, id: string | null, title: string) {
    const actor = admin(req);
    const values = formValues(req.body);
    const labels = serviceLabels(req.locale);
    const form = parseForm(ServiceForm, values, labels, req.locale);
    // Numbers out of range are told together with every other problem of the form.
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const numbers = {} as Record<keyof typeof ranges, number>;
    for (const key of Object.keys(ranges) as (keyof typeof ranges)[]) {
      const n = Number(values[key]?.trim());
      const [min, max] = ranges[key];
      if (!errors[key] && (!Number.isInteger(n) || n < min || n > max)) errors[key] = (labels[key] as { format: string }).format;
      numbers[key] = n;
    }
    if (!form.ok || Object.keys(errors).length) return servicePage(req, reply, id, title, values, errors);
    const v = form.value;
    const saved = await saveService(deps, actor, id, {
      name: v.name,
      office: v.stelle,
      description: v.beschreibung ?? '',
      duration_minutes: numbers.dauer,
      buffer_before_minutes: numbers.pufferVorher,
      buffer_after_minutes: numbers.pufferNachher,
      channel: v.art,
      audience: v.zielgruppe,
      question: v.frage ?? null,
      min_notice_minutes: numbers.vorlauf * 60,
      window_days: numbers.zeitraum,
      active: v.buchbar === 'ja',
    });
    return reply.redirect(`${base}/dienste/${saved}?gespeichert=1`, 303);
  }

  app.get(`${base}/dienste/neu`, { schema: { querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    const defaults = {
      stelle: 'family_office',
      dauer: '30',
      pufferVorher: '0',
      pufferNachher: '0',
      art: 'in_person',
      zielgruppe: 'anyone',
      vorlauf: '2',
      zeitraum: '60',
      buchbar: 'ja',
    };
    return servicePage(req, reply, null, settingsMessages(req.locale)('service.title.new'), defaults);
  });
  app.post(`${base}/dienste/neu`, { schema: { body: formBody(ServiceForm) } }, (req, reply) =>
    submitService(req, reply, null, settingsMessages(req.locale)('service.title.new')),
  );
  app.get(`${base}/dienste/:id`, { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    const service = await serviceById(deps.db, req.params.id);
    if (!service) throw notFound('Dienst');
    return servicePage(req, reply, service.id, service.name, serviceValues(service), undefined, saved(req.locale, req.query.gespeichert));
  });
  app.post(`${base}/dienste/:id`, { schema: { params: IdParams, body: formBody(ServiceForm) } }, async (req, reply) => {
    admin(req);
    const service = await serviceById(deps.db, req.params.id);
    if (!service) throw notFound('Dienst');
    return submitService(req, reply, service.id, service.name);
  });

  // ---- Places
  const locationPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    title: string,
    values: Record<string, string>,
    errors?: FieldErrors,
    notice?: string,
  ) =>
    reply
      .status(errors ? 422 : 200)
      .header('cache-control', 'no-store')
      .html(<LocationFormPage ctx={pageContext(req, deps.city)} id={id} title={title} values={values} errors={errors} notice={notice} />);

  async function submitLocation(req: FastifyRequest, reply: FastifyReply, id: string | null, title: string) {
    const actor = admin(req);
    const t = settingsMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(LocationForm, values, { name: t('location.name'), adresse: t('location.address') }, req.locale);
    if (!form.ok) return locationPage(req, reply, id, title, values, form.errors);
    const saved = await saveLocation(deps, actor, id, { name: form.value.name, address: form.value.adresse ?? '' });
    return reply.redirect(`${base}/orte/${saved}?gespeichert=1`, 303);
  }

  app.get(`${base}/orte/neu`, { schema: { querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    return locationPage(req, reply, null, settingsMessages(req.locale)('location.title.new'), {});
  });
  app.post(`${base}/orte/neu`, { schema: { body: formBody(LocationForm) } }, (req, reply) =>
    submitLocation(req, reply, null, settingsMessages(req.locale)('location.title.new')),
  );
  app.get(`${base}/orte/:id`, { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    const location = await locationById(deps.db, req.params.id);
    if (!location) throw notFound('Ort');
    return locationPage(
      req,
      reply,
      location.id,
      location.name,
      { name: location.name, adresse: location.address },
      undefined,
      saved(req.locale, req.query.gespeichert),
    );
  });
  app.post(`${base}/orte/:id`, { schema: { params: IdParams, body: formBody(LocationForm) } }, async (req, reply) => {
    admin(req);
    const location = await locationById(deps.db, req.params.id);
    if (!location) throw notFound('Ort');
    return submitLocation(req, reply, location.id, location.name);
  });

  // ---- Counsellors, their weekly pattern and exceptions
  async function counsellorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    extra: { values?: Record<string, string>; errors?: FieldErrors; notice?: string } = {},
  ) {
    const t = settingsMessages(req.locale);
    const counsellor = id ? await counsellorById(deps.db, id) : undefined;
    if (id && !counsellor) throw notFound('Beratung');
    const [services, locations] = await Promise.all([allServices(deps.db), allLocations(deps.db)]);
    const own = counsellor ? await servicesOfCounsellor(deps.db, counsellor.id) : [];
    const now = new Date();
    const patterns = counsellor ? await patternsOf(deps.db, counsellor.id) : [];
    const exceptions = counsellor ? await exceptionsOf(deps.db, counsellor.id, now) : [];
    const outside = counsellor ? await bookingsOutsideWorkingTime(deps, counsellor.id, now) : [];
    // For each booking outside the working time: the free times of its service in the next 14 days (other counsellors too).
    const today = todayIn(now);
    const targets = new Map<string, Awaited<ReturnType<typeof availability>>>();
    for (const b of outside.slice(0, 30)) {
      if (!b.service_id || targets.has(b.service_id)) continue;
      const service = await serviceById(deps.db, b.service_id);
      targets.set(b.service_id, service ? (await availability(deps, { ...service, min_notice_minutes: 0 }, today, addDays(today, 14), now)).slice(0, 100) : []);
    }
    const stored: Record<string, string> = counsellor
      ? { name: counsellor.name, konto: counsellor.account_email ?? '', ...Object.fromEntries(own.map((s) => [`dienst-${s}`, 'ja'])) }
      : {};
    const defaults = { gueltigAb: today, wochentag: '1' };
    return reply
      .status(extra.errors ? 422 : 200)
      .header('cache-control', 'no-store')
      .html(
        <CounsellorPage
          ctx={pageContext(req, deps.city)}
          data={{
            id: counsellor?.id ?? null,
            title: counsellor?.name ?? t('counsellor.title.new'),
            services: services.map((s) => ({ id: s.id, name: s.name })),
            locations,
            patterns,
            exceptions,
            outside: outside.slice(0, 30).map((b) => ({ ...b, targets: b.service_id ? (targets.get(b.service_id) ?? []) : [] })),
          }}
          values={{ ...defaults, ...stored, ...extra.values }}
          errors={extra.errors}
          notice={extra.notice}
        />,
      );
  }

  app.get(`${base}/beratende/neu`, { schema: { querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    return counsellorPage(req, reply, null);
  });
  app.get(`${base}/beratende/:id`, { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
    admin(req);
    const t = settingsMessages(req.locale);
    return counsellorPage(req, reply, req.params.id, { notice: req.query.verschoben ? t('outside.moved') : saved(req.locale, req.query.gespeichert) });
  });

  async function submitCounsellor(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    const actor = admin(req);
    const t = settingsMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(CounsellorForm, values, { name: t('counsellor.name'), konto: t('counsellor.account') }, req.locale);
    if (!form.ok) return counsellorPage(req, reply, id, { values, errors: form.errors });
    const known = new Set((await allServices(deps.db)).map((s) => s.id));
    const serviceIds = Object.keys(values)
      .filter((k) => k.startsWith('dienst-') && values[k] === 'ja')
      .map((k) => k.slice('dienst-'.length))
      .filter((s) => known.has(s));
    const result = await attempt(() =>
      saveCounsellor(
        deps,
        actor,
        id,
        { name: form.value.name, accountEmail: form.value.konto ?? null, serviceIds },
        { unknownAccount: t('counsellor.account.unknown'), accountTaken: (name) => t('counsellor.account.taken', { name }) },
      ),
    );
    if (!result.ok) return counsellorPage(req, reply, id, { values, errors: result.errors });
    return reply.redirect(`${base}/beratende/${result.value}?gespeichert=1`, 303);
  }

  app.post(`${base}/beratende/neu`, { schema: { body: formBody(CounsellorForm) } }, (req, reply) => submitCounsellor(req, reply, null));
  app.post(`${base}/beratende/:id`, { schema: { params: IdParams, body: formBody(CounsellorForm) } }, async (req, reply) => {
    admin(req);
    if (!(await counsellorById(deps.db, req.params.id))) throw notFound('Beratung');
    return submitCounsellor(req, reply, req.params.id);
  });

  async function counsellorFor(req: FastifyRequest & { params: { id: string } }) {
    const actor = admin(req);
    const counsellor = await counsellorById(deps.db, req.params.id);
    if (!counsellor) throw notFound('Beratung');
    return { actor, counsellor };
  }
  const savedRedirect = (reply: FastifyReply, id: string, anchor: string) => reply.redirect(`${base}/beratende/${id}?gespeichert=1#${anchor}`, 303);

  app.post(`${base}/beratende/:id/zeiten`, { schema: { params: IdParams, body: formBody(PatternForm) } }, async (req, reply) => {
    const { actor, counsellor } = await counsellorFor(req);
    const t = settingsMessages(req.locale);
    const values = formValues(req.body);
    const time = (label: string) => ({ label, required: t('pattern.time'), format: t('pattern.time') });
    const form = parseForm(
      PatternForm,
      values,
      {
        wochentag: t('pattern.weekday'),
        ort: { label: t('pattern.location'), required: t('pattern.location'), format: t('pattern.location') },
        von: time(t('pattern.start')),
        bis: time(t('pattern.end')),
        gueltigAb: t('pattern.validFrom'),
        gueltigBis: t('pattern.validUntil'),
      },
      req.locale,
    );
    const again = (errors: FieldErrors) => counsellorPage(req, reply, counsellor.id, { values, errors });
    if (!form.ok) return again(form.errors);
    const v = form.value;
    if (!(await locationById(deps.db, v.ort))) return again({ ort: t('pattern.location') });
    if (v.bis <= v.von) return again({ bis: t('pattern.order') });
    if (v.gueltigBis && v.gueltigBis < v.gueltigAb) return again({ gueltigBis: t('pattern.validOrder') });
    await addPattern(deps, actor, counsellor, {
      locationId: v.ort,
      weekday: Number(v.wochentag),
      starts: v.von,
      ends: v.bis,
      validFrom: v.gueltigAb,
      validUntil: v.gueltigBis ?? null,
    });
    return savedRedirect(reply, counsellor.id, 'wochenplan');
  });

  app.post(`${base}/beratende/:id/zeiten/:child/entfernen`, { schema: { params: ChildParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const { actor, counsellor } = await counsellorFor(req);
    if (!(await removePattern(deps, actor, counsellor, req.params.child))) throw notFound('Arbeitszeit');
    return savedRedirect(reply, counsellor.id, 'wochenplan');
  });

  app.post(`${base}/beratende/:id/ausnahmen`, { schema: { params: IdParams, body: formBody(ExceptionForm) } }, async (req, reply) => {
    const { actor, counsellor } = await counsellorFor(req);
    const t = settingsMessages(req.locale);
    const values = formValues(req.body);
    const time = (label: string) => ({ label, format: t('pattern.time') });
    const form = parseForm(
      ExceptionForm,
      values,
      {
        artAusnahme: t('exception.kind'),
        tag: t('exception.day'),
        letzterTag: t('exception.lastDay'),
        ab: time(t('exception.start')),
        bisZeit: time(t('exception.end')),
        ausnahmeOrt: t('exception.location'),
        notiz: t('exception.note'),
      },
      req.locale,
    );
    const again = (errors: FieldErrors) => counsellorPage(req, reply, counsellor.id, { values, errors });
    if (!form.ok) return again(form.errors);
    const v = form.value;
    const last = v.letzterTag ?? v.tag;
    if (last < v.tag) return again({ letzterTag: t('exception.dayOrder') });
    if (!v.ab !== !v.bisZeit) return again({ [v.ab ? 'bisZeit' : 'ab']: t('exception.bothTimes') });
    if (v.artAusnahme === 'extra' && (!v.ab || !v.ausnahmeOrt || !(await locationById(deps.db, v.ausnahmeOrt))))
      return again({ [v.ab ? 'ausnahmeOrt' : 'ab']: t('exception.extraNeeds') });
    const from = v.ab ? fromLocal(v.tag, v.ab) : fromLocal(v.tag);
    const until = v.bisZeit ? (v.bisZeit === '24:00' ? fromLocal(addDays(last, 1)) : fromLocal(last, v.bisZeit)) : fromLocal(addDays(last, 1));
    if (until <= from) return again({ bisZeit: t('pattern.order') });
    await addException(deps, actor, counsellor, {
      kind: v.artAusnahme,
      locationId: v.ausnahmeOrt ?? null,
      from,
      until,
      note: v.notiz ?? '',
    });
    return savedRedirect(reply, counsellor.id, 'ausnahmen');
  });

  app.post(`${base}/beratende/:id/ausnahmen/:child/entfernen`, { schema: { params: ChildParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const { actor, counsellor } = await counsellorFor(req);
    if (!(await removeException(deps, actor, counsellor, req.params.child))) throw notFound('Ausnahme');
    return savedRedirect(reply, counsellor.id, 'ausnahmen');
  });

  // A booking that fell outside the working time moves with the same mechanism as any staff move (mail, .ics).
  app.post(`${base}/beratende/:id/verschieben/:child`, { schema: { params: ChildParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const { actor, counsellor } = await counsellorFor(req);
    const t = settingsMessages(req.locale);
    const booking = await bookingById(deps.db, req.params.child);
    if (!booking || booking.counsellor_id !== counsellor.id) throw notFound('Termin');
    if (!canHandle(await visibleServices(deps.db, actor), booking.service_id)) throw new AppError('forbidden', 'Keine Berechtigung');
    const field = `zeit-${booking.id}`;
    const [beginn, standort] = (formValues(req.body)[field] ?? '').split('|');
    const start = readInstant(beginn);
    if (!start || !standort) return counsellorPage(req, reply, counsellor.id, { errors: { [field]: t('outside.pick') } });
    try {
      const moved = await attempt(() => moveBooking(deps, booking, { start, locationId: standort }, actor, new Date(), { byStaff: true }));
      if (!moved.ok) return counsellorPage(req, reply, counsellor.id, { errors: { [field]: Object.values(moved.errors)[0] ?? t('outside.pick') } });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'slot_taken' || error.code === 'conflict'))
        return counsellorPage(req, reply, counsellor.id, { errors: { [field]: error.message } });
      throw error;
    }
    return reply.redirect(`${base}/beratende/${counsellor.id}?verschoben=1`, 303);
  });
}
