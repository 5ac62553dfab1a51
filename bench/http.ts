/**
 * HTTP throughput of the portal against the ceiling of this machine.
 *
 *   npm run bench                                     embedded PGlite only
 *   BENCH_DATABASE_URL=postgres://… npm run bench     and on that PostgreSQL server too
 *   BENCH_PAGE_CACHE=off npm run bench                every page rendered for every request
 *   BENCH_LARGE=off                                   without the large PostgreSQL portal (see below)
 *   npm run bench:languages                           only the German and Arabic start page, rendered in turn
 *
 * Boots the app in this process on a fresh database with the demo data, next to a bare
 * Fastify hello-world, and loads each page with autocannon (20 connections, 10 s) from a worker
 * thread, so the load generator does not share the servers' event loop (it still shares the
 * machine's cores: compare ratios, not absolute numbers, across machines). Only loopback
 * addresses are ever targeted. Prints a table and writes bench/results/http.json.
 *
 * With a PostgreSQL server, a third portal holds 100,000 generated services and 50,000 generated
 * events besides the demo data, for the list pages at the issue's scale. For the pages whose first
 * view is expensive (the lists at that scale, the signed-in pages), the bench also times how long a
 * page takes to render when no cache can answer: one request at a time, each under a new address.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { boot, type Booted } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { generateDirectory, publishGenerated } from '../src/modules/directory/seed/index.js';
import { loadCityProfile } from '../src/platform/city.js';
import { seedDemoModules } from '../src/platform/modules/install.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { cookieNames } from '../src/platform/http/context.js';
import { loadGeneratedEvents } from './events-data.js';

const pageCacheOff = process.env.BENCH_PAGE_CACHE === 'off';
const largeOff = process.env.BENCH_LARGE === 'off';
/** The issue's scale for the list pages on PostgreSQL. */
const large = { services: 100_000, events: 50_000 };
const firstRenderRounds = 200;
const onlyLanguages = process.env.BENCH_ONLY === 'languages';
const languagesFile = path.resolve(import.meta.dirname, 'results/languages.json');

/** The fast-pages issue asks for p99 at 20 connections. */
const connections = 20;
const durationSeconds = 10;
const warmUpSeconds = 2;
const resultsFile = path.resolve(import.meta.dirname, 'results/http.json');

interface Measurement {
  target: string;
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  ratioToHelloWorld?: number;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`refusing to load ${url}: only loopback addresses are benchmarked`);
}

function load(url: string, duration: number, cookie?: string): Promise<autocannon.Result> {
  assertLoopback(url);
  return autocannon({ url, connections, duration, timeout: 10, workers: 1, ...(cookie ? { headers: { cookie } } : {}) });
}

