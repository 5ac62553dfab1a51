/**
 * What large hostile bodies cost the server in memory.
 *
 *   npm run bench:bodies
 *
 * Boots the app in this process on a fresh embedded database and posts 8 multipart bodies of 60 MB
 * at once (200 fields of 256 KiB and two 5 MiB files, the most the upload parser ever allowed) to
 * a form that takes no uploads (/anmelden, anonymous), to an upload form (anonymous, and as an
 * editor without Content-Length, so that the parser's own per-route limits have to stop it).
 * The bodies are streamed from one reused buffer, so the client adds next to nothing. Reports the
 * process's RSS before and its peak during each round; writes bench/results/bodies.json.
 * Only loopback is targeted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { cookieNames } from '../src/platform/http/context.js';

const parallel = 8;
const fieldCount = 200;
const fieldBytes = 256 * 1024;
const fileBytes = 5 * 1024 * 1024;
const boundary = 'benchboundary7d1f';
const resultsFile = path.resolve(import.meta.dirname, 'results/bodies.json');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The parts of one 60 MB body, each a view of the same few buffers. */
function bodyChunks(): Buffer[] {
  const field = Buffer.alloc(fieldBytes, 'a');
  const file = Buffer.alloc(fileBytes, 0);
  const chunks: Buffer[] = [];
  for (let i = 0; i < fieldCount; i++)
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="feld${i}"\r\n\r\n`), field, Buffer.from('\r\n'));
  for (const name of ['image', 'zweites'])
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="gross.png"\r\nContent-Type: image/png\r\n\r\n`),
      file,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return chunks;
}

/** Streams one body; resolves with the status, or with the error once the server stops listening. */
function post(base: string, pathname: string, headers: Record<string, string>, withLength: boolean): Promise<string> {
  const url = new URL(pathname, base);
  if (url.hostname !== '127.0.0.1') throw new Error('only loopback is benchmarked');
  const chunks = bodyChunks();
  const length = chunks.reduce((sum, c) => sum + c.length, 0);
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(withLength ? { 'content-length': String(length) } : {}), ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => {});
  });
}

interface Round {
  target: string;
  rssBeforeMb: number;
  rssPeakMb: number;
  statuses: Record<string, number>;
}

async function round(target: string, send: () => Promise<string>): Promise<Round> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const results = await Promise.all(Array.from({ length: parallel }, send));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r] = (statuses[r] ?? 0) + 1;
  const result = { target, rssBeforeMb: mb(before), rssPeakMb: mb(peak), statuses };
  console.error(
    `  ${target}: RSS ${result.rssBeforeMb} → ${result.rssPeakMb} MB (+${result.rssPeakMb - result.rssBeforeMb}), answers ${JSON.stringify(statuses)}`,
  );
  return result;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-bodies-'));
const booted = await boot(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }));
try {
  const base = await booted.app.listen({ port: 0, host: '127.0.0.1' });
  const db = booted.deps.db;
  const editor = await db
    .insertInto('users')
    .values({ email: 'redaktion@bench.example', display_name: 'Redaktion', role: 'editor', password_hash: 'kein-passwort', email_confirmed_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await createSession(db, editor.id, sessionSettings(booted.deps.config));
  const editorCookie = { cookie: `${cookieNames(booted.deps.config).session}=${session}` };

  console.error(`${parallel} × ${mb(fieldCount * fieldBytes + 2 * fileBytes)} MB multipart at once:`);
  const rounds = [
    await round('/anmelden, anonymous (no uploads there)', () => post(base, '/anmelden', {}, true)),
    await round('/verwaltung/neuigkeiten/neu, anonymous (upload form)', () => post(base, '/verwaltung/neuigkeiten/neu', {}, true)),
    await round('/verwaltung/neuigkeiten/neu, editor, no Content-Length (upload form)', () => post(base, '/verwaltung/neuigkeiten/neu', editorCookie, false)),
  ];
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, parallel, bodyMb: mb(fieldCount * fieldBytes + 2 * fileBytes), rounds }, null, 2)}\n`,
  );
} finally {
  await booted.close();
  rmSync(dataDir, { recursive: true, force: true });
}
