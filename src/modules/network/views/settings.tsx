import type { PageContext } from '../../../platform/http/context.js';
import { Alert, CsrfField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { calendarMessages } from '../calendar.messages.js';
import { networkMessages } from '../network.messages.js';
import { groupPath } from '../network.paths.js';
import type { NetworkService } from '../network.service.js';
import { section } from './public.js';

type CalendarSettings = Awaited<ReturnType<NetworkService['calendarSettings']>>;

/** The calendar feeds' addresses (the person's own and one per group), and the way to the notification settings. */
export function SettingsPage({ ctx, calendars, notice }: { ctx: PageContext; calendars: CalendarSettings; notice?: string }) {
  const t = networkMessages(ctx.locale);
  const c = calendarMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('settings.title')} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('settings.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('settings.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/benachrichtigungen">
          {t.html('settings.link')}
        </a>
      </p>
      <h2 class="kern-heading-medium" id="kalender">
        {t.html('calendar.heading')}
      </h2>
      <p class="kern-body">{t.html('calendar.lead')}</p>
      <TextField name="calendar-url" label={t('calendar.url')} value={calendars.personal} />
      <form method="post" action="/netzwerk/benachrichtigungen/kalender">
        <CsrfField token={ctx.csrfToken} />
        <p class="kern-body">{c.html('renew.all')}</p>
        <SubmitButton label={t('calendar.renew')} variant="secondary" />
      </form>
      <h2 class="kern-heading-medium">{c.html('groups.heading')}</h2>
      <p class="kern-body">{c.html('groups.lead')}</p>
      {calendars.groups.length === 0 ? <p class="kern-body">{c.html('groups.none')}</p> : ''}
      {calendars.groups.map((g) => (
        <section id={`kalender-${g.slug}`} aria-label={g.name}>
          <TextField name={`calendar-${g.slug}`} label={c('group.url', { group: g.name })} value={g.url} />
          {g.isLead ? (
            <form method="post" action={`${groupPath(g.slug)}/kalender`}>
              <CsrfField token={ctx.csrfToken} />
              <p class="kern-body">{c.html('group.renew.lead')}</p>
              <SubmitButton label={c('group.renew', { group: g.name })} variant="tertiary" />
            </form>
          ) : (
            ''
          )}
        </section>
      ))}
    </Layout>
  );
}

export function UnsubscribePage({ ctx, token }: { ctx: PageContext; token: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribe.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('unsubscribe.title')}</h1>
      <p class="kern-body">{t.html('unsubscribe.lead')}</p>
      <form method="post" action="/netzwerk/benachrichtigungen/abbestellen">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('unsubscribe.submit')} />
      </form>
    </Layout>
  );
}
