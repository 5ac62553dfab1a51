import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, WeeklyHours } from '../../db/types.js';
import { applyCorrections, correctWords, minFallbackLength, queryWords, type Correction } from './directory.spelling.js';
import { berlinClock, previousDay } from './opening-hours.js';

export type { Correction };

/**
 * Finding services (/angebote, topic pages, the site search). German full-text search over
 * `search_vector` (ranked with ts_rank_cd), typo correction against the vocabulary of the published
 * texts (directory.spelling.ts), and, when that finds nothing, a substring fallback over
 * `search_text` (trigram index), so parts of compound words are found ("arztpraxis" in
 * "Kinderarztpraxis"). Every filter is a projection column with a GIN index or a cheap test; only
 * services that are active or temporarily closed are listed. Totals and order are exact: the cost
 * grows with the number of matches (see bench/directory.ts).
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
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** The instant "open now" refers to (tests pin it). */
  now?: Date;
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
  total: number;
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
// Query words are letters and digits only, so they carry no LIKE wildcards.
const likePattern = (word: string) => `%${word}%`;

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

/** The WHERE conditions and the rank. */
interface Plan {
  conditions: RawBuilder<unknown>[];
  rank: RawBuilder<number>;
}

/**
 * `match` 'words' is German full-text search (stems, ranked); 'parts' is the fallback when that
 * finds nothing: every word a substring of name, topics or organisation.
 */
function plan(query: ServiceQuery, searchedText: string, match: 'words' | 'parts'): Plan {
  const conditions: RawBuilder<unknown>[] = [sql`s.status IN (${sql.join(listedStatuses)})`];
  let rank: RawBuilder<number> = sql<number>`0::real`;
  if (searchedText && match === 'words') {
    const tsquery = sql`websearch_to_tsquery('german', ${searchedText})`;
    conditions.push(sql`s.search_vector @@ ${tsquery}`);
    rank = sql<number>`ts_rank_cd(s.search_vector, ${tsquery})`;
  } else if (searchedText) {
    conditions.push(sql`(${sql.join(fallbackWords(searchedText).map((w) => sql`s.search_text LIKE ${likePattern(w)}`), sql` AND `)})`);
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
  return { conditions, rank };
}

/** ORDER BY over the columns of m; `prefix` is 'm.' outside the CTE and '' inside it. */
function orderBy(sort: SortOrder, prefix: '' | 'm.'): RawBuilder<unknown> {
  const p = sql.raw(prefix);
  const byName = sql`${p}sort_name, ${p}id`;
  if (sort === 'distance') return sql`${p}distance_km ASC NULLS LAST, ${p}rank DESC, ${byName}`;
  return sort === 'relevance' ? sql`${p}rank DESC, ${byName}` : byName;
}

/**
 * One page of matches with the total. Sorting by distance joins the locations of all matches at
 * once (a hash join beats one look-up per row); otherwise only the page's rows get a distance.
 */
function pageQuery({ conditions, rank }: Plan, sort: SortOrder, origin: readonly [number, number] | undefined, limit: number, offset: number) {
  const where = sql.join(conditions, sql` AND `);
  const byDistance = sort === 'distance' && origin;
  // Alphabetical order treats umlauts as their base letter; as a mere tie-break the plain name does
  // (translate() on every match costs more than the ranking itself).
  const sortName = sort === 'name' ? sql`translate(lower(s.name), 'äöüß', 'aous')` : sql`s.name`;
  const matches = byDistance
    ? sql`SELECT s.id, ${rank} AS rank, min(${haversine(origin)}) AS distance_km,
               ${sortName} AS sort_name, count(*) OVER () AS total
          FROM directory_services s
          LEFT JOIN directory_service_locations sl ON sl.service_id = s.id
          LEFT JOIN directory_locations l ON l.id = sl.location_id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
          WHERE ${where}
          GROUP BY s.id`
    : sql`SELECT s.id, ${rank} AS rank, NULL::float8 AS distance_km,
               ${sortName} AS sort_name, count(*) OVER () AS total
          FROM directory_services s
          WHERE ${where}`;
  const distance = byDistance ? sql`m.distance_km` : origin ? distanceOfRow(origin) : sql`NULL::float8`;
  return sql<Row>`
    WITH m AS (${matches} ORDER BY ${orderBy(sort, '')} LIMIT ${limit} OFFSET ${offset})
    SELECT s.id, s.name, s.status, o.name AS organization_name, s.hsds->>'description' AS description,
           s.districts, s.free, s.barrier_free, s.minimum_age, s.maximum_age, s.weekly_hours, ${distance} AS distance_km, m.total::int AS total
    FROM m JOIN directory_services s ON s.id = m.id JOIN organizations o ON o.id = s.organization_id
    ORDER BY ${orderBy(sort, 'm.')}`;
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
  total: number;
}

/** Searches the published directory: one page of hits, the total and any typo corrections. */
export async function searchServices(db: Kysely<DB>, query: ServiceQuery): Promise<ServiceResults> {
  const text = (query.text ?? '').replace(/\s+/g, ' ').trim().slice(0, maxQueryLength);
  const corrections = text ? await correctWords(db, queryWords(text)) : [];
  const searchedText = applyCorrections(text, corrections);
  const sort = effectiveSort(query, searchedText !== '');
  const perPage = Math.max(1, Math.min(query.perPage ?? defaultPerPage, 100));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const fetchPage = async (p: Plan) => {
    const run = async (offset: number) => (await pageQuery(p, sort, query.origin, perPage, offset).execute(db)).rows;
    let rows = await run((page - 1) * perPage);
    let total = rows[0]?.total ?? 0;
    let shownPage = page;
    if (rows.length === 0 && page > 1) {
      // Past the last page: count, and show the last page instead of an empty one.
      const counted = await sql<{ total: number }>`SELECT count(*)::int AS total FROM directory_services s WHERE ${sql.join(p.conditions, sql` AND `)}`.execute(db);
      total = counted.rows[0]?.total ?? 0;
      shownPage = Math.max(1, Math.ceil(total / perPage));
      if (total > 0) rows = await run((shownPage - 1) * perPage);
    }
    return { rows, total, shownPage };
  };

  let found = await fetchPage(plan(query, searchedText, 'words'));
  // Nothing by word stems: look for the words inside longer ones ("arzt" in "Kinderarztpraxis").
  if (found.total === 0 && fallbackWords(searchedText).length) found = await fetchPage(plan(query, searchedText, 'parts'));
  const { rows, total, shownPage } = found;
  return {
    total,
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
