import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, CsrfField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { composeMessages } from '../compose.messages.js';
import type { Issue } from '../issues.repository.js';

/** The last step before "send now": how many addresses, that it cannot be undone, and a way back. */
export function SendCheckPage({ ctx, issue, confirmed }: { ctx: PageContext; issue: Issue; confirmed: number }): JSX.Element {
  const t = composeMessages(ctx.locale);
  const base = `/verwaltung/infobrief/${issue.id}`;
  return (
    <Layout ctx={ctx} title={t('send.check.title')}>
      <h1 class="kern-heading-large" safe>
        {t('send.check.title')}
      </h1>
      <Alert kind="warning" title={t('send.check.count', { n: confirmed, subject: issue.subject })}>
        <p class="kern-body" safe>
          {t('send.check.final')}
        </p>
      </Alert>
      {issue.status === 'scheduled' && issue.scheduledAt ? (
        <p class="kern-body" safe>
          {t('send.check.scheduled', { date: formatDateTime(issue.scheduledAt, ctx.locale) })}
        </p>
      ) : (
        ''
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/vorschau`} safe>
          {t('send.check.preview')}
        </a>
      </p>
      <form method="post" action={`${base}/senden`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="bestaetigt" value="ja" />
        <SubmitButton label={t('send.confirm', { n: confirmed })} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={base} safe>
          {t('send.cancel')}
        </a>
      </p>
    </Layout>
  );
}
