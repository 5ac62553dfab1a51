import { defineMessages, type Locale } from '../../platform/i18n/i18n.js';

const categoryMessages = defineMessages(
  'events/events.categories',
  {
    sport: 'Sport und Bewegung',
    kultur: 'Kultur und Theater',
    musik: 'Musik und Tanz',
    natur: 'Natur und Umwelt',
    kreativ: 'Basteln und Kreatives',
    lesen: 'Lesen und Erzählen',
    bildung: 'Elternbildung und Beratung',
    fest: 'Feste und Märkte',
    baby: 'Baby und Kleinkind',
    jugend: 'Jugend',
    beruf: 'Beruf und Ausbildung',
  },
  {
    sport: 'Sport and exercise',
    kultur: 'Culture and theatre',
    musik: 'Music and dance',
    natur: 'Nature and environment',
    kreativ: 'Crafts and creativity',
    lesen: 'Reading and storytelling',
    bildung: 'Parent education and advice',
    fest: 'Festivals and markets',
    baby: 'Babies and toddlers',
    jugend: 'Young people',
    beruf: 'Careers and training',
  },
);

/** Categories of events; codes are stable (URLs and feeds use them), names from the catalogue. */
export const eventCategories = [
  { code: 'sport' },
  { code: 'kultur' },
  { code: 'musik' },
  { code: 'natur' },
  { code: 'kreativ' },
  { code: 'lesen' },
  { code: 'bildung' },
  { code: 'fest' },
  { code: 'baby' },
  { code: 'jugend' },
  { code: 'beruf' },
] as const;

export type CategoryCode = (typeof eventCategories)[number]['code'];
export const categoryCodes: readonly string[] = eventCategories.map((c) => c.code);

export function categoryName(code: string, locale: Locale): string {
  return categoryCodes.includes(code) ? categoryMessages(locale)(code as CategoryCode) : code;
}
