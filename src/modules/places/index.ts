import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { placesPersonalData } from './places.privacy.js';

/** Internships, apprenticeships and dual study places of local employers (Jugend & Beruf; employer profiles build on them). */
export function placesModule(_deps: AppDeps): ModuleManifest {
  return defineModule({
    name: 'places',
    personalData: placesPersonalData,
  });
}
