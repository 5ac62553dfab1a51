import type { PageContext } from '../../../platform/http/context.js';
import { subscribeMessages } from '../subscribe.messages.js';

/**
 * The small sign-up form for the footer of every page. It posts to /infobrief like the full form;
 * its ids are prefixed so it can sit on the same page as the full form. It carries no CSRF token, so
 * every page with it stays the same for every visitor (the page cache, subscriptions.pages.tsx says why).
 */
export function NewsletterSignupBox({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = subscribeMessages(ctx.locale);
  return (
    <section class="newsletter-box" aria-labelledby="nl-box-title">
      <h2 class="kern-heading-small" id="nl-box-title">
        {t.html('box.title')}
      </h2>
      <p class="kern-body kern-body--small">{t.html('box.text')}</p>
      <form method="post" action="/infobrief" novalidate>
        <input type="hidden" name="locale" value={ctx.locale} />
        <div class="kern-form-input">
          <label class="kern-label" for="nl-box-email">
            {t.html('field.email')}
          </label>
          <input class="kern-form-input__input" id="nl-box-email" name="email" type="email" autocomplete="email" spellcheck="false" required />
        </div>
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" id="nl-box-consent" name="consent" type="checkbox" value="ja" />
          <label class="kern-label" for="nl-box-consent">
            {t.html('field.consent')}
          </label>
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.html('box.submit')}</span>
        </button>
      </form>
      <p class="kern-body kern-body--small">
        <a class="kern-link" href="/infobrief">
          {t.html('box.more')}
        </a>
      </p>
    </section>
  );
}
