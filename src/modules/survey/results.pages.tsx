import type { CityProfile } from '../../platform/city.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import type { ResultsService } from './results.service.js';
import { surveyPolicy } from './survey.policy.js';
import { CrossTabQuery, ExportParams, SlugParams, TextPicksForm } from './survey.schemas.js';
import { minCellCount } from '../../platform/statistics/suppression.js';
import { DashboardPage } from './views/results-views.js';
import { ParticipatePage, PublicResultsPage } from './views/public-views.js';
import { buildCsv, buildXlsx } from './xlsx.js';

/*
 * Results routes:
 *   GET  /mitmachen                                           overview: open surveys, published results, coming soon
 *   GET  /mitmachen/befragung/:slug/ergebnisse                public results (when published)
 *   GET  /verwaltung/befragungen/:id/ergebnisse?zeilen=&spalten=&filter=&wert=   dashboard + cross-tab (editors)
 *   POST /verwaltung/befragungen/:id/freitexte                which free texts are published
 *   GET  /verwaltung/befragungen/:id/export/ergebnisse.csv|.xlsx   aggregates (editors)
 *   GET  /verwaltung/befragungen/:id/export/rohdaten.csv       anonymised raw answers (analysts, admins)
 */
export function registerResultsPages(app: RouteApp, city: CityProfile, results: ResultsService): void {
  app.get('/mitmachen', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const { open, published } = await results.publicSurveys();
    return reply.html(<ParticipatePage ctx={pageContext(req, city)} open={open} published={published} />);
  });

  app.get('/mitmachen/befragung/:slug/ergebnisse', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const { title, dashboard, quotes } = await results.publicResults(req.params.slug);
    return reply.html(<PublicResultsPage ctx={pageContext(req, city)} title={title} dashboard={dashboard} quotes={quotes} />);
  });

  app.get('/verwaltung/befragungen/:id/ergebnisse', { schema: { params: IdParams, querystring: CrossTabQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const survey = await results.surveyFor(actor, req.params.id, 'survey.results');
    const [dashboard, { list, channel, definition }] = await Promise.all([results.dashboard(survey), results.variables(survey)]);
    const variables = [channel, ...list];
    const rowKey = String(req.query.zeilen ?? '').slice(0, 80);
    const colKey = String(req.query.spalten ?? '').slice(0, 80);
    const filterKey = String(req.query.filter ?? '').slice(0, 80);
    const filterValue = Number.parseInt(String(req.query.wert ?? '0'), 10) || 0;
    const cross =
      rowKey && colKey && dashboard.total >= minCellCount
        ? await results.crossTab(survey, rowKey, colKey, filterKey ? { key: filterKey, value: filterValue } : undefined)
        : null;
    const texts = await results.texts(survey, definition);
    return reply.html(
      <DashboardPage
        ctx={pageContext(req, city)}
        survey={survey}
        dashboard={dashboard}
        variables={variables}
        cross={cross}
        query={{ rowKey, colKey, filterKey, filterValue: String(filterValue) }}
        texts={texts}
        canRaw={surveyPolicy.can(actor, 'survey.rawExport')}
      />,
    );
  });

  app.post('/verwaltung/befragungen/:id/freitexte', { schema: { params: IdParams, body: formBody(TextPicksForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const survey = await results.surveyFor(actor, req.params.id, 'survey.edit');
    const raw = req.body.pick;
    const picks = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .filter((p): p is string => typeof p === 'string')
      .map((p) => p.split('|'))
      .filter((p): p is [string, string] => p.length === 2 && uuidPattern.test(p[0]!) && /^[a-z0-9.]{1,60}$/.test(p[1]!));
    await results.publishTexts(actor, survey.id, picks);
    return reply.redirect(`/verwaltung/befragungen/${survey.id}/ergebnisse`, 303);
  });

  app.get('/verwaltung/befragungen/:id/export/ergebnisse.:format', { schema: { params: ExportParams, querystring: NoQuery } }, async (req, reply) => {
    const { survey, rows } = await results.aggregateExport(requireActor(req), req.params.id);
    reply.header('content-disposition', `attachment; filename="ergebnisse-${survey.slug}.${req.params.format}"`).header('cache-control', 'no-store');
    if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(buildCsv(rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(buildXlsx([{ name: 'Ergebnisse', rows }])));
  });

  app.get('/verwaltung/befragungen/:id/export/rohdaten.csv', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { survey, rows } = await results.rawExport(requireActor(req), req.params.id);
    return reply
      .header('content-disposition', `attachment; filename="rohdaten-${survey.slug}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(buildCsv(rows));
  });
}
