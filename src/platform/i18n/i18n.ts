import { escapeHtml } from '@kitajs/html';
import { IntlMessageFormat } from 'intl-messageformat';
import { translationsFor } from './translations.js';

/** Locales the portal speaks; German first, then English, then the languages of Hamm's families. */
export const locales = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';
/** Languages whose catalogues live in `locales/<code>.json` (German and English stay beside the code). */
export const translatedLocales = ['tr', 'ar', 'uk', 'ru', 'pl'] as const satisfies readonly Locale[];

/** Each language named in itself, for the language switch. */
export const autonyms: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
  pl: 'Polski',
};

/**
 * Values set into a right-to-left sentence (a German name, a date) are wrapped in Unicode isolates
 * (FSI … PDI), so their own direction cannot reorder the Arabic around them. Not links and e-mail
 * addresses: in a plain-text mail the invisible marks would stick to them, and a mail program that
 * turns them into links would take the marks along and break them.
 */
const linkLike = /^(https?:\/\/\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/;
function isolated(vars: Vars): Vars {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, typeof value === 'string' && !linkLike.test(value) ? `\u2068${value}\u2069` : value]),
  );
}

/** Writing direction per language. */
export const textDirection = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Vars = Record<string, string | number>;
/** `t(key)` gives plain text (for attributes); `t.html(key)` gives escaped text for element content. */
export interface Translate<K extends string> {
  (key: K, vars?: Vars): string;
  html(key: K, vars?: Vars): JSX.Element;
}

function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `{count, plural, …}`, `{kind, select, …}`, `{n, number}`: typed arguments, which only ICU MessageFormat handles. */
const icuPattern = /\{\s*\w+\s*,/;

/** Whether a template needs the ICU formatter (plain `{name}` templates take the fast path). */
export function usesIcu(template: string): boolean {
  return icuPattern.test(template);
}

/** Parses an ICU template; tags stay literal text, because our views escape and mark up themselves. */
export function compileIcu(template: string, locale: Locale): IntlMessageFormat {
  return new IntlMessageFormat(template, intlLocale[locale], undefined, { ignoreTag: true });
}

export interface Catalogue {
  /** Where the catalogue's translations are filed in `locales/<code>.json` (its path under src/). */
  namespace: string;
  messages: Record<Locale, Record<string, string>>;
}
/**
 * Messages asked for but missing in a language (shown in German instead): the page test in every
 * language fails on any. Diagnostics only; the set holds at most every key once per language.
 */
export const missingMessages = new Set<string>();

/** Every catalogue, so tests and the translators' export see all languages of every message. */
export const catalogueRegistry: Catalogue[] = [];

/**
 * A module's catalogue: German is the source, English must have every key (the compiler checks), the
 * other languages come from `locales/<code>.json` under the namespace (a test fails on a missing key).
 * Messages are ICU MessageFormat: `{name}` for a value, `{count, plural, one {# Platz} other {# Plätze}}`
 * for plurals (forms from Intl.PluralRules, so every language gets its own), `{x, select, …}` for grammar.
 * Returns a function that gives the translator for a locale.
 */
export function defineMessages<const D extends Record<string, string>>(namespace: string, de: D, en: { [K in keyof D]: string }) {
  const messages = { de, en } as unknown as Record<Locale, Record<string, string>>;
  for (const locale of translatedLocales) messages[locale] = translationsFor(locale, namespace);
  catalogueRegistry.push({ namespace, messages });
  const compiled = Object.fromEntries(locales.map((l) => [l, new Map<string, IntlMessageFormat>()])) as Record<Locale, Map<string, IntlMessageFormat>>;
  const format = (locale: Locale, key: string, vars?: Vars): string => {
    if (vars && textDirection(locale) === 'rtl') vars = isolated(vars);
    let template = messages[locale][key];
    if (template === undefined) {
      missingMessages.add(`${locale} ${namespace} ${key}`);
      template = messages.de[key] ?? key;
    }
    if (!usesIcu(template)) return interpolate(template, vars);
    let message = compiled[locale].get(key);
    if (!message) compiled[locale].set(key, (message = compileIcu(template, locale)));
    return String(message.format(vars ?? {}));
  };
  const translator = (locale: Locale): Translate<Extract<keyof D, string>> => {
    const t = (key: string, vars?: Vars) => format(locale, key, vars);
    return Object.assign(t, { html: (key: string, vars?: Vars): JSX.Element => escapeHtml(t(key, vars)) });
  };
  /** The raw text of a key in one language, or undefined: for data that may or may not have a translation. */
  const find = (locale: Locale, key: string): string | undefined => messages[locale][key];
  return Object.assign(translator, { find });
}

/** The first of the browser's languages (`tr-TR,tr;q=0.9,de;q=0.8`) that the portal speaks. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const wanted = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return wanted.map((w) => w.language).find(isLocale);
}

/**
 * The page language: a `?lang=` link (the hreflang alternates) for this page only, else the visitor's
 * choice with the switch (a cookie), else the browser's languages on a first visit, else German.
 */
export function chosenLocale(linked: unknown, cookieValue: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(linked)) return linked;
  if (isLocale(cookieValue)) return cookieValue;
  return negotiateLocale(acceptLanguage) ?? defaultLocale;
}

/** The Intl tag per language: dates, numbers and plural rules as people there write them. Arabic with
 * Latin digits, as on the street signs, phone numbers and German texts the pages quote. */
export const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-u-nu-latn', uk: 'uk-UA', ru: 'ru-RU', pl: 'pl-PL' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A shared Intl.DateTimeFormat: building one costs about fifty times more than using one. */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

/** A shared Intl.NumberFormat (see dateFormat). */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
}

/** One value per language, built once at start-up (Intl objects are costly to build). */
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
}

/** A calendar date (yyyy-mm-dd) as people in that language write it. */
export function formatCivilDate(iso: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** A language read back from the database (a user's or subscriber's mail language); German if unknown. */
export const storedLocale = (value: string | null | undefined): Locale => (isLocale(value) ? value : defaultLocale);
