/**
 * Appointments bench (Beratungstermine).
 *
 *   npm run bench:appointments                               PGlite
 *   BENCH_DATABASE_URL=postgres://… npm run bench:appointments   PostgreSQL
 *   BENCH_PART=booking|slots|reminders npm run bench:appointments
 *
 * Part 1 (booking): 500 simultaneous POST /api/v1/termine/buchungen for the same slot, over HTTP, each
 * from its own address (X-Forwarded-For behind a trusted loopback proxy, as in production; the limit is
 * 30 requests per address and 10 minutes). Exactly one 201, the others 409 slot_taken, one row.
 * Part 2 (slots): free slots for 60 days, 25 counsellors at 4 locations, weekly patterns, absences and
 * 70 % of the slots booked: p50/p95 of GET …/freie-zeiten over HTTP (100 requests, one after another).
 * Part 3 (reminders): 10,000 bookings starting within the next day, 20 % cancelled and 10 % moved at
 * random; the reminder job run twice at the same moment. Every standing booking gets exactly one
 * reminder mail, no cancelled or moved one any.
 * Writes bench/results/appointments-<database>.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { boot, type Booted } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { sendDueReminders } from '../src/modules/appointments/appointments.service.js';
import { addDays, fromLocal, isoWithOffset, todayIn } from '../src/platform/time/berlin.js';
import { nrwPublicHolidaysBetween } from '../src/modules/appointments/public-holidays.js';

const serverUrl = process.env.BENCH_DATABASE_URL;
const part = process.env.BENCH_PART;

async function withApp<T>(run: (booted: Booted, address: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-appointments-bench-'));
  const dbName = `frh_appointments_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = serverUrl ? new pg.Client({ connectionString: serverUrl }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  const databaseUrl = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'loopback',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const booted = await boot(config);
  try {
    const address = await booted.app.listen({ host: '127.0.0.1', port: 0 });
    return await run(booted, address);
  } finally {
    await booted.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A service given by `counsellors` counsellors at `locations` locations, Monday to Friday. */
