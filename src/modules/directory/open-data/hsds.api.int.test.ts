import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { buildService, topicId } from '../../../../test/support/directory.js';
import { topicTaxonomy, featureTaxonomy, featureTerms } from '../directory.taxonomy.js';
import { publishFixture, type Fixture } from '../../../../test/support/hsds-fixtures.js';

const t = useTestApp();
let f: Fixture;

beforeAll(async () => {
  f = await publishFixture(t);
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const names = async (url: string): Promise<string[]> => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().contents as { name: string }[]).map((s) => s.name).sort();
};

describe('HSDS API: pagination', () => {
  it('pages through services with the spec’s Page fields', async () => {
    const first = (await get('/api/hsds/services?per_page=2')).json();
    expect(first).toMatchObject({ total_items: 3, total_pages: 2, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    const second = (await get('/api/hsds/services?per_page=2&page=2')).json();
    expect(second).toMatchObject({ total_items: 3, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    const all = [...first.contents, ...second.contents].map((s: { id: string }) => s.id);
    expect(new Set(all).size).toBe(3);
    const beyond = (await get('/api/hsds/services?per_page=2&page=9')).json();
    expect(beyond).toMatchObject({ page_number: 9, size: 0, empty: true, last_page: true, contents: [] });
  });

  it('answers a bad per_page or page with 422 JSON and a stable code, never a 500', async () => {
    for (const query of [
      'per_page=1000',
      'per_page=0',
      'per_page=abc',
      'page=0',
      'page=-1',
      'organization_id=nicht-uuid',
      'modified_after=gestern',
      'modified_after=2026-13-45',
      'full=vielleicht',
      `search=${'a'.repeat(201)}`,
    ]) {
      const res = await get(`/api/hsds/services?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code, query).toBe('validation_failed');
    }
  });
});

describe('HSDS API: filters (cumulative)', () => {
  it('searches with the German full-text projection (stemming)', async () => {
    expect(await names('/api/hsds/services?search=Kinderärzte')).toEqual(['Kinderärztliche Sprechstunde']);
    expect(await names('/api/hsds/services?search=schwimmen')).toEqual(['Schwimmkurs Seepferdchen']);
    expect(await names('/api/hsds/services?search=Zahnarzt')).toEqual([]);
    // Search syntax never breaks the query: quotes, operators and stop words alone.
    for (const search of ['"Kinder', "'; drop table", '-', 'oder & | ! ( )', 'und'])
      expect((await get(`/api/hsds/services?search=${encodeURIComponent(search)}`)).statusCode, search).toBe(200);
  });

  it('searches as the directory does: a typo is corrected, a part of a word is found', async () => {
    for (const search of ['kinderartz', 'Kinderarzt', 'arzt']) {
      expect(await names(`/api/hsds/services?search=${search}`), search).toEqual(['Kinderärztliche Sprechstunde']);
      const links = (await get(`/api/hsds/service_at_locations?search=${search}`)).json();
      expect(
        links.contents.map((l: { service: { name: string } }) => l.service.name),
        search,
      ).toEqual(['Kinderärztliche Sprechstunde']);
    }
    expect(await names('/api/hsds/services?search=Schwimkurs')).toEqual(['Schwimmkurs Seepferdchen']);
  });

  it('filters by taxonomy term, taxonomy, organization and modification time', async () => {
    expect(await names(`/api/hsds/services?taxonomy_term_id=${topicId('freizeit-sport')}`)).toEqual(['Schwimmkurs Seepferdchen']);
    expect(await names(`/api/hsds/services?taxonomy_term_id=${featureTerms.leika.id}`)).toEqual(['Kinderärztliche Sprechstunde']);
    expect(await names(`/api/hsds/services?taxonomy_id=${featureTaxonomy.id}`)).toEqual(['Kinderärztliche Sprechstunde']);
    expect(await names(`/api/hsds/services?taxonomy_id=${topicTaxonomy.id}`)).toHaveLength(3);
    expect(await names(`/api/hsds/services?organization_id=${f.verein.id}`)).toEqual(['Elterntelefon', 'Schwimmkurs Seepferdchen']);

    await t.deps.db
      .updateTable('directory_services')
      .set({ updated_at: new Date('2025-01-01T00:00:00Z') })
      .where('id', '!=', f.telefon.id)
      .execute();
    expect(await names('/api/hsds/services?modified_after=2025-06-01T00:00:00Z')).toEqual(['Elterntelefon']);
    expect(await names('/api/hsds/services?modified_after=2024-12-31')).toHaveLength(3);
    // Together: organization AND modified_after AND search.
    expect(await names(`/api/hsds/services?organization_id=${f.verein.id}&modified_after=2025-06-01T00:00:00Z&search=Telefon`)).toEqual(['Elterntelefon']);
    expect(await names(`/api/hsds/services?organization_id=${f.kurpark.id}&modified_after=2025-06-01T00:00:00Z`)).toEqual([]);
  });

  it('filters service_at_locations, organizations and taxonomy terms', async () => {
    const links = (await get(`/api/hsds/service_at_locations?postcode=59065&taxonomy_term_id=${topicId('gesundheit')}`)).json();
    expect(links.contents.map((l: { service: { name: string } }) => l.service.name)).toEqual(['Kinderärztliche Sprechstunde']);
    expect((await get('/api/hsds/service_at_locations?postcode=10115')).json().total_items).toBe(0);
    expect(await names('/api/hsds/organizations?search=Schwimmverein')).toEqual(['Schwimmverein Lippewelle e. V.']);
    expect(await names(`/api/hsds/taxonomy_terms?taxonomy_id=${featureTaxonomy.id}`)).toHaveLength(3);
    expect(await names('/api/hsds/taxonomy_terms?search=Jugend')).toEqual(['Jugend']);
  });
});

describe('HSDS API: what is served', () => {
  it('answers unknown or malformed ids with 404 JSON', async () => {
    for (const url of [
      '/api/hsds/services/6f1d2c4e-0a51-4d8e-9a10-00000000dead',
      '/api/hsds/services/gibt-es-nicht',
      '/api/hsds/organizations/6f1d2c4e-0a51-4d8e-9a10-00000000dead',
      '/api/hsds/service_at_locations/x',
      '/api/hsds/taxonomies/x',
      '/api/hsds/taxonomy_terms/6f1d2c4e-0a51-4d8e-9a10-00000000dead',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('shows only published data: an unpublished service and an organization without HSDS data and services are gone', async () => {
    const hidden = await t.deps.db
      .insertInto('organizations')
      .values({ name: 'Interne Arbeitsgruppe', kind: 'partner' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await names('/api/hsds/organizations?per_page=100')).not.toContain('Interne Arbeitsgruppe');
    expect((await get(`/api/hsds/organizations/${hidden.id}`)).statusCode).toBe(404);
    const gone = await buildService(t, f.verein.id, { name: 'Eingestellter Kurs' });
    const { unpublishService } = await import('../directory.publish.js');
    await t.deps.db.transaction().execute((trx) => unpublishService(trx, gone.id));
    expect((await get(`/api/hsds/services/${gone.id}`)).statusCode).toBe(404);
  });

  it('lets any website read the open data (CORS) and lists the routes in the OpenAPI document', async () => {
    expect((await get('/api/hsds')).json().version, 'the root without its trailing slash').toBe('3.0');
    for (const url of ['/api/hsds/', '/api/hsds/services', `/api/hsds/services/${f.telefon.id}`, '/angebote.csv']) {
      const res = await get(url, { origin: 'https://andere-stadt.example' });
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
    }
    expect((await get('/konto', { origin: 'https://andere-stadt.example' })).headers['access-control-allow-origin']).toBeUndefined();
    const openapi = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/hsds/',
      '/api/hsds/services',
      '/api/hsds/services/{id}',
      '/api/hsds/organizations/{id}',
      '/api/hsds/service_at_locations',
      '/api/hsds/taxonomy_terms/{id}',
    ]) {
      expect(openapi.paths[path]?.get?.tags, path).toEqual(['HSDS']);
    }
    expect(openapi.paths['/api/hsds/services'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['search', 'taxonomy_term_id', 'organization_id', 'modified_after', 'page', 'per_page']),
    );
  });
});
