/**
 * The survey at scale: 100,000 generated responses to a 30-question survey on PostgreSQL.
 *
 *   npx tsx bench/survey.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_RESPONSES=100000  BENCH_SECONDS=20  npx tsx bench/survey.ts
 *
 * 1. A fresh database (created here, dropped at the end) gets the demo survey (30 questions) and 100,000 generated responses (batch inserts; 6 channels, 60 days).
 * 2. Dashboard: the editors' dashboard computation (every question's distribution with
 *    suppression, means, recruitment per week × channel) — 3 warm-up runs, then 15 measured runs;
 *    also a filtered cross-tab (district × priority, filter channel). Goal: under 500 ms.
 * 3. Submissions: autocannon POSTs complete answer sheets to /api/v1/befragungen/:slug/antworten,
 *    each with its own idempotency key, 50 connections for BENCH_SECONDS over loopback (a crowd of phones). Then the rows in the
 *    database are counted: every 201 must be exactly one stored response (none lost, none twice).
 *    Goal: at least 500 per second sustained.
 * Writes bench/results/survey.json.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { createResultsService } from '../src/modules/survey/results.service.js';
import { demoChannels, demoSurveyDefinition } from '../src/modules/survey/seed/demo-survey.js';
import { generateAnswers, prng } from '../src/modules/survey/seed/generate.js';
import { allQuestions, type SurveyDefinition } from '../src/modules/survey/survey.definition.js';
import { findSurvey } from '../src/modules/survey/survey.repository.js';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const responses = Number(process.env.BENCH_RESPONSES ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const dbName = `frh_bench_survey_${process.pid}`;
const resultsFile = path.resolve(import.meta.dirname, 'results/survey.json');

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// The demo survey has 30 questions (one of them a matrix of five statements).
const definition: SurveyDefinition = structuredClone(demoSurveyDefinition);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function main() {
  console.log(`questions: ${allQuestions(definition).length}, responses: ${responses}`);
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-survey-'));
  const booted = await boot(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const { db, city } = booted.deps;
  try {
    const survey = await db.insertInto('survey_surveys').values({ slug: 'bench', title: 'Bench', status: 'open' }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('survey_versions')
      .values({ survey_id: survey.id, version: 1, definition: JSON.stringify(definition), frozen_at: new Date() })
      .execute();
    const channels = await db
      .insertInto('survey_channels')
      .values([...demoChannels, { slug: 'plakat', name: 'Plakat' }].map((c) => ({ survey_id: survey.id, ...c })))
      .returning(['id', 'slug'])
      .execute();

    const random = prng(42);
    const t0 = performance.now();
    const today = Date.now();
    for (let done = 0; done < responses; done += 2000) {
      const rows = Array.from({ length: Math.min(2000, responses - done) }, () => ({
        survey_id: survey.id,
        version: 1,
        channel_id: random() < 0.1 ? null : channels[Math.floor(random() * channels.length)]!.id,
        answered_on: new Date(today - Math.floor(random() * 60) * 86_400_000).toISOString().slice(0, 10),
        answers: JSON.stringify(generateAnswers(definition, city.districts, random)),
      }));
      await db.insertInto('survey_responses').values(rows).execute();
    }
    // Steady state: the bulk load's vacuum and checkpoint are not left to run during the measurements.
    await sql`VACUUM ANALYZE survey_responses`.execute(db);
    await sql`CHECKPOINT`.execute(db);
    const loadSeconds = (performance.now() - t0) / 1000;
    console.log(`loaded ${responses} responses in ${loadSeconds.toFixed(1)} s`);

    // 2. Dashboard.
    const results = createResultsService(booted.deps);
    const row = (await findSurvey(db, survey.id))!;
    const firstStart = performance.now();
    await results.dashboard(row);
    const firstMs = performance.now() - firstStart;
    for (let i = 0; i < 2; i++) await results.dashboard(row);
    const dashboardMs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      const d = await results.dashboard(row);
      dashboardMs.push(performance.now() - start);
      if (d.total !== responses) throw new Error(`dashboard counted ${d.total}`);
    }
    const crossMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await results.crossTab(row, 'prioritaet', 'bezirk', { key: '_kanal', value: 0 });
      crossMs.push(performance.now() - start);
    }
    // The first call after loading also sums up the past days (once); measured separately.
    console.log(`first dashboard (with rollup of ${responses} responses): ${firstMs.toFixed(0)} ms`);
    console.log(
      `dashboard p50 ${percentile(dashboardMs, 50).toFixed(0)} ms, max ${Math.max(...dashboardMs).toFixed(0)} ms; cross-tab p50 ${percentile(crossMs, 50).toFixed(0)} ms`,
    );

    // 3. Submissions over HTTP.
    const origin = await booted.app.listen({ port: 0, host: '127.0.0.1' });
    const before = Number(
      (
        await db
          .selectFrom('survey_responses')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // The load comes from a child process, so client and server do not share one event loop.
    const load = await runClient({
      url: `${origin}/api/v1/befragungen/bench/antworten`,
      channels: channels.map((c) => c.slug),
      bodies: Array.from({ length: 500 }, () => generateAnswers(definition, city.districts, random)),
    });
    const { statuses, result } = load;
    const after = Number(
      (
        await db
          .selectFrom('survey_responses')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const created = statuses['201'] ?? 0;
    const stored = after - before;
    const perSecond = created / seconds;
    // autocannon stops at the deadline without reading the answers still in flight: those may be
    // stored without a counted 201 (at most one per connection). Lost = acknowledged but not stored.
    const lost = Math.max(0, created - stored);
    const inFlight = stored - created;
    console.log(
      `submissions: ${created} × 201 in ${seconds} s = ${perSecond.toFixed(0)}/s, stored ${stored}, statuses ${JSON.stringify(statuses)}, latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`,
    );
    if (lost > 0 || inFlight > connections) console.error(`LOST OR DUPLICATED: ${created} acknowledged, ${stored} stored`);

    const out = {
      date: new Date().toISOString().slice(0, 10),
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 10) / 10),
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), shared`,
      postgres: (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v.split(' on ')[0],
      questions: allQuestions(definition).length,
      responses,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      firstDashboardWithRollupMs: Math.round(firstMs),
      dashboard: { runs: dashboardMs.length, p50Ms: Math.round(percentile(dashboardMs, 50)), maxMs: Math.round(Math.max(...dashboardMs)), goalMs: 500 },
      crossTabWithFilter: { runs: crossMs.length, p50Ms: Math.round(percentile(crossMs, 50)), maxMs: Math.round(Math.max(...crossMs)) },
      submissions: {
        seconds,
        connections,
        acknowledged201: created,
        storedRows: stored,
        lost,
        storedWhileInFlightAtDeadline: inFlight,
        perSecond: Math.round(perSecond),
        statuses,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        goalPerSecond: 500,
      },
    };
    writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${resultsFile}`);
  } finally {
    await booted.close();
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

interface ClientJob {
  url: string;
  channels: string[];
  bodies: unknown[];
}
interface ClientResult {
  statuses: Record<string, number>;
  result: { latency: { p50: number; p99: number } };
}

function runClient(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['client'], { execArgv: ['--import', 'tsx'], env: process.env });
    child.once('message', (message) => {
      resolve(message as ClientResult);
      child.kill();
    });
    child.once('error', reject);
    child.send(job);
  });
}

async function client(job: ClientJob): Promise<ClientResult> {
  let sent = 0;
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url: job.url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            schluessel: randomUUID(),
            kanal: job.channels[sent % job.channels.length],
            antworten: job.bodies[sent++ % job.bodies.length],
          }),
        }),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  return { statuses, result: { latency: { p50: result.latency.p50, p99: result.latency.p99 } } };
}

if (process.argv[2] === 'client') {
  process.once('message', async (job) => process.send!(await client(job as ClientJob)));
} else {
  await main();
}
