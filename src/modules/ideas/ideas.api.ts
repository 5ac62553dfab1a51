import type { AppDeps } from '../../platform/deps.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import type { RouteApp } from '../../platform/http/routes.js';
import { SimilarQuery, SimilarResponse } from './ideas.schemas.js';
import type { IdeaService } from './ideas.service.js';

/*
 * JSON route (the submission form asks it while someone types the title; the check page uses the same function):
 *   GET /api/v1/ideen/aehnliche?text=…&thema=…&bezirk=…    published ideas like the text: id, title, url, score (0…1), best first;
 *                                                          the chosen topic and district (optional) rank ideas of the same first
 */
export function registerIdeaApi(app: RouteApp, deps: AppDeps, service: IdeaService): void {
  app.get(
    '/api/v1/ideen/aehnliche',
    {
      schema: {
        tags: ['Ideen & Anliegen'],
        summary: 'Ähnliche veröffentlichte Ideen und Anliegen zu einem Text (höchstens 5, die ähnlichste zuerst)',
        querystring: SimilarQuery,
        response: { 200: SimilarResponse },
      },
    },
    async (req, reply) => {
      await consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'ideas.similar:ip', max: 600, windowSeconds: 600 }, req.ip);
      const ideas = await service.similar(req.query.text, { topic: req.query.thema, district: req.query.bezirk || undefined });
      return reply.header('cache-control', 'no-store').send({ ideas: ideas.map(({ id, title, url, score }) => ({ id, title, url, score })) });
    },
  );
}
