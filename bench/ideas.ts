/**
 * Ideen & Anliegen and Vorhaben at scale, on PostgreSQL.
 *
 *   npx tsx bench/ideas.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_IDEAS=50000  BENCH_INITIATIVES=5000  npx tsx bench/ideas.ts
 *
 * 1. Similar-idea suggestions: the labelled set (bench/similar-ideas.tsv, written before tuning: each
 *    original with a known duplicate) among BENCH_IDEAS published ideas (the rest generated from the
 *    same vocabulary, so candidates are plenty). For each duplicate (title and text, as the check page
 *    and the API ask), is its original among the top 5 of `similar()`? Reported separately for the
 *    tuning part and the held-out quarter (every fourth line). That quarter's misses were seen while tuning, so
 *    a fresh set (bench/similar-ideas.fresh.tsv, written before it was first measured, never tuned on) is held
 *    out as a whole and reported on its own and together with the old quarter. Its originals are in the same
 *    index as the others; only its hit counts per kind are written out, not which pairs missed, so that nobody
 *    tunes on it.
 *    Latency: p50/p95 of `similar()` over all queries, three rounds.
 * 2. Roadmap round trip: BENCH_INITIATIVES initiatives with four milestones each imported; then export,
 *    change a tenth of them, import again (timed together); then the same file once more, which must
 *    change nothing and write no history.
 * Writes bench/results/ideas.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { matchTerms, queryKeyGroups, storedTerms } from '../src/modules/ideas/matching.js';
import { candidateLimit } from '../src/modules/ideas/ideas.service.js';
import { createIdeaService } from '../src/modules/ideas/ideas.service.js';
import { similarCandidates } from '../src/modules/ideas/ideas.repository.js';
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

interface Pair {
  kind: string;
  title: string;
  body: string;
  dupTitle: string;
  dupBody: string;
  heldOut: boolean;
  /** From the fresh set: all of it held out. */
  fresh: boolean;
}

function readPairs(file: string, fresh: boolean): Pair[] {
  const lines = readFileSync(path.join(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.map((line, i) => {
    const [kind, title, body, dupTitle, dupBody] = line.split('\t') as [string, string, string, string, string];
    return { kind, title, body, dupTitle, dupBody, heldOut: fresh || i % 4 === 3, fresh };
  });
}

function labelledSet(): Pair[] {
  return [...readPairs('similar-ideas.tsv', false), ...readPairs('similar-ideas.fresh.tsv', true)];
}

/** Filler ideas from the words families use, so the index has realistic crowds per word. */
function filler(n: number): { title: string; body: string }[] {
  const things = [
    'Spielplatz',
    'Radweg',
    'Kita',
    'Schule',
    'Bücherei',
    'Schwimmbad',
    'Park',
    'Bushaltestelle',
    'Jugendtreff',
    'Sporthalle',
    'Gehweg',
    'Ampel',
    'Familienzentrum',
    'Bürgeramt',
    'Kinderarzt',
    'Hort',
    'Bolzplatz',
    'Marktplatz',
    'Spielwiese',
    'Schulhof',
  ];
  const wishes = [
    'mehr Bänke',
    'bessere Beleuchtung',
    'längere Öffnungszeiten',
    'neue Spielgeräte',
    'mehr Mülleimer',
    'sicherer Zugang',
    'barrierefreier Eingang',
    'Toiletten',
    'Schatten',
    'Fahrradständer',
    'mehr Personal',
    'günstigere Preise',
    'Angebote am Wochenende',
    'Trinkwasser',
    'Reinigung',
    'Zebrastreifen',
  ];
  const places = [
    'Nordring',
    'Ostpark',
    'Lippeauen',
    'Stadtmitte',
    'Westtünnen',
    'Berge',
    'Wiescherhöfen',
    'Sandbochum',
    'Norddinker',
    'Werries',
    'Mark',
    'Allee-Center',
    'Kurpark',
    'Südring',
    'Hauptbahnhof',
  ];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const thing = pick(things);
    const wish = pick(wishes);
    const place = pick(places);
    return {
      title: `${wish[0]!.toUpperCase()}${wish.slice(1)}: ${thing} ${place} (${i})`,
      body: `Am ${thing} ${place} wünschen wir uns ${wish}. Das würde Familien im Alltag helfen.`,
    };
  });
}

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
    const pairs = labelledSet();
    const rows = [...pairs.map((p) => ({ title: p.title, body: p.body })), ...filler(Math.max(0, ideasWanted - pairs.length))];
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
            topic: 'sonstiges',
            shown_as: 'anonymous' as const,
            link_key: `bench-${i + j}`,
            moderation: 'published' as const,
            match_terms: storedTerms(r.title, r.body),
            published_at: new Date(Date.now() - (i + j) * 60_000),
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
    const hits = { tuning: 0, tuningTotal: 0, heldOut: 0, heldOutTotal: 0, fresh: 0, freshTotal: 0 };
    const freshByKind: Record<string, { hits: number; queries: number }> = {};
    const misses: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, pair] of pairs.entries()) {
        const t0 = performance.now();
        const found = await service.similar(`${pair.dupTitle} ${pair.dupBody}`, { limit: 5 });
        latencies.push(performance.now() - t0);
        if (round > 0) continue;
        const hit = found.some((f) => f.id === ids[i]);
        if (pair.fresh) {
          hits.freshTotal++;
          if (hit) hits.fresh++;
          const byKind = (freshByKind[pair.kind] ??= { hits: 0, queries: 0 });
          byKind.queries++;
          if (hit) byKind.hits++;
          continue; // which fresh pairs missed is not written anywhere
        }
        if (pair.heldOut) {
          hits.heldOutTotal++;
          if (hit) hits.heldOut++;
        } else {
          hits.tuningTotal++;
          if (hit) hits.tuning++;
        }
        if (!hit) misses.push(`${pair.heldOut ? 'held-out' : 'tuning'} ${pair.kind}: „${pair.dupTitle}“ → „${pair.title}“`);
      }
    }
    // The database's share: the candidate query alone.
    const dbLatencies: number[] = [];
    for (const pair of pairs) {
      const t0 = performance.now();
      await similarCandidates(db, queryKeyGroups(matchTerms(`${pair.dupTitle} ${pair.dupBody}`)), candidateLimit);
      dbLatencies.push(performance.now() - t0);
    }
    results.similar = {
      candidateQueryP95ms: Math.round(percentile(dbLatencies, 95) * 10) / 10,
      queries: pairs.length,
      top5Tuning: hits.tuning / hits.tuningTotal,
      top5HeldOut: hits.heldOut / hits.heldOutTotal,
      heldOutQueries: hits.heldOutTotal,
      top5Fresh: hits.fresh / hits.freshTotal,
      freshQueries: hits.freshTotal,
      freshByKind,
      top5HeldOutCombined: (hits.heldOut + hits.fresh) / (hits.heldOutTotal + hits.freshTotal),
      heldOutCombinedQueries: hits.heldOutTotal + hits.freshTotal,
      p50ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p95ms: Math.round(percentile(latencies, 95) * 10) / 10,
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
