import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { civilDateError, readCivilDate } from '../../platform/time/civil-date.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { clock, dateRange, parseClock, parseEuros } from './holidays.format.js';
import { holidayMessages } from './holidays.messages.js';
import { AttendanceForm, CancelForm, DayQuery, NoticeQuery, OfferForm, OrgParams } from './holidays.schemas.js';
import { organizationOffers } from './offers.repository.js';
import { participantsCsv, participantsPdf } from './participants.export.js';
import { providerMessages } from './provider.messages.js';
import {
  cancelOffer,
  createOffer,
  editableOffer,
  ensureOrganizationAccess,
  myOrganizations,
  type OfferInput,
  participants,
  recordAttendance,
  updateOffer,
} from './provider.service.js';
import { OfferFormPage, ParticipantsPage, ProviderHomePage } from './views/provider-views.js';

/*
 * Provider pages (members of a provider organisation), beside the directory's /mein-verzeichnis:
 *   GET       /meine-ferienangebote                                    my organisations' offers
 *   GET  POST /meine-ferienangebote/:org/neu                           enter an offer (goes to review)
 *   GET  POST /meine-ferienangebote/angebote/:id/bearbeiten            change it while submitted or rejected (back to review)
 *   GET       /meine-ferienangebote/angebote/:id/teilnehmende          participant list (+ .csv, .pdf)
 *        POST /meine-ferienangebote/angebote/:id/anwesenheit           attendance for one day
 *        POST /meine-ferienangebote/angebote/:id/absagen               cancel (families mailed, places freed)
 */

