/**
 * Family council bench (Familienbeirat).
 *
 *   npx tsx bench/council.ts        (PGlite, then PostgreSQL at 127.0.0.1; BENCH_BOTH=0 for PGlite only)
 *
 * 200 members register at the same moment for a workshop with 40 places, over HTTP, each through the
 * signed link of their invitation. Exactly 40 persons must be confirmed (a registration counts its family
 * members and is confirmed or waits whole; here each brings only themselves), the other 160 wait with
 * gap-free positions in the database's commit order. Then 10 confirmed members cancel by their links, one
 * after the other: exactly the first 10 waiting move up, and each of them gets exactly one mail.
 * Writes bench/results/council.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { cookieNames } from '../src/platform/http/context.js';
import { csrfTokenFor } from '../src/platform/http/csrf.js';
import { newToken } from '../src/platform/auth/tokens.js';
import { createCouncilService } from '../src/modules/council/council.service.js';

export async function benchRegistrations(members = 200, places = 40, cancellations = 10): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-council-bench-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const dbName = `frh_council_bench_${process.pid}`;
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
    const service = createCouncilService(booted.deps);
    const address = await booted.app.listen({ host: '127.0.0.1', port: 0 });
    const day = new Date(Date.now() + 30 * 86_400_000);
    const workshop = await db
      .insertInto('council_workshops')
      .values({
        title: 'Bench-Workshop',
        place: 'Familienzentrum',
        starts_at: day,
        ends_at: new Date(day.getTime() + 3 * 3_600_000),
        registration_until: new Date(day.getTime() - 86_400_000),
        capacity: places,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = await db
      .insertInto('council_applications')
      .values(
        Array.from({ length: members }, (_, i) => ({
          name: `Familie ${i}`,
          email: `bench-${i}@example.org`,
          district: 'Pelkum',
          household_adults: 2,
          household_children: 1,
          locale: ['de', 'tr', 'ar', 'uk'][i % 4]!,
          privacy_consent_at: new Date(),
          status: 'accepted' as const,
          term_until: '2030-12-31',
          link_key: newToken(),
        })),
      )
      .returning(['id', 'link_key'])
      .execute();
    const names = cookieNames(config);
    const post = async (pathname: string, fields: Record<string, string>) => {
      const seed = newToken();
      const res = await fetch(`${address}${pathname}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${names.csrf}=${seed}` },
        body: new URLSearchParams({ _csrf: csrfTokenFor(booted.deps.config.sessionSecret, null, seed)!, ...fields }),
      });
      await res.text();
      return res;
    };

    const started = performance.now();
    const answers = await Promise.all(
      rows.map((m) =>
        post(`/mitmachen/familienbeirat/workshops/${workshop.id}/anmelden`, { token: service.memberToken(m), persons: '1', childcareChildren: '0' }),
      ),
    );
    const registerMs = performance.now() - started;
    const registrations = await db
      .selectFrom('council_registrations')
      .select(['id', 'status', 'queue_no', 'link_key'])
      .where('workshop_id', '=', workshop.id)
      .orderBy('queue_no')
      .execute();
    const confirmed = registrations.filter((r) => r.status === 'confirmed');
    const waiting = registrations.filter((r) => r.status === 'waiting');
    const positions = await Promise.all(waiting.map(async (r) => (await service.registrationOf(service.registrationToken(r)))!.position));
    const gapFree = positions.every((p, i) => p === i + 1);
    const commitOrder = Math.max(...confirmed.map((r) => Number(r.queue_no))) < Math.min(...waiting.map((r) => Number(r.queue_no)));
    const taken = (await service.workshop(workshop.id)).places_taken;

    await booted.deps.jobs.drain();
    const mailsBefore = await db.selectFrom('mail_outbox').select('recipient').execute();
    const cancelStarted = performance.now();
    for (const r of confirmed.slice(0, cancellations)) await post('/mitmachen/familienbeirat/anmeldung/absagen', { token: service.registrationToken(r) });
    const cancelMs = performance.now() - cancelStarted;
    const after = new Map(
      (await db.selectFrom('council_registrations').select(['id', 'status']).where('workshop_id', '=', workshop.id).execute()).map((r) => [r.id, r.status]),
    );
    await booted.deps.jobs.drain();
    const mailsAfter = await db.selectFrom('mail_outbox').select('recipient').execute();
    const nextOnes = waiting.slice(0, cancellations);
    const emailOf = new Map(
      (
        await db
          .selectFrom('council_registrations as r')
          .innerJoin('council_applications as m', 'm.id', 'r.member_id')
          .select(['r.id', 'm.email'])
          .where('r.workshop_id', '=', workshop.id)
          .execute()
      ).map((r) => [r.id, r.email]),
    );
    const newMails = mailsAfter.length - mailsBefore.length;
    const toldOnce = nextOnes.every(
      (r) => mailsAfter.filter((m) => m.recipient === emailOf.get(r.id)).length - mailsBefore.filter((m) => m.recipient === emailOf.get(r.id)).length === 1,
    );
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    return {
      engine: serverUrl ? 'postgresql' : 'pglite',
      members,
      places,
      statuses: byStatus,
      confirmedPersons: confirmed.length,
      waiting: waiting.length,
      placesTakenInDatabase: taken,
      waitingPositionsGapFree: gapFree,
      confirmedCommittedBeforeWaiting: commitOrder,
      registerMs: Math.round(registerMs),
      cancellations,
      movedUpExactlyTheNext: nextOnes.every((r) => after.get(r.id) === 'confirmed') && waiting.slice(cancellations).every((r) => after.get(r.id) === 'waiting'),
      confirmedAfterCancellations: [...after.values()].filter((s) => s === 'confirmed').length,
      mailsAfterCancellations: newMails,
      movedUpToldExactlyOnce: toldOnce,
      cancelMs: Math.round(cancelMs),
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

const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
results.pglite = await benchRegistrations();
console.log('PGlite', results.pglite);
if (process.env.BENCH_DATABASE_URL === undefined && process.env.BENCH_BOTH !== '0') {
  process.env.BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  results.postgresql = await benchRegistrations();
  console.log('PostgreSQL', results.postgresql);
}
writeFileSync(path.resolve(import.meta.dirname, 'results/council.json'), `${JSON.stringify(results, null, 2)}\n`);
