import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueRegistry, compileIcu, defineMessages, locales, usesIcu, type Locale } from './i18n.js';

const srcDir = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

type Ast = ReturnType<ReturnType<typeof compileIcu>['getAst']>;
/** The names of every placeholder in a message, nested plural and select branches included. */
function argumentNames(ast: Ast, names = new Set<string>()): Set<string> {
  for (const element of ast) {
    if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) argumentNames(option.value, names);
  }
  return names;
}

/** Placeholders as the translator sees them: parsed for ICU messages, `{name}` for plain ones (their fast path). */
function placeholders(template: string, locale: Locale): Set<string> {
  if (!usesIcu(template)) return new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  return argumentNames(compileIcu(template, locale).getAst());
}

describe('message catalogues', () => {
  beforeAll(async () => {
    // Every file that defines a catalogue registers it on import.
    for (const file of sourceFiles(srcDir)) {
      if (readFileSync(file, 'utf8').includes('defineMessages(')) await import(pathToFileURL(file).href);
    }
  });

  it('finds the catalogues of every module', () => {
    expect(catalogueRegistry.length).toBeGreaterThan(30);
  });

  it('parses every message in every language and uses the same placeholders as German', () => {
    const problems: string[] = [];
    for (const catalogue of catalogueRegistry) {
      for (const [key, german] of Object.entries(catalogue.de)) {
        let expected: Set<string>;
        try {
          expected = placeholders(german, 'de');
        } catch (error) {
          problems.push(`de ${key}: ${(error as Error).message}`);
          continue;
        }
        for (const locale of locales.filter((l): l is Locale => l !== 'de')) {
          const text = catalogue[locale][key];
          if (text === undefined) {
            problems.push(`${locale} ${key}: missing`);
            continue;
          }
          try {
            const names = placeholders(text, locale);
            if ([...names].sort().join() !== [...expected].sort().join()) problems.push(`${locale} ${key}: {${[...names]}} instead of {${[...expected]}}`);
          } catch (error) {
            problems.push(`${locale} ${key}: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('plurals', () => {
  const t = defineMessages(
    { waiting: '{count, plural, one {# Änderung wartet} other {# Änderungen warten}} auf Prüfung.' },
    { waiting: '{count, plural, one {# change is} other {# changes are}} waiting for review.' },
  );

  it('chooses the form the language needs', () => {
    expect(t('de')('waiting', { count: 1 })).toBe('1 Änderung wartet auf Prüfung.');
    expect(t('de')('waiting', { count: 2 })).toBe('2 Änderungen warten auf Prüfung.');
    expect(t('de')('waiting', { count: 1500 })).toBe('1.500 Änderungen warten auf Prüfung.');
    expect(t('en')('waiting', { count: 1 })).toBe('1 change is waiting for review.');
  });

  it('escapes values in html output', () => {
    const named = defineMessages(
      { hello: 'Hallo {name}, {n, plural, one {# Kind} other {# Kinder}}' },
      { hello: 'Hello {name}, {n, plural, one {# child} other {# children}}' },
    );
    expect(String(named('de').html('hello', { name: '<b>Ada</b>', n: 2 }))).toBe('Hallo &lt;b>Ada&lt;/b>, 2 Kinder');
  });
});
