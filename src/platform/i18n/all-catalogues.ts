import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogueRegistry, type Catalogue } from './i18n.js';

const srcDir = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

/**
 * Every catalogue of the product, for the translators' tools and the catalogue tests: imports each
 * source file that defines one (a catalogue registers itself on import). Not for the running app.
 */
export async function loadAllCatalogues(): Promise<Catalogue[]> {
  for (const file of sourceFiles(srcDir)) {
    if (file.endsWith(`${path.sep}i18n.ts`)) continue;
    if (readFileSync(file, 'utf8').includes('defineMessages(')) await import(pathToFileURL(file).href);
  }
  return catalogueRegistry.filter((c) => !c.namespace.startsWith('test:'));
}
