import { PageStyles } from './page-styles.js';
import type { Children } from '@kitajs/html';
import type { PageContext } from '../http/context.js';
import { AccountNav, SiteSearch } from './header-parts.js';
import { textDirection } from '../i18n/i18n.js';
import { LanguageAlternates, LanguageSwitch } from './language-switch.js';
import { layoutMessages } from './layout.messages.js';
import { appIconUrl, appleTouchIcon } from '../web-app/icons.js';
import type { FooterLink } from './navigation.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** A failed form: the title starts with "Fehler: " so screen readers hear it first. */
  hasErrors?: boolean;
  /** The section of the main navigation this page belongs to. */
  section?: string;
  children?: Children;
}

/** "Barriere melden" learns which page it is about. */
const footerHref = (link: FooterLink, currentPath: string) => (link.withCurrentPage ? `${link.path}?seite=${encodeURIComponent(currentPath)}` : link.path);

export function Layout({ ctx, title, hasErrors, section, children }: LayoutProps): JSX.Element {
  const t = layoutMessages(ctx.locale);
  const fullTitle = `${hasErrors ? t('error.titlePrefix') : ''}${title} – ${ctx.city.portalName}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale} dir={textDirection(ctx.locale)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <PageStyles locale={ctx.locale} />
          <link rel="icon" href="/assets/city/logo" />
          {/* Installable (Android and iOS): the manifest in this page's language, the icon and name on the home screen. */}
          <link rel="manifest" href={`/manifest.webmanifest?lang=${ctx.locale}`} />
          <meta name="theme-color" content={ctx.city.colors.primary} />
          <link rel="apple-touch-icon" href={appIconUrl(appleTouchIcon)} />
          <meta name="apple-mobile-web-app-title" content={ctx.city.name} />
          <LanguageAlternates ctx={ctx} />
          <script src="/assets/app.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#inhalt">
            {t.html('skip.toContent')}
          </a>
          <header class="site-header">
            <div class="kern-container site-header__bar">
              <a class="site-brand" href="/">
                <img src="/assets/city/logo" alt="" width="40" height="40" />
                <span class="site-brand__text">
                  <span class="site-brand__city" safe>
                    {t('header.city', { city: ctx.city.name })}
                  </span>
                  <span class="site-brand__portal" safe>
                    {ctx.city.portalName}
                  </span>
                </span>
              </a>
              <LanguageSwitch ctx={ctx} />
            </div>
            {/* Folded on small screens, always open on wide ones (app.css); works without JavaScript. */}
            <details class="site-menu">
              <summary class="site-menu__toggle">
                <span class="kern-label">{t.html('menu.toggle')}</span>
              </summary>
              <div class="kern-container site-header__tools">
                <SiteSearch ctx={ctx} />
                <AccountNav ctx={ctx} />
              </div>
              <nav class="site-nav" aria-label={t('nav.label')}>
                <ul class="kern-container site-nav__list">
                  {(ctx.navigation ?? []).map((s) => (
                    <li>
                      <a href={s.path} class="site-nav__link" aria-current={section === s.path ? 'page' : undefined} safe>
                        {s.label(ctx.locale)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </details>
          </header>
          <main id="inhalt" class="kern-container site-main" tabindex="-1">
            {children}
          </main>
          <footer class="site-footer">
            <div class="kern-container">
              {(ctx.footer ?? []).map((slot) => slot(ctx))}
              <nav aria-label={t('footer.label')}>
                <ul class="site-inline-list site-footer__links">
                  {(ctx.footerLinks ?? []).map((l) => (
                    <li>
                      {l.icon ? (
                        <a class="kern-link" href={footerHref(l, ctx.path)}>
                          <span class={`kern-icon kern-icon--${l.icon}`} aria-hidden="true"></span>
                          <span class="icon-link__text" safe>
                            {l.label(ctx.locale)}
                          </span>
                        </a>
                      ) : (
                        <a class="kern-link" href={footerHref(l, ctx.path)} safe>
                          {l.label(ctx.locale)}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </nav>
              <p class="kern-body kern-body--small" safe>
                {t('footer.familyOffice', { office: `${ctx.city.familyOffice.name}, ${ctx.city.familyOffice.phone}, ${ctx.city.familyOffice.email}` })}
              </p>
              <p class="kern-body kern-body--small">{t.html('footer.licence')}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
