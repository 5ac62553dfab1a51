import type { PlaceCertificate, PlaceField, PlaceKind } from '../../db/tables/places.js';

/** The words of a place, stable codes (URLs, forms, the database checks them). */

export const placeKinds: readonly PlaceKind[] = ['apprenticeship', 'dual_study', 'internship'];
export const placeFields: readonly PlaceField[] = ['craft', 'health', 'social', 'office', 'it', 'logistics', 'hospitality', 'public'];
/** From no certificate up to the Abitur: a place asking for one is open to everyone with it or a higher one. */
export const certificates: readonly PlaceCertificate[] = ['none', 'hauptschule', 'mittlerer', 'fachabitur', 'abitur'];

export const isKind = (value: string): value is PlaceKind => (placeKinds as readonly string[]).includes(value);
export const isField = (value: string): value is PlaceField => (placeFields as readonly string[]).includes(value);
export const isCertificate = (value: string): value is PlaceCertificate => (certificates as readonly string[]).includes(value);

/** The certificates a person with `mine` meets (hers and every lower one). */
export const certificatesUpTo = (mine: PlaceCertificate): PlaceCertificate[] => certificates.slice(0, certificates.indexOf(mine) + 1);

/**
 * The Federal Employment Agency's occupational information (BERUFENET), searched by the occupation:
 * a plain link, our page loads nothing from there.
 */
export const berufenetSearchUrl = (occupation: string): string =>
  `https://web.arbeitsagentur.de/berufenet/suche?suchwoerter=${encodeURIComponent(occupation.trim())}`;

/** schema.org JobPosting employmentType per kind (internships are INTERN, training places are full or part time). */
export const employmentType = (kind: PlaceKind, partTime: boolean): string[] =>
  kind === 'internship' ? ['INTERN'] : partTime ? ['FULL_TIME', 'PART_TIME'] : ['FULL_TIME'];
