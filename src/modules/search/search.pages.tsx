import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import type { SearchService } from './search.service.js';
import { SearchPage } from './views/search-page.js';

const SearchQuery = Type.Object({ q: Type.Optional(Type.String()) });

/*
 * Routes of the search module (HTML):
 *   GET  /suche?q=      the site search; the search box in the header submits here
 */
export function registerSearchPages(app: FastifyInstance, service: SearchService, city: CityProfile): void {
  app.get<{ Querystring: { q?: string } }>('/suche', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const outcome = await service.search(req.query.q, req.locale);
    const status = outcome.kind === 'tooLong' ? 422 : 200;
    return reply.status(status).html(<SearchPage ctx={pageContext(req, city)} outcome={outcome} typed={(req.query.q ?? '').trim()} />);
  });
}
