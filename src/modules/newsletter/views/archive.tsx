import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Issue } from '../issues.repository.js';
import { issueMessages } from '../issues.messages.js';
import { IssueBody } from './issue-body.js';

const section = '/infobrief';

/** /infobrief/archiv: every sent issue, newest first. */
export function ArchiveListPage({ ctx, issues }: { ctx: PageContext; issues: Issue[] }): JSX.Element {
  const t = issueMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('archive.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('archive.title')}</h1>
      <p class="kern-body">{t.html('archive.intro')}</p>
      {issues.length === 0 ? <p class="kern-body">{t.html('archive.none')}</p> : ''}
      <ul class="kern-list">
        {issues.map((i) => (
          <li>
            <a class="kern-link" href={`/infobrief/archiv/${i.id}`} safe>
              {i.frozen?.subject ?? i.subject}
            </a>{' '}
            <span class="kern-body kern-body--small" safe>
              {`(${t('archive.sent', { date: formatDateTime(i.finishedAt ?? i.startedAt!, ctx.locale) })})`}
            </span>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href="/infobrief/archiv.rss" type="application/rss+xml">
          {t.html('archive.rss')}
        </a>
        {' · '}
        <a class="kern-link" href="/infobrief">
          {t.html('archive.subscribe')}
        </a>
      </p>
    </Layout>
  );
}

/** One sent issue as a web page: the frozen content, without any personal link. */
export function ArchiveIssuePage({ ctx, issue }: { ctx: PageContext; issue: Issue }): JSX.Element {
  const t = issueMessages(ctx.locale);
  const content = issue.frozen!;
  return (
    <Layout ctx={ctx} title={content.subject} section={section}>
      <p class="kern-body">
        <a class="kern-link" href="/infobrief/archiv">
          {t.html('archive.back')}
        </a>
      </p>
      <h1 class="kern-heading-large" lang="de" safe>
        {content.subject}
      </h1>
      <p class="kern-body kern-body--small" safe>
        {t('archive.sent', { date: formatDateTime(issue.finishedAt ?? issue.startedAt!, ctx.locale) })}
      </p>
      <IssueBody content={content} locale={ctx.locale} />
      <p class="kern-body">
        <a class="kern-link" href="/infobrief">
          {t.html('archive.subscribe')}
        </a>
      </p>
    </Layout>
  );
}
