/**
 * The directory at scale: search latency and list-page throughput with 10,000 and 100,000 services.
 *
 *   npx tsx bench/directory.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_SIZES=10000,100000  npx tsx bench/directory.ts
 *
 * For each size: a fresh PostgreSQL database (created here, dropped at the end) gets a generated
 * directory through publishGenerated — the same publish functions the review workflow uses. A fresh
 * embedded PGlite gets the very same rows copied over (publishing 100,000 services row by row into
 * PGlite alone takes a quarter of an hour). Then, on both engines:
 *   - searchServices for a few hundred varied queries, each a keyword plus two filters
 *     (p50/p95/p99 over the measured runs, after a warm-up), with the CPU time each query cost the
 *     database and this process (on a busy machine that is the better guide to idle latency), and
 *     EXPLAIN ANALYZE of three samples with the indexes their plans use;
 *   - the list page under autocannon (10 connections, 10 s, loopback only) against a bare Fastify
 *     hello-world measured before and after (the ceiling of this machine).
 * Goal: p95 under 20 ms on PostgreSQL at 100,000 services. Writes bench/results/directory.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/types.js';
import { listPath } from '../src/modules/directory/public/directory.filters.js';
import { searchServices, type ServiceQuery } from '../src/modules/directory/public/directory.search.js';
import { topics } from '../src/modules/directory/directory.taxonomy.js';
import { generateDirectory, publishGenerated } from '../src/modules/directory/seed/index.js';
import { loadCityProfile } from '../src/platform/city.js';
import { admin, copyDirectory, type HttpStats, measureHttp, schedNs } from './directory-tools.js';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const measuredQueries = 300;
const warmUpQueries = 30;
const resultsFile = path.resolve(import.meta.dirname, 'results/directory.json');
const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));
// "Open now" at a fixed instant: Tuesday 10:00 in Berlin.
const now = new Date('2026-11-24T09:00:00Z');
const today = new Date('2026-11-24T12:00:00Z');

/** A small seeded PRNG, so every run asks the same queries. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const keywords = [
  'Kinderarzt',
  'Kinderärzte',
  'kinderartz',
  'Beratung',
  'Erziehungsberatung',
  'Kita',
  'Tagespflege',
  'Hebamme',
  'Schwimmen',
  'Babyschwimmen',
  'Elterngeld',
  'Kindergeld',
  'Nachhilfe',
  'Hausaufgaben',
  'Jugendzentrum',
  'Spielgruppe',
  'Familienzentrum',
  'Musik',
  'Sport',
  'Sprachkurs',
  'Schuldnerberatung',
  'Krise',
  'Notfall',
  'Impfung',
  'Vorsorge',
  'Ferien',
  'Wiedereinstieg',
  'Elternkurs',
  'Frühförderung',
  'Beratng',
];
const languages = ['tr', 'ar', 'ru', 'pl', 'uk', 'en'];

/** Keyword plus two filters, varied over topics, districts, ages, languages and the yes/no filters. */
export function benchQueries(count: number, seed = 42): ServiceQuery[] {
  const r = prng(seed);
  const district = () => r.pick(city.districts);
  const topic = () => r.pick(topics).code;
  const filters: (() => ServiceQuery)[] = [
    () => ({ topic: topic(), district: district() }),
    () => ({ age: r.int(0, 17), district: district() }),
    () => ({ language: r.pick(languages), free: true }),
    () => ({ district: district(), openNow: true, now }),
    () => ({ topic: topic(), age: r.int(0, 17) }),
    () => ({ barrierFree: true, district: district() }),
    () => {
      const near = district();
      return { topic: topic(), free: true, sort: 'distance', origin: city.districtCentres[near], originDistrict: near };
    },
  ];
  return Array.from({ length: count }, () => ({ text: r.pick(keywords), ...r.pick(filters)() }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

interface QueryStats {
  engine: string;
  services: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** CPU time per query (database backend + this process): what the latency is on an idle machine. */
  cpuP50Ms: number | null;
  cpuP95Ms: number | null;
  medianTotal: number;
  p95Total: number;
}

async function measureQueries(engine: string, services: number, db: Kysely<DB>, backendPid: number | null): Promise<QueryStats> {
  const queries = benchQueries(warmUpQueries + measuredQueries);
  const backend = backendPid ? schedNs(backendPid) : () => 0;
  const times: number[] = [];
  const cpu: number[] = [];
  const totals: number[] = [];
  for (const [i, query] of queries.entries()) {
    const cpu0 = process.cpuUsage();
    const backend0 = backend?.() ?? 0;
    const started = performance.now();
    const result = await searchServices(db, query);
    const wall = performance.now() - started;
    const own = process.cpuUsage(cpu0);
    if (i >= warmUpQueries) {
      times.push(wall);
      if (backend) cpu.push((backend() - backend0) / 1e6 + (own.user + own.system) / 1000);
      totals.push(result.total);
    }
  }
  for (const list of [times, cpu, totals]) list.sort((a, b) => a - b);
  const stats = {
    engine,
    services,
    queries: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    maxMs: round(times[times.length - 1]!),
    cpuP50Ms: cpu.length ? round(percentile(cpu, 50)) : null,
    cpuP95Ms: cpu.length ? round(percentile(cpu, 95)) : null,
    medianTotal: percentile(totals, 50),
    p95Total: percentile(totals, 95),
  };
  console.error(
    `  ${engine} ${services}: search p50 ${stats.p50Ms} ms, p95 ${stats.p95Ms} ms, p99 ${stats.p99Ms} ms; CPU p50 ${stats.cpuP50Ms} ms, p95 ${stats.cpuP95Ms} ms (hits: median ${stats.medianTotal}, p95 ${stats.p95Total})`,
  );
  return stats;
}

/** EXPLAIN ANALYZE of the statements one search runs, with the indexes the plans use. */
async function explainSearch(pool: pg.Pool, query: ServiceQuery): Promise<{ query: ServiceQuery; indexes: string[]; plans: string[] }> {
  // A second Kysely on the same pool, which writes down every statement it runs.
  const captured: CompiledQuery[] = [];
  const logged = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (event) => void captured.push(event.query) });
  await searchServices(logged, query);
  const plans: string[] = [];
  for (const q of captured) {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF) ${q.sql}`, q.parameters as unknown[]);
    plans.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  const indexes = [...new Set(plans.flatMap((p) => [...p.matchAll(/Index(?: Only)? Scan (?:Backward )?(?:using|on) (\w+)/g)].map((m) => m[1]!)))].sort();
  return { query, indexes, plans };
}

/** The list page with a keyword and two filters, 50 variants; and the unfiltered first page. */
function listPaths(): { filtered: string[]; plain: string[] } {
  const filtered = benchQueries(50, 7).map((q) => {
    const p = new URLSearchParams({ q: q.text ?? '' });
    if (q.topic) p.set('thema', q.topic);
    if (q.district) p.set('bezirk', q.district);
    if (q.age !== undefined) p.set('alter', String(q.age));
    if (q.language) p.set('sprache', q.language);
    if (q.free) p.set('kostenlos', 'ja');
    if (q.barrierFree) p.set('barrierefrei', 'ja');
    if (q.openNow) p.set('offen', 'ja');
    return `${listPath}?${p.toString()}`;
  });
  return { filtered, plain: [listPath] };
}

async function main(): Promise<void> {
  const started = performance.now();
  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  const helloOrigin = await hello.listen({ port: 0, host: '127.0.0.1' });
  const loads: { engine: string; services: number; seconds: number; how: string }[] = [];
  const queries: QueryStats[] = [];
  const explains: ({ engine: string; services: number } & Awaited<ReturnType<typeof explainSearch>>)[] = [];
  const http: HttpStats[] = [];
  const paths = listPaths();
  http.push(await measureHttp('hello-world (bare Fastify)', helloOrigin, ['/']));
  // A known word with two filters; a typo (corrected through the trigram index); a part of a compound word (substring fallback).
  const samples: ServiceQuery[] = [
    { text: 'Beratung', topic: 'beratung', district: 'Heessen' },
    { text: 'Beratng', district: 'Heessen' },
    { text: 'arztpraxis' },
  ];

  for (const services of sizes) {
    const name = `frh_bench_dir_${randomUUID().replace(/-/g, '')}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-dir-'));
    let server: Database | undefined;
    let lite: Database | undefined;
    await admin(serverUrl, `CREATE DATABASE ${name}`);
    try {
      console.error(`${services} services: publishing into PostgreSQL …`);
      // One connection, so the bench knows which server process runs its queries (for CPU time).
      server = await openDatabase({ url: url.toString(), dataDir, poolSize: 1 });
      await migrateToLatest(server.db);
      let t0 = performance.now();
      const stats = await publishGenerated(server.db, generateDirectory({ services, city, today }), { chunkSize: 1000 });
      loads.push({
        engine: 'postgresql',
        services: stats.services,
        seconds: round((performance.now() - t0) / 1000),
        how: 'publishGenerated (publishService per service)',
      });
      console.error(`  published ${stats.services} services of ${stats.organizations} organisations in ${loads.at(-1)!.seconds} s; copying into PGlite …`);
      lite = await openDatabase({ dataDir });
      await migrateToLatest(lite.db);
      t0 = performance.now();
      await copyDirectory(server.pool, lite.db);
      loads.push({ engine: 'pglite', services: stats.services, seconds: round((performance.now() - t0) / 1000), how: 'rows copied from PostgreSQL as JSON' });

      const serverPid = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(server.db)).rows[0]!.pid;
      for (const [engine, database, pid] of [
        ['postgresql', server, serverPid],
        ['pglite', lite, null],
      ] as const) {
        queries.push(await measureQueries(engine, services, database.db, pid));
        for (const sample of samples) explains.push({ engine, services, ...(await explainSearch(database.pool, sample)) });
      }
      await lite.close();
      lite = undefined;

      // The list page as `npm start` serves it, on each engine.
      for (const [engine, env] of [
        ['postgresql', { DATABASE_URL: url.toString() }],
        ['pglite', {}],
      ] as const) {
        const app = await boot(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env }));
        try {
          const origin = await app.app.listen({ port: 0, host: '127.0.0.1' });
          http.push({ ...(await measureHttp(`${engine} ${services}: ${listPath}?q=…+2 filters`, origin, paths.filtered)) });
          http.push({ ...(await measureHttp(`${engine} ${services}: ${listPath} (all, by name)`, origin, paths.plain)) });
          // autocannon drops its sockets at the end; let the requests still running finish before the database closes.
          await new Promise((resolve) => setTimeout(resolve, 5000));
        } finally {
          await app.close();
        }
      }
    } finally {
      await lite?.close();
      await server?.close();
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  http.push(await measureHttp('hello-world again', helloOrigin, ['/']));
  await hello.close();
  const ceiling = (http[0]!.requestsPerSecond + http.at(-1)!.requestsPerSecond) / 2;
  for (const h of http.slice(1, -1)) h.ratioToHelloWorld = Math.round((h.requestsPerSecond / ceiling) * 1000) / 1000;

  const goal = queries.find((q) => q.engine === 'postgresql' && q.services === 100_000);
  const result = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    runSeconds: Math.round((performance.now() - started) / 1000),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    goal: {
      what: 'searchServices p95 < 20 ms on PostgreSQL at 100,000 services',
      p95Ms: goal?.p95Ms ?? null,
      cpuP95Ms: goal?.cpuP95Ms ?? null,
      met: goal ? goal.p95Ms < 20 : null,
    },
    loads,
    queries,
    http,
    explain: explains.map((e) => ({ engine: e.engine, services: e.services, query: e.query, indexes: e.indexes, plans: e.plans })),
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(result, null, 2) + '\n');
  console.log('\nsearch (keyword + two filters):');
  for (const q of queries) {
    console.log(
      `  ${q.engine.padEnd(10)} ${String(q.services).padStart(6)}  p50 ${q.p50Ms} ms  p95 ${q.p95Ms} ms  p99 ${q.p99Ms} ms  mean ${q.meanMs} ms  | CPU p50 ${q.cpuP50Ms} ms  p95 ${q.cpuP95Ms} ms`,
    );
  }
  console.log('list page:');
  for (const h of http)
    console.log(
      `  ${h.target.padEnd(52)} ${String(h.requestsPerSecond).padStart(6)} req/s  p99 ${h.latencyP99Ms} ms${h.ratioToHelloWorld ? `  (${(h.ratioToHelloWorld * 100).toFixed(1)} % of hello-world)` : ''}`,
    );
  for (const e of explains) console.log(`indexes used (${e.engine}, ${e.services}, ${JSON.stringify(e.query)}): ${e.indexes.join(', ')}`);
  console.log(`goal ${result.goal.what}: ${result.goal.met === null ? 'not measured' : result.goal.met ? 'met' : 'NOT met'} (p95 ${result.goal.p95Ms} ms)`);
  console.log(`written to ${path.relative(process.cwd(), resultsFile)} after ${result.runSeconds} s`);
  if (http.some((h) => h.non2xx > 0 || h.errors > 0)) process.exitCode = 1;
}

// Run when started as a script; importing it (for its query set) runs nothing.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
