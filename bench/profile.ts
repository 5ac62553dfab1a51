/**
 * Where a page's time goes: a CPU profile of many requests for one page, summed by where the code
 * lives (our modules, the platform, Fastify, the database driver, PGlite, …) and by function.
 *
 *   npm run bench:profile -- /angebote                   page cache off: what rendering costs
 *   npm run bench:profile -- / --cached                  page cache on: what a cached answer costs
 *   BENCH_DATABASE_URL=postgres://… npm run bench:profile -- /veranstaltungen
 *   npm run bench:profile -- /konto --as familie@familienrathaus.example      signed in as a demo account
 *
 * Boots the app in this process on a fresh database with the demo data and sends the requests with
 * app.inject (no network, one at a time), so the profile holds the server's work only. Writes the
 * profile to .tmp/profile-<page>.cpuprofile (open it in Chrome's DevTools or speedscope for a flame
 * graph) and prints the summary.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { cookieNames } from '../src/platform/http/context.js';
import { seedDemoModules } from '../src/platform/modules/install.js';
import { admin } from './directory-tools.js';

const page = process.argv.slice(2).find((a) => a.startsWith('/')) ?? '/';
const cached = process.argv.includes('--cached');
const requests = Number(process.env.PROFILE_REQUESTS ?? 3000);
const asIndex = process.argv.indexOf('--as');
const signedInAs = asIndex > 0 ? process.argv[asIndex + 1] : undefined;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

/** Where a function lives, in words a reader of this repository knows. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(V8 and Node internals)';
  if (url.startsWith('node:')) return 'Node.js';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  const inSource = /\/src\/(modules\/[^/]+|platform\/[^/]+|db)/.exec(url);
  if (inSource) return `src/${inSource[1]}`;
  return url.replace(/^.*\/(bench|src)\//, '$1/');
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[] }): void {
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (!n) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + n);
    const name = `${functionName || '(anonymous)'}  ${area}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + n);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, n]) => `  ${((n / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(`\nself time by area (${total} samples):\n${top(byArea, 15)}`);
  console.log(`\nself time by function:\n${top(byFunction, 25)}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-profile-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const name = `frh_profile_${randomUUID().replace(/-/g, '')}`;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    await admin(serverUrl, `CREATE DATABASE ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
  }
  const booted = await boot(
    loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PAGE_CACHE_SECONDS: cached ? '60' : '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
  );
  try {
    await seedDemoModules(booted.modules);
    const { db, config } = booted.deps;
    let cookies: Record<string, string> = {};
    if (signedInAs) {
      const user = await db.selectFrom('users').select('id').where('email', '=', signedInAs).executeTakeFirstOrThrow();
      cookies = { [cookieNames(config).session]: await createSession(db, user.id, sessionSettings(config)) };
    }
    const get = async () => {
      const res = await booted.app.inject({ method: 'GET', url: page, cookies });
      if (res.statusCode !== 200) throw new Error(`${page} answered ${res.statusCode}`);
    };
    for (let i = 0; i < 300; i++) await get(); // warm-up: JIT, caches, prepared plans
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const start = performance.now();
    for (let i = 0; i < requests; i++) await get();
    const elapsed = performance.now() - start;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    console.log(
      `${page}${signedInAs ? ` as ${signedInAs}` : ''} on ${serverUrl ? 'PostgreSQL' : 'PGlite'}, page cache ${cached ? 'on' : 'off'}: ${requests} requests, ${(elapsed / requests).toFixed(3)} ms each (one at a time, in process, while profiling)`,
    );
    summarise(profile as unknown as { nodes: ProfileNode[]; samples: number[] });
    const file = path.resolve(import.meta.dirname, `../.tmp/profile-${page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'start'}.cpuprofile`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\nprofile written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await booted.close();
    if (serverUrl) await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
