import { autonyms, intlLocale, perLocale, type Locale } from '../../i18n/i18n.js';

const displayNames = perLocale((ui) => new Intl.DisplayNames([intlLocale[ui]], { type: 'language' }));

/** A language named in the reader's language ("Türkisch" for German readers, "турецкий" for Russian ones). */
export const languageName = (language: Locale, ui: Locale): string => displayNames[ui].of(language) ?? language;

/** For a table or list: capitalised, with the language's own name beside it when that differs ("Türkisch (Türkçe)"). */
export function languageLabel(language: Locale, ui: Locale): string {
  const name = languageName(language, ui);
  const capitalised = name.charAt(0).toLocaleUpperCase(intlLocale[ui]) + name.slice(1);
  return capitalised === autonyms[language] ? capitalised : `${capitalised} (${autonyms[language]})`;
}
