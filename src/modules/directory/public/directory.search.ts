import { type Kysely, type RawBuilder, sql } from 'kysely';
import { containsPattern } from '../../../db/like.js';
import type { DB, WeeklyHours } from '../../../db/types.js';
import { applyCorrections, correctWords, minFallbackLength, queryWords, type Correction } from './directory.spelling.js';
import { berlinClock, previousDay } from './opening-hours.js';

export type { Correction };

/**
 * Finding services (/angebote, topic pages, the site search). German full-text search over
 * `search_vector` (ranked with ts_rank_cd), typo correction against the vocabulary of the published
 * texts (directory.spelling.ts), and, when that finds nothing, a substring fallback over
 * `search_text` (trigram index), so parts of compound words are found ("arztpraxis" in
 * "Kinderarztpraxis"). Every filter is a projection column with a GIN index or a cheap test; only
 * services that are active or temporarily closed are listed. Up to resultCap matches, totals and
 * order are exact; past it, see pageQuery (measured in bench/directory.ts).
 */

export type SortOrder = 'relevance' | 'name' | 'distance';

export interface ServiceQuery {
  text?: string;
  topic?: string;
  /** Age of the child in years: services whose age range includes it (no limit = any age). */
  age?: number;
  district?: string;
  /** ISO 639 code, lower case. */
  language?: string;
  free?: boolean;
  barrierFree?: boolean;
  openNow?: boolean;
  /** Default: relevance with a text, name without. */
  sort?: SortOrder;
  /** [latitude, longitude] distances are measured from; needed for sort 'distance'. */
  origin?: readonly [number, number];
  /** The district of the origin (its services are considered first when there are very many matches). */
  originDistrict?: string;
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** The instant "open now" refers to (tests pin it). */
  now?: Date;
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
const listedStatuses = ['active', 'temporarily closed'];

/** Haversine distance in km between a location `l` and the origin. */
function haversine(origin: readonly [number, number]): RawBuilder<number> {
  const [lat, lon] = origin;
  const h = sql`power(sin(radians(l.latitude - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}::float8) / 2), 2)`;
  // Rounding can push h a hair above 1; NULL (no location) must stay NULL, which least() would not keep.
  return sql<number>`2 * 6371 * asin(sqrt(CASE WHEN ${h} > 1 THEN 1 ELSE ${h} END))`;
}

/** Distance to the nearest linked location with coordinates, for the few rows of one page. */
function distanceOfRow(origin: readonly [number, number]): RawBuilder<number | null> {
  return sql<number | null>`(
    SELECT min(${haversine(origin)})
    FROM directory_service_locations sl JOIN directory_locations l ON l.id = sl.location_id
    WHERE sl.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)`;
}

function openNowCondition(now: Date): RawBuilder<boolean> {
  const { day, time } = berlinClock(now);
  // A period with closes <= opens runs past midnight: it counts today from `opens` and tomorrow until `closes`.
  const vars = JSON.stringify({ d: day, p: previousDay(day), t: time });
  return sql<boolean>`jsonb_path_exists(s.weekly_hours,
    '$[*] ? ((@.day == $d && @.opens <= $t && (@.closes > $t || @.closes <= @.opens)) || (@.day == $p && @.closes <= @.opens && @.closes > $t))',
    ${vars}::jsonb)`;
}

/** Words long enough for the substring fallback. */
const fallbackWords = (text: string) => queryWords(text).filter((w) => w.length >= minFallbackLength);

/** How services (alias s) match a searched text. */
export interface TextMatch {
  condition: RawBuilder<boolean>;
  rank: RawBuilder<number>;
  /** The words are in the name (weight A; indexed): the most promising matches. */
  title: RawBuilder<boolean> | null;
}

/**
 * `match` 'words' is German full-text search (stems, ranked); 'parts' is the fallback when that
 * finds nothing: every word a substring of name, topics or organisation.
 */
export function textMatch(searchedText: string, match: 'words' | 'parts'): TextMatch {
  if (match === 'words') {
    const tsquery = sql`websearch_to_tsquery('german', ${searchedText})`;
    return {
      condition: sql<boolean>`s.search_vector @@ ${tsquery}`,
      rank: sql<number>`ts_rank_cd(s.search_vector, ${tsquery})`,
      title: sql<boolean>`ts_filter(s.search_vector, '{a}') @@ ${tsquery}`,
    };
  }
  return {
    condition: sql<boolean>`(${sql.join(
      fallbackWords(searchedText).map((w) => sql`s.search_text LIKE ${containsPattern(w)}`),
      sql` AND `,
    )})`,
    rank: sql<number>`0::real`,
    title: null,
  };
}

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

/** The WHERE conditions and the rank. */
interface Plan {
  conditions: RawBuilder<unknown>[];
  rank: RawBuilder<number>;
  title: RawBuilder<boolean> | null;
}

function plan(query: ServiceQuery, searchedText: string, match: 'words' | 'parts'): Plan {
  const conditions: RawBuilder<unknown>[] = [sql`s.status IN (${sql.join(listedStatuses)})`];
  let rank: RawBuilder<number> = sql<number>`0::real`;
  let title: RawBuilder<boolean> | null = null;
  if (searchedText) {
    const text = textMatch(searchedText, match);
    conditions.push(text.condition);
    ({ rank, title } = text);
  }
  if (query.topic) conditions.push(sql`s.topic_codes @> ARRAY[${query.topic}]::text[]`);
  if (query.district) conditions.push(sql`s.districts @> ARRAY[${query.district}]::text[]`);
  if (query.language) conditions.push(sql`s.language_codes @> ARRAY[${query.language}]::text[]`);
  if (query.age !== undefined) {
    conditions.push(sql`(s.minimum_age IS NULL OR s.minimum_age <= ${query.age}) AND (s.maximum_age IS NULL OR s.maximum_age >= ${query.age})`);
  }
  if (query.free) conditions.push(sql`s.free`);
  if (query.barrierFree) conditions.push(sql`s.barrier_free`);
  if (query.openNow) conditions.push(openNowCondition(query.now ?? new Date()));
  return { conditions, rank, title };
}

/**
 * How many matches are counted and ordered at most. Counting and ranking every match of a broad
 * search costs time in proportion to the matches (30–50 ms for 14,000 of 100,000 services); past
 * this many, the list says "more than 1,000" and asks for a narrower search instead.
 */
export const resultCap = 1000;

/** ORDER BY over the columns of a candidate set `c`. */
function orderBy(sort: SortOrder): RawBuilder<unknown> {
  const byName = sql`c.sort_name, c.id`;
  if (sort === 'distance') return sql`c.distance_km ASC NULLS LAST, c.rank DESC, ${byName}`;
  return sort === 'relevance' ? sql`c.rank DESC, ${byName}` : byName;
}

interface PageRequest {
  sort: SortOrder;
  origin: readonly [number, number] | undefined;
  /** The district the origin lies in: its services are candidates first when sorting by distance. */
  originDistrict: string | undefined;
  limit: number;
  offset: number;
  cap: number;
}

/**
 * One page of matches. Name order walks the name index and stops after the page. Relevance and
 * distance need a value per match, so they are computed over candidates: all matches when there
 * are at most resultCap, otherwise the first resultCap found plus up to resultCap of the most
 * promising (the words in the name; services in the origin's district), so the best hits are
 * still on page one. `matched` counts up to resultCap + 1; the first resultCap can be paged through.
 */
function pageQuery({ conditions, rank, title }: Plan, request: PageRequest) {
  const { sort, origin, originDistrict, limit, offset, cap } = request;
  const where = sql.join(conditions, sql` AND `);
  const page = (from: RawBuilder<unknown>) => sql`SELECT * FROM ${from} c ORDER BY ${orderBy(sort)} LIMIT ${limit} OFFSET ${offset}`;
  let ctes: RawBuilder<unknown>;
  if (sort === 'name') {
    ctes = sql`matched AS (SELECT count(*) AS n FROM (SELECT 1 FROM directory_services s WHERE ${where} LIMIT ${cap + 1}) x),
      pg AS (SELECT s.id, 0::real AS rank, NULL::float8 AS distance_km, translate(lower(s.name), 'äöüß', 'aous') AS sort_name
             FROM directory_services s WHERE ${where} ORDER BY 4, 1 LIMIT ${limit} OFFSET ${offset})`;
  } else {
    const columns = sql`s.id, ${rank} AS rank, s.name AS sort_name`;
    const promising = sort === 'distance' ? (originDistrict ? sql`s.districts @> ARRAY[${originDistrict}]::text[]` : null) : title;
    // The promising ones are looked up only when the matches were too many to take them all.
    const pool = promising
      ? sql`SELECT * FROM everything UNION
            (SELECT ${columns} FROM directory_services s WHERE ${where} AND ${promising} AND (SELECT n FROM matched) > ${cap} LIMIT ${cap})`
      : sql`SELECT * FROM everything`;
    const distanceOfCandidate = origin
      ? sql`(SELECT min(${haversine(origin)}) FROM directory_service_locations sl JOIN directory_locations l ON l.id = sl.location_id
             WHERE sl.service_id = p.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL)`
      : sql`NULL::float8`;
    ctes = sql`everything AS MATERIALIZED (SELECT ${columns} FROM directory_services s WHERE ${where} LIMIT ${cap + 1}),
      matched AS (SELECT count(*) AS n FROM everything),
      cand AS MATERIALIZED (SELECT p.id, p.rank, ${sort === 'distance' ? distanceOfCandidate : sql`NULL::float8`} AS distance_km, p.sort_name FROM (${pool}) p),
      pg AS (${page(sql`cand`)})`;
  }
  const distance = sort === 'distance' ? sql`c.distance_km` : origin ? distanceOfRow(origin) : sql`NULL::float8`;
  return sql<Row>`
    WITH ${ctes}
    SELECT s.id, s.name, s.status, o.name AS organization_name, s.hsds->>'description' AS description,
           s.districts, s.free, s.barrier_free, s.minimum_age, s.maximum_age, s.weekly_hours, ${distance} AS distance_km,
           (SELECT n FROM matched)::int AS matched
    FROM pg c JOIN directory_services s ON s.id = c.id JOIN organizations o ON o.id = s.organization_id
    ORDER BY ${orderBy(sort)}`;
}

/** The sort that applies: relevance needs a text, distance needs an origin. */
export function effectiveSort(query: ServiceQuery, hasText: boolean): SortOrder {
  if (query.sort === 'distance' && query.origin) return 'distance';
  if (query.sort === 'name') return 'name';
  return hasText ? 'relevance' : 'name';
}

interface Row {
  id: string;
  name: string;
  status: string;
  organization_name: string;
  description: string | null;
  districts: string[];
  free: boolean;
  barrier_free: boolean;
  minimum_age: number | null;
  maximum_age: number | null;
  weekly_hours: WeeklyHours[];
  distance_km: number | null;
  matched: number;
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
      (await pageQuery(p, { sort, origin: query.origin, originDistrict, limit, offset: (shown - 1) * perPage, cap }).execute(db)).rows;
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
  const codes = sql<{ code: string }>`
    SELECT DISTINCT unnest(language_codes) AS code FROM directory_services WHERE status IN (${sql.join(listedStatuses)}) ORDER BY 1`
    .execute(db)
    .then((r) => r.rows.map((row) => row.code));
  languageCache.set(db, { at: nowMs, codes });
  codes.catch(() => languageCache.delete(db));
  return codes;
}
