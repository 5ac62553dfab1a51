import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from './i18n/i18n.js';

/** Everything that makes the portal one city's: replace city/<name>.json to move it to another city. */
export interface CityProfile {
  readonly id: string;
  readonly name: string;
  readonly portalName: string;
  readonly tagline: Record<Locale, string>;
  readonly state: string;
  readonly districts: readonly string[];
  /** Approximate centre [latitude, longitude] of each district, for sorting by distance. */
  readonly districtCentres: Readonly<Record<string, readonly [number, number]>>;
  readonly familyOffice: {
    readonly name: string;
    readonly street: string;
    readonly postalCode: string;
    readonly locality: string;
    readonly phone: string;
    readonly email: string;
    readonly openingHours: Record<Locale, string>;
  };
  readonly editorsEmail: string;
  readonly colors: { readonly primary: string; readonly accent: string };
  /** File name beside the profile, served at /assets/city/logo. */
  readonly logo: string;
  /** Absolute path of the logo file. */
  readonly logoPath: string;
}

const hexColor = /^#[0-9a-fA-F]{6}$/;

export function loadCityProfile(file: string): CityProfile {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Omit<CityProfile, 'logoPath'>;
  const problems: string[] = [];
  if (!raw.name || !raw.portalName) problems.push('name and portalName are required');
  for (const locale of locales) {
    if (!raw.tagline?.[locale]) problems.push(`tagline.${locale} is missing: the profile speaks every language of the portal`);
    if (!raw.familyOffice?.openingHours?.[locale])
      problems.push(`familyOffice.openingHours.${locale} is missing: the profile speaks every language of the portal`);
  }
  if (!Array.isArray(raw.districts) || raw.districts.length === 0) problems.push('districts must list at least one district');
  if (!hexColor.test(raw.colors?.primary ?? '') || !hexColor.test(raw.colors?.accent ?? '')) problems.push('colors.primary and colors.accent must be #rrggbb');
  if (raw.districts?.some((d) => !raw.districtCentres?.[d])) problems.push('districtCentres must give [latitude, longitude] for every district');
  if (!raw.editorsEmail?.includes('@')) problems.push('editorsEmail must be an email address');
  if (problems.length) throw new Error(`City profile ${file}: ${problems.join('; ')}`);
  return Object.freeze({ ...raw, logoPath: path.join(path.dirname(file), raw.logo) });
}
