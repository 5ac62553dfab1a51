/**
 * The events calendar at scale: 5,000 and 50,000 events (10 % of them repeating weekly, 12 dates),
 * spread over a year from today, in PostgreSQL and in embedded PGlite.
 *
 *   npx tsx bench/events.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_SIZES=5000,50000  BENCH_ENGINES=postgresql,pglite  npx tsx bench/events.ts
 *
 * For each size and engine: a fresh database gets the generated events in batches (the same row
 * mapping and occurrence expansion the app uses). Then the app as `npm start` serves it and we measure:
 *   - /veranstaltungen (all upcoming, page 1) and a filtered list under autocannon (10 connections,
 *     10 s, loopback only), against a bare Fastify hello-world measured before and after;
 *   - GET /veranstaltungen.ics (the whole calendar; the route caps it at the 2,000 soonest events
 *     with a date in the coming year, each with all its dates): median of 5 requests;
 *   - building one .ics of every event (uncapped), in this process: load + buildCalendar.
 * Writes bench/results/events.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/types.js';
import { addDays, todayIn } from '../src/platform/time/berlin.js';
import { toIcsEvent } from '../src/modules/events/events.feeds.js';
import { rowValues } from '../src/modules/events/events.model.js';
import { icsEventLimit } from '../src/modules/events/events.pages.js';
import { analyzeEvents, insertOccurrences, loadEvents } from '../src/modules/events/events.repository.js';
import { buildDemoEvents } from '../src/modules/events/events.seed.js';
import { buildCalendar } from '../src/modules/events/ics.js';
import { loadCityProfile } from '../src/platform/city.js';
import { admin, type HttpStats, measureHttp } from './directory-tools.js';

const sizes = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const engines = (process.env.BENCH_ENGINES ?? 'postgresql,pglite').split(',');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const resultsFile = path.resolve(import.meta.dirname, 'results/events.json');
const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));
const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** N events over the coming year; every tenth repeats weekly (12 dates), the rest happen once. */
function generate(count: number) {
  const today = todayIn(new Date());
  const built = buildDemoEvents({ today, districts: city.districts, organizers: [], count });
  return built.map((b, i) => {
    const shift = (i * 7919) % 365;
    const t = b.input.timing;
    const timing = { ...t, startDate: addDays(t.startDate, shift), endDate: addDays(t.endDate, shift) };
    const repeating = i % 10 === 0 && !t.allDay;
    return {
      ...b.input,
      title: `${b.input.title} ${i}`,
      timing,
      rule: repeating ? { freq: 'weekly' as const, interval: 1, byWeekday: [], until: null, count: 12 } : null,
    };
  });
}

async function load(db: Kysely<DB>, count: number): Promise<{ seconds: number; occurrences: number }> {
  const t0 = performance.now();
  const inputs = generate(count);
  for (let i = 0; i < inputs.length; i += 1000) {
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('events')
        .values(inputs.slice(i, i + 1000).map((input) => ({ ...rowValues(input), review_state: 'published' as const })))
        .returningAll()
        .execute();
      await insertOccurrences(trx, rows, []);
    });
  }
  await analyzeEvents(db);
  const n = await db
    .selectFrom('event_occurrences')
    .select((s) => s.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { seconds: round((performance.now() - t0) / 1000) / 1, occurrences: Number(n.n) };
}

/** Every event as one calendar, built in this process (what an uncapped feed would cost). */
async function fullCalendar(db: Kysely<DB>): Promise<{ ms: number; bytes: number; events: number }> {
  const t0 = performance.now();
  const ids = (await db.selectFrom('events').select('id').orderBy('starts_at').execute()).map((r) => r.id);
  const events = [];
  for (let i = 0; i < ids.length; i += 5000) events.push(...(await loadEvents(db, ids.slice(i, i + 5000))));
  const text = buildCalendar(
    events.map((e) => toIcsEvent(e, { publicUrl: 'http://localhost:3000', locale: 'de' })),
    { name: 'Bench', prodId: '-//Bench//DE' },
  );
  return { ms: round(performance.now() - t0), bytes: Buffer.byteLength(text), events: events.length };
}

