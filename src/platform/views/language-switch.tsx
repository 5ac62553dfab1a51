import type { PageContext } from '../http/context.js';
import { autonyms, locales, type Locale } from '../i18n/i18n.js';
import { layoutMessages } from './layout.messages.js';

/** The path to return to after switching language; only local paths. */
const switchLink = (ctx: PageContext, target: Locale) => `/sprache/${target}?zurueck=${encodeURIComponent(pathWithoutLang(ctx.path))}`;

/** This page's address without a `lang` parameter, so a link can add the one it wants. */
export function pathWithoutLang(path: string): string {
  const [pathname = '/', query = ''] = path.split('?', 2);
  const rest = query
    .split('&')
    .filter((pair) => pair !== '' && !pair.startsWith('lang='))
    .join('&');
  return rest ? `${pathname}?${rest}` : pathname;
}

/** The same page in each language: hreflang alternates for search engines and translation tools. */
export function LanguageAlternates({ ctx }: { ctx: PageContext }): JSX.Element {
  const base = pathWithoutLang(ctx.path);
  const join = base.includes('?') ? '&' : '?';
  const origin = ctx.publicUrl ?? '';
  return (
    <>
      {locales.map((locale) => (
        <link rel="alternate" hreflang={locale} href={`${origin}${base}${join}lang=${locale}`} />
      ))}
      <link rel="alternate" hreflang="x-default" href={`${origin}${base}`} />
    </>
  );
}

/**
 * The language menu in the header: every language named in itself, so a visitor who reads no German
 * finds theirs; it keeps the current page and is remembered (a cookie). A details element: no script needed.
 */
export function LanguageSwitch({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = layoutMessages(ctx.locale);
  return (
    <details class="language-switch">
      <summary class="language-switch__toggle" aria-label={t('language.choose', { current: autonyms[ctx.locale] })}>
        <svg class="language-switch__icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-2.95a15.7 15.7 0 0 0-1.38-3.56A8.03 8.03 0 0 1 18.9 8ZM12 4.04c.83 1.2 1.48 2.53 1.91 3.96h-3.82A13.9 13.9 0 0 1 12 4.04ZM4.26 14a8.2 8.2 0 0 1 0-4h3.38a16.5 16.5 0 0 0 0 4H4.26Zm.82 2h2.95c.32 1.25.78 2.45 1.38 3.56A8 8 0 0 1 5.08 16Zm2.95-8H5.08a8 8 0 0 1 4.33-3.56A15.7 15.7 0 0 0 8.03 8ZM12 19.96A14 14 0 0 1 10.09 16h3.82A13.9 13.9 0 0 1 12 19.96ZM14.34 14H9.66a14.7 14.7 0 0 1 0-4h4.68a14.7 14.7 0 0 1 0 4Zm.25 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56ZM16.36 14a16.5 16.5 0 0 0 0-4h3.38a8.2 8.2 0 0 1 0 4h-3.38Z"
          />
        </svg>
        <span class="language-switch__name" lang={ctx.locale} safe>
          {autonyms[ctx.locale]}
        </span>
        {/* Phones show the code beside the globe, so the switch fits into the brand's row. */}
        <span class="language-switch__code" aria-hidden="true" safe>
          {ctx.locale.toUpperCase()}
        </span>
      </summary>
      <nav class="language-switch__menu" aria-label={t('language.label')}>
        <ul class="language-switch__list">
          {locales.map((locale) => (
            <li>
              <a
                class="kern-link language-switch__link"
                href={switchLink(ctx, locale)}
                lang={locale}
                hreflang={locale}
                dir={locale === 'ar' ? 'rtl' : 'ltr'}
                aria-current={locale === ctx.locale ? 'true' : undefined}
                safe
              >
                {autonyms[locale]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
