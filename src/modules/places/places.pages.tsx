import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formBody, Id, IdParams, NoQuery, pageQuery, params, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { ConflictError } from '../../platform/review/review.workflow.js';
import { readPlaceQuery, startMonths } from './places.filters.js';
import { formValuesOf, PlaceForm, placeFormLabels } from './places.form.js';
import { jobPostingOf, jsonLdText } from './places.json-ld.js';
import { placesMessages } from './places.messages.js';
import { placePaths } from './places.paths.js';
import type { PlacesService } from './places.service.js';
import { ManageHomePage, OrganizationPlacesPage, PlaceFormPage, PlaceHistoryPage } from './views/places-manage.js';
import { PlacePage, PlacesListPage } from './views/places-public.js';

/*
 * Routes of the places (HTML):
 *   GET       /jugend-beruf/plaetze?art=&feld=&abschluss=&ab=&teilzeit=   the list with filters (young people, "du")
 *   GET       /jugend-beruf/plaetze/:id                  one place, with JobPosting JSON-LD and the BERUFENET link
 *   GET       /plaetze-verwalten?org=                    employers: their organisations; staff: choose one
 *   GET       /plaetze-verwalten/:org?hinweis=           an organisation's places with drafts and proposals
 *   GET  POST /plaetze-verwalten/:org/neu                enter a place (draft, for review, or published at once)
 *   GET  POST /plaetze-verwalten/:org/:id/bearbeiten     change it the same way
 *   GET       /plaetze-verwalten/:org/:id/verlauf        every version with who, when and the editors' reasons
 * The editors review proposals in /verwaltung/pruefung, with the directory's (one review workflow, platform/review).
 */

const ListQuery = pageQuery({ art: QueryText(100), feld: QueryText(100), abschluss: QueryText(100), ab: QueryText(100), teilzeit: QueryText(100) });
const ManageQuery = pageQuery({ org: QueryText(100) });
const NoticeQuery = pageQuery({ hinweis: QueryText(100) });
const OrgParams = params({ org: Id() });
const PlaceParams = params({ org: Id(), id: Id() });

export function registerPlacePages(app: RouteApp, deps: AppDeps, service: PlacesService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);

  app.get(placePaths.list, { schema: { querystring: ListQuery } }, async (req, reply) => {
    const { state, filters, active } = readPlaceQuery(req.query);
    const now = new Date();
    const places = await service.list(filters, now);
    return reply.html(<PlacesListPage ctx={ctxOf(req)} places={places} state={state} active={active} months={startMonths(now)} />);
  });

  app.get(`${placePaths.list}/:id`, { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const place = await service.find(req.params.id);
    const jsonLd = jobPostingOf(place, { publicUrl: deps.config.publicUrl, cityName: deps.city.name, region: deps.city.state });
    return reply.html(<PlacePage ctx={ctxOf(req)} place={place} jsonLd={jsonLdText(jsonLd)} />);
  });

  app.get(placePaths.manage, { schema: { querystring: ManageQuery } }, async (req, reply) => {
    const actor = await service.actorOf(req.actor);
    const home = await service.manageHome(actor);
    if (req.query.org && uuidPattern.test(req.query.org)) return reply.redirect(placePaths.organization(req.query.org), 303);
    return reply.html(<ManageHomePage ctx={ctxOf(req)} home={home} />);
  });

  app.get('/plaetze-verwalten/:org', { schema: { params: OrgParams, querystring: NoticeQuery } }, async (req, reply) => {
    const overview = await service.overview(await service.actorOf(req.actor), req.params.org);
    const t = placesMessages(req.locale);
    const hint = req.query.hinweis;
    const notice = hint === 'draft' || hint === 'in_review' || hint === 'published' ? t(`notice.${hint}`) : undefined;
    return reply.html(<OrganizationPlacesPage ctx={ctxOf(req)} overview={overview} notice={notice} />);
  });

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    placeId: string | null,
    posted?: { values: Record<string, string>; errors?: Record<string, string>; conflict?: boolean },
  ) {
    const state = await service.editState(await service.actorOf(req.actor), orgId, placeId);
    const values = posted?.values ?? (state.data ? formValuesOf(state.data) : { positions: '1' });
    const status = posted?.errors ? 422 : posted?.conflict ? 409 : 200;
    return reply
      .status(status)
      .html(
        <PlaceFormPage
          ctx={ctxOf(req)}
          orgId={orgId}
          organization={state.org.name}
          placeId={placeId}
          values={values}
          errors={posted?.errors}
          baseVersion={state.baseVersion}
          directPublish={state.directPublish}
          conflict={posted?.conflict}
        />,
      );
  }

  async function handleSave(req: FastifyRequest, reply: FastifyReply, orgId: string, placeId: string | null) {
    const actor = await service.actorOf(req.actor);
    // Ask the policy before reading the form: a stranger gets 403, not a list of field errors.
    await service.editState(actor, orgId, placeId);
    const parsed = parseForm(PlaceForm, req.body, placeFormLabels(req.locale), req.locale);
    if (!parsed.ok) return renderForm(req, reply, orgId, placeId, { values: parsed.values, errors: parsed.errors });
    try {
      const saved = await service.save(actor, { orgId, placeId, values: parsed.value, locale: req.locale });
      return reply.redirect(`${placePaths.organization(orgId)}?hinweis=${saved.status}`, 303);
    } catch (error) {
      const values = formValues(req.body);
      if (error instanceof ConflictError) return renderForm(req, reply, orgId, placeId, { values, conflict: true });
      if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields)
        return renderForm(req, reply, orgId, placeId, { values, errors: error.details.fields });
      throw error;
    }
  }

  const form = { body: formBody(PlaceForm) };
  app.get('/plaetze-verwalten/:org/neu', { schema: { params: OrgParams, querystring: NoQuery } }, (req, reply) => renderForm(req, reply, req.params.org, null));
  app.post('/plaetze-verwalten/:org/neu', { schema: { params: OrgParams, ...form } }, (req, reply) => handleSave(req, reply, req.params.org, null));
  app.get('/plaetze-verwalten/:org/:id/bearbeiten', { schema: { params: PlaceParams, querystring: NoQuery } }, (req, reply) =>
    renderForm(req, reply, req.params.org, req.params.id),
  );
  app.post('/plaetze-verwalten/:org/:id/bearbeiten', { schema: { params: PlaceParams, ...form } }, (req, reply) =>
    handleSave(req, reply, req.params.org, req.params.id),
  );
  app.get('/plaetze-verwalten/:org/:id/verlauf', { schema: { params: PlaceParams, querystring: NoQuery } }, async (req, reply) => {
    const history = await service.history(await service.actorOf(req.actor), req.params.org, req.params.id);
    return reply.html(<PlaceHistoryPage ctx={ctxOf(req)} history={history} placeId={req.params.id} />);
  });
}
