import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllCatalogues } from './all-catalogues.js';
import { checkLanguage } from './check.js';
import { compileIcu, defineMessages, locales, translatedLocales, type Catalogue } from './i18n.js';
import { translationFileUrl } from './translations.js';

describe('message catalogues', () => {
  let catalogues: Catalogue[] = [];
  beforeAll(async () => {
    catalogues = await loadAllCatalogues();
  });

  it('finds the catalogues of every module, each under its own name', () => {
    expect(catalogues.length).toBeGreaterThan(30);
    const names = catalogues.map((c) => c.namespace);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'de'))('has every message in %s, parsed, with the placeholders and plural forms it needs', (locale) => {
    const problems = checkLanguage(catalogues, locale).map((p) => `${p.namespace} ${p.key}: ${p.problem}`);
    expect(problems).toEqual([]);
  });

  it.each(translatedLocales)('translates everything in %s except the names on its reviewed list', (locale) => {
    const allowed = new Set(JSON.parse(readFileSync(new URL(translationFileUrl(locale).href.replace(/\.json$/, '.same.json')), 'utf8')) as string[]);
    const untranslated = catalogues.flatMap(({ namespace, messages }) =>
      Object.entries(messages.de)
        .filter(([key, german]) => messages[locale][key] === german && !allowed.has(`${namespace}|${key}`))
        .map(([key]) => `${namespace}|${key}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('names the portal "vom {portal}" in German, never "von {portal}"', () => {
    const wrong = catalogues.flatMap(({ namespace, messages }) =>
      Object.entries(messages.de)
        .filter(([, german]) => /\bvon\s+(\{portal\}|Familienrathaus)/.test(german))
        .map(([key]) => `${namespace}|${key}`),
    );
    expect(wrong).toEqual([]);
    expect(catalogues.some(({ messages }) => Object.values(messages.de).some((german) => german.includes('vom {portal}')))).toBe(true);
  });
});

describe('plurals', () => {
  const t = defineMessages(
    'test:plurals',
    { waiting: '{count, plural, one {# Änderung wartet} other {# Änderungen warten}} auf Prüfung.' },
    { waiting: '{count, plural, one {# change is} other {# changes are}} waiting for review.' },
  );

  it('chooses the form the language needs', () => {
    expect(t('de')('waiting', { count: 1 })).toBe('1 Änderung wartet auf Prüfung.');
    expect(t('de')('waiting', { count: 2 })).toBe('2 Änderungen warten auf Prüfung.');
    expect(t('de')('waiting', { count: 1500 })).toBe('1.500 Änderungen warten auf Prüfung.');
    expect(t('en')('waiting', { count: 1 })).toBe('1 change is waiting for review.');
  });

  it('gives Russian, Polish and Arabic the forms their grammar has', () => {
    const places = (locale: 'ru' | 'pl' | 'ar', template: string, counts: number[]) =>
      counts.map((count) => String(compileIcu(template, locale).format({ count })));
    expect(places('ru', '{count, plural, one {# место} few {# места} many {# мест} other {# места}}', [1, 3, 5, 21, 1.5])).toEqual([
      '1 место',
      '3 места',
      '5 мест',
      '21 место',
      '1,5 места',
    ]);
    expect(places('pl', '{count, plural, one {# miejsce} few {# miejsca} many {# miejsc} other {# miejsca}}', [1, 2, 5, 22])).toEqual([
      '1 miejsce',
      '2 miejsca',
      '5 miejsc',
      '22 miejsca',
    ]);
    expect(
      places('ar', '{count, plural, zero {لا أماكن} one {مكان واحد} two {مكانان} few {# أماكن} many {# مكانًا} other {# مكان}}', [0, 1, 2, 3, 11, 100]),
    ).toEqual(['لا أماكن', 'مكان واحد', 'مكانان', '3 أماكن', '11 مكانًا', '100 مكان']);
  });

  it('isolates values set into a right-to-left sentence, so a German name cannot reorder it', () => {
    const named = defineMessages('test:isolate', { hello: 'Hallo {name}, {count} Kinder' }, { hello: 'Hello {name}, {count} children' });
    expect(named('ar')('hello', { name: 'Familienbüro Hamm', count: 2 })).toBe('Hallo \u2068Familienbüro Hamm\u2069, 2 Kinder');
    // Links and addresses stay bare: a mail program that makes them clickable would take the marks along.
    expect(named('ar')('hello', { name: 'https://familienrathaus.example/vorhaben/a?token=x.y', count: 2 })).toBe(
      'Hallo https://familienrathaus.example/vorhaben/a?token=x.y, 2 Kinder',
    );
    expect(named('ar')('hello', { name: 'familienbuero@stadt.hamm.example', count: 2 })).toBe('Hallo familienbuero@stadt.hamm.example, 2 Kinder');
    expect(named('tr')('hello', { name: 'Familienbüro Hamm', count: 2 })).toBe('Hallo Familienbüro Hamm, 2 Kinder');
  });

  it('escapes values in html output', () => {
    const named = defineMessages(
      'test:escape',
      { hello: 'Hallo {name}, {n, plural, one {# Kind} other {# Kinder}}' },
      { hello: 'Hello {name}, {n, plural, one {# child} other {# children}}' },
    );
    expect(String(named('de').html('hello', { name: '<b>Ada</b>', n: 2 }))).toBe('Hallo &lt;b>Ada&lt;/b>, 2 Kinder');
  });
});
