/**
 * Familienfreundliche Arbeitgeber at scale: 5,000 employer profiles and 50,000 places, in PostgreSQL and
 * in embedded PGlite.
 *
 *   npm run bench:employers
 *   BENCH_DATABASE_URL=postgres://…  BENCH_ENGINES=postgresql,pglite  npm run bench:employers
 *
 * For each engine: a fresh, migrated database gets the generated organisations, profiles (sector, size,
 * districts and 3–12 measures each) and places (10 per employer on average, start dates over the next
 * two years, every third in part-time). Then the app as `npm start` serves it, and the employer list is
 * asked, one request after the other over loopback, with three filters at once — a measure, a sector and
 * "offers apprenticeships", rotating through every measure and sector — 50 times to warm up and 500 times
 * measured. Prints p50 and p95 (the target: p95 < 30 ms on PostgreSQL). Writes
 * bench/results/employers.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/types.js';
import { loadCityProfile } from '../src/platform/city.js';
import { addDays, todayIn } from '../src/platform/time/berlin.js';
import { admin } from './directory-tools.js';

const employers = Number(process.env.BENCH_EMPLOYERS ?? 5000);
const places = Number(process.env.BENCH_PLACES ?? 50000);
const engines = (process.env.BENCH_ENGINES ?? 'postgresql,pglite').split(',');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const resultsFile = path.resolve(import.meta.dirname, 'results/employers.json');
const city = loadCityProfile(path.resolve(import.meta.dirname, '../city/hamm.json'));
const round = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

const measures = [
  'flexitime',
  'part_time',
  'part_time_leadership',
  'job_sharing',
  'family_shifts',
  'remote_work',
  'company_childcare',
  'emergency_care',
  'holiday_care',
  'parent_child_office',
  'care_leave',
  'care_counselling',
  'leave_contact',
  'return_programme',
  'part_time_training',
  'health_programme',
  'employee_counselling',
];
const sectors = ['health', 'care', 'craft', 'industry', 'retail', 'services', 'it', 'public', 'social', 'logistics'] as const;
const sizes = ['micro', 'small', 'medium', 'large'] as const;
const kinds = ['apprenticeship', 'internship', 'dual_study'] as const;
const fields = ['craft', 'health', 'social', 'office', 'it', 'logistics', 'hospitality', 'public'] as const;

/** A small deterministic generator, so both engines get the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function load(db: Kysely<DB>): Promise<number> {
  const t0 = performance.now();
  const random = rng(19);
  const today = todayIn(new Date());
  const orgIds: string[] = [];
  for (let i = 0; i < employers; i += 500) {
    await db.transaction().execute(async (trx) => {
      const orgs = await trx
        .insertInto('organizations')
        .values(
          Array.from({ length: Math.min(500, employers - i) }, (_, j) => ({
            name: `Arbeitgeber ${String(i + j).padStart(5, '0')} (Bench)`,
            kind: 'provider' as const,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('employer_profiles')
        .values(
          orgs.map((o) => {
            orgIds.push(o.id);
            const chosen = measures.filter(() => random() < 0.35);
            return {
              organization_id: o.id,
              sector: sectors[Math.floor(random() * sectors.length)]!,
              size: sizes[Math.floor(random() * sizes.length)]!,
              districts: city.districts.filter(() => random() < 0.3),
              summary: 'Ein erfundener Arbeitgeber für die Messung: Gleitzeit, Teilzeit und eine Notfallbetreuung für Eltern.',
              measures: chosen.length ? chosen : ['flexitime'],
              certificates: JSON.stringify(random() < 0.2 ? [{ kind: 'audit', year: 2023 }] : []),
              contact_email: `familie-${o.id.slice(0, 8)}@bench.example`,
              measures_confirmed_on: addDays(today, -Math.floor(random() * 500)),
            };
          }),
        )
        .execute();
    });
  }
  for (let i = 0; i < places; i += 2000) {
    await db
      .insertInto('places')
      .values(
        Array.from({ length: Math.min(2000, places - i) }, (_, j) => {
          const n = i + j;
          return {
            id: randomUUID(),
            organization_id: orgIds[Math.floor(random() * orgIds.length)]!,
            kind: kinds[n % 3 === 0 ? 1 : n % 7 === 0 ? 2 : 0],
            title: `Platz ${n} (Bench)`,
            occupation: 'Beruf (Bench)',
            field: fields[n % fields.length]!,
            certificate: 'hauptschule' as const,
            start_date: addDays(today, Math.floor(random() * 730) - 60),
            part_time: n % 3 === 1,
            positions: 1 + (n % 4),
            description: 'Ein erfundener Platz für die Messung.',
            how_to_apply: 'Per E-Mail.',
          };
        }),
      )
      .execute();
  }
  await sql`ANALYZE`.execute(db);
  return round((performance.now() - t0) / 1000);
}

async function measure(origin: string): Promise<{ p50Ms: number; p95Ms: number; requests: number; sample: string; found: number }> {
  const urls = measures.map((m, i) => `/arbeitgeber?massnahme=${m}&branche=${sectors[i % sectors.length]}&ausbildung=ja`);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 550; i++) {
    const url = urls[i % urls.length]!;
    const t0 = performance.now();
    const response = await fetch(`${origin}${url}`);
    const body = await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= 50) times.push(performance.now() - t0);
    if (i === 50) found = Number(/(\d+) Arbeitgeber gefunden/.exec(body)?.[1] ?? 0);
  }
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), requests: times.length, sample: urls[0]!, found };
}

async function main(): Promise<void> {
  const results: unknown[] = [];
  for (const engine of engines) {
    const name = `frh_bench_emp_${randomUUID().replace(/-/g, '')}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-emp-'));
    let database: Database | undefined;
    try {
      if (engine === 'postgresql') await admin(serverUrl, `CREATE DATABASE ${name}`);
      database = await openDatabase(engine === 'postgresql' ? { url: url.toString(), dataDir, poolSize: 4 } : { dataDir });
      await migrateToLatest(database.db);
      console.error(`${engine}: loading ${employers} employers and ${places} places …`);
      const seconds = await load(database.db);
      console.error(`  loaded in ${seconds} s`);
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
        const stats = await measure(origin);
        console.log(
          `${engine}: /arbeitgeber with 3 filters (measure, sector, apprenticeships): p50 ${stats.p50Ms} ms, p95 ${stats.p95Ms} ms (${stats.requests} requests; ${stats.found} found for ${stats.sample})`,
        );
        results.push({ engine, employers, places, loadSeconds: seconds, ...stats });
      } finally {
        await app.close();
      }
    } finally {
      await database?.close();
      if (engine === 'postgresql') await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2)}\n`,
  );
}

await main();
