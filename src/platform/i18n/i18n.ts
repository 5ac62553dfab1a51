import { escapeHtml } from '@kitajs/html';
import { IntlMessageFormat } from 'intl-messageformat';

/** Locales the portal speaks; German first. */
export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';

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

/** Every catalogue, so a test can check that all languages parse and use the same placeholders. */
export const catalogueRegistry: Array<Record<Locale, Record<string, string>>> = [];

/**
 * A module's catalogue: German is the source, English must have every key (the compiler checks).
 * Messages are ICU MessageFormat: `{name}` for a value, `{count, plural, one {# Platz} other {# Plätze}}`
 * for plurals (forms from Intl.PluralRules, so every language gets its own), `{x, select, …}` for grammar.
 * Returns a function that gives the translator for a locale.
 */
export function defineMessages<const D extends Record<string, string>>(de: D, en: { [K in keyof D]: string }) {
  const catalogues: Record<Locale, Record<string, string>> = { de, en };
  catalogueRegistry.push(catalogues);
  const compiled: Record<Locale, Map<string, IntlMessageFormat>> = { de: new Map(), en: new Map() };
  const format = (locale: Locale, key: string, vars?: Vars): string => {
    const template = catalogues[locale][key] ?? catalogues.de[key] ?? key;
    if (!usesIcu(template)) return interpolate(template, vars);
    let message = compiled[locale].get(key);
    if (!message) compiled[locale].set(key, (message = compileIcu(template, locale)));
    return String(message.format(vars ?? {}));
  };
  return (locale: Locale): Translate<Extract<keyof D, string>> => {
    const t = (key: string, vars?: Vars) => format(locale, key, vars);
    return Object.assign(t, { html: (key: string, vars?: Vars): JSX.Element => escapeHtml(t(key, vars)) });
  };
}

/** German unless the visitor chose another language with the switch (kept in a cookie). */
export function chosenLocale(cookieValue: string | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : defaultLocale;
}

export const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

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
