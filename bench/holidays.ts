/**
 * Holidays bench (Ferienbetreuung).
 *
 *   npx tsx --expose-gc bench/holidays.ts     (parts 1 and 2)
 *   BENCH_PART=lottery npx tsx bench/holidays.ts
 *   BENCH_PART=booking npx tsx bench/holidays.ts       (PGlite, then PostgreSQL at 127.0.0.1)
 *   BENCH_PART=run [BENCH_DATABASE_URL=postgres://…] npx tsx bench/holidays.ts
 *
 * Part 1: the pure lottery, 20,000 children × 5 wishes over 1,000 offers (10 % of the children in
 * groups of two or three, 15 % priority, 20 % reserved share): wall time, heap growth, peak RSS.
 * Goal: under 2 s and under 500 MB.
 * Part 2: 500 simultaneous first-come requests for 50 places over HTTP: exactly 50 must succeed.
 * Part 3 (only with BENCH_PART=run): the confirmed run of part 1's input as real database rows.
 * Writes bench/results/holidays-<part>.json (part 3: holidays-run-pglite.json / -postgresql.json).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { cookieNames } from '../src/platform/http/context.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { hmac, newToken } from '../src/platform/auth/tokens.js';
import { seededStream, seedHash } from '../src/modules/holidays/allocation-rng.js';
import { confirmRun } from '../src/modules/holidays/runs.service.js';
import { type AllocationChild, type AllocationInput, type AllocationOffer, allocate } from '../src/modules/holidays/allocation.js';

/** Generates a reproducible city-scale input. */
export function generateLotteryInput(childCount = 20_000, offerCount = 1_000, wishes = 5): AllocationInput {
  const rng = seededStream('bench-input');
  const offers: AllocationOffer[] = Array.from({ length: offerCount }, (_, i) => {
    const week = rng.below(6);
    const trip = rng.below(10) === 0;
    const minAge = 6 + rng.below(5);
    const first = 1 + week * 7 + (trip ? 0 : rng.below(3));
    const date = (d: number) => `2027-07-${String(Math.min(d, 31)).padStart(2, '0')}`;
    return {
      id: `offer-${String(i).padStart(4, '0')}`,
      places: 10 + rng.below(21),
      minAge,
      maxAge: minAge + 2 + rng.below(6),
      firstDay: date(first),
      lastDay: date(first + (trip ? 4 : rng.below(3))),
      dailyFrom: trip ? 0 : 480 + 30 * rng.below(4),
      dailyUntil: trip ? 1440 : 780 + 30 * rng.below(8),
    };
  });
  const children: AllocationChild[] = [];
  for (let i = 0; i < childCount; i++) {
    const birthYear = 2011 + rng.below(11);
    const chosen = new Set<string>();
    // Popularity is skewed: a third of all wishes go to the first tenth of the offers.
    while (chosen.size < wishes) chosen.add(offers[rng.below(3) === 0 ? rng.below(offerCount / 10) : rng.below(offerCount)]!.id);
    children.push({
      id: `child-${String(i).padStart(5, '0')}`,
      birthDate: `${birthYear}-0${1 + rng.below(9)}-1${rng.below(10)}`,
      priority: rng.below(100) < 15,
      maxPlaces: 1 + rng.below(3),
      groupCode: null,
      wishes: [...chosen],
    });
  }
  // Groups: siblings share the first child's wishes and birth year range.
  for (let i = 0; i + 3 < childCount; i += 30) {
    const size = 2 + rng.below(2);
    for (let k = 0; k < size; k++) {
      const child = children[i + k]!;
      child.groupCode = `group-${i}`;
      child.wishes = children[i]!.wishes;
      child.birthDate = children[i]!.birthDate;
    }
  }
  // Employers (a stream of their own, so the rest of the input stays as it was): 5 employers reserve a
  // quarter of the places in every fourth offer; every tenth child's parent works for one of them.
  const employers = seededStream('bench-employers');
  for (const [i, offer] of offers.entries()) {
    if (i % 4 === 0) offer.employerPlaces = { [`employer-${employers.below(5)}`]: Math.floor(offer.places / 4) };
  }
  for (const child of children) if (employers.below(10) === 0) child.employer = `employer-${employers.below(5)}`;
  return { offers, children, settings: { reservedShare: 0.2 }, seed: 'bench-seed' };
}

