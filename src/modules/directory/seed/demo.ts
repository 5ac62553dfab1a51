import type { HsdsLocation } from '../open-data/hsds.types.js';
import { buildLocation, buildOrganization, buildService, fill, type BuildContext, type DirectoryUnit } from './build.js';
import type { OrganizationSeed, Placement, ServiceRef, ServiceTemplate } from './catalogue.js';
import { cityOrganizations } from './organizations.city.js';
import { careOrganizations } from './organizations.care.js';
import { communityOrganizations } from './organizations.community.js';
import { careTemplates } from './templates.care.js';
import { educationTemplates } from './templates.education.js';
import { healthTemplates } from './templates.health.js';
import { helpTemplates } from './templates.help.js';
import { leisureTemplates } from './templates.leisure.js';
import { moneyTemplates } from './templates.money.js';

/** The demo directory: every catalogue organisation with its locations and services. */

/** The templates by topic group; a key appears in one group only (demo.test.ts checks). */
export const templateGroups = [careTemplates, healthTemplates, helpTemplates, moneyTemplates, educationTemplates, leisureTemplates];

export const serviceTemplates: Record<string, ServiceTemplate> = Object.assign({}, ...templateGroups) as Record<string, ServiceTemplate>;

export const demoOrganizations: OrganizationSeed[] = [...cityOrganizations, ...careOrganizations, ...communityOrganizations];

const refOf = (ref: ServiceRef) => (typeof ref === 'string' ? { key: ref } : ref);

/** The location groups a placement yields: one service per group (`index` marks per-location copies). */
export function placementsOf(at: Placement, locations: HsdsLocation[]): { locations: HsdsLocation[]; index: number | null }[] {
  const at_ = (i: number) => {
    const location = locations[i];
    if (!location) throw new Error(`no location ${i}`);
    return location;
  };
  if (typeof at === 'number') return [{ locations: [at_(at)], index: null }];
  if (Array.isArray(at)) return at.map((i) => ({ locations: [at_(i)], index: i }));
  switch (at) {
    case 'none':
      return [{ locations: [], index: null }];
    case 'both':
      return [{ locations: [at_(0), at_(1)], index: null }];
    case 'all':
      return [{ locations, index: null }];
    case 'each':
      return locations.map((location, index) => ({ locations: [location], index }));
    default:
      return [{ locations: [at_(0)], index: null }];
  }
}

/** Builds one organisation with its locations and services; `organizationId` reuses an existing row. */
export function buildUnit(ctx: BuildContext, seed: OrganizationSeed, idBase: string, organizationId?: string): DirectoryUnit {
  const built = buildOrganization(ctx, { idBase, ...seed });
  const organization = organizationId ? { ...built, id: organizationId } : built;
  const locations = seed.locations.map((location, i) =>
    buildLocation(ctx, { idBase: `${idBase}/location:${i}`, organizationId: organization.id, seed: location }),
  );
  const seen = new Set<string>();
  const services = seed.services.flatMap((raw) => {
    const ref = refOf(raw);
    const template = serviceTemplates[ref.key];
    if (!template) throw new Error(`${seed.key}: unknown service template ${ref.key}`);
    return placementsOf(ref.at ?? template.at ?? 'first', locations).map((group) => {
      const serviceBase = `${idBase}/${ref.key}${group.index === null ? '' : `@${group.index}`}`;
      if (seen.has(serviceBase)) throw new Error(`${seed.key}: ${ref.key} is offered twice at the same place`);
      seen.add(serviceBase);
      const placeIndex = group.locations[0] ? locations.indexOf(group.locations[0]) : 0;
      return buildService(ctx, {
        idBase: serviceBase,
        organizationId: organization.id,
        organizationKey: seed.key,
        kind: seed.kind,
        template,
        name: ref.name,
        locations: group.locations,
        place: seed.locations[placeIndex]?.place,
      });
    });
  });
  return { kind: seed.kind, organization, locations, services };
}

/** Names of the demo organisations for this city (to reuse rows that already exist under that name). */
export const demoOrganizationNames = (city: string): string[] => demoOrganizations.map((o) => fill(o.name, { city }));

/** The demo directory for the city; `organizationIds` maps an organisation name to an existing row's id. */
export function buildDemoDirectory(ctx: BuildContext, organizationIds: ReadonlyMap<string, string> = new Map()): DirectoryUnit[] {
  return demoOrganizations.map((seed) => buildUnit(ctx, seed, `demo:${seed.key}`, organizationIds.get(fill(seed.name, { city: ctx.city.name }))));
}
