import { compileIcu, intlLocale, usesIcu, type Catalogue, type Locale } from './i18n.js';

type Ast = ReturnType<ReturnType<typeof compileIcu>['getAst']>;
// Element kinds of @formatjs/icu-messageformat-parser (its TYPE enum, which intl-messageformat does not re-export).
const literalKind = 0;
const pluralKind = 6;
const kindOf = (element: Ast[number]): number => element.type;

/** The names of every placeholder in a message, nested plural and select branches included. */
function argumentNames(ast: Ast, names = new Set<string>()): Set<string> {
  for (const element of ast) {
    if ('value' in element && typeof element.value === 'string' && kindOf(element) !== literalKind) names.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) argumentNames(option.value, names);
  }
  return names;
}

/** Plural messages whose branches miss a form the language needs (Russian "few", Arabic "two", …). */
function missingPluralForms(ast: Ast, locale: Locale): string[] {
  const needed = new Intl.PluralRules(intlLocale[locale]).resolvedOptions().pluralCategories;
  const missing: string[] = [];
  const visit = (elements: Ast) => {
    for (const element of elements) {
      if (!('options' in element)) continue;
      // Exact matches (=0) do not replace a category.
      if (kindOf(element) === pluralKind && !element.options.other) missing.push('other');
      if (kindOf(element) === pluralKind && 'pluralType' in element && element.pluralType === 'cardinal') {
        for (const category of needed) if (!element.options[category]) missing.push(category);
      }
      for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(ast);
  return missing;
}

/** Placeholders as the translator sees them: parsed for ICU messages, `{name}` for plain ones (their fast path). */
export function placeholders(template: string, locale: Locale): Set<string> {
  if (!usesIcu(template)) return new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  return argumentNames(compileIcu(template, locale).getAst());
}

export interface CatalogueProblem {
  locale: Locale;
  namespace: string;
  key: string;
  problem: string;
}

/** Missing, unparseable, extra and misplaced-placeholder messages of one language. */
export function checkLanguage(catalogues: Catalogue[], locale: Locale): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const { namespace, messages } of catalogues) {
    const report = (key: string, problem: string) => problems.push({ locale, namespace, key, problem });
    for (const key of Object.keys(messages[locale])) if (!(key in messages.de)) report(key, 'not in German (left over?)');
    for (const [key, german] of Object.entries(messages.de)) {
      const text = messages[locale][key];
      if (text === undefined) {
        report(key, 'missing');
        continue;
      }
      try {
        const expected = [...placeholders(german, 'de')].sort().join();
        const names = [...placeholders(text, locale)].sort().join();
        if (names !== expected) report(key, `placeholders {${names}} instead of {${expected}}`);
        if (usesIcu(text)) {
          const missing = missingPluralForms(compileIcu(text, locale).getAst(), locale);
          if (missing.length > 0) report(key, `plural without ${[...new Set(missing)].join(', ')}`);
        }
      } catch (error) {
        report(key, (error as Error).message);
      }
    }
  }
  return problems;
}
