import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import type { BuildContext, DirectoryUnit, SeedCity } from './build.js';
import { placeNames, type LocationSeed, type OrganizationSeed, type ServiceRef } from './catalogue.js';
import { buildUnit, demoOrganizations, serviceTemplates } from './demo.js';
import { createRandom } from './random.js';

/**
 * Directories of any size for the benchmark (10,000 and 100,000 services), built from the demo
 * catalogue with a seeded PRNG. Organisations are built one at a time while iterating, so memory
 * stays flat however many services are asked for; iterating again yields the same objects.
 */

export interface GeneratedDirectory {
  readonly counts: { organizations: number; locations: number; services: number };
  /** Each organisation with its locations and services, in publishing order. */
  units(): Iterable<DirectoryUnit>;
  organizations(): Iterable<HsdsOrganization>;
  locations(): Iterable<HsdsLocation>;
  services(): Iterable<HsdsService>;
}

export interface GenerateOptions {
  services: number;
  seed?: number;
  city: SeedCity;
  /** "Last checked" dates are spread over the 20 months before this day (default: today). */
  today?: Date;
}

/** Wraps built units (the demo set) in the same shape as a generated directory. */
export function directoryOf(units: readonly DirectoryUnit[]): GeneratedDirectory {
  return fromUnits(() => units.values(), {
    organizations: units.length,
    locations: units.reduce((n, u) => n + u.locations.length, 0),
    services: units.reduce((n, u) => n + u.services.length, 0),
  });
}

function fromUnits(units: () => Iterator<DirectoryUnit>, counts: GeneratedDirectory['counts']): GeneratedDirectory {
  const each = <T>(pick: (unit: DirectoryUnit) => T[]) => ({
    *[Symbol.iterator]() {
      for (let it = units(), next = it.next(); !next.done; next = it.next()) yield* pick(next.value);
    },
  });
  return {
    counts,
    units: () => ({ [Symbol.iterator]: units }),
    organizations: () => each((u) => [u.organization]),
    locations: () => each((u) => u.locations),
    services: () => each((u) => u.services),
  };
}

interface PlannedUnit {
  archetype: number;
  services: number;
  locations: number;
}

/** Generates `services` services from organisations modelled on the demo catalogue. */
export function generateDirectory(options: GenerateOptions): GeneratedDirectory {
  const seed = options.seed ?? 1;
  const ctx: BuildContext = { city: options.city, today: options.today ?? new Date() };
  const random = createRandom(`bench:${seed}:plan`);
  const plan: PlannedUnit[] = [];
  for (let left = Math.max(0, Math.floor(options.services)); left > 0;) {
    const services = Math.min(left, random.int(2, 8));
    plan.push({ archetype: random.int(0, demoOrganizations.length - 1), services, locations: random.chance(0.35) ? 2 : 1 });
    left -= services;
  }
  const counts = {
    organizations: plan.length,
    locations: plan.reduce((n, p) => n + p.locations, 0),
    services: plan.reduce((n, p) => n + p.services, 0),
  };
  const templateKeys = Object.keys(serviceTemplates);
  function* units(): Generator<DirectoryUnit> {
    for (let i = 0; i < plan.length; i++) yield buildUnit(ctx, seedFor(plan[i]!, i), `bench:${seed}:${i}`);
  }
  function seedFor(p: PlannedUnit, i: number): OrganizationSeed {
    const archetype = demoOrganizations[p.archetype]!;
    const r = createRandom(`bench:${seed}:${i}:seed`);
    const district = r.int(0, options.city.districts.length - 1);
    const locations: LocationSeed[] = Array.from({ length: p.locations }, (_, j) => {
      const place = r.pick(placeNames);
      return { place, name: `${place} (${options.city.districts[(district + j) % options.city.districts.length]})`, district: district + j };
    });
    // The archetype's own services first, then others (eight distinct keys always cover the at most eight needed).
    const keys = [...new Set([...archetype.services.map((s) => (typeof s === 'string' ? s : s.key)), ...r.sample(templateKeys, 8)])].slice(0, p.services);
    const services: ServiceRef[] = keys.map((key, k) => ({
      key,
      at: serviceTemplates[key]?.at === 'none' ? 'none' : p.locations === 2 && k % 3 === 0 ? 'both' : k % p.locations,
    }));
    return {
      key: `${archetype.key}-${i + 1}`,
      name: `${archetype.name} – ${locations[0]!.place} ${i + 1}`,
      kind: archetype.kind,
      legalStatus: archetype.legalStatus,
      description: archetype.description,
      locations,
      services,
    };
  }
  return fromUnits(units, counts);
}
