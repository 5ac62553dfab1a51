/**
 * Helpers of bench/directory.ts: database administration, copying the directory between engines,
 * CPU time of a process, and autocannon against loopback addresses only.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/db/types.js';
import { analyzeDirectory } from '../src/modules/directory/seed/index.js';

const connections = 10;
const durationSeconds = 10;

export async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Copies the published directory from PostgreSQL into PGlite, 2,000 rows a statement, as JSON. */
export async function copyDirectory(from: pg.Pool, to: Kysely<DB>): Promise<void> {
  const tables: [string, string][] = [
    ['organizations', 'id'],
    ['directory_locations', 'id'],
    ['directory_services', 'id'],
    ['directory_service_locations', 'id'],
    ['directory_search_words', 'word'],
  ];
  for (const [table, key] of tables) {
    let last: string | null = null;
    for (;;) {
      const result: pg.QueryResult<{ n: number; last: string | null; data: string }> = await from.query(
        `SELECT count(*)::int AS n, (array_agg(${key} ORDER BY ${key} DESC))[1]::text AS last, coalesce(json_agg(t), '[]')::text AS data
         FROM (SELECT * FROM ${table} WHERE $1::text IS NULL OR ${key} > $1::${key === 'id' ? 'uuid' : 'text'} ORDER BY ${key} LIMIT 2000) t`,
        [last],
      );
      const batch: { n: number; last: string | null; data: string } = result.rows[0]!;
      if (batch.n === 0) break;
      await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${batch.data}::json)`.execute(to);
      last = batch.last;
    }
  }
  await analyzeDirectory(to);
}

/** CPU nanoseconds a process has run, from /proc (Linux; the database server must be local). */
export function schedNs(pid: number): (() => number) | null {
  const read = () => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  try {
    read();
    return read;
  } catch {
    return null;
  }
}

export interface HttpStats {
  target: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  ratioToHelloWorld?: number;
}

function load(origin: string, paths: string[], duration: number): Promise<autocannon.Result> {
  if (!['127.0.0.1', 'localhost'].includes(new URL(origin).hostname)) throw new Error(`refusing to load ${origin}: loopback only`);
  return autocannon({ url: origin, connections, duration, timeout: 10, workers: 1, requests: paths.map((p) => ({ method: 'GET', path: p })) });
}

export async function measureHttp(target: string, origin: string, paths: string[]): Promise<HttpStats> {
  for (const p of paths.slice(0, 3)) {
    const response = await fetch(origin + p);
    if (!response.ok) throw new Error(`${p} answered ${response.status}; benchmarking an error page measures nothing`);
    await response.arrayBuffer();
  }
  await load(origin, paths, 2);
  const r = await load(origin, paths, durationSeconds);
  const stats = {
    target,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  console.error(
    `  ${target}: ${stats.requestsPerSecond} req/s, p99 ${stats.latencyP99Ms} ms${stats.non2xx || stats.errors ? `, ${stats.non2xx} non-2xx, ${stats.errors} errors` : ''}`,
  );
  return stats;
}
