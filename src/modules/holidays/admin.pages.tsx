import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { csvDocument } from '../../platform/export/csv.js';
import { exportMessages } from './exports.messages.js';
import { ensure, requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { adminMessages } from './admin.messages.js';
import type { HolidayPhase } from '../../db/tables/holidays.js';
import { createSeason, earlyEndOfWishes, namesOfChildren, offerForReview, reviewOffer, seasonDashboard, seasonsForEditor, setPhase } from './admin.service.js';
import { canManageSeasons, canRunLottery } from './holidays.policy.js';
import { seedHash } from './allocation-rng.js';
import type { AllocationSummary } from './allocation-summary.js';
import {
  ConfirmSeedForm,
  EmployerPlacesForm,
  PhaseChangeForm,
  PhaseForm,
  ReviewForm,
  SeasonForm,
  SeasonOfferOrgParams,
  SeasonOfferParams,
  SeedForm,
  SeedHashForm,
} from './holidays.schemas.js';
import { employerPlacesOfOffer, releaseForEmployer, reserveForEmployer } from './employer-places.service.js';
import { EmployerPlacesSection } from './views/employer-places-view.js';
import { commitSeed, confirmRun, previewRun } from './runs.service.js';
import { DashboardPage, SeasonsPage } from './views/admin-views.js';
import { ConfirmEarlyEndPage } from './views/phase-confirm-view.js';
import { ReviewOfferPage } from './views/review-view.js';
import { offerTranslatable } from './holidays.translations.js';
import { translationOverview } from '../../platform/translations/translations.service.js';
import { TranslationsSection } from '../../platform/translations/views/translations-section.js';

/*
 * Editor and admin pages (Ferienbetreuung), beside the directory's /verwaltung/pruefung:
 *   GET  POST /verwaltung/ferien                          seasons; create one (editors)
 *   GET       /verwaltung/ferien/:id                      dashboard: phase, lottery, demand vs places, review, run log
 *   GET       /verwaltung/ferien/:id/angebote.csv          demand, places and waiting lists per offer
 *        POST /verwaltung/ferien/:id/phase                switch phase (editors); ending the wish phase early asks first
 *   GET       /verwaltung/ferien/:id/angebote/:offer          the whole offer with the review form (editors)
 *        POST /verwaltung/ferien/:id/angebote/:offer/pruefen   approve / reject with a note; rejections mail the provider
 *                  (the offer page also lists its translations: /uebersetzungen/ferienangebot/:offer/:sprache)
 *        POST /verwaltung/ferien/:id/angebote/:offer/arbeitgeber                 reserve places for an employer's staff (editors)
 *        POST /verwaltung/ferien/:id/angebote/:offer/arbeitgeber/:org/freigeben  give them back to everyone
 *        POST /verwaltung/ferien/:id/hash                 publish the seed hash (admins)
 *        POST /verwaltung/ferien/:id/vorschau             preview run (admins, logged)
 *        POST /verwaltung/ferien/:id/verlosen             confirmed run, one transaction (admins)
 */

/** Registers the editor and admin pages. */
export function registerAdminPages(app: RouteApp, deps: AppDeps): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  // Refuse before reading a form, so a non-editor learns nothing from validation messages; the services check again.
  const editor = (req: FastifyRequest) => {
    const actor = requireActor(req);
    ensure(canManageSeasons(actor));
    return actor;
  };

  app.get('/verwaltung/ferien', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const seasons = await seasonsForEditor(deps.db, editor(req));
    return reply.html(<SeasonsPage ctx={ctxOf(req)} seasons={seasons} />);
  });
  app.post('/verwaltung/ferien', { schema: { body: formBody(SeasonForm) } }, async (req, reply) => {
    const actor = editor(req);
    const t = adminMessages(req.locale);
    const labels = {
      name: t('field.name'),
      wishFrom: t('field.wishFrom'),
      wishUntil: t('field.wishUntil'),
      maxWishes: t('field.maxWishes'),
      reservedPercent: t('field.reservedPercent'),
      retentionDays: t('field.retentionDays'),
    };
    const seasons = () => seasonsForEditor(deps.db, actor);
    const form = parseForm(SeasonForm, req.body, labels, req.locale);
    if (!form.ok) return reply.status(422).html(<SeasonsPage ctx={ctxOf(req)} seasons={await seasons()} values={form.values} errors={form.errors} />);
    const v = form.value;
    const created = await attempt(() =>
      createSeason(
        deps,
        actor,
        {
          name: v.name,
          wishFrom: v.wishFrom,
          wishUntil: v.wishUntil,
          maxWishes: Number(v.maxWishes),
          reservedPercent: Number(v.reservedPercent),
          retentionDays: Number(v.retentionDays),
        },
        req.locale,
      ),
    );
    if (!created.ok)
      return reply.status(422).html(<SeasonsPage ctx={ctxOf(req)} seasons={await seasons()} values={formValues(req.body)} errors={created.errors} />);
    return reply.redirect(`/verwaltung/ferien/${created.value}`, 303);
  });

  async function dashboard(
    req: FastifyRequest,
    reply: FastifyReply,
    seasonId: string,
    status: number,
    state: { notice?: string; values?: Record<string, string>; errors?: Record<string, string>; preview?: AllocationSummary } = {},
  ) {
    const actor = editor(req);
    const data = await seasonDashboard(deps.db, actor, seasonId);
    const seed = randomBytes(18).toString('base64url');
    let preview: { summary: AllocationSummary; nothing: string[] } | undefined;
    if (state.preview) {
      preview = { summary: state.preview, nothing: await namesOfChildren(deps.db, actor, state.preview.childrenWithNothing) };
    }
    return reply
      .status(status)
      .html(
        <DashboardPage
          ctx={ctxOf(req)}
          data={data}
          isAdmin={canRunLottery(actor)}
          suggestion={{ seed, hash: seedHash(seed) }}
          preview={preview}
          notice={state.notice}
          values={state.values}
          errors={state.errors}
        />,
      );
  }
  const saved = (req: FastifyRequest) => ({ notice: adminMessages(req.locale)('notice.saved') });

  app.get('/verwaltung/ferien/:id', { schema: { params: IdParams, querystring: NoQuery } }, (req, reply) => dashboard(req, reply, req.params.id, 200));
  app.get('/verwaltung/ferien/:id/angebote.csv', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { offers } = await seasonDashboard(deps.db, editor(req), req.params.id);
    const t = exportMessages(req.locale);
    const columns = ['offer', 'organization', 'status', 'firstDay', 'places', 'taken', 'wishes', 'firstWishes', 'waiting'] as const;
    const lines = [
      columns.map((column) => t(`offers.${column}`)),
      ...offers.map((o) => [o.title, o.organization_name, o.status, o.first_day, o.places, o.places_taken, o.wishes, o.first_wishes, o.waiting]),
    ];
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ferienangebote.csv"').send(csvDocument(lines));
  });
  app.post('/verwaltung/ferien/:id/phase', { schema: { params: IdParams, body: formBody(PhaseChangeForm) } }, async (req, reply) => {
    const actor = editor(req);
    const seasonId = req.params.id;
    const form = parseForm(PhaseForm, req.body, { phase: adminMessages(req.locale)('dash.phase') }, req.locale);
    if (!form.ok) return dashboard(req, reply, seasonId, 422, { values: form.values, errors: form.errors });
    const phase = form.value.phase as HolidayPhase;
    const confirmed = formValues(req.body).confirmed === 'ja';
    // Ending the wish phase before its announced day is asked about first, with what it means for families.
    const earlyEnd = confirmed ? null : await earlyEndOfWishes(deps.db, actor, seasonId, phase);
    if (earlyEnd) return reply.html(<ConfirmEarlyEndPage ctx={ctxOf(req)} season={earlyEnd.season} phase={phase} handedIn={earlyEnd.handedIn} />);
    const result = await attempt(() => setPhase(deps, actor, seasonId, phase, req.locale, { earlyEndConfirmed: confirmed }));
    if (!result.ok) return dashboard(req, reply, seasonId, 422, { values: formValues(req.body), errors: result.errors });
    return dashboard(req, reply, seasonId, 200, saved(req));
  });
  async function reviewPage(
    req: FastifyRequest,
    reply: FastifyReply,
    offerId: string,
    status: number,
    values?: Record<string, string>,
    errors?: Record<string, string>,
  ) {
    const actor = editor(req);
    const offer = await offerForReview(deps.db, actor, offerId);
    const languages = await translationOverview(deps.db, offerTranslatable, offer);
    const translations = <TranslationsSection ctx={ctxOf(req)} slug="ferienangebot" id={offer.id} languages={languages} />;
    const section = await employerPlacesOfOffer(deps.db, actor, offer);
    const employers = (
      <EmployerPlacesSection ctx={ctxOf(req)} seasonId={offer.season_id} offerId={offer.id} section={section} values={values} errors={errors} />
    );
    return reply
      .status(status)
      .html(<ReviewOfferPage ctx={ctxOf(req)} offer={offer} values={values} errors={errors} translations={translations} employers={employers} />);
  }
  const reviewRoute = '/verwaltung/ferien/:id/angebote/:offer';
  app.get(reviewRoute, { schema: { params: SeasonOfferParams, querystring: NoQuery } }, (req, reply) => reviewPage(req, reply, req.params.offer, 200));
  app.post(`${reviewRoute}/pruefen`, { schema: { params: SeasonOfferParams, body: formBody(ReviewForm) } }, async (req, reply) => {
    const actor = editor(req);
    const { id: seasonId, offer: offerId } = req.params;
    const t = adminMessages(req.locale);
    const form = parseForm(ReviewForm, req.body, { decision: t('review.decision'), note: t('review.note') }, req.locale);
    if (!form.ok) return reviewPage(req, reply, offerId, 422, form.values, form.errors);
    if (form.value.decision === 'rejected' && !form.value.note)
      return reviewPage(req, reply, offerId, 422, formValues(req.body), { note: t('review.noteRequired') });
    await reviewOffer(deps, actor, offerId, form.value.decision, form.value.note ?? '');
    return dashboard(req, reply, seasonId, 200, saved(req));
  });
  app.post(`${reviewRoute}/arbeitgeber`, { schema: { params: SeasonOfferParams, body: formBody(EmployerPlacesForm) } }, async (req, reply) => {
    const actor = editor(req);
    const offerId = req.params.offer;
    const t = adminMessages(req.locale);
    const labels = {
      employerOrganization: t('field.employer'),
      employerPlaces: { label: t('field.employerPlaces'), format: t('field.employerPlaces.format'), required: t('field.employerPlaces.format') },
    };
    const form = parseForm(EmployerPlacesForm, req.body, labels, req.locale);
    if (!form.ok) return reviewPage(req, reply, offerId, 422, form.values, form.errors);
    const input = { organizationId: form.value.employerOrganization, places: Number(form.value.employerPlaces) };
    const done = await attempt(() => reserveForEmployer(deps, actor, offerId, input, req.locale));
    if (!done.ok) return reviewPage(req, reply, offerId, 422, formValues(req.body), done.errors);
    return reply.redirect(`/verwaltung/ferien/${req.params.id}/angebote/${offerId}#arbeitgeber`, 303);
  });
  app.post(`${reviewRoute}/arbeitgeber/:org/freigeben`, { schema: { params: SeasonOfferOrgParams, body: ButtonForm } }, async (req, reply) => {
    const actor = editor(req);
    const { id: seasonId, offer: offerId, org } = req.params;
    const done = await attempt(() => releaseForEmployer(deps, actor, offerId, org, req.locale));
    if (!done.ok) return reviewPage(req, reply, offerId, 422, {}, done.errors);
    return reply.redirect(`/verwaltung/ferien/${seasonId}/angebote/${offerId}#arbeitgeber`, 303);
  });
  app.post('/verwaltung/ferien/:id/hash', { schema: { params: IdParams, body: formBody(SeedHashForm) } }, async (req, reply) => {
    const actor = editor(req);
    const seasonId = req.params.id;
    const form = parseForm(SeedHashForm, req.body, { seedHash: adminMessages(req.locale)('lottery.hash') }, req.locale);
    if (!form.ok) return dashboard(req, reply, seasonId, 422, { values: form.values, errors: form.errors });
    const result = await attempt(() => commitSeed(deps, actor, seasonId, form.value.seedHash, req.locale));
    if (!result.ok) return dashboard(req, reply, seasonId, 422, { values: formValues(req.body), errors: result.errors });
    return dashboard(req, reply, seasonId, 200, saved(req));
  });
  // The seed is read as typed: the service checks it against the published hash and words the refusal.
  app.post('/verwaltung/ferien/:id/vorschau', { schema: { params: IdParams, body: formBody(SeedForm) } }, async (req, reply) => {
    const actor = editor(req);
    const seasonId = req.params.id;
    const seed = (formValues(req.body).seed ?? '').trim();
    const result = await attempt(() => previewRun(deps, actor, seasonId, seed, req.locale));
    if (!result.ok) return dashboard(req, reply, seasonId, 422, { values: { seed }, errors: result.errors });
    return dashboard(req, reply, seasonId, 200, { values: { seed }, preview: result.value });
  });
  app.post('/verwaltung/ferien/:id/verlosen', { schema: { params: IdParams, body: formBody(ConfirmSeedForm) } }, async (req, reply) => {
    const actor = editor(req);
    const seasonId = req.params.id;
    const seed = (formValues(req.body).confirmSeed ?? '').trim();
    const result = await attempt(() => confirmRun(deps, actor, seasonId, seed, {}, req.locale));
    if (!result.ok)
      return dashboard(req, reply, seasonId, 422, {
        errors: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k === 'seed' ? 'confirmSeed' : k, v])),
      });
    return dashboard(req, reply, seasonId, 200, { notice: adminMessages(req.locale)('notice.confirmed') });
  });
}
