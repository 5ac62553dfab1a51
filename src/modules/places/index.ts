import type { Executor } from '../../db/executor.js';
import type { AppDeps } from '../../platform/deps.js';
import { todayIn } from '../../platform/time/berlin.js';
import { listPlaces } from './places.repository.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { placesMessages } from './places.messages.js';
import { registerPlacePages } from './places.pages.js';
import { placesPersonalData } from './places.privacy.js';
import { placeReviewable } from './places.reviewable.js';
import { seedPlacesDemo } from './places.seed.js';
import { createPlacesService } from './places.service.js';

export { placePaths } from './places.paths.js';
export { seedPlacesDemo } from './places.seed.js';
export type { PlaceData } from './places.types.js';
export type { PlaceRow } from './places.repository.js';
export { jobPostingOf, jsonLdText } from './places.json-ld.js';
export { countPlacesOf, offersPlaces } from './places.repository.js';

/** The places of one organisation from today on, soonest first (an employer's page). */
export const currentPlacesOf = (db: Executor, organizationId: string, now = new Date()) => listPlaces(db, { organizationId }, todayIn(now));

/**
 * Internships, apprenticeships and dual study places of local employers (Jugend & Beruf). A place
 * belongs to an organisation of the directory; its members and the staff maintain it through the
 * one review workflow (platform/review). Employer profiles build on these places.
 */
export function placesModule(deps: AppDeps): ModuleManifest {
  const service = createPlacesService(deps);
  return defineModule({
    name: 'places',
    personalData: placesPersonalData,
    reviewables: [placeReviewable],
    searchProviders: [
      { id: 'places', label: (locale) => placesMessages(locale)('search.label'), search: (query, locale, limit) => service.search(query, locale, limit) },
    ],
    routes(app) {
      registerPlacePages(app, deps, service);
    },
    seedDemo: () => seedPlacesDemo(deps),
  });
}
/** Who may act on an organisation's entries (its members, editors): the employers' profiles follow the same rule. */
export { can as canActForOrganization, type PlacesActor as OrganizationActor } from './places.policy.js';
