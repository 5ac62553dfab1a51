import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { formBody, IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { councilMessages } from './council.messages.js';
import { ApplicationForm, RegistrationForm, ResultMailsForm, TokenForm, TokenQuery } from './council.schemas.js';
import { councilPath, workshopPath, type CouncilService } from './council.service.js';
import { ApplyPage, CouncilPage, RegisterPage, RegistrationPage, ResultMailsPage, WorkshopPage } from './views/public.js';

const section = '/mitmachen';

/** A whole number typed in a form, within a range; null otherwise. */
export function smallNumber(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || !/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

const ordered = (errors: FieldErrors, order: readonly string[]): FieldErrors =>
  Object.fromEntries([...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))].map((f) => [f, errors[f]!]));

/*
 * Routes of the family council for families and members (HTML):
 *   GET       /mitmachen/familienbeirat                              what it is, who may join, next workshops, reports, composition
 *   GET  POST /mitmachen/familienbeirat/bewerben                     apply (consent records; optional questions only with consent)
 *   GET       /mitmachen/familienbeirat/bewerbung-eingegangen        thanks
 *   GET       /mitmachen/familienbeirat/workshops/:id                one workshop: details, free places, the published report and its results
 *   GET  POST /mitmachen/familienbeirat/workshops/:id/anmelden?token= register with needs (the member's signed link from the invitation)
 *   GET       /mitmachen/familienbeirat/anmeldung?token=             one registration: confirmed or place in the waiting list
 *        POST /mitmachen/familienbeirat/anmeldung/aendern            change persons, childcare and needs by the signed link
 *        POST /mitmachen/familienbeirat/anmeldung/absagen            cancel by the signed link; the waiting list moves up
 *   GET  POST /mitmachen/familienbeirat/nachrichten?token=           mails about results on or off; the link to /benachrichtigungen?token= (moving up, reminders, push)
 *   GET       /mitmachen/familienbeirat/austausch                    the members' closed exchange: a private group of the network (signed in, member)
 */