/** Runs the lottery once on the generated input and reports time and memory. */
export function benchLottery(): Record<string, number> {
  const input = generateLotteryInput();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const result = allocate(input);
  const ms = performance.now() - started;
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  const placed = new Set(result.placements.map((p) => p.childId));
  return {
    children: input.children.length,
    offers: input.offers.length,
    wishes: input.children.reduce((n, c) => n + c.wishes.length, 0),
    ms: Math.round(ms),
    heapGrowthMb: Math.round(((after.heapUsed - heapBefore) / 1e6) * 10) / 10,
    peakRssMb: Math.round(peakRss / 1e6),
    placements: result.placements.length,
    childrenWithPlace: placed.size,
    waitingEntries: result.waitingLists.length,
    employerPlacements: result.placements.filter((p) => p.employer).length,
  };
}

/**
 * Part 2: the app on a real port (embedded PGlite, or PostgreSQL with BENCH_DATABASE_URL — a fresh
 * database is created and dropped), 500 signed-in parents with one child each, one offer with 50
 * places in the first-come phase. All 500 POST /ferien/angebote/:id/buchen are fired at once.
 */
export async function benchBooking(requests = 500, places = 50): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-holidays-bench-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const dbName = `frh_holidays_bench_${process.pid}`;
  const admin = serverUrl ? new pg.Client({ connectionString: serverUrl }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  const databaseUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const booted = await boot(config);
  try {
    const { db } = booted.deps;
    const address = await booted.app.listen({ host: '127.0.0.1', port: 0 });
    const org = await db.insertInto('organizations').values({ name: 'Bench-Träger', kind: 'provider' }).returning('id').executeTakeFirstOrThrow();
    const season = await db
      .insertInto('holiday_seasons')
      .values({ name: 'Bench', phase: 'first_come', wish_from: '2027-03-01', wish_until: '2027-04-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const offer = await db
      .insertInto('holiday_offers')
      .values({
        season_id: season.id,
        organization_id: org.id,
        status: 'approved',
        title: 'Letzte Plätze',
        kind: 'week',
        first_day: '2027-07-12',
        last_day: '2027-07-16',
        daily_from: 480,
        daily_until: 960,
        min_age: 6,
        max_age: 12,
        places,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = await db
      .insertInto('users')
      .values(Array.from({ length: requests }, (_, i) => ({ email: `bench-${i}@example.org`, display_name: `Bench ${i}`, email_confirmed_at: new Date() })))
      .returning('id')
      .execute();
    const children = await db
      .insertInto('holiday_children')
      .values(users.map((u, i) => ({ parent_id: u.id, first_name: `Kind ${i}`, last_name: 'Bench', birth_date: '2018-05-04' })))
      .returning(['id', 'parent_id'])
      .execute();
    const names = cookieNames(config);
    const clients = [];
    for (const child of children) {
      const session = await createSession(db, child.parent_id, sessionSettings(config));
      const seed = newToken();
      clients.push({ childId: child.id, cookie: `${names.session}=${session}; ${names.csrf}=${seed}`, csrf: hmac(config.sessionSecret, seed) });
    }
    const url = `${address}/ferien/angebote/${offer.id}/buchen`;
    const started = performance.now();
    const answers = await Promise.all(
      clients.map(async (c) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookie },
          body: new URLSearchParams({ _csrf: c.csrf, childId: c.childId }),
        });
        const body = await res.text();
        return { status: res.status, full: body.includes('Dieses Angebot ist leider schon ausgebucht.'), booked: body.includes('Der Platz ist gebucht.') };
      }),
    );
    const ms = performance.now() - started;
    const taken = await db.selectFrom('holiday_offers').select('places_taken').where('id', '=', offer.id).executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('holiday_places')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    return {
      engine: serverUrl ? 'postgresql' : 'pglite',
      requests,
      places,
      succeeded: answers.filter((a) => a.status === 200 && a.booked).length,
      refusedAsFull: answers.filter((a) => a.status === 409 && a.full).length,
      otherAnswers: answers.filter((a) => !(a.status === 200 && a.booked) && !(a.status === 409 && a.full)).length,
      statuses: byStatus,
      placesTakenInDatabase: taken.places_taken,
      placeRowsInDatabase: Number(rows.n),
      ms: Math.round(ms),
    };
  } finally {
    await booted.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/**
 * Part 3: the confirmed run in the database at city scale — the generated input of part 1 written
 * as real rows (children of 12,000 parents, wish lists, wishes), then confirmRun: places, waiting
 * lists, published seed and result mails in one transaction.
 */
export async function benchConfirmedRun(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-holidays-run-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const dbName = `frh_holidays_run_${process.pid}`;
  const admin = serverUrl ? new pg.Client({ connectionString: serverUrl }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  const databaseUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const booted = await boot(config);
  try {
    const { db } = booted.deps;
    const input = generateLotteryInput();
    const org = await db.insertInto('organizations').values({ name: 'Bench-Träger', kind: 'provider' }).returning('id').executeTakeFirstOrThrow();
    const season = await db
      .insertInto('holiday_seasons')
      .values({ name: 'Bench', phase: 'allocation', wish_from: '2027-03-01', wish_until: '2027-04-01', reserved_percent: 20, seed_hash: seedHash(input.seed) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const offerIds = new Map<string, string>();
    for (let i = 0; i < input.offers.length; i += 500) {
      const rows = await db
        .insertInto('holiday_offers')
        .values(
          input.offers.slice(i, i + 500).map((o) => ({
            season_id: season.id,
            organization_id: org.id,
            status: 'approved' as const,
            title: o.id,
            kind: 'week' as const,
            first_day: o.firstDay,
            last_day: o.lastDay,
            daily_from: o.dailyFrom,
            daily_until: o.dailyUntil,
            min_age: o.minAge,
            max_age: o.maxAge,
            places: o.places,
          })),
        )
        .returning(['id', 'title'])
        .execute();
      for (const r of rows) offerIds.set(r.title, r.id);
    }
    const parentCount = 12_000;
    const parents: string[] = [];
    for (let i = 0; i < parentCount; i += 2000) {
      const rows = await db
        .insertInto('users')
        .values(Array.from({ length: Math.min(2000, parentCount - i) }, (_, k) => ({ email: `run-${i + k}@example.org`, display_name: `Eltern ${i + k}` })))
        .returning('id')
        .execute();
      parents.push(...rows.map((r) => r.id));
    }
    for (let i = 0; i < input.children.length; i += 1000) {
      const chunk = input.children.slice(i, i + 1000);
      const kids = await db
        .insertInto('holiday_children')
        .values(
          chunk.map((c, k) => ({
            parent_id: parents[(i + k) % parentCount]!,
            first_name: c.id,
            last_name: 'Bench',
            birth_date: c.birthDate,
            priority: c.priority,
          })),
        )
        .returning('id')
        .execute();
      const lists = await db
        .insertInto('holiday_wish_lists')
        .values(
          chunk.map((c, k) => ({
            season_id: season.id,
            child_id: kids[k]!.id,
            max_places: c.maxPlaces,
            group_code: c.groupCode
              ? c.groupCode
                  .toUpperCase()
                  .replace(/[^A-Z0-9-]/g, '-')
                  .slice(0, 20)
                  .padEnd(4, '0')
              : null,
            submitted_at: new Date(),
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('holiday_wishes')
        .values(chunk.flatMap((c, k) => c.wishes.map((w, r) => ({ wish_list_id: lists[k]!.id, offer_id: offerIds.get(w)!, rank: r + 1 }))))
        .execute();
    }
    const adminUser = await db
      .insertInto('users')
      .values({ email: 'run-admin@example.org', display_name: 'Admin', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const started = performance.now();
    const summary = await confirmRun(
      booted.deps,
      { id: adminUser.id, role: 'admin', email: 'run-admin@example.org', displayName: 'Admin' },
      season.id,
      input.seed,
    );
    const ms = performance.now() - started;
    const places = await db
      .selectFrom('holiday_places')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      engine: serverUrl ? 'postgresql' : 'pglite',
      children: summary.children,
      parents: parentCount,
      placements: summary.placements,
      placeRows: Number(places.n),
      ms: Math.round(ms),
    };
  } finally {
    await booted.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

const part = process.env.BENCH_PART ?? 'all';
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
if (part === 'all' || part === 'lottery') {
  results.lottery = benchLottery();
  console.log('lottery', results.lottery);
}
if (part === 'all' || part === 'booking') {
  results.booking = await benchBooking();
  console.log('booking', results.booking);
  if (process.env.BENCH_DATABASE_URL === undefined && process.env.BENCH_BOTH !== '0') {
    process.env.BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    results.bookingPostgres = await benchBooking();
    console.log('booking (PostgreSQL)', results.bookingPostgres);
  }
}
if (part === 'run') {
  results.confirmedRun = await benchConfirmedRun();
  console.log('confirmed run', results.confirmedRun);
}
const suffix = part === 'run' ? (process.env.BENCH_DATABASE_URL ? '-postgresql' : '-pglite') : '';
writeFileSync(path.resolve(import.meta.dirname, `results/holidays-${part}${suffix}.json`), `${JSON.stringify(results, null, 2)}\n`);
