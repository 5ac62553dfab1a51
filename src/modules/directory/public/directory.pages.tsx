import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { pageContext } from '../../../platform/http/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { NoQuery, type RouteApp } from '../../../platform/http/routes.js';
import { loadServiceDetails, loadUnlistedService } from './directory.details.js';
import { UuidParams } from '../directory.routes.js';
import { FilterQuery, listPath, parseFilters } from './directory.filters.js';
import { languagesPresent, searchServices } from './directory.search.js';
import { serviceJsonLd } from './json-ld.js';
import { registerTopicPages } from './topics.pages.js';
import { inLocale, listTopics } from './topics.service.js';
import { PrintPage } from './views/public-print.js';
import { SearchPage } from './views/public-search.js';
import { ServicePage, UnlistedServicePage } from './views/public-service.js';
import { resultsInLanguage, serviceTranslatable } from '../directory.translations.js';
import { withTranslation } from '../../../platform/translations/translations.service.js';

/*
 * Routes of the public directory (HTML):
 *   GET       /angebote                  search with filters (all in the URL), results, pages
 *   GET       /angebote/:id              one service, with schema.org JSON-LD
 *   GET       /angebote/:id/drucken      its print view
 *   GET  POST /themen                    topics; editors add one            (topics.pages.tsx)
 *   GET  POST /themen/:code              a topic's introduction and services; editors edit it
 * The site search (/suche) asks searchServices through directorySearchProvider (directory.search-provider.ts).
 * Searching reads the German texts; pages show a service's translation in the visitor's language (directory.translations.ts).
 */

/** Public directory pages (/angebote, /angebote/:id, /themen). */
export function registerDirectoryPages(app: RouteApp, deps: AppDeps): void {
  const { db, city } = deps;
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);

  // A lenient query schema on purpose: parseFilters reads every parameter and turns a bad one into a hint, never a 4xx.
  app.get(listPath, { schema: { querystring: FilterQuery }, config: { pageCache: true } }, async (req, reply) => {
    const [topics, languages] = await Promise.all([listTopics(db), languagesPresent(db)]);
    const filters = parseFilters({ ...req.query }, { topicCodes: topics.map((t) => t.code), city, languages });
    const now = new Date();
    const results = await resultsInLanguage(db, req.locale, await searchServices(db, { ...filters.query, now }));
    if (filters.query.page && results.page < filters.query.page)
      filters.hints.push({ key: 'hint.pageBeyond', vars: { page: filters.query.page, last: results.page } });
    return reply.html(
      <SearchPage
        ctx={ctxOf(req)}
        form={filters.form}
        hints={filters.hints}
        kept={filters.kept}
        results={results}
        topics={topics.map((t) => ({ code: t.code, name: inLocale(req.locale, t.name, t.nameEn, `${t.code}.name`) }))}
        languages={languages}
        now={now}
      />,
    );
  });

  app.get('/angebote/:id', { schema: { params: UuidParams, querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) => {
    const details = await loadServiceDetails(db, req.params.id);
    if (!details) {
      // A service taken out of the directory says so (410), so links and bookmarks do not just break.
      const unlisted = await loadUnlistedService(db, req.params.id);
      if (unlisted) return reply.status(410).html(<UnlistedServicePage ctx={ctxOf(req)} name={unlisted.name} status={unlisted.status} />);
      throw notFound('Angebot');
    }
    const translated = await withTranslation(db, serviceTranslatable, req.locale, details, { contentVersion: req.pageCacheVersion });
    // The structured data says what the page says: translated where an editor translated it.
    const jsonLd = serviceJsonLd(translated.shown, `${deps.config.publicUrl}/angebote/${details.service.id}`);
    return reply.html(<ServicePage ctx={ctxOf(req)} d={translated} now={new Date()} jsonLd={jsonLd} />);
  });

  app.get('/angebote/:id/drucken', { schema: { params: UuidParams, querystring: NoQuery } }, async (req, reply) => {
    const details = await loadServiceDetails(db, req.params.id);
    if (!details) throw notFound('Angebot');
    const translated = await withTranslation(db, serviceTranslatable, req.locale, details);
    return reply.html(<PrintPage ctx={ctxOf(req)} d={translated} now={new Date()} pageUrl={`${deps.config.publicUrl}/angebote/${details.service.id}`} />);
  });

  registerTopicPages(app, deps);
}
