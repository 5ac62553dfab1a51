import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { type LotteryPublication, LotteryPublicationSchema } from './lottery-publication.js';
import { publishedDocument } from './lottery.repository.js';
import { seasonOffers } from './offers.repository.js';
import { currentSeason } from './seasons.repository.js';

const Offer = Type.Object({
  id: Type.String({ format: 'uuid' }),
  titel: Type.String(),
  traeger: Type.String(),
  art: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('trip')]),
  ersterTag: Type.String({ format: 'date' }),
  letzterTag: Type.String({ format: 'date' }),
  taeglichVon: Type.Integer({ description: 'Minuten nach Mitternacht (Europe/Berlin)' }),
  taeglichBis: Type.Integer({ description: 'Minuten nach Mitternacht (Europe/Berlin)' }),
  alterVon: Type.Integer(),
  alterBis: Type.Integer(),
  plaetze: Type.Integer(),
  freiePlaetze: Type.Integer(),
  preisCent: Type.Integer(),
  ermaessigterPreisCent: Type.Union([Type.Integer(), Type.Null()]),
  ort: Type.String(),
  inklusionsbegleitung: Type.Boolean(),
});
const Programme = Type.Object({
  saison: Type.Union([
    Type.Null(),
    Type.Object({
      name: Type.String(),
      phase: Type.String(),
      wunschVon: Type.String(),
      wunschBis: Type.String(),
      seedHash: Type.Union([Type.String(), Type.Null()]),
      seed: Type.Union([Type.String(), Type.Null()]),
    }),
  ]),
  angebote: Type.Array(Offer),
});

/*
 * JSON route (open data, no personal data):
 *   GET /api/v1/ferien/angebote                  the current season with its approved offers and free places
 *   GET /api/v1/ferien/saisons/:id/verlosung     the published lottery: anonymised inputs, seed and result
 */
export function registerHolidaysApi(app: RouteApp, deps: AppDeps): void {
  app.get(
    '/api/v1/ferien/angebote',
    {
      schema: {
        tags: ['Ferienbetreuung'],
        summary: 'Aktuelle Saison mit allen freigegebenen Ferienangeboten und freien Plätzen',
        querystring: NoQuery,
        response: { 200: Programme },
      },
    },
    async () => {
      const season = await currentSeason(deps.db);
      if (!season) return { saison: null, angebote: [] };
      const offers = await seasonOffers(deps.db, season.id);
      return {
        saison: {
          name: season.name,
          phase: season.phase,
          wunschVon: season.wish_from,
          wunschBis: season.wish_until,
          seedHash: season.seed_hash,
          seed: season.seed,
        },
        angebote: offers.map((o) => ({
          id: o.id,
          titel: o.title,
          traeger: o.organization_name,
          art: o.kind,
          ersterTag: o.first_day,
          letzterTag: o.last_day,
          taeglichVon: o.daily_from,
          taeglichBis: o.daily_until,
          alterVon: o.min_age,
          alterBis: o.max_age,
          plaetze: o.places,
          freiePlaetze: o.places - o.places_taken,
          preisCent: o.price_cents,
          ermaessigterPreisCent: o.reduced_price_cents,
          ort: o.location,
          inklusionsbegleitung: o.inclusion_support,
        })),
      };
    },
  );

  app.get(
    '/api/v1/ferien/saisons/:id/verlosung',
    {
      schema: {
        tags: ['Ferienbetreuung'],
        summary: 'Eingaben und Ergebnis der Verlosung einer Saison (anonymisiert), zum Nachrechnen mit scripts/verify-holiday-lottery.ts',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'ID der Saison' }) }),
        querystring: NoQuery,
        response: { 200: LotteryPublicationSchema },
      },
    },
    async (req, reply) => {
      const document = await publishedDocument(deps.db, req.params.id);
      if (!document) throw notFound('Verlosung');
      // The stored text as it is: every download of a season is byte for byte the same. Fastify sends a
      // string untouched; the schema above describes what the text holds.
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ferien-verlosung-${req.params.id}.json"`)
        .send(document as unknown as LotteryPublication);
    },
  );
}
