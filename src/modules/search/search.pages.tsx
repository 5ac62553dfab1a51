import { Type } from '@sinclair/typebox';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { pageQuery, type RouteApp } from '../../platform/http/routes.js';
import type { SearchService } from './search.service.js';
import { SearchPage } from './views/search-page.js';

// Unbounded on purpose: an overlong query gets the search page's own 422 with a worded message.
const SearchQuery = pageQuery({ q: Type.Optional(Type.String()) });

/*
 * Routes of the search module (HTML):
 *   GET  /suche?q=      the site search; the search box in the header submits here
 */
export function registerSearchPages(app: RouteApp, service: SearchService, city: CityProfile): void {
  app.get('/suche', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const outcome = await service.search(req.query.q, req.locale);
    const status = outcome.kind === 'tooLong' ? 422 : 200;
    return reply.status(status).html(<SearchPage ctx={pageContext(req, city)} outcome={outcome} typed={(req.query.q ?? '').trim()} />);
  });
}
