/**
 * Where a start of the embedded portal goes: the steps of boot() and server.ts one by one, each with
 * its time and the process's memory after it. Run it twice on the same folder to see a start with data.
 *
 *   npx tsx bench/start-phases.ts [data folder]      (default: a new folder under the system's temp)
 *
 * Under tsx, "load modules" includes translating TypeScript; the README's figures for the compiled
 * portal come from the same steps run against dist/ (npm run build).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const t0 = performance.now();
const mb = (bytes: number) => Math.round(bytes / 1e6);
function lap(step: string, since: number): void {
  const m = process.memoryUsage();
  console.log(
    `${step.padEnd(22)} ${String(Math.round(performance.now() - since)).padStart(5)} ms   rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, outside the heap ${mb(m.external)} MB`,
  );
}

let t = performance.now();
const { loadConfig } = await import('../src/config.js');
const { openDatabase } = await import('../src/db/database.js');
const { migrateToLatest } = await import('../src/db/migrate.js');
const { attachContentTriggers } = await import('../src/db/content-version.js');
const { withSessionSecret } = await import('../src/platform/auth/secrets.js');
const { createJobs } = await import('../src/platform/jobs/jobs.js');
const { createAppDeps } = await import('../src/platform/deps.js');
const { portalModules } = await import('../src/modules.js');
const { installModules, seedDemoModules } = await import('../src/platform/modules/install.js');
const { loadCityProfile } = await import('../src/platform/city.js');
const { buildApp } = await import('../src/app.js');
lap('load modules', t);

const dataDir = process.argv[2] ?? mkdtempSync(path.join(os.tmpdir(), 'frh-start-'));
let config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development' });
t = performance.now();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
lap('open the database', t);
t = performance.now();
await migrateToLatest(database.db);
lap('migrate', t);
t = performance.now();
await attachContentTriggers(database.db);
config = await withSessionSecret(config, database.db);
const jobs = createJobs(database.db, { serializeStart: false });
const deps = createAppDeps({ config, db: database.db, jobs, city: loadCityProfile(config.cityProfilePath) });
const modules = portalModules(deps);
installModules(deps, modules);
lap('triggers, modules', t);
t = performance.now();
const app = await buildApp(deps, modules);
lap('build the routes', t);
t = performance.now();
await jobs.start();
lap('start pg-boss', t);
t = performance.now();
await app.ready();
lap('app ready', t);
t = performance.now();
await seedDemoModules(modules);
lap('demo data', t);
t = performance.now();
await jobs.startWorker();
lap('start the worker', t);
t = performance.now();
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const first = await fetch(`${url}/`);
await first.arrayBuffer();
lap(`first page (${first.status})`, t);
console.log(`${'in all'.padEnd(22)} ${String(Math.round(performance.now() - t0)).padStart(5)} ms   data folder: ${dataDir}`);
await app.close();
await jobs.stop();
await database.close();
