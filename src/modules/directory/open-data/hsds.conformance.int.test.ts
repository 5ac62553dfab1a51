import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { buildService } from '../../../../test/support/directory.js';
import { errorsOf, hsdsValidators, precompile, type CompiledName, type PartName } from '../../../../test/support/hsds-validators.js';
import { publishFixture, type Fixture } from '../../../../test/support/hsds-fixtures.js';

/**
 * HSDS 3.0 conformance: every endpoint's answer validates against the spec's JSON schemas
 * (compiled/*.json for list and full objects, schema/*.json for the parts), as published and
 * once more with additionalProperties: false on every object schema.
 */

const t = useTestApp();
const variants = [
  { label: 'as published', validators: hsdsValidators({ closed: false }) },
  { label: 'with additionalProperties: false', validators: hsdsValidators({ closed: true }) },
];
let f: Fixture;

beforeAll(async () => {
  for (const { validators } of variants)
    precompile(validators, ['service', 'service_list', 'organization', 'organization_list', 'service_at_location', 'service_at_location_list']);
  f = await publishFixture(t);
  // An organization row without an HSDS object yet, but with a published service.
  const bare = await t.deps.db.insertInto('organizations').values({ name: 'Familienbüro (ohne HSDS)', kind: 'city' }).returning('id').executeTakeFirstOrThrow();
  await buildService(t, bare.id, { name: 'Begrüßungsbesuch', topics: ['familienbildung'] });
}, 120_000);

async function getJson(url: string): Promise<any> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json();
}

function expectValid(kind: { compiled: CompiledName } | { part: PartName }, value: unknown, where: string) {
  for (const { label, validators } of variants) {
    const validate = 'compiled' in kind ? validators.compiled(kind.compiled) : validators.part(kind.part);
    const ok = validate(value);
    expect(ok, `${where} against ${JSON.stringify(kind)} ${label}:\n${errorsOf(validate)}`).toBe(true);
  }
}

function expectPage(body: any, where: string) {
  for (const key of ['total_items', 'total_pages', 'page_number', 'size']) expect(Number.isInteger(body[key]), `${where}.${key}`).toBe(true);
  for (const key of ['first_page', 'last_page', 'empty']) expect(typeof body[key], `${where}.${key}`).toBe('boolean');
  expect(Array.isArray(body.contents)).toBe(true);
  expect(body.contents.length).toBeGreaterThan(0);
}

describe('HSDS conformance', () => {
  it('answers the root with version 3.0, a profile and the OpenAPI address', async () => {
    const body = await getJson('/api/hsds/');
    expect(body.version).toBe('3.0');
    expect(body.profile).toMatch(/^https?:\/\//);
    expect(body.openapi_url).toMatch(/\/api\/openapi\.json$/);
  });

  it('lists services as compiled/service_list and, with full=true, as compiled/service', async () => {
    const short = await getJson('/api/hsds/services?per_page=100');
    expectPage(short, 'services');
    for (const s of short.contents) expectValid({ compiled: 'service_list' }, s, `services/${s.name}`);
    expect(short.contents.find((s: any) => s.id === f.sprechstunde.id).organization.name).toBe('Kinderärzte am Kurpark');
    const full = await getJson('/api/hsds/services?per_page=100&full=true');
    for (const s of full.contents) expectValid({ compiled: 'service' }, s, `services?full/${s.name}`);
  });

  it('serves a fully nested service: its parts, its organization and its locations in full', async () => {
    const s = await getJson(`/api/hsds/services/${f.sprechstunde.id}`);
    expectValid({ compiled: 'service' }, s, 'services/:id');
    expect(s.organization).toMatchObject({ id: f.kurpark.id, name: 'Kinderärzte am Kurpark' });
    expect(s.service_at_locations).toHaveLength(1);
    expect(s.service_at_locations[0].location).toMatchObject({
      id: f.praxis.id,
      name: 'Praxis am Kurpark',
      addresses: [expect.objectContaining({ region: 'Heessen' })],
    });
    expect(s.service_at_locations[0].location.accessibility[0].description).toBe('Stufenloser Zugang');
    for (const part of ['phones', 'schedules', 'service_areas', 'languages', 'cost_options', 'required_documents', 'funding', 'contacts'])
      expect(s[part]?.length, part).toBeGreaterThan(0);
    const topic = s.attributes.find((a: any) => a.taxonomy_term?.code === 'gesundheit');
    expect(topic.taxonomy_term.name).toBe('Gesundheit & Kinderärzte');
    expect(s.last_modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('serves organizations as compiled/organization_list and in full with locations and services', async () => {
    const list = await getJson('/api/hsds/organizations?per_page=100');
    expectPage(list, 'organizations');
    for (const o of list.contents) expectValid({ compiled: 'organization_list' }, o, `organizations/${o.name}`);
    expect(list.contents.map((o: any) => o.name)).toContain('Familienbüro (ohne HSDS)');
    for (const query of ['', '?full_service=true']) {
      const o = await getJson(`/api/hsds/organizations/${f.kurpark.id}${query}`);
      expectValid({ compiled: 'organization' }, o, `organizations/:id${query}`);
      expect(o.locations.map((l: any) => l.id)).toEqual([f.praxis.id]);
      expect(o.services.map((s: any) => s.id)).toEqual([f.sprechstunde.id]);
      if (query) expect(o.services[0].service_at_locations[0].location.id).toBe(f.praxis.id);
    }
    const full = await getJson('/api/hsds/organizations?full=true&full_service=true');
    for (const o of full.contents) expectValid({ compiled: 'organization' }, o, `organizations?full/${o.name}`);
  });

  it('serves service_at_locations as compiled/service_at_location_list and compiled/service_at_location', async () => {
    const list = await getJson('/api/hsds/service_at_locations');
    expectPage(list, 'service_at_locations');
    for (const l of list.contents) expectValid({ compiled: 'service_at_location_list' }, l, 'service_at_locations');
    const full = await getJson('/api/hsds/service_at_locations?full=true');
    for (const l of full.contents) expectValid({ compiled: 'service_at_location' }, l, 'service_at_locations?full');
    const one = await getJson(`/api/hsds/service_at_locations/${f.sprechstunde.service_at_locations![0]!.id}`);
    expectValid({ compiled: 'service_at_location' }, one, 'service_at_locations/:id');
    expect(one).toMatchObject({ service: { id: f.sprechstunde.id }, location: { id: f.praxis.id } });
  });

  it('serves taxonomies and taxonomy terms as schema/taxonomy and schema/taxonomy_term', async () => {
    const taxonomies = await getJson('/api/hsds/taxonomies');
    expectPage(taxonomies, 'taxonomies');
    for (const x of taxonomies.contents) expectValid({ part: 'taxonomy' }, x, 'taxonomies');
    expectValid({ part: 'taxonomy' }, await getJson(`/api/hsds/taxonomies/${taxonomies.contents[0].id}`), 'taxonomies/:id');
    const terms = await getJson('/api/hsds/taxonomy_terms?per_page=100');
    expect(terms.total_items).toBe(15);
    for (const x of terms.contents) expectValid({ part: 'taxonomy_term' }, x, 'taxonomy_terms');
    expectValid({ part: 'taxonomy_term' }, await getJson(`/api/hsds/taxonomy_terms/${terms.contents[0].id}`), 'taxonomy_terms/:id');
  });

  it('never lets a stored property outside HSDS leave (an attribute label of the organization)', async () => {
    const o = await getJson(`/api/hsds/organizations/${f.kurpark.id}`);
    expect(o.attributes).toHaveLength(1);
    expect(o.attributes[0]).not.toHaveProperty('label');
  });
});
