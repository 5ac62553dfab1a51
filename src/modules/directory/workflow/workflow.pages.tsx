import { type Locale } from '../../../platform/i18n/i18n.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import type { DirectoryEntity } from '../../../db/types.js';
import { pageContext } from '../../../platform/http/context.js';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.js';
import { formBody, NoQuery, pageQuery, type RouteApp } from '../../../platform/http/routes.js';
import { LenientText } from '../directory.routes.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { HistoryPage, MyDirectoryPage, noticeKeys, OrganizationPage } from './views/workflow-home.js';
import { LocationFormPage, OrganizationFormPage, type FormState } from './views/workflow-forms.js';
import { ServiceFormPage } from './views/workflow-service-form.js';
import { locationValues, organizationValues } from './workflow.entity-forms.js';
import { EntityParams, entityForms, OrgParams, VersionForm } from './workflow.form-schemas.js';
import { workflowMessages } from './workflow.messages.js';
import { paths } from './workflow.paths.js';
import { registerReviewPages } from './workflow.review-pages.js';
import { createReviewService } from './workflow.review.js';
import { ConflictError, createWorkflowService, type WorkflowService } from './workflow.service.js';
import { languageCodesOf, serviceLanguages, serviceValues } from './workflow.service-form.js';
import { formStrings, type FormValues } from './workflow.validate.js';
import { serviceTranslationSlug } from './workflow.translations.js';
import { serviceTranslatable } from '../directory.translations.js';
import { loadServiceDetails } from '../public/directory.details.js';
import { translationOverview } from '../../../platform/translations/translations.service.js';
import { TranslationsSection } from '../../../platform/translations/views/translations-section.js';

/*
 * Provider pages (members of an organisation; editors and admins for every organisation):
 *   GET       /mein-verzeichnis                              my organisations and their entries
 *   GET       /mein-verzeichnis/:org                         one organisation's entries
 *   GET  POST /mein-verzeichnis/:org/angaben/bearbeiten      the organisation's own details
 *   GET  POST /mein-verzeichnis/:org/standorte/neu           new location
 *   GET  POST /mein-verzeichnis/:org/standorte/:id/bearbeiten
 *   GET  POST /mein-verzeichnis/:org/angebote/neu            new service
 *   GET  POST /mein-verzeichnis/:org/angebote/:id/bearbeiten
 *   GET       …/verlauf                                      every version (who, when, status, reason)
 *        POST …/einreichen                                   send a saved draft to review
 *        POST …/zurueckziehen                                take back an unpublished version
 * A listed service's edit page lists its translations (the form: /uebersetzungen/angebot/:id/:sprache, workflow.translations.ts).
 * Editor pages: see workflow.review-pages.tsx. Daily jobs: workflow.jobs.ts (listed in index.ts).
 */

type Params = { org: string; id?: string };
type EditType = DirectoryEntity;

/** The notice after a redirect (`?hinweis=entwurf`); an unknown one shows nothing. */
const NoticeQuery = pageQuery({ hinweis: LenientText() });

