import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { CityProfile } from '../../platform/city.js';
const seededLocales = ['de', 'en'] as const;
import { insertMissingPages } from './content.repository.js';
import { contentPages } from './content.schemas.js';
import { factsFor, type PageTexts } from './seed/facts.js';
import { englishPages } from './seed/pages.en.js';
import { germanPages } from './seed/pages.de.js';

/** The template texts for every page in every language, filled with the city's facts. */
export function templatePages(city?: CityProfile) {
  // Templates exist in German and English; editors add the other languages (the page says when it shows German).
  const texts: Record<'de' | 'en', PageTexts> = { de: germanPages(factsFor(city, 'de')), en: englishPages(factsFor(city, 'en')) };
  return contentPages.flatMap(({ slug }) => seededLocales.map((locale) => ({ slug, locale, ...texts[locale][slug] })));
}

/**
 * Fills in every legal and help page in German and English that does not exist yet. Idempotent:
 * pages already there, edited or not, stay as they are. Returns how many pages were added.
 * Without a city profile the city's facts become placeholders too.
 */
export async function seedContentPages(db: Kysely<DB>, city?: CityProfile): Promise<number> {
  return insertMissingPages(db, templatePages(city));
}
