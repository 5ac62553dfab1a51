import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../../platform/city.js';
import { featureTerms, topics } from '../directory.taxonomy.js';
import type { HsdsService } from '../open-data/hsds.types.js';
import { buildDemoDirectory, demoOrganizations, serviceTemplates, templateGroups } from './demo.js';
import { hsdsChecker } from '../../../../test/support/hsds-check.js';
import { demoProviderOrganization } from './organizations.care.js';
import { demoOrganizers } from './organizers.js';
import type { TopicCode } from './catalogue.js';
import { organizationProfiles, profileTopics } from './profiles.js';

const city = loadCityProfile(new URL('../../../../city/hamm.json', import.meta.url).pathname);
const today = new Date('2026-11-15T10:00:00Z');
const units = buildDemoDirectory({ city, today });
const organizations = units.map((u) => u.organization);
const locations = units.flatMap((u) => u.locations);
const services = units.flatMap((u) => u.services);
const locationById = new Map(locations.map((l) => [l.id, l]));
const topicIdsOf = (s: HsdsService) => new Set((s.attributes ?? []).map((a) => a.taxonomy_term_id));
const valueOf = (s: HsdsService, termId: string) => s.attributes?.find((a) => a.taxonomy_term_id === termId)?.value;
const districtsOf = (s: HsdsService) =>
  new Set([
    ...(s.service_areas ?? []).map((a) => a.name),
    ...(s.service_at_locations ?? []).map((l) => locationById.get(l.location_id)?.addresses?.[0]?.region),
  ]);
const monthsAgo = (date: string) => (today.getTime() - Date.parse(date)) / (30.44 * 86_400_000);

describe('the demo directory validates against HSDS 3.0', () => {
  for (const variant of [{ closed: false }, { closed: true }]) {
    it(`every organisation, location and service (${variant.closed ? 'additionalProperties: false' : 'as published'})`, () => {
      const check = hsdsChecker(variant);
      const problems = [
        ...organizations.flatMap((o) => check.errorsOf('organization', o).map((e) => `${o.name}: ${e}`)),
        ...locations.flatMap((l) => check.errorsOf('location', l).map((e) => `${l.name}: ${e}`)),
        ...services.flatMap((s) => check.errorsOf('service', s).map((e) => `${s.name}: ${e}`)),
      ];
      expect(problems).toEqual([]);
    });
  }

  it('rejects an object that breaks the schema (the check can fail)', () => {
    const check = hsdsChecker({ closed: true });
    expect(check.errorsOf('service', { ...services[0], status: 'open', district: 'Mitte' })).toHaveLength(2);
  });
});