export function registerCouncilPages(app: RouteApp, deps: AppDeps, service: CouncilService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);

  app.get(councilPath, { schema: { querystring: NoQuery } }, async (req, reply) => {
    const now = new Date();
    const workshops = await service.workshops();
    return reply.html(
      <CouncilPage
        ctx={ctxOf(req)}
        upcoming={workshops.filter((w) => w.starts_at > now).reverse()}
        reports={workshops.filter((w) => w.report_published_at)}
        composition={await service.composition()}
      />,
    );
  });

  // Applying ------------------------------------------------------------------------------------

  app.get(`${councilPath}/bewerben`, { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<ApplyPage ctx={ctxOf(req)} />));

  const applyLabels = (req: FastifyRequest): Record<string, FieldWords> => {
    const t = councilMessages(req.locale);
    return {
      name: { label: t('apply.name'), required: t('apply.name.required'), tooShort: t('apply.name.required') },
      email: { label: t('apply.email'), required: t('apply.email.required'), format: t('apply.email.required') },
      phone: t('apply.phone'),
      district: { label: t('apply.district'), required: t('apply.district.required') },
      adults: { label: t('apply.adults'), required: t('apply.adults.invalid'), format: t('apply.adults.invalid') },
      children: { label: t('apply.children'), required: t('apply.children.invalid'), format: t('apply.children.invalid') },
      familySituation: t('apply.familySituation'),
      homeLanguages: t('apply.homeLanguages'),
      privacy: { label: t('apply.privacy'), required: t('apply.privacy.required') },
    };
  };

  app.post(`${councilPath}/bewerben`, { schema: { body: formBody(ApplicationForm) } }, async (req, reply) => {
    const t = councilMessages(req.locale);
    const values = formValues(req.body);
    // The honeypot: a filled one gets the same thanks, and nothing is stored.
    if ((values.website ?? '').trim() !== '') return reply.redirect(`${councilPath}/bewerbung-eingegangen`, 303);
    const form = parseForm(ApplicationForm, req.body, applyLabels(req), req.locale);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const adults = smallNumber(values.adults?.trim(), 1, 10);
    const children = smallNumber(values.children?.trim(), 0, 15);
    if (adults === null) errors.adults = t('apply.adults.invalid');
    if (children === null) errors.children = t('apply.children.invalid');
    if (!errors.district && values.district && !deps.city.districts.includes(values.district)) errors.district = t('apply.district.required');
    const optionalGiven = !!(values.familySituation || (values.homeLanguages ?? '').trim() || values.needsInterpreter || values.needsChildcare);
    if (optionalGiven && values.optionalConsent !== 'ja') errors.optionalConsent = t('apply.optionalConsent.required');
    if (values.privacy !== 'ja') errors.privacy = t('apply.privacy.required');
    const order = ['name', 'email', 'phone', 'district', 'adults', 'children', 'optionalConsent', 'familySituation', 'homeLanguages', 'privacy'];
    if (!form.ok || Object.keys(errors).length > 0)
      return reply.status(422).html(<ApplyPage ctx={ctxOf(req)} values={values} errors={ordered(errors, order)} />);
    const v = form.value;
    const consent = v.optionalConsent === 'ja';
    const done = await attempt(() =>
      service.apply(
        {
          name: v.name,
          email: v.email,
          phone: v.phone ?? null,
          district: v.district,
          adults: adults!,
          children: children!,
          optional: consent
            ? {
                familySituation: v.familySituation ?? null,
                homeLanguages: v.homeLanguages ?? null,
                needsInterpreter: v.needsInterpreter === 'ja' ? true : null,
                needsChildcare: v.needsChildcare === 'ja' ? true : null,
              }
            : null,
        },
        req.locale,
      ),
    );
    if (!done.ok) return reply.status(422).html(<ApplyPage ctx={ctxOf(req)} values={values} errors={done.errors} />);
    return reply.redirect(`${councilPath}/bewerbung-eingegangen`, 303);
  });

  app.get(`${councilPath}/bewerbung-eingegangen`, { schema: { querystring: NoQuery } }, async (req, reply) => {
    const t = councilMessages(req.locale);
    return reply.html(
      <NoticePage
        ctx={ctxOf(req)}
        section={section}
        status="success"
        title={t('apply.done.title')}
        text={t('apply.done.text')}
        link={{ href: councilPath, label: t('apply.done.back') }}
      />,
    );
  });

  // Workshops -----------------------------------------------------------------------------------

  app.get(`${councilPath}/workshops/:id`, { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const workshop = await service.workshop(req.params.id);
    const results = workshop.report_published_at ? await service.results([workshop.id], req.locale) : [];
    return reply.html(<WorkshopPage ctx={ctxOf(req)} workshop={workshop} results={results} />);
  });

  const invalidLink = (req: FastifyRequest) => {
    const t = councilMessages(req.locale);
    return <NoticePage ctx={ctxOf(req)} section={section} status="warning" title={t('link.invalid.title')} text={t('link.invalid.text')} />;
  };
  const notice = (req: FastifyRequest, text: string, href: string) => (
    <NoticePage
      ctx={ctxOf(req)}
      section={section}
      status="warning"
      title={councilMessages(req.locale)('registration.title')}
      text={text}
      link={{ href, label: councilMessages(req.locale)('apply.done.back') }}
    />
  );

  app.get(`${councilPath}/workshops/:id/anmelden`, { schema: { params: IdParams, querystring: TokenQuery } }, async (req, reply) => {
    const workshop = await service.workshop(req.params.id);
    const member = await service.memberOf(req.query.token);
    if (!member) return reply.status(400).html(invalidLink(req));
    const existing = await service.existingRegistration(workshop.id, member.id);
    if (existing) return reply.redirect(`${councilPath}/anmeldung?token=${encodeURIComponent(service.registrationToken(existing))}`, 303);
    if (workshop.registration_until <= new Date())
      return reply.status(409).html(notice(req, councilMessages(req.locale)('register.closed'), workshopPath(workshop.id)));
    return reply.html(<RegisterPage ctx={ctxOf(req)} workshop={workshop} member={member} token={req.query.token ?? ''} />);
  });

  /** Reads who comes and what they need; errors in the order of the fields. */
  const readRegistration = (req: FastifyRequest) => {
    const t = councilMessages(req.locale);
    const values = formValues(req.body);
    const form = parseForm(
      RegistrationForm,
      req.body,
      {
        persons: { label: t('register.persons'), required: t('register.persons.invalid'), format: t('register.persons.invalid') },
        childcareChildren: {
          label: t('register.childcareChildren'),
          required: t('register.childcareChildren.invalid'),
          format: t('register.childcareChildren.invalid'),
        },
        childcareAges: t('register.childcareAges'),
        interpreterLanguage: t('register.interpreterLanguage'),
        dietary: t('register.dietary'),
      },
      req.locale,
    );
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    delete errors.token;
    const persons = smallNumber(values.persons?.trim(), 1, 8);
    const childcare = smallNumber((values.childcareChildren ?? '0').trim() || '0', 0, 6);
    if (persons === null) errors.persons = t('register.persons.invalid');
    if (childcare === null) errors.childcareChildren = t('register.childcareChildren.invalid');
    if (childcare && childcare > 0 && !(values.childcareAges ?? '').trim()) errors.childcareAges = t('register.childcareAges.required');
    if (!form.ok || Object.keys(errors).length > 0)
      return { ok: false as const, values, errors: ordered(errors, ['persons', 'childcareChildren', 'childcareAges']) };
    const v = form.value;
    return {
      ok: true as const,
      values,
      input: {
        persons: persons!,
        childcareChildren: childcare!,
        childcareAges: v.childcareAges ?? null,
        interpreterLanguage: v.interpreterLanguage ?? null,
        stepFree: v.stepFree === 'ja',
        dietary: v.dietary ?? null,
        travelRefund: v.travelRefund === 'ja',
      },
    };
  };

  const isConflict = (error: unknown): error is AppError => error instanceof AppError && error.code === 'conflict';

  app.post(`${councilPath}/workshops/:id/anmelden`, { schema: { params: IdParams, body: formBody(RegistrationForm) } }, async (req, reply) => {
    const workshop = await service.workshop(req.params.id);
    const read = readRegistration(req);
    const member = await service.memberOf(read.values.token);
    if (!member) return reply.status(400).html(invalidLink(req));
    const page = (errors: FieldErrors) =>
      reply
        .status(422)
        .html(<RegisterPage ctx={ctxOf(req)} workshop={workshop} member={member} token={read.values.token ?? ''} values={read.values} errors={errors} />);
    if (!read.ok) return page(read.errors);
    try {
      const done = await attempt(() => service.register(workshop.id, member.id, read.input, req.locale));
      if (!done.ok) return page(done.errors);
      return reply.redirect(`${councilPath}/anmeldung?token=${encodeURIComponent(done.value.token)}`, 303);
    } catch (error) {
      // Deadline passed or registered twice: a clear page, not an error.
      if (isConflict(error)) return reply.status(409).html(notice(req, error.message, workshopPath(workshop.id)));
      throw error;
    }
  });

  const registrationPage = async (
    req: FastifyRequest,
    token: string | undefined,
    options: { status?: number; message?: string; saved?: boolean; values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => {
    const found = await service.registrationOf(token);
    if (!found) return { status: 400, page: invalidLink(req) };
    const r = found.registration;
    const n = found.needs;
    const stored: Record<string, string> = {
      persons: String(r.persons),
      childcareChildren: String(r.childcare_children),
      childcareAges: n?.childcare_ages ?? '',
      interpreterLanguage: n?.interpreter_language ?? '',
      stepFree: n?.step_free ? 'ja' : '',
      dietary: n?.dietary ?? '',
      travelRefund: n?.travel_refund ? 'ja' : '',
    };
    return {
      status: options.status ?? 200,
      page: (
        <RegistrationPage
          ctx={ctxOf(req)}
          workshop={found.workshop}
          status={r.status}
          persons={r.persons}
          position={found.position}
          token={found.token}
          notice={options.message}
          saved={options.saved}
          values={options.values ?? stored}
          errors={options.errors}
        />
      ),
    };
  };

  app.get(`${councilPath}/anmeldung`, { schema: { querystring: pageQuery({ token: QueryText(200), gespeichert: QueryText(4) }) } }, async (req, reply) => {
    const { status, page } = await registrationPage(req, req.query.token, { saved: req.query.gespeichert === 'ja' });
    return reply.status(status).html(page);
  });

  app.post(`${councilPath}/anmeldung/aendern`, { schema: { body: formBody(RegistrationForm) } }, async (req, reply) => {
    const read = readRegistration(req);
    const found = await service.registrationOf(read.values.token);
    if (!found) return reply.status(400).html(invalidLink(req));
    const again = async (errors: FieldErrors, status = 422, message?: string) => {
      const { page } = await registrationPage(req, read.values.token, { status, values: read.values, errors, message });
      return reply.status(status).html(page);
    };
    if (!read.ok) return again(read.errors);
    try {
      const done = await attempt(() => service.change(found.registration.id, read.input, req.locale));
      if (!done.ok) return again(done.errors);
    } catch (error) {
      if (isConflict(error)) return again({}, 409, error.message);
      throw error;
    }
    return reply.redirect(`${councilPath}/anmeldung?token=${encodeURIComponent(found.token)}&gespeichert=ja`, 303);
  });

  app.post(`${councilPath}/anmeldung/absagen`, { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const token = formValues(req.body).token;
    const found = await service.registrationOf(token);
    if (!found) return reply.status(400).html(invalidLink(req));
    const outcome = await service.cancel(found.registration.id);
    if (outcome === 'too_late') {
      const { page } = await registrationPage(req, token, { status: 409, message: councilMessages(req.locale)('registration.tooLate') });
      return reply.status(409).html(page);
    }
    return reply.redirect(`${councilPath}/anmeldung?token=${encodeURIComponent(found.token)}`, 303);
  });

  // Mails about results --------------------------------------------------------------------------

  app.get(`${councilPath}/nachrichten`, { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const member = await service.memberOf(req.query.token);
    if (!member) return reply.status(400).html(invalidLink(req));
    return reply.html(
      <ResultMailsPage ctx={ctxOf(req)} token={req.query.token ?? ''} on={member.result_mails} settingsUrl={await service.notificationSettingsUrl(member)} />,
    );
  });

  app.post(`${councilPath}/nachrichten`, { schema: { body: formBody(ResultMailsForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const on = values.on === 'ja';
    if (!(await service.setResultMails(values.token, on))) return reply.status(400).html(invalidLink(req));
    return reply.html(<ResultMailsPage ctx={ctxOf(req)} token={values.token ?? ''} on={on} />);
  });

  // The members' exchange: a private group of the network -----------------------------------------

  app.get(`${councilPath}/austausch`, { schema: { querystring: NoQuery } }, async (req, reply) => {
    requireActor(req);
    const path = await service.exchangeFor(req.actor);
    if (path) return reply.redirect(path, 303);
    const t = councilMessages(req.locale);
    return reply
      .status(403)
      .html(
        <NoticePage
          ctx={ctxOf(req)}
          section={section}
          status="warning"
          title={t('board.title')}
          text={t('board.notMember')}
          link={{ href: councilPath, label: t('apply.done.back') }}
        />,
      );
  });
}
