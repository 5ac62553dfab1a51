import type { Kysely } from 'kysely';
import type { DB, WeeklyHours } from '../../../db/types.js';
import { applyCorrections, correctWords, queryWords, type Correction } from './directory.spelling.js';
import {
  fallbackWords,
  listedLanguages,
  plan,
  searchPage,
  textMatch,
  type Plan,
  type SearchFilters,
  type SortOrder,
  type TextMatch,
} from './search.repository.js';

export type { Correction, SortOrder, TextMatch };

/**
 * Finding services (/angebote, topic pages, the site search). German full-text search over
 * `search_vector` (ranked with ts_rank_cd), typo correction against the vocabulary of the published
 * texts (directory.spelling.ts), and, when that finds nothing, a substring fallback over
 * `search_text` (trigram index), so parts of compound words are found ("arztpraxis" in
 * "Kinderarztpraxis"). Every filter is a projection column with a GIN index or a cheap test; only
 * services that are active or temporarily closed are listed. Up to resultCap matches, totals and
 * order are exact; past it, see searchPage (measured in bench/directory.ts). The SQL is in
 * search.repository.ts.
 */

export interface ServiceQuery extends SearchFilters {
  text?: string;
  /** Default: relevance with a text, name without. */
  sort?: SortOrder;
  /** [latitude, longitude] distances are measured from; needed for sort 'distance'. */
  origin?: readonly [number, number];
  /** The district of the origin (its services are considered first when there are very many matches). */
  originDistrict?: string;
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** Overrides resultCap (tests lower it). */
  cap?: number;
}

export interface ServiceHit {
  id: string;
  name: string;
  status: string;
  organizationName: string;
  description: string;
  districts: string[];
  free: boolean;
  barrierFree: boolean;
  minimumAge: number | null;
  maximumAge: number | null;
  weeklyHours: WeeklyHours[];
  /** Kilometres from the origin to the nearest location with coordinates. */
  distanceKm: number | null;
}

export interface ServiceResults {
  /** Exact up to resultCap; past it, resultCap with totalCapped set ("more than 1,000"). */
  total: number;
  totalCapped: boolean;
  page: number;
  perPage: number;
  pageCount: number;
  items: ServiceHit[];
  sort: SortOrder;
  /** Words that matched nothing and what was searched instead ("Meinten Sie …?"). */
  corrections: Correction[];
  /** The text searched for, after corrections. */
  searchedText: string;
}

export const defaultPerPage = 20;
export const maxQueryLength = 200;

/** The text as every directory search reads it: one line, at most maxQueryLength, typos corrected. */
export async function correctedText(db: Kysely<DB>, raw: string | undefined): Promise<{ corrections: Correction[]; searchedText: string }> {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, maxQueryLength);
  const corrections = text ? await correctWords(db, queryWords(text)) : [];
  return { corrections, searchedText: applyCorrections(text, corrections) };
}

/**
 * The directory's text search for other lists of services (the HSDS API): typos corrected, word
 * stems first, parts of words when the stems find nothing. `list` runs the list with a match
 * (undefined: no text was given).
 */
export async function listByText<T extends { total: number }>(
  db: Kysely<DB>,
  raw: string | undefined,
  list: (match: TextMatch | undefined) => Promise<T>,
): Promise<T> {
  const { searchedText } = await correctedText(db, raw);
  if (!searchedText) return list(undefined);
  const found = await list(textMatch(searchedText, 'words'));
  return found.total === 0 && fallbackWords(searchedText).length ? list(textMatch(searchedText, 'parts')) : found;
}

/**
 * How many matches are counted and ordered at most. Counting and ranking every match of a broad
 * search costs time in proportion to the matches (30–50 ms for 14,000 of 100,000 services); past
 * this many, the list says "more than 1,000" and asks for a narrower search instead.
 */
export const resultCap = 1000;

/** The sort that applies: relevance needs a text, distance needs an origin. */
export function effectiveSort(query: ServiceQuery, hasText: boolean): SortOrder {
  if (query.sort === 'distance' && query.origin) return 'distance';
  if (query.sort === 'name') return 'name';
  return hasText ? 'relevance' : 'name';
}

/** Searches the published directory: one page of hits, the total and any typo corrections. */
export async function searchServices(db: Kysely<DB>, query: ServiceQuery): Promise<ServiceResults> {
  const { corrections, searchedText } = await correctedText(db, query.text);
  const sort = effectiveSort(query, searchedText !== '');
  const perPage = Math.max(1, Math.min(query.perPage ?? defaultPerPage, 100));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const originDistrict = query.originDistrict ?? query.district;
  const cap = query.cap ?? resultCap;
  const fetchPage = async (p: Plan) => {
    // Only the first `cap` matches can be paged through, so the last page may be shorter.
    const run = async (shown: number, limit = Math.min(perPage, cap - (shown - 1) * perPage)) =>
      searchPage(db, p, { sort, origin: query.origin, originDistrict, limit, offset: (shown - 1) * perPage, cap });
    let rows = (page - 1) * perPage < cap ? await run(page) : [];
    let shownPage = page;
    if (rows.length === 0 && page > 1) {
      // Past the last page: show the last page instead of an empty one.
      const probe = await run(1, 1);
      shownPage = probe.length ? Math.ceil(Math.min(probe[0]!.matched, cap) / perPage) : 1;
      rows = probe.length ? await run(shownPage) : [];
    }
    const first = rows[0];
    const totals = first ? { matched: Math.min(first.matched, cap), capped: first.matched > cap } : { matched: 0, capped: false };
    return { rows, shownPage, ...totals };
  };

  let found = await fetchPage(plan(query, searchedText, 'words'));
  // Nothing by word stems: look for the words inside longer ones ("arzt" in "Kinderarztpraxis").
  if (found.matched === 0 && fallbackWords(searchedText).length) found = await fetchPage(plan(query, searchedText, 'parts'));
  const { rows, shownPage, matched: total, capped } = found;
  return {
    total,
    totalCapped: capped,
    page: shownPage,
    perPage,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    sort,
    corrections,
    searchedText,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      organizationName: r.organization_name,
      description: r.description ?? '',
      districts: r.districts,
      free: r.free,
      barrierFree: r.barrier_free,
      minimumAge: r.minimum_age,
      maximumAge: r.maximum_age,
      weeklyHours: r.weekly_hours,
      distanceKm: r.distance_km === null ? null : Number(r.distance_km),
    })),
  };
}

const languageCache = new WeakMap<Kysely<DB>, { at: number; codes: Promise<string[]> }>();
const languageCacheMs = 60_000;

/**
 * The languages listed services are offered in, for the language filter. Cached for a minute per
 * database: it reads every listed row, and a new language may well wait a minute to appear.
 */
export function languagesPresent(db: Kysely<DB>, nowMs = Date.now()): Promise<string[]> {
  const cached = languageCache.get(db);
  if (cached && nowMs - cached.at < languageCacheMs) return cached.codes;
  const codes = listedLanguages(db);
  languageCache.set(db, { at: nowMs, codes });
  codes.catch(() => languageCache.delete(db));
  return codes;
}