describe('the demo directory covers the city', () => {
  it('has at least 150 services from at least 40 organisations, each id unique', () => {
    expect(services.length).toBeGreaterThanOrEqual(150);
    expect(organizations.length).toBeGreaterThanOrEqual(40);
    const ids = [...organizations, ...locations, ...services].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(services.flatMap((s) => s.service_at_locations ?? []).map((l) => l.id)).size).toBe(
      services.reduce((n, s) => n + (s.service_at_locations?.length ?? 0), 0),
    );
  });

  it('offers every topic and every district', () => {
    for (const topic of topics) expect(services.filter((s) => topicIdsOf(s).has(topic.id)).length, topic.code).toBeGreaterThanOrEqual(3);
    for (const district of city.districts) expect(services.filter((s) => districtsOf(s).has(district)).length, district).toBeGreaterThanOrEqual(8);
  });

  it('gives every service a location, except hotlines and the women’s shelter (whose address stays secret)', () => {
    const crisis = topics.find((t) => t.code === 'notfall-krise')!.id;
    const withoutLocation = services.filter((s) => !s.service_at_locations?.length);
    expect(withoutLocation.map((s) => s.name)).toContain('Frauenhaus: Schutz für Frauen und ihre Kinder');
    for (const s of withoutLocation) {
      expect(topicIdsOf(s).has(crisis), s.name).toBe(true);
      expect(s.service_areas?.map((a) => a.name)).toEqual([...city.districts]);
    }
    expect(JSON.stringify(services.find((s) => s.name.startsWith('Frauenhaus')))).not.toMatch(/address|latitude/);
    expect(services.filter((s) => (s.service_at_locations?.length ?? 0) >= 2).length).toBeGreaterThanOrEqual(5);
  });

  it('places locations in Hamm: the district as region, real postal codes, coordinates near the district centre', () => {
    for (const l of locations) {
      const address = l.addresses![0]!;
      expect(city.districts).toContain(address.region);
      expect(Number(address.postal_code)).toBeGreaterThanOrEqual(59063);
      expect(Number(address.postal_code)).toBeLessThanOrEqual(59077);
      const [lat, lon] = city.districtCentres[address.region!]!;
      expect(Math.abs(l.latitude! - lat)).toBeLessThan(0.01);
      expect(Math.abs(l.longitude! - lon)).toBeLessThan(0.015);
    }
    const barrierFree = locations.filter((l) => l.attributes?.some((a) => a.taxonomy_term_id === featureTerms.barrierFree.id)).length / locations.length;
    expect(barrierFree).toBeGreaterThan(0.35);
    expect(barrierFree).toBeLessThan(0.65);
  });

  it('uses only fictional contact data', () => {
    const json = JSON.stringify(units);
    for (const email of json.match(/[\w.-]+@[\w.-]+/g) ?? []) expect(email).toMatch(/@example\.org$/);
    for (const number of json.match(/"number":"[^"]*"/g) ?? []) expect(number).toMatch(/^"number":"\+49 2381 0000\d{3}"$/);
  });

  it('has opening hours of every kind: afternoons, Saturdays, none, and past midnight', () => {
    const weekly = (s: HsdsService) => (s.schedules ?? []).filter((x) => x.freq === 'WEEKLY');
    expect(services.filter((s) => weekly(s).some((x) => x.closes_at! > '17:00')).length).toBeGreaterThan(20);
    expect(services.filter((s) => weekly(s).some((x) => x.byday!.includes('SA'))).length).toBeGreaterThan(10);
    expect(services.filter((s) => weekly(s).length === 0).length).toBeGreaterThanOrEqual(3);
    expect(services.some((s) => weekly(s).some((x) => x.closes_at! < x.opens_at!))).toBe(true);
  });

  it('speaks German everywhere and other languages in a realistic share', () => {
    for (const s of services) expect(s.languages?.[0]).toMatchObject({ code: 'de', name: 'Deutsch' });
    const multilingual = services.filter((s) => (s.languages?.length ?? 0) > 1).length / services.length;
    expect(multilingual).toBeGreaterThan(0.3);
    expect(multilingual).toBeLessThan(0.7);
    expect(new Set(services.flatMap((s) => s.languages ?? []).map((l) => l.code))).toEqual(
      new Set(['de', 'tr', 'ar', 'ru', 'pl', 'uk', 'en', 'ku', 'ro', 'fa']),
    );
  });

  it('is mostly free; paid offers name the Familienpass price', () => {
    const free = services.filter((s) => s.cost_options!.every((c) => c.amount === 0));
    expect(free.length / services.length).toBeGreaterThan(0.5);
    for (const s of free) expect(s.cost_options![0]!.option).toBe('kostenlos');
    const reduced = services.filter((s) => s.cost_options!.some((c) => c.option === 'Mit Familienpass'));
    expect(reduced.length).toBeGreaterThan(15);
    for (const s of reduced) expect(s.cost_options![0]!.amount_description).toMatch(/mit Familienpass \d/);
  });

  it('has easy-language summaries for about a third, LeiKa keys only on city services, documents and ages where they matter', () => {
    const easy = services.filter((s) => valueOf(s, featureTerms.easyLanguage.id));
    expect(easy.length / services.length).toBeGreaterThan(0.25);
    expect(easy.length / services.length).toBeLessThan(0.45);
    for (const s of easy)
      for (const sentence of valueOf(s, featureTerms.easyLanguage.id)!.split('\n')) expect(sentence.split(' ').length, sentence).toBeLessThanOrEqual(10);
    const cityOrgs = new Set(units.filter((u) => u.kind === 'city').map((u) => u.organization.id));
    const leika = services.filter((s) => valueOf(s, featureTerms.leika.id));
    expect(leika.length).toBeGreaterThan(15);
    for (const s of leika) {
      expect(valueOf(s, featureTerms.leika.id)).toMatch(/^\d{14}$/);
      expect(cityOrgs.has(s.organization_id!)).toBe(true);
    }
    const documents = services.flatMap((s) => s.required_documents ?? []).map((d) => d.document);
    expect(documents.some((d) => d?.startsWith('Geburtsurkunde'))).toBe(true);
    expect(documents.some((d) => d?.startsWith('Einkommensnachweis'))).toBe(true);
    expect(services.filter((s) => s.minimum_age !== undefined).length).toBeGreaterThan(services.length / 2);
  });

  it('spreads "last checked" over 20 months, some older than 12 and some older than 18', () => {
    const ages = services.map((s) => monthsAgo(s.assured_date!));
    expect(Math.max(...ages)).toBeLessThanOrEqual(20);
    expect(ages.filter((m) => m < 12).length).toBeGreaterThan(services.length / 2);
    expect(ages.filter((m) => m > 12 && m < 18).length).toBeGreaterThanOrEqual(10);
    expect(ages.filter((m) => m > 18).length).toBeGreaterThanOrEqual(5);
  });

  it('has something to find for paediatric care, whichever way it is spelled', () => {
    const text = (s: HsdsService) => `${s.name} ${s.description}`;
    expect(services.filter((s) => /Kinderarzt/.test(s.name)).length).toBeGreaterThanOrEqual(3);
    expect(services.filter((s) => /Kinderärztin/.test(s.name)).length).toBeGreaterThanOrEqual(1);
    expect(services.filter((s) => /Kinderärzte/.test(text(s))).length).toBeGreaterThanOrEqual(5);
    for (const word of [
      'Kita',
      'Tagespflege',
      'Erziehungsberatung',
      'Schwangerschaftsberatung',
      'Hebamme',
      'Familienzentrum',
      'Spielplatz',
      'Schwimmkurs',
      'Musik',
      'Bibliothek',
      'Elterngeld',
      'Kindergeld',
      'Bildung und Teilhabe',
      'Schuldnerberatung',
      'Frühe Hilfen',
      'Jugendzentrum',
      'Jugendberufsagentur',
      'Wiedereinstieg',
      'Kinderschutz-Notruf',
      'Frauenhaus',
    ]) {
      expect(
        units.some((u) => u.services.some((s) => text(s).includes(word)) || u.organization.name.includes(word)),
        word,
      ).toBe(true);
    }
  });

  it('has exactly one "Familienzentrum Sonnenblume e. V." (the demo provider’s organisation) with services at two locations', () => {
    const sonnenblume = units.filter((u) => u.organization.name === demoProviderOrganization);
    expect(sonnenblume).toHaveLength(1);
    expect(sonnenblume[0]!.kind).toBe('provider');
    expect(sonnenblume[0]!.locations).toHaveLength(2);
    expect(sonnenblume[0]!.services.length).toBeGreaterThanOrEqual(3);
  });

  it('uses every template, each defined once, and unique organisation keys', () => {
    expect(Object.keys(serviceTemplates).length).toBe(templateGroups.reduce((n, group) => n + Object.keys(group).length, 0));
    const used = new Set(demoOrganizations.flatMap((o) => o.services.map((s) => (typeof s === 'string' ? s : s.key))));
    expect(Object.keys(serviceTemplates).filter((key) => !used.has(key))).toEqual([]);
    expect(new Set(demoOrganizations.map((o) => o.key)).size).toBe(demoOrganizations.length);
  });

  it('is the same on every run (ids and content)', () => {
    expect(buildDemoDirectory({ city, today })).toEqual(units);
    const moved = buildDemoDirectory({ city, today }, new Map([[demoProviderOrganization, '00000000-0000-4000-8000-000000000001']]));
    expect(moved.flatMap((u) => u.services).map((s) => s.id)).toEqual(services.map((s) => s.id));
    expect(moved.find((u) => u.organization.name === demoProviderOrganization)!.services[0]!.organization_id).toBe('00000000-0000-4000-8000-000000000001');
  });
});

