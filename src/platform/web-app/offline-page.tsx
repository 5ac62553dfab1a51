import type { PageContext } from '../http/context.js';
import { Layout } from '../views/layout.js';
import { webAppMessages } from './web-app.messages.js';

/** The service worker keeps this page and shows it to whoever is offline: no session, no form token, no footer form. */
export const anonymous = (ctx: PageContext): PageContext => ({
  locale: ctx.locale,
  actor: null,
  csrfToken: '',
  path: ctx.path,
  publicUrl: ctx.publicUrl,
  city: ctx.city,
  footer: [],
  navigation: ctx.navigation,
  footerLinks: ctx.footerLinks,
});

/** What the service worker shows when a page cannot load: plainly, that there is no connection, and what still works. */
export function OfflinePage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = webAppMessages(ctx.locale);
  const office = ctx.city.familyOffice;
  return (
    <Layout ctx={ctx} title={t('offline.title')}>
      <h1 class="kern-heading-large">{t.html('offline.title')}</h1>
      <p class="kern-body">{t.html('offline.lead')}</p>
      <p class="kern-body">{t.html('offline.retry')}</p>
      <h2 class="kern-heading-medium">{t.html('offline.stillWorks')}</h2>
      <ul class="kern-list kern-list--bullet">
        {/* dir="ltr": a phone number reads left to right in Arabic text too. */}
        <li>
          <span safe>{t('offline.phone', { hours: office.openingHours[ctx.locale] })}</span>{' '}
          <a class="kern-link" href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} dir="ltr" safe>
            {office.phone}
          </a>
        </li>
        <li>{t.html('offline.calendar')}</li>
      </ul>
      <p class="kern-body">{t.html('offline.forms')}</p>
    </Layout>
  );
}