async function setUp(booted: Booted, counsellors: number, locations: number) {
  const db = booted.deps.db;
  const locationIds = [];
  for (let i = 0; i < locations; i++)
    locationIds.push(
      (
        await db
          .insertInto('appointment_locations')
          .values({ name: `Standort ${i + 1}` })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const service = await db
    .insertInto('appointment_services')
    .values({
      slug: `bench-${randomUUID().slice(0, 8)}`,
      office: 'youth_career',
      name: 'Bench',
      duration_minutes: 30,
      channel: 'in_person',
      question: null,
      min_notice_minutes: 0,
      window_days: 60,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counsellorIds = [];
  for (let c = 0; c < counsellors; c++) {
    const id = (
      await db
        .insertInto('appointment_counsellors')
        .values({ name: `Beratung ${c + 1}` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    counsellorIds.push(id);
    await db.insertInto('appointment_counsellor_services').values({ counsellor_id: id, service_id: service.id }).execute();
    // Realistic patterns: mornings everywhere, two afternoons, a late day; location by counsellor.
    const location = locationIds[c % locations]!;
    const rows = [1, 2, 3, 4, 5].map((weekday) => ({
      counsellor_id: id,
      location_id: location,
      weekday,
      starts: c % 3 === 0 ? '07:30' : '08:00',
      ends: weekday === 5 ? '12:00' : '12:30',
      valid_from: addDays(todayIn(), -1),
      valid_until: null,
    }));
    rows.push({ ...rows[1]!, starts: '13:30', ends: '16:00' }, { ...rows[3]!, starts: '13:30', ends: c % 2 ? '18:00' : '16:00' });
    await db.insertInto('appointment_patterns').values(rows).execute();
    // Three days off each.
    for (let k = 1; k <= 3; k++) {
      const day = addDays(todayIn(), (c * 7 + k * 11) % 60);
      await db
        .insertInto('appointment_exceptions')
        .values({ counsellor_id: id, kind: 'absence', location_id: null, starts_at: fromLocal(day), ends_at: fromLocal(addDays(day, 1)) })
        .execute();
    }
  }
  return { serviceId: service.id, locationIds, counsellorIds };
}

async function benchBooking(): Promise<Record<string, unknown>> {
  return withApp(async (booted, address) => {
    const { serviceId, locationIds } = await setUp(booted, 1, 1);
    let day = addDays(todayIn(), 2);
    const holidays = nrwPublicHolidaysBetween(day, addDays(day, 20));
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) || holidays.has(day)) day = addDays(day, 1);
    const beginn = isoWithOffset(fromLocal(day, '09:00'));
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const res = await fetch(`${address}/api/v1/termine/buchungen`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 8) & 255}.${i & 255}.7` },
          body: JSON.stringify({ dienst: serviceId, beginn, standort: locationIds[0], name: `Person ${i}`, email: `p${i}@example.org` }),
        });
        return res.status;
      }),
    );
    const ms = performance.now() - started;
    const rows = await booted.deps.db.selectFrom('appointment_bookings').select('id').where('service_id', '=', serviceId).execute();
    const count = (s: number) => answers.filter((a) => a === s).length;
    return {
      requests: 500,
      created201: count(201),
      conflict409: count(409),
      rateLimited429: count(429),
      other: answers.filter((a) => ![201, 409, 429].includes(a)).length,
      rows: rows.length,
      totalMs: Math.round(ms),
    };
  });
}

async function benchSlots(): Promise<Record<string, unknown>> {
  return withApp(async (booted, address) => {
    const { serviceId } = await setUp(booted, 25, 4);
    const from = todayIn();
    const to = addDays(from, 60);
    const url = `${address}/api/v1/termine/dienste/${serviceId}/freie-zeiten?von=${from}&bis=${to}`;
    const all = (await (await fetch(url)).json()) as { zeiten: { beginn: string; standort: { id: string } }[] };
    // Book 70 % of the free slot-counsellor pairs: per slot, as many bookings as counsellors are free, 70 % of the time.
    const db = booted.deps.db;
    let booked = 0;
    const planning = await db.selectFrom('appointment_patterns').select(['counsellor_id', 'location_id']).distinct().execute();
    const byLocation = new Map<string, string[]>();
    for (const p of planning) byLocation.set(p.location_id, [...(byLocation.get(p.location_id) ?? []), p.counsellor_id]);
    const rows = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const z of all.zeiten) {
      const start = new Date(z.beginn);
      for (const counsellor of byLocation.get(z.standort.id) ?? []) {
        if (random() >= 0.7) continue;
        rows.push({
          service_id: serviceId,
          counsellor_id: counsellor,
          location_id: z.standort.id,
          starts_at: start,
          ends_at: new Date(start.getTime() + 30 * 60_000),
          busy_from: start,
          busy_until: new Date(start.getTime() + 30 * 60_000),
          status: 'confirmed' as const,
          name: 'Bench',
          email: 'bench@example.org',
          ical_uid: randomUUID(),
          confirmed_at: new Date(),
        });
      }
    }
    // Absent counsellors' slots were never offered, so an insert can only fail where a counsellor is absent: skip those one by one.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      try {
        await db.insertInto('appointment_bookings').values(chunk).execute();
        booked += chunk.length;
      } catch {
        for (const row of chunk) {
          try {
            await db.insertInto('appointment_bookings').values(row).execute();
            booked += 1;
          } catch {
            // overlaps a booking of this counsellor already: fine, skip
          }
        }
      }
    }
    const durations: number[] = [];
    let slotsLeft = 0;
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { zeiten: unknown[] };
      durations.push(performance.now() - started);
      slotsLeft = body.zeiten.length;
    }
    durations.sort((a, b) => a - b);
    return {
      counsellors: 25,
      locations: 4,
      days: 60,
      slotsBefore: all.zeiten.length,
      bookings: booked,
      slotsAfter: slotsLeft,
      p50Ms: Math.round(durations[49]! * 10) / 10,
      p95Ms: Math.round(durations[94]! * 10) / 10,
      maxMs: Math.round(durations[99]! * 10) / 10,
    };
  });
}

async function benchReminders(): Promise<Record<string, unknown>> {
  return withApp(async (booted) => {
    const db = booted.deps.db;
    const { serviceId, counsellorIds } = await setUp(booted, 500, 4);
    const now = Date.now();
    const longAgo = new Date(now - 3 * 86_400_000);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows = [];
    for (let c = 0; c < 500; c++)
      for (let k = 0; k < 20; k++) {
        const start = new Date(now + 60 * 60_000 + k * 60 * 60_000 * 1.1);
        rows.push({
          service_id: serviceId,
          counsellor_id: counsellorIds[c]!,
          location_id: null,
          starts_at: start,
          ends_at: new Date(start.getTime() + 30 * 60_000),
          busy_from: start,
          busy_until: new Date(start.getTime() + 30 * 60_000),
          status: 'confirmed' as const,
          name: 'Bench',
          email: `b-${c}-${k}@example.org`,
          ical_uid: randomUUID(),
          confirmed_at: longAgo,
        });
      }
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('appointment_bookings')
        .values(rows.slice(i, i + 1000))
        .execute();
    // Random cancels (20 %) and moves (10 %: the old row 'moved', a new confirmed row 30 minutes later).
    const all = await db.selectFrom('appointment_bookings').select(['id', 'email', 'starts_at', 'counsellor_id', 'ical_uid']).execute();
    const expected = new Set<string>();
    const unexpected = new Set<string>();
    for (const b of all) {
      const r = random();
      if (r < 0.2) {
        await db.updateTable('appointment_bookings').set({ status: 'cancelled' }).where('id', '=', b.id).execute();
        unexpected.add(b.email!);
      } else if (r < 0.3) {
        const start = new Date(b.starts_at.getTime() + 30 * 60_000);
        const email = `moved-${b.email!}`;
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('appointment_bookings').set({ status: 'moved' }).where('id', '=', b.id).execute();
          const fresh = await trx
            .insertInto('appointment_bookings')
            .values({
              service_id: serviceId,
              counsellor_id: b.counsellor_id,
              location_id: null,
              starts_at: start,
              ends_at: new Date(start.getTime() + 30 * 60_000),
              busy_from: start,
              busy_until: new Date(start.getTime() + 30 * 60_000),
              status: 'confirmed',
              name: 'Bench',
              email,
              ical_uid: b.ical_uid,
              ical_sequence: 1,
              confirmed_at: longAgo,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.updateTable('appointment_bookings').set({ moved_to: fresh.id }).where('id', '=', b.id).execute();
        });
        unexpected.add(b.email!);
        if (start.getTime() <= now + 24 * 3_600_000) expected.add(email);
      } else if (b.starts_at.getTime() <= now + 24 * 3_600_000) expected.add(b.email!);
    }
    const started = performance.now();
    const [first, second] = await Promise.all([sendDueReminders(booted.deps), sendDueReminders(booted.deps)]);
    const ms = performance.now() - started;
    const mails = await sql<{
      to: string;
      n: number;
    }>`SELECT data->>'to' AS to, count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' GROUP BY 1`.execute(db);
    const counts = new Map(mails.rows.map((m) => [m.to, m.n]));
    const missing = [...expected].filter((e) => counts.get(e) !== 1).length;
    const twice = mails.rows.filter((m) => m.n > 1).length;
    const wrong = mails.rows.filter((m) => !expected.has(m.to)).length;
    return {
      bookings: rows.length,
      standingWithinDay: expected.size,
      cancelledOrMoved: unexpected.size,
      remindersFirstRun: first,
      remindersSecondRun: second,
      mails: mails.rows.length,
      missing,
      sentTwice: twice,
      sentToWrong: wrong,
      ms: Math.round(ms),
    };
  });
}

const results: Record<string, unknown> = { database: serverUrl ? 'postgresql' : 'pglite', at: new Date().toISOString() };
if (!part || part === 'booking') results.booking = await benchBooking();
if (!part || part === 'slots') results.slots = await benchSlots();
if (!part || part === 'reminders') results.reminders = await benchReminders();
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/appointments-${serverUrl ? 'postgresql' : 'pglite'}${part ? `-${part}` : ''}.json`, `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