describe('the demo directory looks like a real city’s', () => {
  const topicCodes = new Map(topics.map((t) => [t.id, t.code as TopicCode]));

  it('every organisation offers only what an organisation of its kind offers', () => {
    expect(demoOrganizations.filter((o) => !organizationProfiles[o.key]).map((o) => o.key)).toEqual([]);
    const misfits = units.flatMap((unit, i) => {
      const profile = organizationProfiles[demoOrganizations[i]!.key]!;
      return unit.services.flatMap((s) =>
        [...topicIdsOf(s)]
          .map((id) => topicCodes.get(id))
          .filter((code) => code && !profileTopics[profile].includes(code))
          .map((code) => `${unit.organization.name} (${profile}): ${s.name} – ${code}`),
      );
    });
    expect(misfits).toEqual([]);
  });

  it('the check can fail: a swimming course at a paediatric practice is a misfit', () => {
    expect(profileTopics['paediatric-practice']).not.toContain(serviceTemplates.familienschwimmen!.topics[0]);
  });

  it('gives every place one address, and no two places the same one', () => {
    const venues = demoOrganizers({ city, today }).flatMap((o) => o.venues);
    const addressOf = new Map<string, Set<string>>();
    for (const v of venues) addressOf.set(v.name, (addressOf.get(v.name) ?? new Set()).add(`${v.street}, ${v.postalCode}`));
    expect([...addressOf].filter(([, a]) => a.size > 1)).toEqual([]);
    const placesAt = new Map<string, string[]>();
    for (const v of venues) placesAt.set(`${v.street}, ${v.postalCode}`, [...(placesAt.get(`${v.street}, ${v.postalCode}`) ?? []), v.name]);
    expect([...placesAt].filter(([, names]) => names.length > 1)).toEqual([]);
  });
});
