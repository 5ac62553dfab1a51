import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, CsrfField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { moderationMessages } from '../moderation.messages.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { Markdown } from './parts.js';
import { day, section } from './public.js';

type ReportsView = Awaited<ReturnType<NetworkService['reportsPage']>>;

/** The reported posts a lead (or staff) works through: each with its reports, done or hidden; hidden posts to show again. */
export function ReportsPage({ ctx, view, notice }: { ctx: PageContext; view: ReportsView; notice?: string }) {
  const t = networkMessages(ctx.locale);
  const m = moderationMessages(ctx.locale);
  const author = (name: string | null) => name ?? t('feed.formerMember');
  return (
    <Layout ctx={ctx} title={m('reports.title')} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/mein">
          {t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{m.html('reports.title')}</h1>
      <p class="kern-body">{view.everyGroup ? m.html('reports.lead.staff') : m.html('reports.lead')}</p>
      {view.open.length === 0 ? <p class="kern-body">{m.html('reports.none')}</p> : ''}
      <ol class="network-feed">
        {view.open.map(({ post, reports }) => (
          <li id={`meldung-${post.post_id}`}>
            <article>
              <h2 class="kern-heading-small" safe>
                {m('reports.post', { author: author(post.author), group: post.group_name, date: day(post.posted_at, ctx.locale) })}
              </h2>
              <div class="network-post" lang="de">
                <Markdown source={post.body} />
              </div>
              <p class="kern-body kern-body--small" safe>
                {m('reports.count', { count: reports.length })}
              </p>
              <ul class="kern-list">
                {reports.map((r) => (
                  <li safe>{m('reports.reason', { name: author(r.reporter), date: formatDateTime(r.created_at, ctx.locale), reason: r.reason })}</li>
                ))}
              </ul>
              <form method="post" action={`/netzwerk/beitraege/${post.post_id}/erledigt`} class="network-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <SubmitButton label={m('reports.done')} variant="secondary" />
              </form>
              <form method="post" action={`/netzwerk/beitraege/${post.post_id}/ausblenden`} class="network-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <SubmitButton label={m('reports.hide')} variant="secondary" />
              </form>
            </article>
          </li>
        ))}
      </ol>
      <h2 class="kern-heading-medium">{m.html('reports.hidden')}</h2>
      {view.hidden.length === 0 ? <p class="kern-body">{m.html('reports.hidden.none')}</p> : ''}
      <ol class="network-feed">
        {view.hidden.map((p) => (
          <li>
            <p class="kern-body kern-body--small" safe>
              {m('reports.hiddenAt', { author: author(p.author), group: p.group_name, date: day(p.hidden_at!, ctx.locale) })}
            </p>
            <div class="network-post" lang="de">
              <Markdown source={p.body} />
            </div>
            <form method="post" action={`/netzwerk/beitraege/${p.id}/einblenden`}>
              <CsrfField token={ctx.csrfToken} />
              <SubmitButton label={m('reports.show')} variant="tertiary" />
            </form>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
