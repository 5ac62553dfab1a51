import { Type, type Static } from '@sinclair/typebox';
import { isLocale, locales, type Locale } from '../../platform/i18n/i18n.js';

/**
 * The editable pages: slug in the database, public path, label key in content.messages.ts. Pages in
 * Leichte Sprache (easy German) exist in German only, whatever the visitor's language; the footer
 * links the overview, which lists the others.
 */
export const contentPages = [
  { slug: 'impressum', path: '/impressum', labelKey: 'name.impressum', easyLanguage: false },
  { slug: 'datenschutz', path: '/datenschutz', labelKey: 'name.datenschutz', easyLanguage: false },
  { slug: 'barrierefreiheit', path: '/barrierefreiheit', labelKey: 'name.barrierefreiheit', easyLanguage: false },
  { slug: 'leichte-sprache', path: '/leichte-sprache', labelKey: 'name.leichte-sprache', easyLanguage: true },
  { slug: 'gebaerdensprache', path: '/gebaerdensprache', labelKey: 'name.gebaerdensprache', easyLanguage: false },
  { slug: 'leichte-sprache-familienrathaus', path: '/leichte-sprache/familienrathaus', labelKey: 'name.easy.portal', easyLanguage: true },
  { slug: 'leichte-sprache-angebote', path: '/leichte-sprache/angebote', labelKey: 'name.easy.services', easyLanguage: true },
  { slug: 'leichte-sprache-veranstaltungen', path: '/leichte-sprache/veranstaltungen', labelKey: 'name.easy.events', easyLanguage: true },
  { slug: 'leichte-sprache-ferienbetreuung', path: '/leichte-sprache/ferienbetreuung', labelKey: 'name.easy.holidays', easyLanguage: true },
  { slug: 'leichte-sprache-befragung', path: '/leichte-sprache/befragung', labelKey: 'name.easy.survey', easyLanguage: true },
  { slug: 'leichte-sprache-familienbuero', path: '/leichte-sprache/familienbuero', labelKey: 'name.easy.office', easyLanguage: true },
  { slug: 'leichte-sprache-bedienung', path: '/leichte-sprache/bedienung', labelKey: 'name.easy.usage', easyLanguage: true },
  { slug: 'leichte-sprache-barrierefreiheit', path: '/leichte-sprache/barrierefreiheit', labelKey: 'name.easy.accessibility', easyLanguage: true },
] as const;

export type ContentSlug = (typeof contentPages)[number]['slug'];
export type ContentPageInfo = (typeof contentPages)[number];

export const isContentSlug = (value: unknown): value is ContentSlug => contentPages.some((p) => p.slug === value);
export const contentPageInfo = (slug: ContentSlug): ContentPageInfo => contentPages.find((p) => p.slug === slug)!;

/** The overview of the pages in Leichte Sprache, and the pages it lists. */
export const easyLanguageOverview = contentPageInfo('leichte-sprache');
export const easyLanguagePages = contentPages.filter((p) => p.easyLanguage && p.slug !== easyLanguageOverview.slug);

/** The languages a page is written in: Leichte Sprache is German. */
export const pageLocales = (info: ContentPageInfo): readonly Locale[] => (info.easyLanguage ? ['de'] : locales);

/** Slug and locale of an edit URL, or null when the URL names no page we have (in that language). */
export function editTarget(params: { slug?: unknown; locale?: unknown }): { slug: ContentSlug; locale: Locale } | null {
  if (!isContentSlug(params.slug) || !isLocale(params.locale)) return null;
  return pageLocales(contentPageInfo(params.slug)).includes(params.locale) ? { slug: params.slug, locale: params.locale } : null;
}

export const EditParams = Type.Object({ slug: Type.String({ maxLength: 40 }), locale: Type.String({ maxLength: 5 }) });

/** The edit form; the version travels in a hidden field and is checked on its own. */
export const PageForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 50_000 }),
});
export type PageInput = Static<typeof PageForm>;

/** The version the editor started from: 0 for a page that did not exist yet. */
export function parseVersion(value: unknown): number | null {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export const SavedQuery = Type.Object({ gespeichert: Type.Optional(Type.String({ maxLength: 60 })) });

export const BarrierQuery = Type.Object({ seite: Type.Optional(Type.String()) });

/** "Barriere melden": the page concerned, what the barrier is, and an optional address for a reply. */
export const BarrierForm = Type.Object({
  page: Type.Optional(Type.String({ maxLength: 500 })),
  message: Type.String({ minLength: 1, maxLength: 5000 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
});
export type BarrierInput = Static<typeof BarrierForm>;