/** Registers the provider pages. */
export function registerProviderPages(app: RouteApp, deps: AppDeps): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const home = '/meine-ferienangebote';

  app.get(home, { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const organizations = await myOrganizations(deps.db, actor);
    const offers = await organizationOffers(
      deps.db,
      organizations.map((o) => o.id),
    );
    const notice = req.query.hinweis === 'eingereicht' ? providerMessages(req.locale)('form.submitted') : undefined;
    return reply.html(<ProviderHomePage ctx={ctxOf(req)} organizations={organizations} offers={offers} notice={notice} />);
  });

  app.get(`${home}/:org/neu`, { schema: { params: OrgParams, querystring: NoQuery } }, async (req, reply) => {
    const orgId = req.params.org;
    await ensureOrganizationAccess(deps.db, requireActor(req), orgId);
    return reply.html(
      <OfferFormPage ctx={ctxOf(req)} action={`${home}/${orgId}/neu`} values={{ kind: 'week', dailyFrom: '08:00', dailyUntil: '16:00', price: '0' }} />,
    );
  });
  /** Reads and checks the offer form; null when it answered with the form again (422). */
  async function readOffer(req: FastifyRequest, reply: FastifyReply, action: string): Promise<OfferInput | null> {
    const t = providerMessages(req.locale);
    const labels = Object.fromEntries(Object.keys(OfferForm.properties).map((k) => [k, t(`field.${k}` as never)]));
    const form = parseForm(OfferForm, req.body, labels, req.locale);
    if (!form.ok) {
      await reply.status(422).html(<OfferFormPage ctx={ctxOf(req)} action={action} values={form.values} errors={form.errors} />);
      return null;
    }
    const v = form.value;
    const from = parseClock(v.dailyFrom);
    const until = parseClock(v.dailyUntil);
    const timeErrors: Record<string, string> = {};
    if (from === null) timeErrors.dailyFrom = holidayMessages(req.locale)('offer.time');
    if (until === null) timeErrors.dailyUntil = holidayMessages(req.locale)('offer.time');
    if (Object.keys(timeErrors).length) {
      await reply.status(422).html(<OfferFormPage ctx={ctxOf(req)} action={action} values={formValues(req.body)} errors={timeErrors} />);
      return null;
    }
    return {
      title: v.title,
      description: v.description,
      kind: v.kind,
      firstDay: v.firstDay,
      lastDay: v.lastDay,
      dailyFrom: from!,
      dailyUntil: until!,
      minAge: Number(v.minAge),
      maxAge: Number(v.maxAge),
      places: Number(v.places),
      minParticipants: Number(v.minParticipants ?? 0),
      priceCents: parseEuros(v.price) ?? 0,
      reducedPriceCents: v.reducedPrice ? parseEuros(v.reducedPrice) : null,
      location: v.location,
      meetingPoint: v.meetingPoint ?? '',
      whatToBring: v.whatToBring ?? '',
      inclusionSupport: v.inclusionSupport === 'ja',
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      contactPhone: v.contactPhone ?? '',
    };
  }

  app.post(`${home}/:org/neu`, { schema: { params: OrgParams, body: formBody(OfferForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const orgId = req.params.org;
    const action = `${home}/${orgId}/neu`;
    const input = await readOffer(req, reply, action);
    if (!input) return reply;
    const result = await attempt(() => createOffer(deps, actor, orgId, input, req.locale));
    if (!result.ok) return reply.status(422).html(<OfferFormPage ctx={ctxOf(req)} action={action} values={formValues(req.body)} errors={result.errors} />);
    return reply.redirect(`${home}?hinweis=eingereicht`, 303);
  });

  app.get(`${home}/angebote/:id/bearbeiten`, { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const offer = await editableOffer(deps.db, requireActor(req), req.params.id, req.locale);
    const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
    const values = {
      title: offer.title,
      description: offer.description,
      kind: offer.kind,
      firstDay: offer.first_day,
      lastDay: offer.last_day,
      dailyFrom: clock(offer.daily_from),
      dailyUntil: clock(offer.daily_until),
      minAge: String(offer.min_age),
      maxAge: String(offer.max_age),
      places: String(offer.places),
      minParticipants: String(offer.min_participants),
      price: euros(offer.price_cents),
      reducedPrice: offer.reduced_price_cents === null ? '' : euros(offer.reduced_price_cents),
      location: offer.location,
      meetingPoint: offer.meeting_point,
      whatToBring: offer.what_to_bring,
      inclusionSupport: offer.inclusion_support ? 'ja' : '',
      contactName: offer.contact_name,
      contactEmail: offer.contact_email,
      contactPhone: offer.contact_phone,
    };
    return reply.html(
      <OfferFormPage ctx={ctxOf(req)} action={`${home}/angebote/${offer.id}/bearbeiten`} values={values} note={offer.review_note || undefined} />,
    );
  });
  app.post(`${home}/angebote/:id/bearbeiten`, { schema: { params: IdParams, body: formBody(OfferForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const offerId = req.params.id;
    await editableOffer(deps.db, actor, offerId, req.locale);
    const action = `${home}/angebote/${offerId}/bearbeiten`;
    const input = await readOffer(req, reply, action);
    if (!input) return reply;
    const result = await attempt(() => updateOffer(deps, actor, offerId, input, req.locale));
    if (!result.ok) return reply.status(422).html(<OfferFormPage ctx={ctxOf(req)} action={action} values={formValues(req.body)} errors={result.errors} />);
    return reply.redirect(`${home}?hinweis=eingereicht`, 303);
  });

  const listBase = `${home}/angebote/:id`;
  async function listPage(
    req: FastifyRequest,
    reply: FastifyReply,
    offerId: string,
    status: number,
    state: { notice?: string; errors?: Record<string, string>; day?: string } = {},
  ) {
    const data = await participants(deps.db, requireActor(req), offerId);
    const day = state.day ?? data.offer.first_day;
    return reply
      .status(status)
      .html(
        <ParticipantsPage
          ctx={ctxOf(req)}
          offer={data.offer}
          list={data.list}
          attendance={data.attendance}
          day={day}
          notice={state.notice}
          errors={state.errors}
        />,
      );
  }
  app.get(`${listBase}/teilnehmende`, { schema: { params: IdParams, querystring: DayQuery } }, (req, reply) =>
    listPage(req, reply, req.params.id, 200, { day: req.query.tag }),
  );
  app.get(`${listBase}/teilnehmende.csv`, { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { offer, list } = await participants(deps.db, requireActor(req), req.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="teilnehmende-${offer.first_day}.csv"`)
      .header('cache-control', 'no-store')
      .send(participantsCsv(list, req.locale));
  });
  app.get(`${listBase}/teilnehmende.pdf`, { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { offer, list } = await participants(deps.db, requireActor(req), req.params.id);
    const times = offer.kind === 'trip' ? '' : `, ${clock(offer.daily_from)}–${clock(offer.daily_until)}`;
    const pdf = await participantsPdf(offer.title, `${dateRange(offer.first_day, offer.last_day, req.locale)}${times} · ${offer.location}`, list, req.locale);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="teilnehmende-${offer.first_day}.pdf"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf));
  });
  app.post(`${listBase}/anwesenheit`, { schema: { params: IdParams, body: formBody(AttendanceForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const offerId = req.params.id;
    const values = formValues(req.body);
    const day = (values.day ?? '').trim();
    const present = new Set(
      Object.keys(values)
        .filter((k) => k.startsWith('present_') && values[k] === 'ja')
        .map((k) => k.slice('present_'.length)),
    );
    const reading = readCivilDate(day);
    if (!reading.ok)
      return listPage(req, reply, offerId, 422, {
        errors: { day: civilDateError(reading.problem, providerMessages(req.locale)('attendance.day'), req.locale) },
        day,
      });
    const result = await attempt(() => recordAttendance(deps, actor, offerId, reading.date, present, req.locale));
    if (!result.ok) return listPage(req, reply, offerId, 422, { errors: result.errors, day });
    return listPage(req, reply, offerId, 200, { notice: providerMessages(req.locale)('attendance.saved'), day: reading.date });
  });
  app.post(`${listBase}/absagen`, { schema: { params: IdParams, body: formBody(CancelForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const offerId = req.params.id;
    const t = providerMessages(req.locale);
    if (formValues(req.body).confirm !== 'ja') return listPage(req, reply, offerId, 422, { errors: { confirm: t('cancel.required') } });
    await cancelOffer(deps, actor, offerId);
    return listPage(req, reply, offerId, 200, { notice: t('cancel.done') });
  });
}
