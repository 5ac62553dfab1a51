import type { CityProfile } from '../../../platform/city.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { ContentPageInfo } from '../content.schemas.js';

export interface PageText {
  title: string;
  body: string;
}

/** Pages in Leichte Sprache, written in German only; the other pages have a template per language. */
export type EasyLanguageSlug = Extract<ContentPageInfo, { easyLanguage: true }>['slug'];
export type PageTexts = Record<Exclude<ContentPageInfo['slug'], EasyLanguageSlug>, PageText>;
export type EasyLanguageTexts = Record<EasyLanguageSlug, PageText>;

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
  /** Where the survey's own version in Leichte Sprache starts. */
  surveyInEasyLanguage: string;
}

/** The demo survey (the survey module's demo data) in Leichte Sprache; editors change the link for the city's own survey. */
const demoSurveyInEasyLanguage = '/mitmachen/befragung/familienfreundliches-hamm?sprache=ls';

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
      surveyInEasyLanguage: demoSurveyInEasyLanguage,
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
    surveyInEasyLanguage: demoSurveyInEasyLanguage,
  };
}