async function measure(target: string, url: string, cookie?: string): Promise<Measurement> {
  await load(url, warmUpSeconds, cookie);
  const r = await load(url, durationSeconds, cookie);
  const m: Measurement = {
    target,
    url,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  console.error(
    `  ${target}: ${m.requestsPerSecond} req/s, p99 ${ms(m.latencyP99Ms)} ms${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ''}`,
  );
  return m;
}

async function startHelloWorld(): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

interface Portal {
  label: string;
  url: string;
  /** Session cookies of two demo accounts, for the signed-in pages. */
  cookies: { family: string; editor: string };
  /** A published news post. */
  newsPath: string;
  /** Holds the generated data at the issue's scale (only the list pages are measured there). */
  large: boolean;
  close(): Promise<void>;
}

/** The pages of the fast-pages issue: public ones for everyone, two signed in. */
function pagesOf(p: Portal): { target: string; path: string; cookie?: string }[] {
  return [
    { target: '/', path: '/' },
    { target: '/?lang=ar', path: '/?lang=ar' },
    { target: '/neuigkeiten', path: '/neuigkeiten' },
    { target: 'a news post', path: p.newsPath },
    { target: '/infobrief/archiv', path: '/infobrief/archiv' },
    { target: '/impressum (a content page)', path: '/impressum' },
    { target: '/veranstaltungen', path: '/veranstaltungen' },
    { target: '/angebote', path: '/angebote' },
    { target: '/angebote?q=beratung + 2 filters', path: '/angebote?q=beratung&bezirk=Hamm-Mitte&kostenlos=ja' },
    { target: '/konto (family, signed in)', path: '/konto', cookie: p.cookies.family },
    { target: '/verwaltung/pruefung (editor)', path: '/verwaltung/pruefung', cookie: p.cookies.editor },
    { target: '/healthz', path: '/healthz' },
  ];
}

const searchWithTwoFilters = '/angebote?q=beratung&bezirk=Hamm-Mitte&kostenlos=ja';

/** The list pages at 100,000 services and 50,000 events. */
function largePagesOf(): { target: string; path: string; cookie?: string }[] {
  return [
    { target: '/veranstaltungen', path: '/veranstaltungen' },
    { target: '/angebote', path: '/angebote' },
    { target: '/angebote?q=beratung + 2 filters', path: searchWithTwoFilters },
  ];
}

/** The pages whose first view costs most, timed without any cache answering. */
function firstRenderPagesOf(p: Portal): { target: string; path: string; cookie?: string }[] {
  if (p.large) return largePagesOf();
  return [
    { target: '/konto (family, signed in)', path: '/konto', cookie: p.cookies.family },
    { target: '/verwaltung/pruefung (editor)', path: '/verwaltung/pruefung', cookie: p.cookies.editor },
  ];
}

/** The app as `npm start` runs it, minus per-request logging (it would measure the terminal). */
async function startPortal(label: string, serverUrl?: string, withLargeData = false): Promise<Portal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-'));
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `frh_bench_${randomUUID().replace(/-/g, '')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
  }
  let booted: Booted | undefined;
  try {
    booted = await boot(
      loadConfig({
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        ...(pageCacheOff ? { PAGE_CACHE_SECONDS: '0' } : {}),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      }),
    );
    await seedDemoModules(booted.modules);
    if (withLargeData) await addLargeData(booted);
    const url = await booted.app.listen({ port: 0, host: '127.0.0.1' });
    const started = booted;
    const { db, config } = booted.deps;
    const sessionOf = async (email: string) => {
      const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      return `${cookieNames(config).session}=${await createSession(db, user.id, sessionSettings(config))}`;
    };
    const news = await db
      .selectFrom('news_posts')
      .select('id')
      .where('published_at', '<=', new Date())
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    return {
      label,
      url,
      cookies: { family: await sessionOf('familie@familienrathaus.example'), editor: await sessionOf('redaktion@familienrathaus.example') },
      newsPath: `/neuigkeiten/${news.id}`,
      large: withLargeData,
      async close() {
        await started.close();
        await dropDatabase();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await booted?.close();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** 100,000 services through the publish functions the review workflow uses, 50,000 events through the app's row mapping. */
async function addLargeData(booted: Booted): Promise<void> {
  const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));
  const t0 = performance.now();
  await publishGenerated(booted.deps.db, generateDirectory({ services: large.services, city }), { chunkSize: 1000 });
  console.error(`  published ${large.services} services in ${Math.round((performance.now() - t0) / 1000)} s`);
  const events = await loadGeneratedEvents(booted.deps.db, large.events, city);
  console.error(`  loaded ${large.events} events (${events.occurrences} dates) in ${events.seconds} s`);
  // Now, not while the other portals are measured: autovacuum would take on these tables then.
  await sql`VACUUM (ANALYZE)`.execute(booted.deps.db);
}

/**
 * How long a page takes when no cache answers: one request at a time, each under a new address (an
 * unknown parameter the page ignores), median after a warm-up.
 */
async function firstRender(url: string, cookie?: string): Promise<{ medianMs: number; p95Ms: number }> {
  const times: number[] = [];
  const separator = url.includes('?') ? '&' : '?';
  for (let i = 0; i < firstRenderRounds + 20; i++) {
    const start = performance.now();
    const response = await fetch(`${url}${separator}runde=${i}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= 20) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 100) / 100;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

