import type { PageContext } from '../../http/context.js';
import type { Locale } from '../../i18n/i18n.js';
import { Alert } from '../../views/forms.js';
import type { Translated } from '../translations.service.js';
import { translationMessages } from '../translations.messages.js';

/**
 * The attributes of an element showing one field: German text in a page of another language is
 * marked `lang="de"` (screen readers pronounce it as German) and `dir="ltr"` (it runs left to right
 * inside an Arabic page). Spread it: `<h1 {...textLang(post, 'title')}>`.
 */
export function textLang(translated: Pick<Translated<unknown>, 'german'>, field: string): { lang?: 'de'; dir?: 'ltr' } {
  return translated.german.has(field) ? { lang: 'de', dir: 'ltr' } : {};
}

/** For German text nobody translates (a single date's note): marked as German in a page of another language. */
export const germanOnly = (locale: Locale): { lang?: 'de'; dir?: 'ltr' } => (locale === 'de' ? {} : { lang: 'de', dir: 'ltr' });

/** Says, in the visitor's language, that (part of) the page is shown in German; nothing when it is not. */
export function TranslationNotice({ ctx, translated }: { ctx: PageContext; translated: Pick<Translated<unknown>, 'fallback'> }): JSX.Element {
  if (translated.fallback === 'none') return '';
  const t = translationMessages(ctx.locale);
  return <Alert kind="info" title={t(translated.fallback === 'full' ? 'notice.full' : 'notice.partial')} />;
}
