import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../src/modules/survey/survey.definition.js';
import { Browser, csrfTokenIn, request, startPortal, type Answer, type PortalProcess } from './support/processes.js';
import { createCluster, postgresBinariesPresent, type ThrowawayCluster } from './support/throwaway-postgres.js';

/*
 * Two web processes and a worker on a PostgreSQL server that restarts under load (reads, form
 * writes in transactions, API writes): nobody crashes, the outage answers 503 with Retry-After,
 * /readyz says so, service resumes by itself, and every acknowledged write is there.
 * The server is a cluster of the test's own (initdb/pg_ctl), never the machine's.
 */

// The only reason to skip: the machine lacks Debian's PostgreSQL 15 server binaries (initdb,
// pg_ctl), so there is no server the test may restart. CI and the dev machine have them.
const describeWithServer = postgresBinariesPresent ? describe : describe.skip;

const secret = 'database-restart-test-secret-0123456789';
const surveySlug = 'lasttest';
const definition: SurveyDefinition = {
  title: { de: 'Lasttest' },
  intro: { de: '' },
  pages: [{ id: 'p1', title: { de: 'Seite 1' }, questions: [{ id: 'satz', type: 'text', text: { de: 'Ein Satz' }, required: false }] }],
};

/**
 * Polls until the condition holds, and fails at once when a process has ended (with what it
 * printed). The deadline only stops a broken run from hanging.
 */
