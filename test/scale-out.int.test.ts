import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, serverUrl, withDatabase } from './support/database.js';

/*
 * The scale-out story end to end: two web processes and one worker, started together on one fresh
 * PostgreSQL database, behind a round-robin proxy. Each process has its own DATA_DIR and no
 * SESSION_SECRET, so anything that works across them works because the database is shared.
 * Only against a PostgreSQL server (the CI's second pass sets TEST_DATABASE_URL): the embedded
 * database belongs to the one process that opened it, by design, so there is nothing to scale out.
 */
const root = path.resolve(import.meta.dirname, '..');
const database = `frh_scale_${randomUUID().replace(/-/g, '')}`;
const dirs: string[] = [];
const children: { name: string; child: ChildProcess; output: string[] }[] = [];
/** Which web process answered each request that went through the proxy, in order. */
const servedBy: string[] = [];
let proxy: http.Server;
let proxyUrl = '';
let db: pg.Client;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), `frh-scale-${name}-`));
  dirs.push(dataDir);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: 'false',
    WORKER_IN_WEB: 'false',
    ...env,
  };
  delete childEnv.SESSION_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  children.push({ name, child, output });
  return child;
}

/** Polls until `ready` says yes; fails with the processes' output when one of them ended instead. */
async function waitFor(what: string, ready: () => Promise<boolean>): Promise<void> {
  for (;;) {
    const ended = children.find((c) => c.child.exitCode !== null);
    if (ended) throw new Error(`${ended.name} ended while waiting for ${what}:\n${ended.output.join('')}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A browser with a cookie jar that talks to the site through the proxy, from a given client address. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly clientIp: string) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': this.clientIp };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(proxyUrl + url, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }

  get = (url: string) => this.request('GET', url);

  async formToken(formUrl: string): Promise<string> {
    const page = await this.get(formUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${formUrl} (${page.status})`);
    return token;
  }

  /** Opens the form page (one process) and sends the form (the next process, round robin). */
  async submit(formUrl: string, actionUrl: string, fields: Record<string, string>) {
    return this.request('POST', actionUrl, { _csrf: await this.formToken(formUrl), ...fields });
  }
}

// Needs a PostgreSQL server (TEST_DATABASE_URL): the embedded database serves one process only. CI runs it in the PostgreSQL pass.
describe.skipIf(!serverUrl())('two web processes and a worker on one PostgreSQL database, behind a round-robin proxy', () => {
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${database}`);
    const databaseUrl = withDatabase(serverUrl()!, database);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();

    const ports = [await freePort(), await freePort()];
    let next = 0;
    proxy = http.createServer((req, res) => {
      const port = ports[next++ % ports.length]!;
      servedBy.push(`web${ports.indexOf(port) + 1}`);
      // Like nginx's $proxy_add_x_forwarded_for: the client's list plus the address the proxy saw.
      const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const upstream = http.request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    // All three start at once on the empty database: migrations and the shared secret must cope.
    const shared = { DATABASE_URL: databaseUrl, PUBLIC_URL: proxyUrl, TRUST_PROXY: 'loopback', RATE_LIMIT_AUTH_MAX: '3' };
    for (const [i, port] of ports.entries()) start(`web${i + 1}`, 'src/server.ts', { ...shared, PORT: String(port) });
    start('worker', 'src/worker.ts', shared);
    for (const port of ports) await waitFor(`web on port ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200);
    await waitFor('the worker', async () =>
      children
        .find((c) => c.name === 'worker')!
        .output.join('')
        .includes('Auftragsverarbeitung läuft'),
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => (clearTimeout(force), resolve()));
            child.kill('SIGTERM');
          }),
      ),
    );
    await new Promise((resolve) => proxy?.close(resolve));
    await db?.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('agrees on one session secret, kept in the database', async () => {
    const secrets = await db.query(`SELECT id FROM platform_secrets`);
    expect(secrets.rows).toEqual([{ id: 'session' }]);
  });

  it('registers through one process, mails through the worker, and signs in and acts through either', async () => {
    const person = new Browser('203.0.113.10');
    const email = `skalierung-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'zwei Prozesse ein Portal';

    // The form comes from one process and is sent to the other: the anonymous CSRF token holds across them.
    const from = servedBy.length;
    const registered = await person.submit('/registrieren', '/registrieren', { displayName: 'Mia Skalierung', email, password, privacy: 'ja' });
    expect(registered.status).toBe(303);
    expect(new Set(servedBy.slice(from))).toEqual(new Set(['web1', 'web2']));

    // Only the worker runs jobs: the confirmation mail the web process queued lands in its outbox.
    const workerOutbox = path.join(dirs[2]!, 'outbox');
    const mailed = async () => (await db.query<{ id: string; text_body: string }>(`SELECT id, text_body FROM mail_outbox WHERE recipient = $1`, [email])).rows;
    await waitFor('the confirmation mail', async () => (await mailed()).some((m) => existsSync(path.join(workerOutbox, `${m.id}.eml`))));
    const [mail] = await mailed();
    const confirm = /\/konto\/bestaetigen\?token=[A-Za-z0-9_%-]+/.exec(mail!.text_body)![0];
    expect((await person.get(confirm)).status).toBe(200);

    // Signed in through one process, the session and its CSRF token count on the other.
    expect((await person.submit('/anmelden', '/anmelden', { email, password })).status).toBe(303);
    for (let i = 0; i < 2; i++) expect((await person.get('/konto')).body).toContain('Mia Skalierung');
    const saved = await person.submit('/konto', '/konto/profil', { displayName: 'Mia Zweifach', locale: 'de' });
    expect(saved.status).toBe(303);
    const pages = [await person.get('/konto'), await person.get('/konto')];
    expect(pages.map((p) => [p.status, p.body.includes('Mia Zweifach')])).toEqual([
      [200, true],
      [200, true],
    ]);

    // Signed out through one process, the other knows it too.
    expect((await person.submit('/konto', '/abmelden', {})).status).toBe(303);
    expect([(await person.get('/konto')).status, (await person.get('/konto')).status]).toEqual([401, 401]);
  }, 120_000);

  it('counts login failures across both processes, per client address behind the proxy', async () => {
    const email = `ziel-${randomUUID().slice(0, 8)}@example.org`;
    const guesser = new Browser('203.0.113.66');
    const token = await guesser.formToken('/anmelden');
    const from = servedBy.length;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await guesser.request('POST', '/anmelden', { _csrf: token, email, password: `geraten ${i}` })).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
    expect(servedBy.slice(from)).toEqual(expect.arrayContaining(['web1', 'web2']));
    // Another client, same account: not locked out by the guesser.
    expect((await new Browser('203.0.113.67').submit('/anmelden', '/anmelden', { email, password: 'geraten 9' })).status).toBe(422);
  }, 60_000);
});