/** Checks the page answers 200; says whether it may come from the page cache (it carries an ETag). */
async function expectOk(url: string, cookie?: string): Promise<boolean> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}; benchmarking an error page measures nothing`);
  await response.arrayBuffer();
  return response.headers.has('etag');
}

/** autocannon records whole milliseconds; 0 means under one. */
const ms = (value: number) => (value === 0 ? '<1' : String(value));

function table(rows: Measurement[]): string {
  const head = ['target', 'req/s', 'p50 ms', 'p99 ms', 'vs hello-world', 'non-2xx', 'errors'];
  const body = rows.map((m) => [
    m.target,
    String(m.requestsPerSecond),
    ms(m.latencyP50Ms),
    ms(m.latencyP99Ms),
    m.ratioToHelloWorld === undefined ? '' : `${(m.ratioToHelloWorld * 100).toFixed(1)} %`,
    String(m.non2xx),
    String(m.errors + m.timeouts),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const pairedRounds = 1500;

/**
 * The cost of a language, measured so that a busy machine cannot tilt it: one connection asks for
 * the German and the Arabic start page in turn, so both meet the same load; compares the medians.
 * Both are asked for with the same kind of address (`/?lang=de&runde=N`, `/?lang=ar&runde=N`), so the
 * difference is the language alone and not the reading of a query string that only one of them has.
 */
async function pairedLanguages(url: string): Promise<{ germanMedianMs: number; arabicMedianMs: number; arabicToGerman: number }> {
  const timed = async (target: string) => {
    const start = performance.now();
    const response = await fetch(target);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${target} answered ${response.status}`);
    return performance.now() - start;
  };
  const german: number[] = [];
  const arabic: number[] = [];
  for (let i = 0; i < pairedRounds + 100; i++) {
    // The order alternates too, so neither language always goes first.
    // A new address each time (an unknown parameter the page ignores), so the page cache cannot answer:
    // this measures rendering, which is what a language costs.
    const [a, b] = i % 2 ? [await timed(`${url}/?lang=ar&runde=${i}`), await timed(`${url}/?lang=de&runde=${i}`)] : [0, 0];
    const [c, d] = i % 2 ? [0, 0] : [await timed(`${url}/?lang=de&runde=${i}`), await timed(`${url}/?lang=ar&runde=${i}`)];
    if (i < 100) continue; // warm-up
    if (i % 2) {
      arabic.push(a);
      german.push(b);
    } else {
      german.push(c);
      arabic.push(d);
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const [g, a] = [median(german), median(arabic)];
  return { germanMedianMs: Math.round(g * 1000) / 1000, arabicMedianMs: Math.round(a * 1000) / 1000, arabicToGerman: Math.round((a / g) * 1000) / 1000 };
}

function printPaired(label: string, r: Awaited<ReturnType<typeof pairedLanguages>>): void {
  console.log(
    `${label}: start page rendered one after the other (${pairedRounds} each): German median ${r.germanMedianMs} ms, Arabic ${r.arabicMedianMs} ms = ${(r.arabicToGerman * 100).toFixed(1)} % of the German time`,
  );
}

/** The cost of i18n alone: no load, so it can run on a machine that is busy with other things. */
async function languagesOnly(portals: Portal[]): Promise<void> {
  const paired: Record<string, Awaited<ReturnType<typeof pairedLanguages>>> = {};
  for (const p of portals) {
    paired[p.label] = await pairedLanguages(p.url);
    printPaired(p.label, paired[p.label]!);
  }
  mkdirSync(path.dirname(languagesFile), { recursive: true });
  writeFileSync(languagesFile, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, languagesPaired: paired }, null, 2)}\n`);
}

async function main(): Promise<void> {
  const portals: Portal[] = [];
  const hello = await startHelloWorld();
  try {
    console.error('booting the portal on a fresh embedded database …');
    portals.push(await startPortal('pglite'));
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (serverUrl) {
      console.error('booting the portal on PostgreSQL …');
      portals.push(await startPortal('postgresql', serverUrl));
      if (!largeOff && !onlyLanguages) {
        console.error(`booting the portal on PostgreSQL with ${large.services} services and ${large.events} events …`);
        portals.push(await startPortal(`postgresql ${large.services / 1000}k/${large.events / 1000}k`, serverUrl, true));
      }
    }
    if (onlyLanguages) return await languagesOnly(portals);
    const pagesFor = (p: Portal) => (p.large ? largePagesOf() : pagesOf(p));
    const cachedTargets = new Set<string>();
    for (const p of portals) {
      for (const page of pagesFor(p)) if (await expectOk(p.url + page.path, page.cookie)) cachedTargets.add(`${p.label} ${page.target}`);
    }
    console.error(pageCacheOff ? 'page cache off: every request renders its page' : `from the page cache: ${[...cachedTargets].join(', ') || 'nothing'}`);

    console.error(`measuring: ${connections} connections, ${durationSeconds} s each after ${warmUpSeconds} s warm-up`);
    // The ceiling is measured before and after the app: on a shared machine it drifts, and the
    // ratios are only as good as the two agree.
    const before = await measure('hello-world (bare Fastify)', hello.url + '/');
    const rows: Measurement[] = [before];
    // The start page in Arabic as well: right to left, isolated values, the mirrored stylesheet (the cost of i18n).
    for (const p of portals) for (const page of pagesFor(p)) rows.push(await measure(`${p.label} ${page.target}`, p.url + page.path, page.cookie));
    const after = await measure('hello-world again', hello.url + '/');
    rows.push(after);
    const ceiling = (before.requestsPerSecond + after.requestsPerSecond) / 2;
    const drift = Math.abs(before.requestsPerSecond - after.requestsPerSecond) / ceiling;
    for (const m of rows.slice(1, -1)) m.ratioToHelloWorld = Math.round((m.requestsPerSecond / ceiling) * 1000) / 1000;

    console.log(`\n${table(rows)}\n`);
    for (const p of portals.filter((p) => !p.large)) {
      const german = rows.find((m) => m.target === `${p.label} /`)!;
      const arabic = rows.find((m) => m.target === `${p.label} /?lang=ar`)!;
      console.log(
        `${p.label}: the start page in Arabic serves ${((arabic.requestsPerSecond / german.requestsPerSecond) * 100).toFixed(1)} % of the German rate`,
      );
    }
    const paired: Record<string, Awaited<ReturnType<typeof pairedLanguages>>> = {};
    for (const p of portals.filter((p) => !p.large)) {
      paired[p.label] = await pairedLanguages(p.url);
      printPaired(p.label, paired[p.label]!);
    }
    const firstRenders: Record<string, Awaited<ReturnType<typeof firstRender>>> = {};
    console.log(`first view, no cache answering (one request at a time, ${firstRenderRounds} each):`);
    for (const p of portals) {
      for (const page of firstRenderPagesOf(p)) {
        const r = (firstRenders[`${p.label} ${page.target}`] = await firstRender(p.url + page.path, page.cookie));
        console.log(`  ${p.label} ${page.target}: median ${r.medianMs} ms, p95 ${r.p95Ms} ms`);
      }
    }
    console.log(`ratios against the mean of both hello-world runs (${Math.round(ceiling)} req/s); they differ by ${(drift * 100).toFixed(0)} %`);
    if (drift > 0.2)
      console.log('warning: the machine was busy or noisy while measuring (hello-world drifted by more than 20 %): run again before trusting the numbers');
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      connections,
      durationSeconds,
      helloWorldDrift: Math.round(drift * 1000) / 1000,
      pageCache: pageCacheOff ? 'off' : 'on',
      fromPageCache: [...cachedTargets],
      results: rows,
      languagesPaired: paired,
      firstRenders,
    };
    writeFileSync(resultsFile, JSON.stringify(result, null, 2) + '\n');
    console.log(`written to ${path.relative(process.cwd(), resultsFile)}`);
    const broken = rows.filter((m) => m.non2xx > 0 || m.errors > 0 || m.timeouts > 0);
    if (broken.length) {
      console.error(`some targets answered with errors: ${broken.map((m) => m.target).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const p of portals) await p.close();
    await hello.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
