import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { openDatabase } from '../src/db/database.js';
import { searchServices } from '../src/modules/directory/directory.search.js';
import { benchQueries } from './directory.js';
const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${process.argv[2]}`, dataDir: mkdtempSync(path.join(os.tmpdir(), 'x-')) });
const qs = benchQueries(330);
const rows: [number, string, number][] = [];
for (const [i, q] of qs.entries()) {
  const t0 = performance.now();
  const r = await searchServices(database.db, q);
  if (i >= 30) rows.push([performance.now() - t0, JSON.stringify({ ...q, now: undefined }), r.total]);
}
rows.sort((a, b) => a[0] - b[0]);
const pc = (p: number) => rows[Math.ceil(p / 100 * rows.length) - 1]![0].toFixed(2);
console.log('p50', pc(50), 'p95', pc(95), 'p99', pc(99));
for (const r of rows.slice(-12)) console.log(r[0].toFixed(1), r[2], r[1]);
await database.close();