async function timeFeed(origin: string): Promise<{ medianMs: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const response = await fetch(`${origin}/veranstaltungen.ics`);
    bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`feed answered ${response.status}`);
    times.push(performance.now() - t0);
  }
  return { medianMs: round(median(times)), bytes };
}

async function main(): Promise<void> {
  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  const helloOrigin = await hello.listen({ port: 0, host: '127.0.0.1' });
  const http: HttpStats[] = [await measureHttp('hello-world (bare Fastify)', helloOrigin, ['/'])];
  const loads: unknown[] = [];
  const feeds: unknown[] = [];
  const filtered = city.districts.map(
    (d, i) =>
      `/veranstaltungen?bezirk=${encodeURIComponent(d)}&kategorie=${['sport', 'kultur', 'natur', 'kreativ', 'lesen', 'bildung', 'fest'][i]}&wann=zeitraum&von=${addDays(todayIn(new Date()), 30)}`,
  );

  for (const size of sizes) {
    for (const engine of engines) {
      const name = `frh_bench_ev_${randomUUID().replace(/-/g, '')}`;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-ev-'));
      let database: Database | undefined;
      try {
        if (engine === 'postgresql') await admin(serverUrl, `CREATE DATABASE ${name}`);
        database = await openDatabase(engine === 'postgresql' ? { url: url.toString(), dataDir, poolSize: 4 } : { dataDir });
        await migrateToLatest(database.db);
        console.error(`${engine} ${size} events: loading …`);
        const loaded = await load(database.db, size);
        loads.push({ engine, events: size, ...loaded });
        console.error(`  loaded in ${loaded.seconds} s (${loaded.occurrences} dates)`);
        const full = await fullCalendar(database.db);
        console.error(`  full .ics of ${full.events} events: ${full.ms} ms, ${Math.round(full.bytes / 1024)} KiB`);
        await database.close();
        database = undefined;

        const app = await boot(
          loadConfig({
            NODE_ENV: 'development',
            DATA_DIR: dataDir,
            PORT: '0',
            LOG_LEVEL: 'warn',
            ...(engine === 'postgresql' ? { DATABASE_URL: url.toString() } : {}),
          }),
        );
        try {
          const origin = await app.app.listen({ port: 0, host: '127.0.0.1' });
          const feed = await timeFeed(origin);
          console.error(`  GET /veranstaltungen.ics (capped at ${icsEventLimit} events): ${feed.medianMs} ms, ${Math.round(feed.bytes / 1024)} KiB`);
          feeds.push({
            engine,
            events: size,
            fullCalendarMs: full.ms,
            fullCalendarKiB: Math.round(full.bytes / 1024),
            httpFeedMedianMs: feed.medianMs,
            httpFeedKiB: Math.round(feed.bytes / 1024),
          });
          http.push(await measureHttp(`${engine} ${size}: /veranstaltungen`, origin, ['/veranstaltungen']));
          http.push(await measureHttp(`${engine} ${size}: /veranstaltungen?bezirk&kategorie&zeitraum`, origin, filtered));
          await new Promise((resolve) => setTimeout(resolve, 3000));
        } finally {
          await app.close();
        }
      } finally {
        await database?.close();
        if (engine === 'postgresql') await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  http.push(await measureHttp('hello-world again', helloOrigin, ['/']));
  await hello.close();
  const ceiling = (http[0]!.requestsPerSecond + http.at(-1)!.requestsPerSecond) / 2;
  for (const h of http.slice(1, -1)) h.ratioToHelloWorld = Math.round((h.requestsPerSecond / ceiling) * 1000) / 1000;
  const result = { measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, loads, feeds, http };
  writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  for (const h of http)
    console.log(
      `  ${h.target.padEnd(56)} ${String(h.requestsPerSecond).padStart(6)} req/s  p99 ${h.latencyP99Ms} ms${h.ratioToHelloWorld ? `  (${(h.ratioToHelloWorld * 100).toFixed(1)} % of hello-world)` : ''}`,
    );
  console.log(JSON.stringify(feeds, null, 2));
}

await main();
