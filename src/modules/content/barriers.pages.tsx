import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { CityProfile } from '../../platform/city.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { formBody, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { barrierMessages } from './barriers.messages.js';
import { reportedPage, reportListLimit, type BarrierService } from './barriers.service.js';
import { BarrierQuery, BarrierForm } from './content.schemas.js';
import { BarrierFormPage, BarrierListPage, BarrierThanksPage } from './views/barrier-pages.js';

/*
 * Routes of "Barriere melden" (HTML):
 *   GET  POST /barriere-melden?seite=/pfad     anyone: report a barrier on a page
 *   GET       /barriere-melden/danke           confirmation
 *   GET       /verwaltung/barrieren            editors: the reports, newest first
 */
export function registerBarrierPages(app: RouteApp, service: BarrierService, city: CityProfile, config: Config): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);

  app.get('/barriere-melden', { schema: { querystring: BarrierQuery } }, async (req, reply) => {
    // Only a page of this portal is taken over from the link; anything else leaves the field empty.
    const page = reportedPage(req.query.seite, config.publicUrl) || '';
    return reply.html(<BarrierFormPage ctx={ctxOf(req)} values={{ page }} />);
  });

  app.post('/barriere-melden', { schema: { body: formBody(BarrierForm) } }, async (req, reply) => {
    const t = barrierMessages(req.locale);
    const labels = { page: t('field.page'), message: t('field.message'), email: t('field.email') };
    const form = parseForm(BarrierForm, req.body, labels, req.locale);
    const pageUrl = reportedPage(formValues(req.body).page, config.publicUrl);
    if (!form.ok || pageUrl === null) {
      const errors = form.ok ? {} : { ...form.errors };
      const length = (formValues(req.body).message ?? '').trim().length;
      if (errors.message) errors.message = length ? t('error.messageTooLong', { count: length }) : t('error.messageMissing');
      if (errors.email) errors.email = t('error.email');
      if (pageUrl === null) errors.page = t('field.pageInvalid');
      // Keep the order of the fields in the summary.
      const ordered = Object.fromEntries(['page', 'message', 'email'].filter((f) => errors[f]).map((f) => [f, errors[f]!]));
      return reply.status(422).html(<BarrierFormPage ctx={ctxOf(req)} values={formValues(req.body)} errors={ordered} />);
    }
    await service.submitReport({ pageUrl, message: form.value.message, contactEmail: form.value.email ?? null }, { ip: req.ip });
    return reply.redirect('/barriere-melden/danke', 303);
  });

  app.get('/barriere-melden/danke', { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<BarrierThanksPage ctx={ctxOf(req)} />));

  app.get('/verwaltung/barrieren', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const reports = await service.listReports(requireActor(req));
    return reply.html(<BarrierListPage ctx={ctxOf(req)} reports={reports} limit={reportListLimit} />);
  });
}
