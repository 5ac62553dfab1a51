import type { PageContext } from '../../../platform/http/context.js';
import { Alert, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { moderationMessages } from '../moderation.messages.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { documentPath, groupPath, reportsPath } from '../network.paths.js';
import { visitMessages } from '../visits.messages.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { day, section } from './public.js';
import { MeetingList, TaskList } from './parts.js';
import { Feed } from './feed.js';

type MyPage = Awaited<ReturnType<NetworkService['myPage']>>;

/** Documents of my groups added or changed since my last visit (of the start page). */
function NewDocuments({ ctx, since, documents }: { ctx: PageContext; since: Date; documents: MyPage['newDocuments'] }) {
  const v = visitMessages(ctx.locale);
  const date = formatDateTime(since, ctx.locale);
  return (
    <>
      <h2 class="kern-heading-medium">{v.html('new.title')}</h2>
      {documents.length === 0 ? (
        <p class="kern-body">{v.html('new.none', { date })}</p>
      ) : (
        <>
          <p class="kern-body">{v.html('new.since', { date })}</p>
          <ul class="kern-list">
            {documents.map((d) => (
              <li>
                <a class="kern-link" href={documentPath(d.id)} lang="de" safe>
                  {d.title}
                </a>
                <span safe>{` · ${v('new.entry', { group: d.group_name, date: formatDateTime(d.updated_at, ctx.locale) })}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function MyNetworkPage({ ctx, view, notice }: { ctx: PageContext; view: MyPage; notice?: string }) {
  const t = networkMessages(ctx.locale);
  const members = view.groups.filter((g) => g.state === 'member');
  const invited = view.groups.filter((g) => g.state === 'invited');
  const requested = view.groups.filter((g) => g.state === 'requested');
  return (
    <Layout ctx={ctx} title={t('mine.title')} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('mine.title')}</h1>
      <p class="kern-body">
        <a class="kern-link" href="/benachrichtigungen">
          {t.html('settings.link')}
        </a>
        {view.openReports === null ? (
          ''
        ) : (
          <>
            {' '}
            <a class="kern-link" href={reportsPath}>
              {moderationMessages(ctx.locale).html('reports.link', { count: view.openReports })}
            </a>
          </>
        )}
      </p>
      <form method="get" action="/netzwerk/suche" role="search">
        <TextField name="q" type="search" label={t('search.label')} />
        <SubmitButton label={t('search.submit')} variant="secondary" />
      </form>
      <h2 class="kern-heading-medium">{t.html('mine.groups')}</h2>
      {view.isStaff ? (
        <p class="kern-body">
          <a class="kern-link" href="/netzwerk/gruppen/neu">
            {t.html('groupForm.new')}
          </a>{' '}
          <a class="kern-link" href="/netzwerk/partner">
            {t.html('partnerForm.list')}
          </a>
        </p>
      ) : (
        ''
      )}
      {members.length === 0 ? <p class="kern-body">{t.html('mine.groups.none')}</p> : ''}
      <ul class="kern-list">
        {members.map((g) => (
          <li>
            <a class="kern-link" href={groupPath(g.slug)} lang="de" safe>
              {g.name}
            </a>
            {g.role === 'lead' ? <span safe>{` · ${t('role.lead')}`}</span> : ''}
          </li>
        ))}
        {invited.map((g) => (
          <li>
            <a class="kern-link" href={groupPath(g.slug)} lang="de" safe>
              {g.name}
            </a>
            <span safe>{` · ${t('state.invited')}`}</span>
          </li>
        ))}
        {requested.map((g) => (
          <li>
            <a class="kern-link" href={groupPath(g.slug)} lang="de" safe>
              {g.name}
            </a>
            <span safe>{` · ${t('state.requested')}`}</span>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('mine.meetings')}</h2>
      <MeetingList ctx={ctx} meetings={view.meetings} />
      <h2 class="kern-heading-medium">{t.html('mine.tasks')}</h2>
      <TaskList ctx={ctx} tasks={view.tasks} />
      <NewDocuments ctx={ctx} since={view.newSince} documents={view.newDocuments} />
      <h2 class="kern-heading-medium">{t.html('mine.feed')}</h2>
      {view.issues.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{t.html('mine.infobrief')}</h3>
          <ul class="kern-list">
            {view.issues.map((i) => (
              <li>
                <a class="kern-link" href={i.path} lang="de" safe>
                  {i.subject}
                </a>{' '}
                <span safe>{day(i.sentAt, ctx.locale)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <Feed ctx={ctx} posts={view.posts} attachments={view.attachments} />
      {view.otherGroups.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.html('mine.other')}</h2>
          <ul class="kern-list">
            {view.otherGroups.map((g) => (
              <li>
                <a class="kern-link" href={groupPath(g.slug)} lang="de" safe>
                  {g.name}
                </a>
                <span safe>{` · ${t(`access.${g.access}`)}`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
