import { type RawBuilder, sql } from 'kysely';
import { containsPattern } from '../../../db/like.js';
import type { WeeklyHours } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';
import { minFallbackLength, queryWords } from './directory.spelling.js';
import { berlinClock, previousDay } from './opening-hours.js';

/**
 * The directory search over the projection columns of `directory_services` (alias s): the
 * conditions and ranks of a search, one page of matches with the total up to a cap, and the
 * languages listed services are offered in. The rules (sort, paging, the fallback to parts of
 * words, typo correction) live in directory.search.ts.
 */

export type SortOrder = 'relevance' | 'name' | 'distance';

/** The filters of a search, checked already (directory.filters.ts). */
export interface SearchFilters {
  topic?: string;
  /** Age of the child in years: services whose age range includes it (no limit = any age). */
  age?: number;
  district?: string;
  /** ISO 639 code, lower case. */
  language?: string;
  free?: boolean;
  barrierFree?: boolean;
  openNow?: boolean;
  /** The instant "open now" refers to (tests pin it). */
  now?: Date;
}

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
export const fallbackWords = (text: string) => queryWords(text).filter((w) => w.length >= minFallbackLength);

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

/** The WHERE conditions and the rank. */
export interface Plan {
  conditions: RawBuilder<unknown>[];
  rank: RawBuilder<number>;
  title: RawBuilder<boolean> | null;
}

export function plan(query: SearchFilters, searchedText: string, match: 'words' | 'parts'): Plan {
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

/** ORDER BY over the columns of a candidate set `c`. */
function orderBy(sort: SortOrder): RawBuilder<unknown> {
  const byName = sql`c.sort_name, c.id`;
  if (sort === 'distance') return sql`c.distance_km ASC NULLS LAST, c.rank DESC, ${byName}`;
  return sort === 'relevance' ? sql`c.rank DESC, ${byName}` : byName;
}

export interface PageRequest {
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
function pageStatement({ conditions, rank, title }: Plan, request: PageRequest) {
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
  return sql<SearchRow>`
    WITH ${ctes}
    SELECT s.id, s.name, s.status, o.name AS organization_name, s.hsds->>'description' AS description,
           s.districts, s.free, s.barrier_free, s.minimum_age, s.maximum_age, s.weekly_hours, ${distance} AS distance_km,
           (SELECT n FROM matched)::int AS matched
    FROM pg c JOIN directory_services s ON s.id = c.id JOIN organizations o ON o.id = s.organization_id
    ORDER BY ${orderBy(sort)}`;
}

export interface SearchRow {
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

/** One page of matches; every row carries `matched`, the count up to cap + 1. */
export async function searchPage(db: Executor, plan: Plan, request: PageRequest): Promise<SearchRow[]> {
  return (await pageStatement(plan, request).execute(db)).rows;
}

/** The languages listed services are offered in, in code order. */
export async function listedLanguages(db: Executor): Promise<string[]> {
  const result = await sql<{ code: string }>`
    SELECT DISTINCT unnest(language_codes) AS code FROM directory_services WHERE status IN (${sql.join(listedStatuses)}) ORDER BY 1`.execute(db);
  return result.rows.map((row) => row.code);
}