/** Provider and editor pages of the directory. */
export function registerWorkflowPages(app: RouteApp, deps: AppDeps): void {
  const service = createWorkflowService(deps);
  const review = createReviewService(deps);
  registerReviewPages(app, deps, service, review);

  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const notice = (req: FastifyRequest, hinweis: string | undefined) => {
    const key = Object.hasOwn(noticeKeys, hinweis ?? '') ? noticeKeys[hinweis as keyof typeof noticeKeys] : undefined;
    return key ? workflowMessages(req.locale)(key) : undefined;
  };

  app.get('/mein-verzeichnis', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = await service.actorOf(req.actor);
    const home = await service.home(actor);
    return reply.html(<MyDirectoryPage ctx={ctxOf(req)} organizations={home.organizations} editor={home.editor} notice={notice(req, req.query.hinweis)} />);
  });

  app.get('/mein-verzeichnis/:org', { schema: { params: OrgParams, querystring: NoticeQuery } }, async (req, reply) => {
    const org = await service.overview(await service.actorOf(req.actor), req.params.org);
    return reply.html(<OrganizationPage ctx={ctxOf(req)} org={org} notice={notice(req, req.query.hinweis)} />);
  });

  const base = (type: EditType) =>
    type === 'organization' ? '/mein-verzeichnis/:org/angaben' : `/mein-verzeichnis/:org/${type === 'location' ? 'standorte' : 'angebote'}/:id`;
  const entityIdOf = (type: EditType, params: Params) => {
    const id = type === 'organization' ? params.org : params.id;
    if (!id) throw notFound();
    return id;
  };

  /** Renders the form of `type`, from stored data (GET) or from what was posted (422, 409). */
  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    type: EditType,
    orgId: string,
    entityId: string | null,
    posted?: { values: FormValues; errors?: FieldErrors; conflict?: ConflictError },
  ) {
    const actor = await service.actorOf(req.actor);
    const state = await service.editState(actor, type, orgId, entityId);
    const ctx = ctxOf(req);
    const serviceChoices = type === 'service' ? await service.serviceChoices(orgId) : undefined;
    const values = posted?.values ?? valuesOf(type, state.data, deps.city.name, serviceChoices, ctx.locale);
    const common: FormState = {
      ctx,
      orgId,
      organizationName: state.org.name,
      entityId: entityId ?? undefined,
      values,
      errors: posted?.errors,
      baseVersion: posted?.conflict ? (posted.conflict.latest?.version ?? 0) : posted ? Number(posted.values.baseVersion) || 0 : state.baseVersion,
      directPublish: state.directPublish,
      pending: state.pending,
      conflict: posted?.conflict ? { latest: posted.conflict.latest } : undefined,
    };
    const status = posted?.conflict ? 409 : posted?.errors ? 422 : 200;
    if (type === 'organization') return reply.status(status).html(<OrganizationFormPage {...common} />);
    if (type === 'location') return reply.status(status).html(<LocationFormPage {...common} districts={deps.city.districts} />);
    const data = state.data as HsdsService | undefined;
    const extraLanguages = languageCodesOf(data).filter((code) => !serviceLanguages.some((l) => l.code === code));
    const lastChecked = data?.assured_date ? (ctx.locale === 'de' ? data.assured_date.split('-').reverse().join('.') : data.assured_date) : undefined;
    // A listed service can be translated; its languages come below the form.
    const listed = entityId && state.published ? await loadServiceDetails(deps.db, entityId) : undefined;
    const translations = listed ? (
      <TranslationsSection
        ctx={ctx}
        slug={serviceTranslationSlug}
        id={listed.service.id}
        languages={await translationOverview(deps.db, serviceTranslatable, listed)}
      />
    ) : (
      ''
    );
    return reply
      .status(status)
      .html(<ServiceFormPage {...common} choices={{ ...serviceChoices!, extraLanguages }} lastChecked={lastChecked} translations={translations} />);
  }

  async function handleSave(req: FastifyRequest, reply: FastifyReply, type: EditType, orgId: string, entityId: string | null) {
    const values = formStrings(req.body);
    const actor = await service.actorOf(req.actor);
    try {
      const saved = await service.save(actor, {
        type,
        orgId,
        entityId,
        values,
        baseVersion: Number(values.baseVersion) || 0,
        intent: values.intent === 'draft' ? 'draft' : 'submit',
        locale: req.locale,
      });
      const hint = saved.status === 'draft' ? 'entwurf' : saved.status === 'published' ? 'veroeffentlicht' : 'pruefung';
      return reply.redirect(`${paths.organization(orgId)}?hinweis=${hint}`, 303);
    } catch (error) {
      if (error instanceof ConflictError) return renderForm(req, reply, type, orgId, entityId, { values, conflict: error });
      if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields)
        return renderForm(req, reply, type, orgId, entityId, { values, errors: error.details.fields });
      throw error;
    }
  }

  for (const type of ['organization', 'location', 'service'] as const) {
    const form = { body: formBody(entityForms[type]) };
    if (type !== 'organization') {
      const create = `/mein-verzeichnis/:org/${type === 'location' ? 'standorte' : 'angebote'}/neu`;
      app.get(create, { schema: { params: OrgParams, querystring: NoQuery } }, (req, reply) => renderForm(req, reply, type, req.params.org, null));
      app.post(create, { schema: { params: OrgParams, ...form } }, (req, reply) => handleSave(req, reply, type, req.params.org, null));
    }
    const params = type === 'organization' ? OrgParams : EntityParams;
    app.get(`${base(type)}/bearbeiten`, { schema: { params, querystring: NoQuery } }, (req, reply) =>
      renderForm(req, reply, type, req.params.org, entityIdOf(type, req.params)),
    );
    app.post(`${base(type)}/bearbeiten`, { schema: { params, ...form } }, (req, reply) =>
      handleSave(req, reply, type, req.params.org, entityIdOf(type, req.params)),
    );

    app.get(`${base(type)}/verlauf`, { schema: { params, querystring: NoQuery } }, async (req, reply) => {
      const orgId = req.params.org;
      const entityId = entityIdOf(type, req.params);
      const history = await service.history(await service.actorOf(req.actor), type, orgId, entityId);
      return reply.html(<HistoryPage ctx={ctxOf(req)} type={type} entityId={entityId} history={history} />);
    });

    app.post(`${base(type)}/einreichen`, { schema: { params, body: formBody(VersionForm) } }, async (req, reply) => {
      const orgId = req.params.org;
      const version = Number(formStrings(req.body).version) || 0;
      const result = await service.submitDraft(await service.actorOf(req.actor), { type, orgId, entityId: entityIdOf(type, req.params), version });
      return reply.redirect(`${paths.organization(orgId)}?hinweis=${result.status === 'published' ? 'veroeffentlicht' : 'pruefung'}`, 303);
    });

    app.post(`${base(type)}/zurueckziehen`, { schema: { params, body: formBody(VersionForm) } }, async (req, reply) => {
      const orgId = req.params.org;
      const version = Number(formStrings(req.body).version) || 0;
      await service.withdraw(await service.actorOf(req.actor), { type, orgId, entityId: entityIdOf(type, req.params), version });
      return reply.redirect(`${paths.organization(orgId)}?hinweis=zurueckgezogen`, 303);
    });
  }
}

function valuesOf(
  type: EditType,
  data: unknown,
  cityName: string,
  serviceChoices: Awaited<ReturnType<WorkflowService['serviceChoices']>> | undefined,
  locale: Locale,
): FormValues {
  switch (type) {
    case 'organization':
      return organizationValues(data as HsdsOrganization);
    case 'location':
      return locationValues(data as HsdsLocation | undefined, cityName);
    case 'service':
      return serviceValues(data as HsdsService | undefined, serviceChoices ?? { topics: [] }, locale);
  }
}
