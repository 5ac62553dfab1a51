import type { CityProfile } from '../../../platform/city.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { ContentSlug } from '../content.schemas.js';

export type PageTexts = Record<ContentSlug, { title: string; body: string }>;

/** What the template texts say about the city, as ready Markdown; a placeholder where the profile has nothing. */
export interface Facts {
  city: string;
  portal: string;
  officeName: string;
  /** Street, postal code and place on one line. */
  officeAddress: string;
  officeStreet: string;
  officeLocality: string;
  officeHours: string;
  officePhone: string;
  officeEmail: string;
  editorsEmail: string;
}

const mailLink = (email: string) => `[${email}](mailto:${email})`;
const phoneLink = (phone: string) => `[${phone}](tel:${phone.replace(/[^\d+]/g, '')})`;

/** Markdown needs no escaping here: a profile value with "[" or "**" would only change its look, never run. */
export function factsFor(city: CityProfile | undefined, locale: Locale): Facts {
  const ph = (de: string, en: string) => (locale === 'de' ? `[Platzhalter: ${de}]` : `[Placeholder: ${en}]`);
  if (!city) {
    return {
      city: ph('Name der Stadt', 'name of the city'),
      portal: 'Familienrathaus',
      officeName: ph('Name des Familienbüros', 'name of the family office'),
      officeAddress: ph('Anschrift des Familienbüros', 'address of the family office'),
      officeStreet: ph('Straße und Hausnummer', 'street and number'),
      officeLocality: ph('Postleitzahl und Ort', 'postcode and town'),
      officeHours: ph('Öffnungszeiten', 'opening hours'),
      officePhone: ph('Telefonnummer des Familienbüros', 'phone number of the family office'),
      officeEmail: ph('E-Mail-Adresse des Familienbüros', 'email address of the family office'),
      editorsEmail: ph('E-Mail-Adresse der Redaktion', 'email address of the editorial team'),
    };
  }
  const office = city.familyOffice;
  return {
    city: city.name,
    portal: city.portalName,
    officeName: office.name,
    officeAddress: `${office.street}, ${office.postalCode} ${office.locality}`,
    officeStreet: office.street,
    officeLocality: `${office.postalCode} ${office.locality}`,
    officeHours: office.openingHours[locale],
    officePhone: phoneLink(office.phone),
    officeEmail: mailLink(office.email),
    editorsEmail: mailLink(city.editorsEmail),
  };
}
