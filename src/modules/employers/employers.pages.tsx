import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { isEditor } from '../../platform/auth/roles.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { ButtonForm, formBody, Id, IdParams, NoQuery, pageQuery, params, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { imagePath } from '../../platform/media/media.js';
import { fileFromForm } from '../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { ConflictError } from '../../platform/review/review.workflow.js';
import { Layout } from '../../platform/views/layout.js';
import { translationOverview } from '../../platform/translations/translations.service.js';
import { TranslationsSection } from '../../platform/translations/views/translations-section.js';
import { profileTranslatable } from './employers.translations.js';
import { bookableServices } from '../appointments/index.js';
import { jobPostingOf, jsonLdText } from '../places/index.js';
import { PartnerRequestFormView } from '../network/index.js';
import { inCatalogueOrder } from './employers.catalogue.js';
import { readEmployerQuery } from './employers.filters.js';
import { employerForm, employerFormLabels, formValuesOf } from './employers.form.js';
import { employerJsonLd } from './employers.json-ld.js';
import { employersMessages } from './employers.messages.js';
import { employerPaths } from './employers.paths.js';
import type { EmployersService } from './employers.service.js';
import { decodeAnswers, questions, readAnswers, scoreAnswers } from './self-check.js';
import { HistoryPage, ManageHomePage, OverviewPage, ProfileFormPage } from './views/employers-manage.js';
import { EmployerPage } from './views/employer-page.js';
import { EmployersListPage } from './views/employers-list.js';
import { certificateText, section } from './views/employers-shared.js';
import { StoriesPage, StoryPage } from './views/stories.js';
import { AggregatesPage, ResultPage, SelfCheckPage } from './views/self-check.js';

/*
 * Routes of the employers (HTML):
 *   GET       /arbeitgeber?massnahme=&branche=&groesse=&bezirk=&ausbildung=ja&teilzeit=ja&seite=   the directory with filters
 *   GET       /arbeitgeber/:id                          one employer: measures, certificates, places, Organization JSON-LD
 *   GET       /arbeitgeber/:id/buendnis                 ask to join the alliance (the network's form, prefilled)
 *   GET       /arbeitgeber/gute-beispiele               good-practice stories
 *   GET       /arbeitgeber/gute-beispiele/:slug         one story
 *   GET  POST /arbeitgeber/selbstcheck                  the self-check (no account); a POST counts it anonymously
 *   GET       /arbeitgeber/selbstcheck/ergebnis?antworten=   the result: profile per area, next steps, counselling
 *   POST      /arbeitgeber/selbstcheck/speichern        save the result to the employer's profile (members)
 *   GET       /arbeitgeber/selbstcheck/auswertung       the city's aggregates (cells under 5 hidden)
 *   GET       /arbeitgeber-verwalten?org=               members: their organisations; staff: choose one
 *   GET       /arbeitgeber-verwalten/:org?hinweis=      the profile's state, confirm the measures, holiday places and code, saved self-check,
 *                                                       translations (editors, trusted organisations: /uebersetzungen/arbeitgeberprofil/:org/:sprache)
 *   GET  POST /arbeitgeber-verwalten/:org/bearbeiten    edit the profile (draft, for review, or published at once; logo upload)
 *   POST      /arbeitgeber-verwalten/:org/bestaetigen   "the measures are still right"
 *   GET       /arbeitgeber-verwalten/:org/verlauf       every version with who, when and the editors' reasons
 * The editors review profiles in /verwaltung/pruefung, with the directory's entries and the places (platform/review).
 */

const ListQuery = pageQuery({
  massnahme: QueryText(100),
  branche: QueryText(100),
  groesse: QueryText(100),
  bezirk: QueryText(100),
  ausbildung: QueryText(10),
  teilzeit: QueryText(10),
  seite: QueryText(10),
});
const ResultQuery = pageQuery({ antworten: QueryText(100) });
const ManageQuery = pageQuery({ org: QueryText(100) });
const NoticeQuery = pageQuery({ hinweis: QueryText(100) });
const OrgParams = params({ org: Id() });
const SlugParams = params({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) });
const SelfCheckForm = Type.Object(
  Object.fromEntries(questions.map((q) => [`q_${q.id}`, Type.Optional(Type.Union(['0', '1', '2'].map((v) => Type.Literal(v))))])),
);
const SaveForm = Type.Object({ antworten: Type.String({ maxLength: 100 }), organisation: Id() });
const notices = ['draft', 'in_review', 'published', 'confirmed', 'saved'] as const;

