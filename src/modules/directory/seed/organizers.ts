import type { BuildContext } from './build.js';
import { buildDemoDirectory, demoOrganizations, serviceTemplates } from './demo.js';
import { organizationProfiles, type OrganizationProfile } from './profiles.js';

/** A place of the demo directory, with its one address. */
export interface DemoVenue {
  id: string;
  name: string;
  district: string;
  street: string;
  postalCode: string;
}

/** A demo organisation as the other modules' seeds see it: what it is, what it offers, where. */
export interface DemoOrganizer {
  key: string;
  name: string;
  profile: OrganizationProfile;
  /** Its services' template keys with their age ranges. */
  offers: { key: string; ages?: readonly [number, number] }[];
  venues: DemoVenue[];
}

/** The demo directory's organisations (pure and deterministic), for the events and holidays seeds. */
export function demoOrganizers(ctx: BuildContext): DemoOrganizer[] {
  const units = buildDemoDirectory(ctx);
  return demoOrganizations.map((seed, i) => {
    const profile = organizationProfiles[seed.key];
    if (!profile) throw new Error(`${seed.key}: no profile in profiles.ts`);
    const keys = [...new Set(seed.services.map((s) => (typeof s === 'string' ? s : s.key)))];
    return {
      key: seed.key,
      name: units[i]!.organization.name,
      profile,
      offers: keys.map((key) => ({ key, ages: serviceTemplates[key]?.ages })),
      venues: units[i]!.locations.map((l) => {
        const address = l.addresses![0]!;
        return { id: l.id, name: l.name!, district: address.region!, street: address.address_1, postalCode: address.postal_code };
      }),
    };
  });
}
