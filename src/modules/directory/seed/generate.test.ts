import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../../platform/city.js';
import { topics } from '../directory.taxonomy.js';
import { generateDirectory } from './generate.js';
import { hsdsChecker } from '../../../../test/support/hsds-check.js';

const city = loadCityProfile(new URL('../../../../city/hamm.json', import.meta.url).pathname);
const today = new Date('2026-11-15T10:00:00Z');

describe('generateDirectory (benchmark data)', () => {
  const generated = generateDirectory({ services: 1500, seed: 7, city, today });
  const services = [...generated.services()];
  const organizations = [...generated.organizations()];
  const locations = [...generated.locations()];

  it('yields exactly the requested number of services, and the counts it announces', () => {
    expect(services).toHaveLength(1500);
    expect(generated.counts).toEqual({ organizations: organizations.length, locations: locations.length, services: 1500 });
    expect(organizations.length).toBeGreaterThan(1500 / 8);
    const ids = [...organizations, ...locations, ...services].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every object validates against HSDS 3.0 with additionalProperties: false', () => {
    const check = hsdsChecker({ closed: true });
    const problems = [
      ...organizations.flatMap((o) => check.errorsOf('organization', o)),
      ...locations.flatMap((l) => check.errorsOf('location', l)),
      ...services.flatMap((s) => check.errorsOf('service', s)),
    ];
    expect(problems).toEqual([]);
  });

  it('links services only to their own organisation’s locations and spreads them over topics and districts', () => {
    const owner = new Map(locations.map((l) => [l.id, l.organization_id]));
    for (const s of services) for (const link of s.service_at_locations ?? []) expect(owner.get(link.location_id)).toBe(s.organization_id);
    const used = new Set(services.flatMap((s) => s.attributes ?? []).map((a) => a.taxonomy_term_id));
    for (const topic of topics) expect(used.has(topic.id), topic.code).toBe(true);
    expect(new Set(locations.map((l) => l.addresses![0]!.region))).toEqual(new Set(city.districts));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDirectory({ services: 1500, seed: 7, city, today });
    expect([...again.services()].slice(0, 50)).toEqual(services.slice(0, 50));
    expect([...generated.services()].slice(-5)).toEqual(services.slice(-5));
    const other = generateDirectory({ services: 1500, seed: 8, city, today });
    expect([...other.services()][0]!.id).not.toBe(services[0]!.id);
  });

  it('plans 100,000 services without building them up front', () => {
    const large = generateDirectory({ services: 100_000, seed: 1, city, today });
    expect(large.counts.services).toBe(100_000);
    const first = large.units()[Symbol.iterator]().next();
    expect(first.done).toBe(false);
  });
});