export function registerEmployerPages(app: RouteApp, deps: AppDeps, service: EmployersService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const Form = employerForm(deps.city.districts);

  app.get(employerPaths.list, { schema: { querystring: ListQuery } }, async (req, reply) => {
    const { state, filters, active, page } = readEmployerQuery(req.query, deps.city.districts);
    const listed = await service.list(filters, page, req.locale);
    return reply.html(<EmployersListPage ctx={ctxOf(req)} listed={listed} state={state} active={active} page={Math.min(page, listed.pages)} />);
  });

  // The static paths before /arbeitgeber/:id (Fastify prefers them anyway; the order reads like the site).
  app.get(employerPaths.stories, { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<StoriesPage ctx={ctxOf(req)} stories={await service.stories(req.locale)} />),
  );
  app.get('/arbeitgeber/gute-beispiele/:slug', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) =>
    reply.html(<StoryPage ctx={ctxOf(req)} translated={await service.story(req.params.slug, req.locale)} />),
  );

  app.get(employerPaths.selfCheck, { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<SelfCheckPage ctx={ctxOf(req)} />));

  app.post(employerPaths.selfCheck, { schema: { body: formBody(SelfCheckForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const read = readAnswers(values);
    if (!read.ok) {
      const t = employersMessages(req.locale);
      const errors = Object.fromEntries(read.missing.map((id) => [`q_${id}`, t('check.missing', { number: questions.findIndex((q) => q.id === id) + 1 })]));
      return reply.status(422).html(<SelfCheckPage ctx={ctxOf(req)} values={values} errors={errors} />);
    }
    await service.recordSelfCheck(read.answers);
    return reply.redirect(`${employerPaths.result}?antworten=${read.answers.join('')}`, 303);
  });

  app.get(employerPaths.result, { schema: { querystring: ResultQuery } }, async (req, reply) => {
    const answers = decodeAnswers(req.query.antworten);
    const t = employersMessages(req.locale);
    if (!answers) {
      return reply.status(404).html(
        <Layout ctx={ctxOf(req)} title={t('result.title')} section={section}>
          <h1 class="kern-heading-large">{t.html('result.title')}</h1>
          <p class="kern-body">{t.html('result.invalid')}</p>
          <p class="kern-body">
            <a class="kern-link" href={employerPaths.selfCheck}>
              {t.html('result.again')}
            </a>
          </p>
        </Layout>,
      );
    }
    const actor = await service.actorOf(req.actor);
    const [stories, services, targets] = await Promise.all([service.stories(req.locale), bookableServices(deps.db), service.saveTargets(actor)]);
    const counselling = services.some((s) => s.slug === employerPaths.counsellingSlug) ? `/termine/${employerPaths.counsellingSlug}` : undefined;
    return reply
      .header('cache-control', 'no-store')
      .html(
        <ResultPage
          ctx={ctxOf(req)}
          answers={answers}
          result={scoreAnswers(answers)}
          stories={stories}
          counselling={counselling}
          targets={targets}
          signedIn={!!actor}
        />,
      );
  });

  app.post(employerPaths.saveResult, { schema: { body: formBody(SaveForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const answers = decodeAnswers(values.antworten);
    const orgId = values.organisation ?? '';
    if (!answers || !uuidPattern.test(orgId)) throw new AppError('not_found', 'Ergebnis nicht gefunden');
    await service.saveSelfCheck(await service.actorOf(req.actor), orgId, answers);
    return reply.redirect(`${employerPaths.organization(orgId)}?hinweis=saved`, 303);
  });

  app.get(employerPaths.aggregates, { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<AggregatesPage ctx={ctxOf(req)} aggregates={await service.aggregates()} />),
  );

  app.get('/arbeitgeber/:id', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const found = await service.find(req.params.id, req.locale);
    // The page shows the short profile in the visitor's language where translated; so does its JSON-LD.
    const profile = found.translated.shown;
    const de = employersMessages('de');
    const pageUrl = `${deps.config.publicUrl}${employerPaths.employer(profile.organization_id)}`;
    const measureLabels = inCatalogueOrder(profile.measures).map((m) => de(`measure.${m}`));
    const organization = employerJsonLd(profile, {
      pageUrl,
      cityName: deps.city.name,
      region: deps.city.state,
      measureLabels,
      certificateLabel: (c) => certificateText('de', c),
      logoUrl: profile.logo_id ? `${deps.config.publicUrl}${imagePath(profile.logo_id)}` : undefined,
    });
    // Each open place as a JobPosting, with what the employer does for families in its text.
    const postings = found.places.map((place) => {
      const posting = jobPostingOf(place, { publicUrl: deps.config.publicUrl, cityName: deps.city.name, region: deps.city.state });
      const measures = measureLabels.length ? ` ${de('jobPosting.measures', { measures: measureLabels.join(', ') })}` : '';
      return { ...posting, '@context': undefined, description: `${place.description}${measures}`, hiringOrganization: { '@id': pageUrl, name: profile.name } };
    });
    const jsonLd = jsonLdText({ '@context': 'https://schema.org', '@graph': [{ ...organization, '@context': undefined }, ...postings] });
    return reply.html(
      <EmployerPage
        ctx={ctxOf(req)}
        translated={found.translated}
        places={found.places}
        stories={found.stories}
        unconfirmed={found.unconfirmed}
        logo={found.logo}
        holidayCare={found.holidayCare}
        jsonLd={jsonLd}
      />,
    );
  });

  app.get('/arbeitgeber/:id/buendnis', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { profile } = await service.find(req.params.id);
    const t = employersMessages(req.locale);
    const ctx = ctxOf(req);
    return reply.html(
      <Layout ctx={ctx} title={t('alliance.title')} section={section}>
        <p class="kern-body">
          <a class="kern-link" href={employerPaths.employer(profile.organization_id)} safe>
            {profile.name}
          </a>
        </p>
        <h1 class="kern-heading-large">{t.html('alliance.title')}</h1>
        <p class="kern-body">{t.html('alliance.intro')}</p>
        <PartnerRequestFormView ctx={ctx} values={{ organization: profile.name, message: t('alliance.message') }} />
      </Layout>,
    );
  });

  // Maintaining a profile -------------------------------------------------------------------------

  app.get(employerPaths.manage, { schema: { querystring: ManageQuery } }, async (req, reply) => {
    const actor = await service.actorOf(req.actor);
    const home = await service.manageHome(actor);
    if (req.query.org && uuidPattern.test(req.query.org)) return reply.redirect(employerPaths.organization(req.query.org), 303);
    return reply.html(<ManageHomePage ctx={ctxOf(req)} home={home} />);
  });

  app.get('/arbeitgeber-verwalten/:org', { schema: { params: OrgParams, querystring: NoticeQuery } }, async (req, reply) => {
    const overview = await service.overview(await service.actorOf(req.actor), req.params.org, req.locale);
    const t = employersMessages(req.locale);
    const hint = notices.find((n) => n === req.query.hinweis);
    // Editors and trusted organisations translate the published short profile (employers.translations.ts).
    const translations =
      overview.published && overview.directPublish ? (
        <TranslationsSection
          ctx={ctxOf(req)}
          slug="arbeitgeberprofil"
          id={req.params.org}
          languages={await translationOverview(deps.db, profileTranslatable(), overview.published)}
        />
      ) : (
        ''
      );
    return reply.html(<OverviewPage ctx={ctxOf(req)} overview={overview} notice={hint ? t(`notice.${hint}`) : undefined} translations={translations} />);
  });

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    posted?: { values: Record<string, string>; errors?: Record<string, string>; conflict?: boolean },
  ) {
    const state = await service.editState(await service.actorOf(req.actor), orgId);
    const values = posted?.values ?? (state.data ? formValuesOf(state.data, deps.city.districts) : {});
    const status = posted?.errors ? 422 : posted?.conflict ? 409 : 200;
    return reply
      .status(status)
      .html(
        <ProfileFormPage
          ctx={ctxOf(req)}
          orgId={orgId}
          organization={state.org.name}
          values={values}
          errors={posted?.errors}
          baseVersion={state.baseVersion}
          directPublish={state.directPublish}
          logoId={state.data?.logo_id ?? null}
          conflict={posted?.conflict}
        />,
      );
  }

  app.get('/arbeitgeber-verwalten/:org/bearbeiten', { schema: { params: OrgParams, querystring: NoQuery } }, (req, reply) =>
    renderForm(req, reply, req.params.org),
  );

  // The form may carry a logo: multipart is read only for staff and members of organisations (the policy decides which one).
  acceptMultipart(app, { limits: { files: 1, fields: 80, fieldBytes: 4000 }, who: (actor) => actor.role !== 'family' || isEditor(actor) }, (scope) => {
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post('/arbeitgeber-verwalten/:org/bearbeiten', { schema: { params: OrgParams, body: formBody(Form) } }, async (req, reply) => {
        const orgId = req.params.org;
        const actor = await service.actorOf(req.actor);
        // Ask the policy before reading the form: a stranger gets 403, not a list of field errors.
        await service.editState(actor, orgId);
        const parsed = parseForm(Form, req.body, employerFormLabels(req.locale, deps.city.districts), req.locale);
        if (!parsed.ok) return renderForm(req, reply, orgId, { values: parsed.values, errors: parsed.errors });
        try {
          const saved = await service.save(actor, {
            orgId,
            values: parsed.value,
            logo: fileFromForm(req.body, 'logo'),
            locale: req.locale,
          });
          return reply.redirect(`${employerPaths.organization(orgId)}?hinweis=${saved.status}`, 303);
        } catch (error) {
          const values = formValues(req.body);
          if (error instanceof ConflictError) return renderForm(req, reply, orgId, { values, conflict: true });
          if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields)
            return renderForm(req, reply, orgId, { values, errors: error.details.fields });
          throw error;
        }
      });
  });

  app.post('/arbeitgeber-verwalten/:org/bestaetigen', { schema: { params: OrgParams, body: ButtonForm } }, async (req, reply) => {
    await service.confirm(await service.actorOf(req.actor), req.params.org);
    return reply.redirect(`${employerPaths.organization(req.params.org)}?hinweis=confirmed`, 303);
  });

  app.get('/arbeitgeber-verwalten/:org/verlauf', { schema: { params: OrgParams, querystring: NoQuery } }, async (req, reply) => {
    const history = await service.history(await service.actorOf(req.actor), req.params.org);
    return reply.html(<HistoryPage ctx={ctxOf(req)} history={history} />);
  });
}
