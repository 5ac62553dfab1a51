import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import type { RouteApp } from '../../platform/http/routes.js';
import { RespondError, type RespondService } from './respond.service.js';
import { SlugParams } from './survey.schemas.js';

const SubmitBody = Type.Object(
  {
    schluessel: Type.String({ format: 'uuid', description: 'Idempotenzschlüssel: derselbe Schlüssel speichert höchstens eine Antwort.' }),
    kanal: Type.Optional(Type.String({ maxLength: 80 })),
    antworten: Type.Record(
      Type.String({ maxLength: 80 }),
      Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 })]),
      { maxProperties: 300 },
    ),
  },
  { additionalProperties: false },
);

/*
 * JSON route (e.g. for tablets that collect answers at an event; also used by the bench):
 *   POST /api/v1/befragungen/:slug/antworten    one complete answer sheet; idempotent by key
 * No cookie, no session: CSRF does not apply. Anonymous like the form: channel and day only.
 */
export function registerSurveyApi(app: RouteApp, deps: AppDeps, service: RespondService): void {
  app.post(
    '/api/v1/befragungen/:slug/antworten',
    {
      config: { csrf: false },
      schema: {
        tags: ['Befragung'],
        summary: 'Eine vollständige Antwort auf eine laufende Befragung senden (anonym)',
        params: SlugParams,
        body: SubmitBody,
      },
    },
    async (req, reply) => {
      try {
        // The limit is counted alongside the submission; past it, the submission is not stored.
        // The per-address count is split over 8 rows (by the key's first digit), so a busy
        // event's tablets do not all wait on one locked row; 8 × 2,500 = 20,000 per 10 minutes.
        const shard = Number.parseInt(req.body.schluessel.slice(0, 1), 16) % 8;
        const outcome = await service.submitDirect(req.params.slug, { channel: req.body.kanal, answers: req.body.antworten, key: req.body.schluessel }, () =>
          consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'survey-api:ip', max: 2_500, windowSeconds: 600 }, `${req.ip}#${shard}`),
        );
        if (!outcome.ok)
          return reply.status(422).send({ code: 'validation_failed', message: 'Antworten passen nicht zu den Fragen.', fields: outcome.problems });
        return reply.status(outcome.duplicate ? 200 : 201).send({ status: outcome.duplicate ? 'already_stored' : 'stored' });
      } catch (error) {
        if (error instanceof RespondError) {
          if (error.problem === 'closed') throw new AppError('conflict', 'Die Befragung nimmt keine Antworten an.');
          if (error.problem === 'channel') throw new AppError('validation_failed', 'Diesen Verteilweg gibt es nicht.', { fields: { kanal: 'unknown' } });
          throw new AppError('forbidden', 'Diese Befragung braucht einen Zugangscode; bitte das Formular benutzen.');
        }
        throw error;
      }
    },
  );
}
