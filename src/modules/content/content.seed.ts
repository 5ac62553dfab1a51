import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { CityProfile } from '../../platform/city.js';
import { insertMissingPages } from './content.repository.js';
import { contentPages, type ContentSlug } from './content.schemas.js';
import { easyLanguagePages } from './seed/easy-language.de.js';
import { factsFor, type PageText } from './seed/facts.js';
import { englishPages } from './seed/pages.en.js';
import { germanPages } from './seed/pages.de.js';

/** The template texts for every page, filled with the city's facts. */
export function templatePages(city?: CityProfile): { slug: ContentSlug; locale: 'de' | 'en'; title: string; body: string }[] {
  // Templates exist in German and English; editors add the other languages (the page says when it shows German).
  // Leichte Sprache is German, so its pages have no English template.
  const german: Record<ContentSlug, PageText> = { ...germanPages(factsFor(city, 'de')), ...easyLanguagePages(factsFor(city, 'de')) };
  const english: Partial<Record<ContentSlug, PageText>> = englishPages(factsFor(city, 'en'));
  return contentPages.flatMap(({ slug }) => {
    const inEnglish = english[slug];
    return [{ slug, locale: 'de' as const, ...german[slug] }, ...(inEnglish ? [{ slug, locale: 'en' as const, ...inEnglish }] : [])];
  });
}

/**
 * Fills in every page in German and English that does not exist yet. Idempotent:
 * pages already there, edited or not, stay as they are. Returns how many pages were added.
 * Without a city profile the city's facts become placeholders too.
 */
export async function seedContentPages(db: Kysely<DB>, city?: CityProfile): Promise<number> {
  return insertMissingPages(db, templatePages(city));
}
