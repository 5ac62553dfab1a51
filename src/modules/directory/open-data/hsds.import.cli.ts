import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { loadConfig } from '../../../config.js';
import { openDatabase } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { importHsdsPackage } from './hsds.import.js';
import { accountByEmail } from './hsds.import.repository.js';
import { hsdsMessages } from './hsds.messages.js';
import { wordsOf, type Problem } from './hsds.validate.js';

/**
 * `npx tsx src/modules/directory/hsds.import.cli.ts <paket.json> [--nur-pruefen] [--als=<admin-e-mail>]`
 * imports an HSDS 3.0 package of any size with the same checks as the admin page, all or nothing.
 * With the embedded database, stop the web server first (one process owns the data folder).
 * Exit code: 0 imported (or checked), 1 the package has problems (nothing imported), 2 usage.
 */
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--nur-pruefen');
const author = args.find((a) => a.startsWith('--als='))?.slice('--als='.length);
if (!file) {
  console.error('Aufruf: npx tsx src/modules/directory/hsds.import.cli.ts <paket.json> [--nur-pruefen] [--als=<admin-e-mail>]');
  process.exit(2);
}

const t = hsdsMessages('de');
const show = (problems: Problem[], total: number) => {
  for (const p of problems) {
    const w = wordsOf(p, t);
    console.error(`${w.record}${w.field ? ` · ${w.field}` : ''}: ${w.message}`);
  }
  if (total > problems.length) console.error(t('import.report.more', { count: total - problems.length }));
  console.error(t('import.errors.summary', { count: total }));
};

let value: unknown;
try {
  value = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`${file}: ${t('problem.jsonNoPosition')} ${(error as Error).message}`);
  process.exit(1);
}

async function run(db: Kysely<DB>): Promise<number> {
  await migrateToLatest(db);
  let authorId: string | null = null;
  if (author) {
    const user = await accountByEmail(db, author.toLowerCase());
    if (!user || user.role !== 'admin') {
      console.error(`--als: ${author} ist kein Admin-Konto.`);
      return 2;
    }
    authorId = user.id;
  }
  const started = performance.now();
  const result = await importHsdsPackage(db, value, { authorId, dryRun, source: 'cli' });
  if (!result.ok) {
    show(result.problems, result.total);
    return 1;
  }
  const c = result.counts;
  const line = (name: string, k: { created: number; updated: number }) => `${name}: ${k.created} neu, ${k.updated} aktualisiert`;
  console.log(result.dryRun ? 'Prüfung bestanden, nichts übernommen.' : 'Import abgeschlossen, alles veröffentlicht.');
  console.log([line('Träger', c.organizations), line('Standorte', c.locations), line('Angebote', c.services)].join('\n'));
  console.log(`Dauer: ${Math.round(performance.now() - started)} ms`);
  return 0;
}

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
let exitCode = 1;
try {
  exitCode = await run(database.db);
} finally {
  await database.close();
}
process.exit(exitCode);
