/**
 * Ideen & Anliegen and Vorhaben at scale, on PostgreSQL.
 *
 *   npx tsx bench/ideas.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_IDEAS=50000  BENCH_INITIATIVES=5000  npx tsx bench/ideas.ts
 *
 * 1. Similar-idea suggestions (bench/similar-ideas-data.ts): the development pairs (similar-ideas.tsv, its old
 *    held-out quarter, similar-ideas.fresh.tsv and similar-ideas.holdout2.tsv, each measured once before it became
 *    development data) and the third held-out set (similar-ideas.holdout3.tsv, written by someone else for
 *    matchingVersion 4, when present) among BENCH_IDEAS published ideas (the rest generated from the same
 *    vocabulary, so candidates are plenty; the originals spread among them in publication order, with the topic
 *    and district their author chose). For each duplicate (title and text, as the check page and the API ask, with
 *    the topic and district its author chose), is its original among the top 5 of `similar()`? Reported per part
 *    and kind (holdout2 also per overlap/new); the misses of the development parts are listed. The third held-out
 *    set is scored only with BENCH_HOLDOUT3=measure (once, after tuning), and only as hits per kind and per
 *    overlap/new, never which pairs missed or their titles. Its queries are timed in every run. Every part is also
 *    scored without the concept table (concepts.ts), in the same run, to show what the table adds.
 *    Latency: p50/p95 of `similar()` over all queries, three rounds; and the database's share alone.
 * 2. Roadmap round trip: BENCH_INITIATIVES initiatives with four milestones each imported; then export,
 *    change a tenth of them, import again (timed together); then the same file once more, which must
 *    change nothing and write no history.
 * Writes bench/results/ideas.json.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { frequencyCap, matchTerms, queryKeyGroups, storedTerms } from '../src/modules/ideas/matching.js';
import { candidateLimit, minimumScore } from '../src/modules/ideas/similar.service.js';
import { rankSimilar } from '../src/modules/ideas/ranking.js';
import { createIdeaService } from '../src/modules/ideas/ideas.service.js';
import { keyFrequencies, similarCandidates } from '../src/modules/ideas/similar.repository.js';
import type { IdeaTopic } from '../src/modules/ideas/ideas.topics.js';
import { developmentSet, filler, heldOutFile, heldOutSet, publishedMinutesAgo } from './similar-ideas-data.js';
import { createInitiativeService } from '../src/modules/ideas/initiatives/initiatives.service.js';
import { roadmapCsv, type RoadmapInitiative } from '../src/modules/ideas/initiatives/roadmap-csv.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ideasWanted = Number(process.env.BENCH_IDEAS ?? 50_000);
const initiativesWanted = Number(process.env.BENCH_INITIATIVES ?? 5_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'frh_bench_ideas';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

const measureHeldOut = process.env.BENCH_HOLDOUT3 === 'measure';

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-ideas-'));
  const booted = await boot(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'bench-secret-not-for-production-use',
    }),
  );
  const { db } = booted.deps;
  const results: Record<string, unknown> = { ideas: ideasWanted, initiatives: initiativesWanted };
  try {
    // 1. Similar ideas --------------------------------------------------------------------------------
    const heldOut = heldOutSet();
    if (measureHeldOut && heldOut.length === 0) throw new Error(`BENCH_HOLDOUT3=measure, but bench/${heldOutFile} is missing or empty`);
    const pairs = [...developmentSet(), ...heldOut];
    const rows = [
      ...pairs.map((p) => ({ title: p.title, body: p.body, topic: p.topic ?? 'sonstiges', district: p.district ?? null })),
      ...filler(Math.max(0, ideasWanted - pairs.length)),
    ];
    const minutesAgo = publishedMinutesAgo(rows.length);
    const ids: string[] = [];
    const started = Date.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      const inserted = await db
        .insertInto('ideas')
        .values(
          batch.map((r, j) => ({
            kind: 'idea' as const,
            title: r.title.slice(0, 140),
            body: r.body,
            topic: r.topic as IdeaTopic,
            district: r.district,
            shown_as: 'anonymous' as const,
            link_key: `bench-${i + j}`,
            moderation: 'published' as const,
            match_terms: storedTerms(r.title, r.body),
            published_at: new Date(Date.now() - minutesAgo[i + j]! * 60_000),
          })),
        )
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    await sql`ANALYZE ideas`.execute(db);
    console.log(`${rows.length} ideas inserted in ${Date.now() - started} ms`);
    const service = createIdeaService(booted.deps);
    const latencies: number[] = [];
    const hits: Record<string, { hits: number; queries: number }> = {};
    const count = (part: string, hit: boolean) => {
      const c = (hits[part] ??= { hits: 0, queries: 0 });
      c.queries++;
      if (hit) c.hits++;
    };
    const misses: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, pair] of pairs.entries()) {
        const t0 = performance.now();
        const found = await service.similar(`${pair.dupTitle} ${pair.dupBody}`, { limit: 5, topic: pair.dupTopic, district: pair.dupDistrict });
        latencies.push(performance.now() - t0);
        if (round > 0 || (pair.set === 'holdout3' && !measureHeldOut)) continue;
        const hit = found.some((f) => f.id === ids[i]);
        count(pair.set, hit);
        count(`${pair.set} ${pair.kind}`, hit);
        // The same query without the concept table (concepts.ts), to show what the table adds.
        const query = matchTerms(`${pair.dupTitle} ${pair.dupBody}`);
        const plainGroups = queryKeyGroups(query, { concepts: false });
        const plainFrequencies = await keyFrequencies(db, [...new Set(plainGroups.flat())], frequencyCap);
        const plain = rankSimilar(query, await similarCandidates(db, plainGroups, candidateLimit, plainFrequencies), {
          limit: 5,
          minimumScore,
          context: { topic: pair.dupTopic, district: pair.dupDistrict },
          frequencies: plainFrequencies,
          concepts: false,
        });
        count(
          `without concepts: ${pair.set}`,
          plain.some((r) => r.candidate.id === ids[i]),
        );
        if (pair.overlap) count(`${pair.set} ${pair.overlap}`, hit);
        if (pair.set === 'holdout3') continue; // which held-out pairs missed is not written anywhere
        count('development', hit);
        if (!hit) misses.push(`${pair.set} ${pair.kind}: „${pair.dupTitle}“ → „${pair.title}“`);
      }
    }
    // The database's share: the two queries of the lookup alone.
    const dbLatencies: number[] = [];
    for (const pair of pairs) {
      const t0 = performance.now();
      const groups = queryKeyGroups(matchTerms(`${pair.dupTitle} ${pair.dupBody}`));
      await similarCandidates(db, groups, candidateLimit, await keyFrequencies(db, [...new Set(groups.flat())], frequencyCap));
      dbLatencies.push(performance.now() - t0);
    }
    const share = (part: string) => (hits[part] ? Math.round((1000 * hits[part].hits) / hits[part].queries) / 10 : null);
    results.similar = {
      queries: pairs.length,
      top5Percent: Object.fromEntries(
        Object.keys(hits)
          .sort()
          .map((part) => [part, share(part)]),
      ),
      hits,
      heldOutMeasured: measureHeldOut,
      p50ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p95ms: Math.round(percentile(latencies, 95) * 10) / 10,
      candidateQueriesP95ms: Math.round(percentile(dbLatencies, 95) * 10) / 10,
      misses,
    };
    console.log(JSON.stringify(results.similar, null, 2));

    // 2. Roadmap round trip ---------------------------------------------------------------------------
    const editor = await db
      .insertInto('users')
      .values({ email: 'bench-editor@example.org', display_name: 'Bench', role: 'editor', email_confirmed_at: new Date() })
      .returning(['id', 'email', 'display_name', 'role'])
      .executeTakeFirstOrThrow();
    const actor = { id: editor.id, email: editor.email, displayName: editor.display_name, role: editor.role };
    const initiatives = createInitiativeService(booted.deps);
    const generated: RoadmapInitiative[] = Array.from({ length: initiativesWanted }, (_, i) => ({
      slug: `vorhaben-${i}`,
      title: `Vorhaben ${i}`,
      goal: `Ziel des Vorhabens ${i}; mit Semikolon und "Anführungszeichen".`,
      topic: 'sonstiges',
      marks: ['sichtbar'],
      office: 'Familienbüro',
      workingGroup: i % 3 === 0 ? 'AG Beteiligung' : null,
      status: 'planned',
      budget: i % 5 === 0 ? `${i * 100} €` : null,
      milestones: [1, 2, 3, 4].map((position) => ({ position, title: `Meilenstein ${position}`, plannedOn: `2027-0${position}-15`, reachedOn: null })),
    }));
    let t0 = Date.now();
    const first = await initiatives.importCsv(actor, roadmapCsv(generated));
    const firstMs = Date.now() - t0;
    t0 = Date.now();
    const exported = await initiatives.exportCsv();
    const changed = exported
      .split('\r\n')
      .map((line) => (/^vorhaben-\d*0;/.test(line) ? line.replace(';geplant;', ';in-umsetzung;').replace(/;2027-01-15;$/, ';2027-01-15;2027-01-20') : line))
      .join('\r\n');
    const second = await initiatives.importCsv(actor, changed);
    const roundTripMs = Date.now() - t0;
    const historyBefore = Number(
      (
        await db
          .selectFrom('initiative_history')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    t0 = Date.now();
    const third = await initiatives.importCsv(actor, changed);
    const againMs = Date.now() - t0;
    const historyAfter = Number(
      (
        await db
          .selectFrom('initiative_history')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const milestones = Number(
      (
        await db
          .selectFrom('initiative_milestones')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    results.roadmap = {
      milestones,
      firstImportMs: firstMs,
      first,
      roundTripMs,
      second,
      sameFileAgainMs: againMs,
      third,
      newHistoryEntriesOnSecondImportOfSameFile: historyAfter - historyBefore,
    };
    console.log(JSON.stringify(results.roadmap, null, 2));
  } finally {
    await booted.close();
    if (!process.env.BENCH_KEEP) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
  writeFileSync(path.join(here, 'results', 'ideas.json'), `${JSON.stringify({ ...results, at: new Date().toISOString() }, null, 2)}\n`);
}

await main();
