import type { TSchema } from '@sinclair/typebox';
import type { CityProfile } from '../../../platform/city.js';
import { pageQuery } from '../../../platform/http/routes.js';
import { intlLocale, perLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { LenientText } from '../directory.routes.js';
import { maxQueryLength, type ServiceQuery, type SortOrder } from './directory.search.js';

/**
 * The search form's URL (GET /angebote?q=…&thema=…) read into a ServiceQuery. Nothing here ever
 * fails: an unknown parameter or a value out of range is dropped and named in a hint the page
 * shows. The parameters that were used are written back into every pagination link.
 */

/** The list page's path. */
export const listPath = '/angebote';

export const params = {
  text: 'q',
  topic: 'thema',
  age: 'alter',
  district: 'bezirk',
  language: 'sprache',
  free: 'kostenlos',
  barrierFree: 'barrierefrei',
  openNow: 'offen',
  sort: 'sortierung',
  origin: 'von',
  page: 'seite',
} as const;

/**
 * The filters as a route declares them. Every value is a string of any length: parseFilters checks
 * each one and turns a bad one into a hint; unknown parameters pass through to it for their hint.
 * A repeated parameter arrives once (its first value, platform/http/request-input.ts).
 */
export const FilterQuery = pageQuery({
  q: LenientText(),
  thema: LenientText(),
  alter: LenientText(),
  bezirk: LenientText(),
  sprache: LenientText(),
  kostenlos: LenientText(),
  barrierefrei: LenientText(),
  offen: LenientText(),
  sortierung: LenientText(),
  von: LenientText(),
  seite: LenientText(),
} satisfies Record<(typeof params)[keyof typeof params], TSchema>);

export const sortValues: Record<string, SortOrder> = { relevanz: 'relevance', name: 'name', entfernung: 'distance' };
export const sortParam: Record<SortOrder, string> = { relevance: 'relevanz', name: 'name', distance: 'entfernung' };
export const maxAge = 99;
const maxPage = 10_000;
const yes = new Set(['ja', 'on', 'true', '1']);

export type HintKey =
  | 'hint.unknownParam'
  | 'hint.topic'
  | 'hint.age'
  | 'hint.district'
  | 'hint.language'
  | 'hint.checkbox'
  | 'hint.sort'
  | 'hint.origin'
  | 'hint.distanceNeedsOrigin'
  | 'hint.page'
  | 'hint.pageBeyond'
  | 'hint.textTooLong';

export interface Hint {
  key: HintKey;
  vars?: Record<string, string | number>;
}

/** What the form shows: the values that were used (invalid ones are gone). */
export interface FormState {
  q: string;
  topic: string;
  age: string;
  district: string;
  language: string;
  free: boolean;
  barrierFree: boolean;
  openNow: boolean;
  sort: string;
  origin: string;
}

export interface ParsedFilters {
  query: ServiceQuery;
  form: FormState;
  hints: Hint[];
  /** The used parameters without `seite`, for pagination links. */
  kept: URLSearchParams;
}

export interface FilterOptions {
  topicCodes: readonly string[];
  city: Pick<CityProfile, 'districts' | 'districtCentres'>;
  /** Languages the directory has; another valid ISO 639 code is accepted too. */
  languages: readonly string[];
  /** A topic page fixes its topic; the parameter is not read then. */
  fixedTopic?: string;
}

/** User input quoted back in a hint, cut short. */
const quoted = (value: string) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

const firstString = (value: unknown): string | undefined => {
  if (Array.isArray(value)) return firstString(value[0]);
  return typeof value === 'string' ? value.trim() : undefined;
};

export const isLanguageCode = (code: string, known: readonly string[]) =>
  /^[a-z]{2,3}$/.test(code) && (known.includes(code) || languageName(code, 'de') !== code.toUpperCase());

// Intl objects are costly to build; one per locale serves every request.
const displayNames = perLocale((locale) => new Intl.DisplayNames(intlLocale[locale], { type: 'language', fallback: 'none' }));

/** The name of a language in the visitor's language, or the code when Intl does not know it. */
export function languageName(code: string, locale: Locale): string {
  try {
    return displayNames[locale].of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

export function parseFilters(raw: Record<string, unknown>, options: FilterOptions): ParsedFilters {
  const hints: Hint[] = [];
  const query: ServiceQuery = {};
  const form: FormState = { q: '', topic: '', age: '', district: '', language: '', free: false, barrierFree: false, openNow: false, sort: '', origin: '' };
  const kept = new URLSearchParams();
  // `lang` belongs to the whole site (the page's language, from the hreflang links), not to the filters.
  const known = new Set<string>([...Object.values(params), 'lang']);
  if (options.fixedTopic) known.delete(params.topic);
  for (const name of Object.keys(raw)) if (!known.has(name)) hints.push({ key: 'hint.unknownParam', vars: { name: quoted(name) } });
  const get = (name: string) => firstString(raw[name]) ?? '';
  const districtOf = (value: string) => options.city.districts.find((d) => d.toLocaleLowerCase('de') === value.toLocaleLowerCase('de'));

  let text = get(params.text).replace(/\s+/g, ' ');
  if (text.length > maxQueryLength) {
    hints.push({ key: 'hint.textTooLong', vars: { max: maxQueryLength } });
    text = text.slice(0, maxQueryLength).trim();
  }
  if (text) [query.text, form.q] = [text, text];

  const topic = options.fixedTopic ? '' : get(params.topic);
  if (topic) {
    if (options.topicCodes.includes(topic)) [query.topic, form.topic] = [topic, topic];
    else hints.push({ key: 'hint.topic', vars: { value: quoted(topic) } });
  }
  if (options.fixedTopic) query.topic = options.fixedTopic;

  const age = get(params.age);
  if (age) {
    if (/^\d{1,3}$/.test(age) && Number(age) <= maxAge) [query.age, form.age] = [Number(age), String(Number(age))];
    else hints.push({ key: 'hint.age', vars: { value: quoted(age), max: maxAge } });
  }

  const district = get(params.district);
  if (district) {
    const match = districtOf(district);
    if (match) [query.district, form.district] = [match, match];
    else hints.push({ key: 'hint.district', vars: { value: quoted(district) } });
  }

  const language = get(params.language).toLowerCase();
  if (language) {
    if (isLanguageCode(language, options.languages)) [query.language, form.language] = [language, language];
    else hints.push({ key: 'hint.language', vars: { value: quoted(language) } });
  }

  for (const [key, name] of [
    ['free', params.free],
    ['barrierFree', params.barrierFree],
    ['openNow', params.openNow],
  ] as const) {
    const value = get(name).toLowerCase();
    if (!value) continue;
    if (yes.has(value)) query[key] = form[key] = true;
    else hints.push({ key: 'hint.checkbox', vars: { name, value: quoted(value) } });
  }

  const origin = get(params.origin);
  if (origin) {
    const match = districtOf(origin);
    if (match) {
      query.origin = options.city.districtCentres[match];
      query.originDistrict = match;
      form.origin = match;
    } else hints.push({ key: 'hint.origin', vars: { value: quoted(origin) } });
  }

  const sort = get(params.sort).toLowerCase();
  if (sort) {
    const order = sortValues[sort];
    if (!order) hints.push({ key: 'hint.sort', vars: { value: quoted(sort) } });
    else if (order === 'distance' && !query.origin && !query.district) hints.push({ key: 'hint.distanceNeedsOrigin' });
    else [query.sort, form.sort] = [order, sort];
  } else if (query.origin) [query.sort, form.sort] = ['distance', sortParam.distance];
  // Distance from the chosen district when no other starting point was named.
  if (query.sort === 'distance' && !query.origin && query.district) {
    query.origin = options.city.districtCentres[query.district];
    form.origin = query.district;
  }

  const page = get(params.page);
  if (page) {
    if (/^\d{1,5}$/.test(page) && Number(page) >= 1 && Number(page) <= maxPage) query.page = Number(page);
    else hints.push({ key: 'hint.page', vars: { value: quoted(page) } });
  }

  const used: [string, string][] = [
    [params.text, form.q],
    [params.topic, form.topic],
    [params.age, form.age],
    [params.district, form.district],
    [params.language, form.language],
    [params.free, form.free ? 'ja' : ''],
    [params.barrierFree, form.barrierFree ? 'ja' : ''],
    [params.openNow, form.openNow ? 'ja' : ''],
    [params.sort, form.sort],
    [params.origin, form.origin],
  ];
  for (const [name, value] of used) if (value) kept.set(name, value);
  return { query, form, hints, kept };
}

/** A link to page `page` of the same search; page 1 has no `seite`. */
export function pageHref(path: string, kept: URLSearchParams, page: number): string {
  const search = new URLSearchParams(kept);
  if (page > 1) search.set(params.page, String(page));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** How many filters narrow the results (the search term and the order do not count). */
export function activeFilterCount(form: FormState): number {
  return [form.topic, form.age, form.district, form.language, form.free, form.barrierFree, form.openNow].filter(Boolean).length;
}
