import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { placesMessages } from './places.messages.js';
import { registerPlacePages } from './places.pages.js';
import { placesPersonalData } from './places.privacy.js';
import { placeReviewable } from './places.reviewable.js';
import { seedPlacesDemo } from './places.seed.js';
import { createPlacesService } from './places.service.js';

export { placePaths } from './places.paths.js';
export type { PlaceData } from './places.types.js';

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
