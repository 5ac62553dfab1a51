import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { composeMessages } from '../compose.messages.js';
import type { Issue } from '../issues.repository.js';

/** The state of an issue in words. */
export function issueStatus(ctx: PageContext, issue: Issue): string {
  const t = composeMessages(ctx.locale);
  if (issue.status === 'scheduled' && issue.scheduledAt) return t('status.scheduled', { date: formatDateTime(issue.scheduledAt, ctx.locale) });
  if (issue.status === 'sent') return t('status.sent', { date: formatDateTime(issue.finishedAt ?? issue.startedAt ?? issue.updatedAt, ctx.locale) });
  return t(issue.status === 'sending' ? 'status.sending' : 'status.draft');
}

/** /verwaltung/infobrief: subscriber counts (never addresses) and the issues. */
export function IssueOverviewPage({
  ctx,
  issues,
  counts,
  notice,
}: {
  ctx: PageContext;
  issues: Issue[];
  counts: Record<'pending' | 'confirmed' | 'unsubscribed' | 'suppressed', number>;
  notice?: string;
}): JSX.Element {
  const t = composeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('overview.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('overview.title')}</h1>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href="/verwaltung/infobrief/neu">
          <span class="kern-label">{t.html('overview.new')}</span>
        </a>{' '}
        <a class="kern-link" href="/verwaltung/neuigkeiten">
          {t.html('overview.news')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('overview.counts')}</h2>
      <ul class="kern-list">
        <li safe>{t('overview.confirmed', { n: counts.confirmed })}</li>
        <li safe>{t('overview.pending', { n: counts.pending })}</li>
        <li safe>{t('overview.unsubscribed', { n: counts.unsubscribed })}</li>
        <li safe>{t('overview.suppressed', { n: counts.suppressed })}</li>
      </ul>
      <h2 class="kern-heading-medium">{t.html('overview.issues')}</h2>
      {issues.length === 0 ? (
        <p class="kern-body">{t.html('overview.none')}</p>
      ) : (
        <DataTable
          caption={t('overview.issues')}
          captionHidden
          rows={issues}
          columns={[
            { header: t('col.subject'), text: (i) => i.subject, rowHeader: true },
            { header: t('col.status'), text: (i) => issueStatus(ctx, i) },
            {
              header: t('col.actions'),
              html: (i) => (
                <a
                  class="kern-link"
                  href={i.status === 'sending' || i.status === 'sent' ? `/verwaltung/infobrief/${i.id}/fortschritt` : `/verwaltung/infobrief/${i.id}`}
                >
                  <span safe>{t(i.status === 'sending' || i.status === 'sent' ? 'progress' : 'open')}</span>
                  <span class="visually-hidden" safe>{`: ${i.subject}`}</span>
                </a>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
