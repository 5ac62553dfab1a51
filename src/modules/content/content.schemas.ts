import { Type, type Static } from '@sinclair/typebox';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';

/** The editable legal and help pages: slug in the database, public path, label key in content.messages.ts. */
export const contentPages = [
  { slug: 'impressum', path: '/impressum', labelKey: 'name.impressum' },
  { slug: 'datenschutz', path: '/datenschutz', labelKey: 'name.datenschutz' },
  { slug: 'barrierefreiheit', path: '/barrierefreiheit', labelKey: 'name.barrierefreiheit' },
  { slug: 'leichte-sprache', path: '/leichte-sprache', labelKey: 'name.leichte-sprache' },
  { slug: 'gebaerdensprache', path: '/gebaerdensprache', labelKey: 'name.gebaerdensprache' },
] as const;

export type ContentSlug = (typeof contentPages)[number]['slug'];
export type ContentPageInfo = (typeof contentPages)[number];

export const isContentSlug = (value: unknown): value is ContentSlug => contentPages.some((p) => p.slug === value);
export const contentPageInfo = (slug: ContentSlug): ContentPageInfo => contentPages.find((p) => p.slug === slug)!;

/** Slug and locale of an edit URL, or null when the URL names no page we have. */
export function editTarget(params: { slug?: unknown; locale?: unknown }): { slug: ContentSlug; locale: Locale } | null {
  return isContentSlug(params.slug) && isLocale(params.locale) ? { slug: params.slug, locale: params.locale } : null;
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
