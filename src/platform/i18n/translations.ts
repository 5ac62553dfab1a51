import { readFileSync } from 'node:fs';

/** One language's messages, filed by catalogue namespace: `{ "<namespace>": { "<key>": "<text>" } }`. */
export type TranslationFile = Record<string, Record<string, string>>;

const loaded = new Map<string, TranslationFile>();

/** Where a language's catalogue file lives (beside this module, so a clone carries it). */
export const translationFileUrl = (locale: string): URL => new URL(`./locales/${locale}.json`, import.meta.url);

function fileFor(locale: string): TranslationFile {
  let file = loaded.get(locale);
  if (!file) {
    // Read once at start-up, when the catalogues are defined; never on a request.
    file = JSON.parse(readFileSync(translationFileUrl(locale), 'utf8')) as TranslationFile;
    loaded.set(locale, file);
  }
  return file;
}

/** The messages of one catalogue in one language; empty when none are translated yet. */
export function translationsFor(locale: string, namespace: string): Record<string, string> {
  return fileFor(locale)[namespace] ?? {};
}
