import type { TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/http/errors.js';
import { NoQuery, type RouteApp } from '../../../platform/http/routes.js';
import type { Executor } from '../../../db/executor.js';
import { listByText } from '../public/directory.search.js';
import type { TextMatch } from '../public/search.repository.js';
import { registerHsdsCsv } from './hsds.csv.js';
import { registerHsdsImportPages } from './hsds.import.pages.js';
import * as objects from './hsds.objects.js';
import * as repo from './hsds.repository.js';
import { uuidPattern } from '../../../platform/http/ids.js';
import {
  ApiError,
  ApiInfo,
  hsdsObject,
  IdParams,
  OrganizationListQuery,
  OrganizationQuery,
  pageResponse,
  ServiceAtLocationListQuery,
  ServiceListQuery,
  TaxonomyListQuery,
  TaxonomyTermListQuery,
} from './hsds.schemas.js';

/*
 * HSDS 3.0 open-data API (standards/hsds-3.0/schema/openapi.json), published data only:
 *   GET /api/hsds/                              version, profile, openapi_url
 *   GET /api/hsds/services[?search&taxonomy_term_id&taxonomy_id&organization_id&modified_after&full&page&per_page]
 *   GET /api/hsds/services/:id                  fully nested service
 *   GET /api/hsds/organizations[?search&full&full_service&page&per_page], /organizations/:id[?full_service]
 *   GET /api/hsds/service_at_locations[?…&postcode], /service_at_locations/:id
 *   GET /api/hsds/taxonomies[?search], /taxonomies/:id
 *   GET /api/hsds/taxonomy_terms[?search&taxonomy_id&parent_id&top_only], /taxonomy_terms/:id
 * `search` on services and service_at_locations is the directory's own search (as on /angebote):
 * typos corrected, parts of words when the word stems find nothing.
 * Also registered from here: GET /angebote.csv (hsds.csv.ts) and the admin import (hsds.import.pages.tsx).
 */

const spec = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

/** Open data: any website may read it from the browser (no cookies are involved, so "*" is safe). */
async function openToAnyOrigin(_req: unknown, reply: FastifyReply): Promise<void> {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

/** An HSDS route's options; `extra` holds its params and querystring, which type the handler. */
const route = <Extra extends { params?: TSchema; querystring: TSchema; description?: string }>(summary: string, extra: Extra, ok: TSchema) => ({
  onRequest: openToAnyOrigin,
  schema: { tags: ['HSDS'], summary, ...extra, response: { 200: ok, 404: ApiError, 422: ApiError } },
});

/** An unknown or malformed id is simply not there (and never reaches PostgreSQL's uuid parser). */
function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AppError('not_found', `${what} nicht gefunden`);
  return value;
}
const idOf = (id: string, what: string): string => found(uuidPattern.test(id) ? id : undefined, what);

function paging(query: { page: number; per_page: number }): repo.Paging {
  return { page: query.page, perPage: query.per_page };
}

function pageOf(listed: { total: number }, p: repo.Paging, contents: unknown[]) {
  const totalPages = Math.ceil(listed.total / p.perPage);
  return {
    total_items: listed.total,
    total_pages: totalPages,
    page_number: p.page,
    size: contents.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const filtersOf = (
  q: { taxonomy_term_id?: string; taxonomy_id?: string; organization_id?: string; modified_after?: string },
  text: TextMatch | undefined,
): repo.ServiceFilters => ({
  text,
  taxonomyTermId: q.taxonomy_term_id,
  taxonomyId: q.taxonomy_id,
  organizationId: q.organization_id,
  modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
});

/** Fully nested services, in the order of the given rows (three queries, whatever the count). */
async function fullServices(db: Executor, rows: objects.ServiceRow[], options: { withOrganization: boolean; terms?: objects.Terms }) {
  const [terms, organizations, links] = await Promise.all([
    options.terms ?? repo.loadTerms(db),
    options.withOrganization
      ? repo.organizationsByIds(
          db,
          rows.map((r) => r.organization_id),
        )
      : new Map<string, objects.OrganizationRow>(),
    repo.linksOfServices(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) => objects.serviceFullObject(row, { organization: organizations.get(row.organization_id), links: links.get(row.id) ?? [], terms }));
}

async function fullOrganization(db: Executor, row: objects.OrganizationRow, fullService: boolean, terms: objects.Terms) {
  const [locations, services] = await Promise.all([repo.locationsOfOrganization(db, row.id), repo.servicesOfOrganization(db, row.id)]);
  const nested = fullService
    ? await fullServices(db, services, { withOrganization: false, terms })
    : services.map((s) => objects.serviceListObject(s, undefined));
  return objects.organizationFullObject(row, { locations, services: nested, terms });
}

export function registerHsdsApi(app: RouteApp, deps: AppDeps): void {
  const { db, config } = deps;

  const info = async () => ({ version: '3.0', profile: `${config.publicUrl}/api/docs`, openapi_url: `${config.publicUrl}/api/openapi.json` });
  app.get('/api/hsds', { onRequest: openToAnyOrigin, schema: { hide: true, querystring: NoQuery } }, info);
  app.get(
    '/api/hsds/',
    route(
      'HSDS-Version und Beschreibung dieser Schnittstelle',
      { description: 'Das Verzeichnis „Angebote & Leistungen“ als offene Daten nach HSDS 3.0 (Open Referral).', querystring: NoQuery },
      ApiInfo,
    ),
    info,
  );

  app.get(
    '/api/hsds/services',
    route(
      'Angebote, seitenweise (Kurzform oder mit full=true vollständig)',
      { querystring: ServiceListQuery },
      pageResponse(`${spec}/compiled/service_list.json`),
    ),
    async (req) => {
      const p = paging(req.query);
      const listed = await listByText(db, req.query.search, (text) => repo.listServices(db, filtersOf(req.query, text), p));
      if (req.query.full) return pageOf(listed, p, await fullServices(db, listed.rows, { withOrganization: true }));
      const organizations = await repo.organizationsByIds(
        db,
        listed.rows.map((r) => r.organization_id),
      );
      return pageOf(
        listed,
        p,
        listed.rows.map((r) => objects.serviceListObject(r, organizations.get(r.organization_id))),
      );
    },
  );

  app.get(
    '/api/hsds/services/:id',
    route('Ein Angebot, vollständig mit Träger und Standorten', { params: IdParams, querystring: NoQuery }, hsdsObject(`${spec}/compiled/service.json`)),
    async (req) => {
      const rows = await repo.servicesByIds(db, [idOf(req.params.id, 'Angebot')]);
      found(rows[0], 'Angebot');
      return (await fullServices(db, rows, { withOrganization: true }))[0];
    },
  );

  app.get(
    '/api/hsds/organizations',
    route('Träger, seitenweise', { querystring: OrganizationListQuery }, pageResponse(`${spec}/compiled/organization_list.json`)),
    async (req) => {
      const p = paging(req.query);
      const listed = await repo.listOrganizations(db, { search: req.query.search?.trim() || undefined }, p);
      if (!req.query.full) return pageOf(listed, p, listed.rows.map(objects.organizationListObject));
      const terms = await repo.loadTerms(db);
      const contents = [];
      for (const row of listed.rows) contents.push(await fullOrganization(db, row, req.query.full_service ?? false, terms));
      return pageOf(listed, p, contents);
    },
  );

  app.get(
    '/api/hsds/organizations/:id',
    route('Ein Träger mit Standorten und Angeboten', { params: IdParams, querystring: OrganizationQuery }, hsdsObject(`${spec}/compiled/organization.json`)),
    async (req) => {
      const row = found(await repo.publishedOrganizationById(db, idOf(req.params.id, 'Träger')), 'Träger');
      return fullOrganization(db, row, req.query.full_service ?? false, await repo.loadTerms(db));
    },
  );

  app.get(
    '/api/hsds/service_at_locations',
    route('Angebote an Standorten, seitenweise', { querystring: ServiceAtLocationListQuery }, pageResponse(`${spec}/compiled/service_at_location_list.json`)),
    async (req) => {
      const p = paging(req.query);
      const listed = await listByText(db, req.query.search, (text) =>
        repo.listServiceAtLocations(db, { ...filtersOf(req.query, text), postcode: req.query.postcode }, p),
      );
      const organizations = await repo.organizationsByIds(
        db,
        listed.rows.map((r) => r.service.organization_id),
      );
      if (!req.query.full)
        return pageOf(
          listed,
          p,
          listed.rows.map((r) => objects.serviceAtLocationListObject(r, r.service, organizations.get(r.service.organization_id))),
        );
      const terms = await repo.loadTerms(db);
      return pageOf(
        listed,
        p,
        listed.rows.map((r) => objects.serviceAtLocationFullObject(r, r.service, organizations.get(r.service.organization_id), terms)),
      );
    },
  );

  app.get(
    '/api/hsds/service_at_locations/:id',
    route('Ein Angebot an einem Standort, vollständig', { params: IdParams, querystring: NoQuery }, hsdsObject(`${spec}/compiled/service_at_location.json`)),
    async (req) => {
      const link = found(await repo.serviceAtLocationById(db, idOf(req.params.id, 'Angebot am Standort')), 'Angebot am Standort');
      const [organizations, terms] = await Promise.all([repo.organizationsByIds(db, [link.service.organization_id]), repo.loadTerms(db)]);
      return objects.serviceAtLocationFullObject(link, link.service, organizations.get(link.service.organization_id), terms);
    },
  );

  app.get(
    '/api/hsds/taxonomies',
    route('Taxonomien (Themen und Merkmale), seitenweise', { querystring: TaxonomyListQuery }, pageResponse(`${spec}/taxonomy.json`)),
    async (req) => {
      const p = paging(req.query);
      const listed = await repo.listTaxonomies(db, { search: req.query.search?.trim() || undefined }, p);
      return pageOf(listed, p, listed.rows.map(objects.taxonomyObject));
    },
  );

  app.get('/api/hsds/taxonomies/:id', route('Eine Taxonomie', { params: IdParams, querystring: NoQuery }, hsdsObject(`${spec}/taxonomy.json`)), async (req) =>
    objects.taxonomyObject(found(await repo.taxonomyById(db, idOf(req.params.id, 'Taxonomie')), 'Taxonomie')),
  );

  app.get(
    '/api/hsds/taxonomy_terms',
    route(
      'Begriffe der Taxonomien, seitenweise (top_only: nur Begriffe ohne Oberbegriff)',
      { querystring: TaxonomyTermListQuery },
      pageResponse(`${spec}/taxonomy_term.json`),
    ),
    async (req) => {
      const p = paging(req.query);
      const q = req.query;
      const listed = await repo.listTerms(
        db,
        { search: q.search?.trim() || undefined, taxonomyId: q.taxonomy_id, parentId: q.parent_id, topOnly: q.top_only },
        p,
      );
      const taxonomies = await repo.listTaxonomies(db, {}, { page: 1, perPage: 100 });
      const byId = new Map(taxonomies.rows.map((t) => [t.id, t]));
      return pageOf(
        listed,
        p,
        listed.rows.map((t) => objects.termObject(t, byId.get(t.taxonomy_id))),
      );
    },
  );

  app.get(
    '/api/hsds/taxonomy_terms/:id',
    route('Ein Begriff', { params: IdParams, querystring: NoQuery }, hsdsObject(`${spec}/taxonomy_term.json`)),
    async (req) => {
      const term = found(await repo.termById(db, idOf(req.params.id, 'Begriff')), 'Begriff');
      return objects.termObject(term, await repo.taxonomyById(db, term.taxonomy_id));
    },
  );

  registerHsdsCsv(app, deps, openToAnyOrigin);
  registerHsdsImportPages(app, deps);
}
