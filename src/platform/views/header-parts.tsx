import type { PageContext } from '../http/context.js';
import { isEditor } from '../auth/roles.js';
import { layoutMessages } from './layout.messages.js';

/** The account links: log in and register, or the own account, administration and log out. */
export function AccountNav({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = layoutMessages(ctx.locale);
  return (
    <nav class="site-account" aria-label={t('account.label')}>
      <ul class="site-inline-list">
        {ctx.actor ? (
          <>
            {isEditor(ctx.actor) ? (
              <li>
                <a class="kern-link" href="/verwaltung">
                  {t.html('account.admin')}
                </a>
              </li>
            ) : (
              ''
            )}
            <li>
              <a class="kern-link" href="/konto">
                {t.html('account.mine')}
              </a>
            </li>
            <li>
              <form method="post" action="/abmelden" class="site-inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                  <span class="kern-label">{t.html('account.logout')}</span>
                </button>
              </form>
            </li>
          </>
        ) : (
          <>
            <li>
              <a class="kern-link" href="/anmelden">
                {t.html('account.login')}
              </a>
            </li>
            <li>
              <a class="kern-link" href="/registrieren">
                {t.html('account.register')}
              </a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** The site search (/suche) on every page. */
export function SiteSearch({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = layoutMessages(ctx.locale);
  return (
    <form class="site-search" role="search" method="get" action="/suche">
      <label class="kern-label" for="site-search-q">
        {t.html('search.label')}
      </label>
      <div class="site-search__row">
        <input class="kern-form-input__input" id="site-search-q" name="q" type="search" placeholder={t('search.placeholder')} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.html('search.submit')}</span>
        </button>
      </div>
    </form>
  );
}
