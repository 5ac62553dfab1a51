import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { locales } from '../i18n/i18n.js';
import type { PrecacheEntry } from './precache.js';

export const offlineUrl = '/offline';

const workerSource = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
// The rules are an ES module (their unit test imports them); the classic worker script takes them without `export`.
const rulesSource = readFileSync(new URL('./cache-rules.js', import.meta.url), 'utf8').replace(/^export /gm, '');

/**
 * The text of /sw.js: its settings, the cache rules and the worker. The cache's version is a hash of the
 * worker and of everything it keeps (each precached file, the offline page in every language), so a deploy
 * that changes any of it gets a new cache and a byte-different /sw.js, which is how browsers notice;
 * every process computes the same version from the same files, so none has to tell another.
 */
export function serviceWorkerScript(precache: readonly PrecacheEntry[], offlinePages: readonly string[]): string {
  const hash = createHash('sha256').update(workerSource).update(rulesSource);
  for (const entry of precache) hash.update(`\n${entry.url}\n`).update(entry.content);
  for (const page of offlinePages) hash.update(page);
  const settings = { VERSION: hash.digest('hex').slice(0, 16), PRECACHE: precache.map((entry) => entry.url), OFFLINE_URL: offlineUrl, LANGUAGES: locales };
  const prelude = Object.entries(settings).map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`);
  return [...prelude, rulesSource, workerSource].join('\n');
}
