import type { Locale } from '../../platform/i18n/i18n.js';

/** Categories of events; codes are stable (URLs and feeds use them), names per locale. */
export const eventCategories = [
  { code: 'sport', de: 'Sport und Bewegung', en: 'Sport and exercise' },
  { code: 'kultur', de: 'Kultur und Theater', en: 'Culture and theatre' },
  { code: 'musik', de: 'Musik und Tanz', en: 'Music and dance' },
  { code: 'natur', de: 'Natur und Umwelt', en: 'Nature and environment' },
  { code: 'kreativ', de: 'Basteln und Kreatives', en: 'Crafts and creativity' },
  { code: 'lesen', de: 'Lesen und Erzählen', en: 'Reading and storytelling' },
  { code: 'bildung', de: 'Elternbildung und Beratung', en: 'Parent education and advice' },
  { code: 'fest', de: 'Feste und Märkte', en: 'Festivals and markets' },
  { code: 'baby', de: 'Baby und Kleinkind', en: 'Babies and toddlers' },
  { code: 'jugend', de: 'Jugend', en: 'Young people' },
] as const;

export type CategoryCode = (typeof eventCategories)[number]['code'];
export const categoryCodes: readonly string[] = eventCategories.map((c) => c.code);

export function categoryName(code: string, locale: Locale): string {
  const category = eventCategories.find((c) => c.code === code);
  return category ? category[locale] : code;
}
