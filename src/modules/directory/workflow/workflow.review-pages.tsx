import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { pageContext } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { ButtonForm, formBody, NoQuery, pageQuery, type RouteApp } from '../../../platform/http/routes.js';
import { LenientText, UuidParams } from '../directory.routes.js';
import { OrganizationsPage, QueuePage, ReviewPage } from './views/workflow-review.js';
import { OrgParams, RejectForm, TrustForm } from './workflow.form-schemas.js';
import { workflowMessages } from './workflow.messages.js';
import { paths } from './workflow.paths.js';
import type { ReviewService } from './workflow.review.js';
import type { WorkflowService } from './workflow.service.js';
import { formStrings } from './workflow.validate.js';
import { serviceTranslationProposals } from './workflow.translations.js';
import { TranslationProposals } from '../../../platform/translations/views/translation-proposals.js';

/*
 * Editor pages (editors and admins):
 *   GET       /verwaltung/pruefung                   proposals waiting for review, oldest first; stale entries;
 *                                                    providers' translations waiting (reviewed in /uebersetzungen/angebot/:id/:sprache)
 *   GET       /verwaltung/pruefung/:id               one proposal with a field-by-field diff
 *        POST /verwaltung/pruefung/:id/freigeben     approve (publishes, mails the author)
 *        POST /verwaltung/pruefung/:id/ablehnen      reject with a required reason (mails the author)
 *   GET       /verwaltung/traeger                    organisations and whether they are trusted
 *        POST /verwaltung/traeger/:org/vertrauen     trusted=ja|nein
 */
/** The notice after a redirect; on /verwaltung/traeger also the organisation it names. */
const QueueQuery = pageQuery({ hinweis: LenientText() });
const OrganizationsQuery = pageQuery({ hinweis: LenientText(), org: LenientText() });

export function registerReviewPages(app: RouteApp, deps: AppDeps, workflow: WorkflowService, review: ReviewService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  app.get('/verwaltung/pruefung', { schema: { querystring: QueueQuery }, config: { sessionPageCache: true } }, async (req, reply) => {
    const actor = await workflow.actorOf(req.actor);
    const queue = await review.queue(actor, req.locale);
    const proposals = await serviceTranslationProposals(deps, actor);
    const t = workflowMessages(req.locale);
    const notice = req.query.hinweis === 'freigegeben' ? t('notice.approved') : req.query.hinweis === 'abgelehnt' ? t('notice.rejected') : undefined;
    const translations = <TranslationProposals ctx={ctxOf(req)} proposals={proposals} />;
    return reply.html(<QueuePage ctx={ctxOf(req)} queue={queue} notice={notice} translations={translations} />);
  });

  app.get('/verwaltung/pruefung/:id', { schema: { params: UuidParams, querystring: NoQuery } }, async (req, reply) => {
    const data = await review.reviewPage(await workflow.actorOf(req.actor), req.params.id, req.locale);
    return reply.html(<ReviewPage ctx={ctxOf(req)} review={data} />);
  });

  app.post('/verwaltung/pruefung/:id/freigeben', { schema: { params: UuidParams, body: ButtonForm } }, async (req, reply) => {
    await review.approve(await workflow.actorOf(req.actor), req.params.id, req.locale);
    return reply.redirect(`${paths.queue}?hinweis=freigegeben`, 303);
  });

  app.post('/verwaltung/pruefung/:id/ablehnen', { schema: { params: UuidParams, body: formBody(RejectForm) } }, async (req, reply) => {
    const actor = await workflow.actorOf(req.actor);
    const id = req.params.id;
    const reason = formStrings(req.body).reason ?? '';
    try {
      await review.reject(actor, id, reason, req.locale);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields) {
        const data = await review.reviewPage(actor, id, req.locale);
        return reply.status(422).html(<ReviewPage ctx={ctxOf(req)} review={data} errors={error.details.fields} values={{ reason }} />);
      }
      throw error;
    }
    return reply.redirect(`${paths.queue}?hinweis=abgelehnt`, 303);
  });

  app.get('/verwaltung/traeger', { schema: { querystring: OrganizationsQuery } }, async (req, reply) => {
    const organizations = await review.organizations(await workflow.actorOf(req.actor));
    const t = workflowMessages(req.locale);
    const changed = organizations.find((o) => o.id === req.query.org);
    const notice =
      changed && req.query.hinweis === 'vertrauen' ? t(changed.trusted ? 'notice.trusted' : 'notice.untrusted', { name: changed.name }) : undefined;
    return reply.html(<OrganizationsPage ctx={ctxOf(req)} organizations={organizations} notice={notice} />);
  });

  app.post('/verwaltung/traeger/:org/vertrauen', { schema: { params: OrgParams, body: formBody(TrustForm) } }, async (req, reply) => {
    const trusted = formStrings(req.body).trusted === 'ja';
    const org = await review.setTrusted(await workflow.actorOf(req.actor), req.params.org, trusted);
    return reply.redirect(`${paths.organizations}?hinweis=vertrauen&org=${org.id}`, 303);
  });
}
