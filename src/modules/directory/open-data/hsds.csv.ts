import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../../platform/deps.js';
import { csvLine, csvStart } from '../../../platform/export/csv.js';
import { NoQuery, type RouteApp } from '../../../platform/http/routes.js';
import type { Executor } from '../../../db/executor.js';
import type { HsdsAddress } from './hsds.types.js';

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

// Only the fields the file needs are read from the HSDS objects: parsing whole objects would cost
// most of the time of a big export.
const serviceColumns = [
  's.id',
  's.name',
  's.topic_codes',
  's.districts',
  's.free',
  's.barrier_free',
  's.minimum_age',
  's.maximum_age',
  'o.name as organization',
  sql<string | null>`s.hsds ->> 'description'`.as('description'),
  sql<string | null>`s.hsds #>> '{phones,0,number}'`.as('phone'),
  sql<string | null>`coalesce(s.hsds ->> 'email', o.hsds ->> 'email')`.as('email'),
  sql<string | null>`coalesce(s.hsds ->> 'url', o.hsds ->> 'website')`.as('url'),
  // From the HSDS object: the date column would come back as a local-midnight Date.
  sql<string | null>`s.hsds ->> 'assured_date'`.as('assured_date'),
  sql<
    string | null
  >`(select string_agg(coalesce(x ->> 'name', x ->> 'code'), ', ') from jsonb_array_elements(coalesce(s.hsds -> 'languages', '[]'::jsonb)) x)`.as('languages'),
] as const;

async function* rowsOf(db: Executor): AsyncGenerator<string> {
  const topics = new Map((await db.selectFrom('taxonomy_terms').select(['code', 'name']).execute()).map((t) => [t.code, t.name]));
  yield `${csvStart}${csvLine(csvHeader)}`;
  // The order is chosen once on narrow rows, then the rows are read slice by slice: a big directory
  // streams out and never sits in memory (or in one long transaction) as a whole.
  const order = (await db.selectFrom('directory_services').select('id').orderBy('name').orderBy('id').execute()).map((r) => r.id);
  for (let start = 0; start < order.length; start += batchSize) {
    const ids = order.slice(start, start + batchSize);
    const [rows, links] = await Promise.all([
      db
        .selectFrom('directory_services as s')
        .innerJoin('organizations as o', 'o.id', 's.organization_id')
        .select(serviceColumns)
        .where('s.id', 'in', ids)
        .execute(),
      db
        .selectFrom('directory_service_locations as sl')
        .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
        .select([
          'sl.service_id',
          'l.id',
          'l.name',
          'l.barrier_free',
          sql<HsdsAddress[] | null>`l.hsds -> 'addresses'`.as('addresses'),
          sql<string | null>`l.hsds #>> '{phones,0,number}'`.as('phone'),
        ])
        .where('sl.service_id', 'in', ids)
        .orderBy('l.name')
        .orderBy('l.id')
        .execute(),
    ]);
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
