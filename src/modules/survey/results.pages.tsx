import type { AppDeps } from '../../platform/deps.js';
import { ensure, requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { aggregateRows, rawRows } from './exports.js';
import type { EditorService } from './editor.service.js';
import type { ResultsService } from './results.service.js';
import { findSurveyBySlug, loadDefinition } from './survey.repository.js';
import { surveyPolicy } from './survey.policy.js';
import { DashboardPage } from './views/results-views.js';
import { ParticipatePage, PublicResultsPage } from './views/public-views.js';
import { buildCsv, buildXlsx } from './xlsx.js';
import { minCellCount } from './suppression.js';
import { listPublicSurveys, takesAnswers } from './survey.repository.js';
import { CrossTabQuery, ExportParams, SlugParams, TextPicksForm } from './survey.schemas.js';

/*
 * Results routes:
 *   GET  /mitmachen                                           overview: open surveys, published results, coming soon
 *   GET  /mitmachen/befragung/:slug/ergebnisse                public results (when published)
 *   GET  /verwaltung/befragungen/:id/ergebnisse?zeilen=&spalten=&filter=&wert=   dashboard + cross-tab (editors)
 *   POST /verwaltung/befragungen/:id/freitexte                which free texts are published
 *   GET  /verwaltung/befragungen/:id/export/ergebnisse.csv|.xlsx   aggregates (editors)
 *   GET  /verwaltung/befragungen/:id/export/rohdaten.csv       anonymised raw answers (analysts, admins)
 */
export function registerResultsPages(app: RouteApp, deps: AppDeps, results: ResultsService, editor: EditorService): void {
  const { db, city } = deps;

  app.get('/mitmachen', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const listed = await listPublicSurveys(db);
    return reply.html(
      <ParticipatePage ctx={pageContext(req, city)} open={listed.filter((r) => takesAnswers(r))} published={listed.filter((r) => r.status === 'published')} />,
    );
  });

  app.get('/mitmachen/befragung/:slug/ergebnisse', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const survey = await findSurveyBySlug(db, req.params.slug);
    if (!survey || survey.status !== 'published') throw new AppError('not_found', 'Ergebnisse nicht gefunden');
    const dashboard = await results.dashboard(survey);
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const quotes = await results.texts(survey, definition, true);
    return reply.html(<PublicResultsPage ctx={pageContext(req, city)} title={definition.title.de} dashboard={dashboard} quotes={quotes} />);
  });

  app.get('/verwaltung/befragungen/:id/ergebnisse', { schema: { params: IdParams, querystring: CrossTabQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(surveyPolicy.can(actor, 'survey.results'));
    const survey = await editor.surveyFor(actor, req.params.id);
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
    ensure(surveyPolicy.can(actor, 'survey.edit'));
    const survey = await editor.surveyFor(actor, req.params.id);
    const raw = req.body.pick;
    const picks = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .filter((p): p is string => typeof p === 'string')
      .map((p) => p.split('|'))
      .filter((p): p is [string, string] => p.length === 2 && uuidPattern.test(p[0]!) && /^[a-z0-9.]{1,60}$/.test(p[1]!));
    await results.publishTexts(actor, survey.id, picks);
    return reply.redirect(`/verwaltung/befragungen/${survey.id}/ergebnisse`, 303);
  });

  app.get('/verwaltung/befragungen/:id/export/ergebnisse.:format', { schema: { params: ExportParams, querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(surveyPolicy.can(actor, 'survey.results'));
    const survey = await editor.surveyFor(actor, req.params.id);
    const rows = aggregateRows(await results.dashboard(survey));
    reply.header('content-disposition', `attachment; filename="ergebnisse-${survey.slug}.${req.params.format}"`).header('cache-control', 'no-store');
    if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(buildCsv(rows));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(buildXlsx([{ name: 'Ergebnisse', rows }])));
  });

  app.get('/verwaltung/befragungen/:id/export/rohdaten.csv', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(surveyPolicy.can(actor, 'survey.rawExport'));
    const survey = await editor.surveyFor(actor, req.params.id);
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const rows = await rawRows(deps, survey.id, definition);
    await recordAudit(db, {
      actorId: actor.id,
      action: 'survey.raw_exported',
      subjectType: 'survey',
      subjectId: survey.id,
      details: { rows: rows.length - 1 },
    });
    return reply
      .header('content-disposition', `attachment; filename="rohdaten-${survey.slug}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(buildCsv(rows));
  });
}