async function until(what: string, condition: () => boolean | Promise<boolean>, processes: PortalProcess[], deadlineMs = 120_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    const dead = processes.find((p) => !p.alive());
    if (dead) throw new Error(`a process ended while waiting for "${what}":\n${dead.output()}`);
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pause = () => new Promise((r) => setTimeout(r, 20));

describeWithServer('a PostgreSQL restart under load', () => {
  let cluster: ThrowawayCluster;
  let folder: string;
  const portals: PortalProcess[] = [];
  let webs: PortalProcess[] = [];
  const editor = new Browser();
  let csrf = '';

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: cluster.url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    cluster = await createCluster();
    folder = mkdtempSync(path.join(tmpdir(), 'frh-restart-'));
    const env = (name: string) => ({
      DATABASE_URL: cluster.url,
      DATA_DIR: path.join(folder, name),
      SEED_DEMO_DATA: 'false',
      WORKER_IN_WEB: 'false',
      SESSION_SECRET: secret,
    });
    // The first process migrates; the others start on the migrated database.
    portals.push(await startPortal('web', env('web1')));
    portals.push(...(await Promise.all([startPortal('web', env('web2')), startPortal('worker', env('worker'))])));
    webs = portals.slice(0, 2);

    await query(
      `INSERT INTO users (email, display_name, role, password_hash, email_confirmed_at) VALUES ('redaktion@example.org', 'Redaktion', 'editor', $1, now())`,
      [await hash('ein langes Testpasswort')],
    );
    const [survey] = await query<{ id: string }>(`INSERT INTO survey_surveys (slug, title, status) VALUES ($1, 'Lasttest', 'open') RETURNING id`, [surveySlug]);
    await query(`INSERT INTO survey_versions (survey_id, version, definition, frozen_at) VALUES ($1, 1, $2, now())`, [survey!.id, JSON.stringify(definition)]);

    const login = await editor.get(webs[0]!.port, '/anmelden');
    const signedIn = await editor.post(webs[0]!.port, '/anmelden', {
      _csrf: csrfTokenIn(login.body),
      email: 'redaktion@example.org',
      password: 'ein langes Testpasswort',
    });
    expect(signedIn.status, signedIn.body).toBe(303);
    csrf = csrfTokenIn((await editor.get(webs[1]!.port, '/verwaltung/befragungen')).body);
  }, 600_000);

  afterAll(async () => {
    for (const portal of portals) portal.kill();
    await Promise.all(portals.map((p) => p.exited));
    await cluster?.destroy();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every process running, answers 503 while the database is away, resumes by itself and loses no acknowledged write', async () => {
    const failures: string[] = [];
    const acknowledged = { surveys: [] as string[], answers: [] as string[] };

    /** A 503 must be the calm one: Retry-After, and the German page or the JSON error code. */
    const isCalmOutage = (answer: Answer, api: boolean) =>
      answer.status === 503 &&
      Number(answer.headers['retry-after']) > 0 &&
      (api
        ? (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code === 'unavailable'
        : answer.body.includes('Gleich wieder da') && answer.body.includes('lang="de"'));
    const judge = (what: string, answer: Answer, api: boolean): boolean => {
      if (answer.status < 400) return true;
      if (!isCalmOutage(answer, api)) failures.push(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
      return false;
    };
    const guarded = async (what: string, step: () => Promise<void>) => {
      try {
        await step();
      } catch (error) {
        // A reset or refused connection: the web process did not answer at all.
        failures.push(`${what}: ${(error as Error).message}`);
      }
    };

    let running = true;
    const loop = async (step: (n: number) => Promise<void>) => {
      for (let n = 0; running; n++) {
        await step(n);
        await pause();
      }
    };
    const pages = ['/', '/angebote', '/veranstaltungen', '/api/hsds/services', '/mitmachen'];
    const visitor = new Browser();
    const readers = [0, 1, 2].map((r) =>
      loop(async (n) => {
        const url = pages[(n + r) % pages.length]!;
        const port = webs[(n + r) % 2]!.port;
        await guarded(`GET ${url}`, async () => void judge(`GET ${url}`, await visitor.get(port, url), url.startsWith('/api/')));
      }),
    );
    // Transactional form writes: a survey, its first version and an audit entry in one transaction.
    const formWriter = loop(async (n) => {
      const slug = `neu-${n}-${randomUUID().slice(0, 8)}`;
      await guarded('POST /verwaltung/befragungen', async () => {
        const answer = await editor.post(webs[n % 2]!.port, '/verwaltung/befragungen', { _csrf: csrf, title: `Befragung ${n}`, slug });
        if (judge('POST /verwaltung/befragungen', answer, false)) acknowledged.surveys.push(slug);
      });
    });
    const apiWriter = loop(async (n) => {
      const key = randomUUID();
      await guarded('POST answers', async () => {
        const answer = await request(webs[(n + 1) % 2]!.port, 'POST', `/api/v1/befragungen/${surveySlug}/antworten`, {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ schluessel: key, antworten: { satz: `Antwort ${n}` } }),
        });
        if (judge('POST answers', answer, true)) acknowledged.answers.push(key);
      });
    });

    const ready = async (port: number) => (await request(port, 'GET', '/readyz').catch(() => ({ status: 0 }) as Answer)).status;
    const allReady = async () => (await Promise.all(webs.map((w) => ready(w.port)))).every((s) => s === 200);
    const writesGrow = async () => {
      const before = { surveys: acknowledged.surveys.length, answers: acknowledged.answers.length };
      await until(
        'writes acknowledged again',
        () => acknowledged.surveys.length >= before.surveys + 3 && acknowledged.answers.length >= before.answers + 3,
        portals,
      );
    };

    try {
      await writesGrow();

      // 1. The restart of the issue: every connection ends with 57P01 while requests are in flight.
      await cluster.restart();
      await until('/readyz ready again after the restart', allReady, portals);
      await writesGrow();

      // 2. A longer outage, to look at what visitors get while the database is away.
      await cluster.stop();
      await until(
        '/readyz not ready while the database is down',
        async () => (await Promise.all(webs.map((w) => ready(w.port)))).every((s) => s === 503),
        portals,
      );
      const readyz = await request(webs[0]!.port, 'GET', '/readyz');
      expect(readyz.headers['retry-after']).toBeDefined();
      const page = await visitor.get(webs[0]!.port, '/angebote');
      expect(isCalmOutage(page, false), page.body).toBe(true);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const api = await request(webs[1]!.port, 'GET', '/api/hsds/services');
      expect(isCalmOutage(api, true), api.body).toBe(true);
      const form = await editor.post(webs[1]!.port, '/verwaltung/befragungen', { _csrf: csrf, title: 'Während der Pause', slug: 'waehrend-der-pause' });
      expect(isCalmOutage(form, false), form.body).toBe(true);
      expect(form.body).toContain('noch einmal');
      await cluster.start();
      await until('/readyz ready again after the outage', allReady, portals);
      await writesGrow();

      // The session outlived the outage (the cookie was not thrown away while the database was away).
      expect((await editor.get(webs[0]!.port, '/verwaltung/befragungen')).status).toBe(200);
      // The worker picks up jobs again: a sign-up's confirmation mail reaches the outbox.
      const reader = new Browser();
      expect((await reader.get(webs[1]!.port, '/infobrief')).status).toBe(200);
      // The sign-up form carries no CSRF token (subscriptions.pages.tsx says why).
      const sent = await reader.post(webs[1]!.port, '/infobrief', {
        email: 'nach-dem-neustart@example.org',
        locale: 'de',
        consent: 'ja',
      });
      expect(sent.status, sent.body).toBe(303);
      await until(
        'the worker delivers the confirmation mail',
        async () => (await query(`SELECT 1 FROM mail_outbox WHERE recipient = 'nach-dem-neustart@example.org'`)).length === 1,
        portals,
      );
    } finally {
      running = false;
      await Promise.all([...readers, formWriter, apiWriter]);
    }

    expect(failures).toEqual([]);
    for (const portal of portals) expect(portal.alive(), portal.output()).toBe(true);

    const surveys = await query<{ slug: string; versions: number }>(
      `SELECT s.slug, count(v.*)::int AS versions FROM survey_surveys s LEFT JOIN survey_versions v ON v.survey_id = s.id WHERE s.slug = ANY($1) GROUP BY s.slug`,
      [acknowledged.surveys],
    );
    expect(surveys.map((s) => s.slug).sort()).toEqual([...acknowledged.surveys].sort());
    expect(surveys.every((s) => s.versions === 1)).toBe(true);
    // The API is idempotent by key: a stored answer is recognised as already stored.
    for (const key of acknowledged.answers) {
      const again = await request(webs[0]!.port, 'POST', `/api/v1/befragungen/${surveySlug}/antworten`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schluessel: key, antworten: { satz: 'noch einmal' } }),
      });
      expect(again.status, `answer ${key} was acknowledged but is not stored`).toBe(200);
    }
  }, 600_000);
});
