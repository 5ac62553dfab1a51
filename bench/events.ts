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
import { icsEventLimit } from '../src/modules/events/events.pages.js';
import { loadEvents } from '../src/modules/events/events.repository.js';
import { buildCalendar } from '../src/modules/events/ics.js';
import { loadCityProfile } from '../src/platform/city.js';
import { admin, type HttpStats, measureHttp } from './directory-tools.js';
import { loadGeneratedEvents } from './events-data.js';

const sizes = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const engines = (process.env.BENCH_ENGINES ?? 'postgresql,pglite').split(',');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const resultsFile = path.resolve(import.meta.dirname, 'results/events.json');
const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));
const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
        const loaded = await loadGeneratedEvents(database.db, size, city);
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
