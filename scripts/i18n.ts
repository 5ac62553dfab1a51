/**
 * The translators' tool. German is the source; English lives beside it in the code; the other languages
 * in src/platform/i18n/locales/<code>.json.
 *
 *   npm run i18n -- check [tr]           missing keys, placeholders unlike German, plural forms a language needs (the catalogue test fails on these too)
 *   npm run i18n -- export tr > tr.po    one language for a reviewer (PO; unreviewed entries are "fuzzy")
 *   npm run i18n -- import tr tr.po      takes the reviewer's file back: texts, and entries no longer fuzzy count as reviewed
 *   npm run i18n -- source > source.json German and English of every message, for a translator starting a language
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadAllCatalogues } from '../src/platform/i18n/all-catalogues.js';
import { checkLanguage } from '../src/platform/i18n/check.js';
import { translatedLocales, type Locale } from '../src/platform/i18n/i18n.js';
import { readPo, writePo } from '../src/platform/i18n/po.js';
import { germanFingerprint, isReviewed, readReviewFile, reviewFileUrl } from '../src/platform/i18n/review.js';
import { translationFileUrl, type TranslationFile } from '../src/platform/i18n/translations.js';

const [command, language, file] = process.argv.slice(2);
const catalogues = await loadAllCatalogues();
const isTranslated = (code: string | undefined): code is (typeof translatedLocales)[number] => (translatedLocales as readonly string[]).includes(code ?? '');
const sortedJson = (data: Record<string, Record<string, string>>) =>
  `${JSON.stringify(
    Object.fromEntries(
      Object.keys(data)
        .sort()
        .map((ns) => [ns, data[ns]]),
    ),
    null,
    2,
  )}\n`;

switch (command) {
  case 'source': {
    const source = Object.fromEntries(
      catalogues.map((c) => [c.namespace, Object.fromEntries(Object.keys(c.messages.de).map((k) => [k, { de: c.messages.de[k], en: c.messages.en[k] }]))]),
    );
    process.stdout.write(`${JSON.stringify(source, null, 2)}\n`);
    break;
  }
  case 'check': {
    const problems = (language ? [language] : ['en', ...translatedLocales]).flatMap((code) => checkLanguage(catalogues, code as Locale));
    for (const p of problems) console.log(`${p.locale} ${p.namespace} ${p.key}: ${p.problem}`);
    console.error(`${problems.length} problems`);
    process.exitCode = problems.length > 0 ? 1 : 0;
    break;
  }
  case 'export': {
    if (!isTranslated(language)) throw new Error(`Language must be one of ${translatedLocales.join(', ')}`);
    const review = readReviewFile(language);
    const entries = catalogues.flatMap((c) =>
      Object.entries(c.messages.de).map(([key, german]) => ({
        context: `${c.namespace}|${key}`,
        source: german,
        translation: c.messages[language][key] ?? '',
        fuzzy: !isReviewed(review, c.namespace, key, german),
        comments: [`English: ${c.messages.en[key] ?? ''}`],
      })),
    );
    process.stdout.write(writePo(language, entries));
    break;
  }
  case 'import': {
    if (!isTranslated(language) || !file) throw new Error('Usage: import <language> <file.po>');
    const translations = JSON.parse(readFileSync(translationFileUrl(language), 'utf8')) as TranslationFile;
    const review = readReviewFile(language);
    const german = new Map<string, string>(catalogues.flatMap((c) => Object.entries(c.messages.de).map(([k, v]) => [`${c.namespace}|${k}`, v])));
    let changed = 0;
    let reviewed = 0;
    for (const entry of readPo(readFileSync(file, 'utf8'))) {
      const [namespace, key] = [entry.context.slice(0, entry.context.lastIndexOf('|')), entry.context.slice(entry.context.lastIndexOf('|') + 1)];
      // An entry whose German changed since the export is skipped: its translation answers an old text.
      if (!entry.translation || german.get(entry.context) !== entry.source) continue;
      if (translations[namespace]?.[key] !== entry.translation) changed++;
      (translations[namespace] ??= {})[key] = entry.translation;
      if (!entry.fuzzy) {
        (review[namespace] ??= {})[key] = germanFingerprint(entry.source);
        reviewed++;
      }
    }
    writeFileSync(translationFileUrl(language), sortedJson(translations));
    writeFileSync(reviewFileUrl(language), sortedJson(review));
    console.log(`${changed} texts changed, ${reviewed} marked as reviewed`);
    break;
  }
  default:
    console.error('Commands: check [language] | export <language> | import <language> <file.po> | source');
    process.exitCode = 2;
}
