import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { searchServices } from '../src/modules/directory/directory.search.js';
import { benchQueries } from './directory.js';
const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${process.argv[2]}`, dataDir: mkdtempSync(path.join(os.tmpdir(), 'x-')), poolSize: 1 });
const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid;
const ns = () => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
const qs = benchQueries(330);
const rows: [number, number, string, number][] = [];
for (const [i, q] of qs.entries()) {
  const c0 = process.cpuUsage(); const s0 = ns(); const t0 = performance.now();
  const r = await searchServices(database.db, q);
  const wall = performance.now() - t0; const c = process.cpuUsage(c0); const cpu = (ns() - s0) / 1e6 + (c.user + c.system) / 1000;
  if (i >= 30) rows.push([wall, cpu, JSON.stringify({ ...q, now: undefined }), r.total]);
}
const pc = (arr: number[], p: number) => arr.sort((a, b) => a - b)[Math.ceil(p / 100 * arr.length) - 1]!.toFixed(2);
console.log('wall p50', pc(rows.map((r) => r[0]), 50), 'p95', pc(rows.map((r) => r[0]), 95), '| cpu p50', pc(rows.map((r) => r[1]), 50), 'p95', pc(rows.map((r) => r[1]), 95));
rows.sort((a, b) => a[1] - b[1]);
for (const r of rows.slice(-8)) console.log(r[1].toFixed(1), r[0].toFixed(1), r[3], r[2]);
await database.close();
