import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { csvLine, csvStart } from '../../../platform/export/csv.js';
import { NoQuery, type RouteApp } from '../../../platform/http/routes.js';
import type { Executor } from '../../../db/executor.js';
import * as csv from './hsds.csv.repository.js';

/*
 * GET /angebote.csv   the published directory as open data: one row per service and location
 * (a service without a location gets one row), for German spreadsheets: UTF-8 with BOM,
 * semicolons, CRLF, RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
 */

export const csvHeader = [
  'Angebot-ID',
  'Angebot',
  'Träger',
  'Beschreibung',
  'Themen',
  'Stadtbezirke',
  'Standort-ID',
  'Standort',
  'Adresse',
  'PLZ',
  'Ort',
  'Telefon',
  'E-Mail',
  'Webseite',
  'Sprachen',
  'Kostenlos',
  'Barrierefrei',
  'Mindestalter',
  'Höchstalter',
  'Zuletzt geprüft',
];

const yesNo = (value: boolean) => (value ? 'ja' : 'nein');
const batchSize = 2000;

async function* rowsOf(db: Executor): AsyncGenerator<string> {
  const topics = await csv.topicNames(db);
  yield `${csvStart}${csvLine(csvHeader)}`;
  // The order is chosen once on narrow rows, then the rows are read slice by slice: a big directory
  // streams out and never sits in memory (or in one long transaction) as a whole.
  const order = await csv.serviceOrder(db);
  for (let start = 0; start < order.length; start += batchSize) {
    const ids = order.slice(start, start + batchSize);
    const [rows, links] = await Promise.all([csv.serviceLines(db, ids), csv.locationLines(db, ids)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const linksOf = new Map<string, typeof links>();
    for (const link of links) linksOf.set(link.service_id, [...(linksOf.get(link.service_id) ?? []), link]);
    let chunk = '';
    for (const id of ids) {
      // A service unpublished since the order was read is simply left out.
      const s = byId.get(id);
      if (!s) continue;
      const here = linksOf.get(id) ?? [];
      for (const link of here.length ? here : [undefined]) {
        const address = link?.addresses?.find((a) => a.address_type === 'physical') ?? link?.addresses?.[0];
        chunk += csvLine([
          s.id,
          s.name,
          s.organization,
          s.description,
          s.topic_codes.map((code) => topics.get(code) ?? code).join(', '),
          s.districts.join(', '),
          link?.id,
          link?.name,
          [address?.address_1, address?.address_2].filter(Boolean).join(', '),
          address?.postal_code,
          address?.city,
          s.phone ?? link?.phone,
          s.email,
          s.url,
          s.languages,
          yesNo(s.free),
          yesNo(link ? link.barrier_free : s.barrier_free),
          s.minimum_age,
          s.maximum_age,
          s.assured_date,
        ]);
      }
    }
    yield chunk;
  }
}

export function registerHsdsCsv(app: RouteApp, { db }: AppDeps, openToAnyOrigin: (req: FastifyRequest, reply: FastifyReply) => Promise<void>): void {
  app.get(
    '/angebote.csv',
    {
      onRequest: openToAnyOrigin,
      schema: {
        tags: ['HSDS'],
        summary: 'Alle veröffentlichten Angebote als CSV-Datei (eine Zeile je Angebot und Standort, Semikolon, UTF-8)',
        produces: ['text/csv'],
        querystring: NoQuery,
      },
    },
    async (_req, reply) => {
      const body = Readable.from(rowsOf(db));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="angebote.csv"')
        .header('cache-control', 'public, max-age=300')
        .send(body);
    },
  );
}
