import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { Alert, CsrfField, FileField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { attachmentMessages } from '../attachments.messages.js';
import { calendarMessages } from '../calendar.messages.js';
import { moderationMessages } from '../moderation.messages.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { documentPath, groupPath, reportsPath } from '../network.paths.js';
import { day, section } from './public.js';
import { documentAccept, Errors, MeetingList, TaskList } from './parts.js';
import { Feed } from './feed.js';

type GroupPage = Awaited<ReturnType<NetworkService['groupPage']>>;

export function GroupPageView({
  ctx,
  view,
  notice,
  errors,
  values,
}: {
  ctx: PageContext;
  view: GroupPage;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const t = networkMessages(ctx.locale);
  const a = attachmentMessages(ctx.locale);
  const { group } = view;
  const path = groupPath(group.slug);
  const state = view.standing.membership?.state;
  const requests = view.members.filter((m) => m.state !== 'member');
  const members = view.members.filter((m) => m.state === 'member');
  return (
    <Layout ctx={ctx} title={group.name} section={section} hasErrors={!!errors && Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/mein">
          {t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {group.name}
      </h1>
      <p class="kern-body">
        <span safe>{t(`access.${group.access}`)}</span>
        {group.lead_organization ? <span safe>{` · ${t('group.lead', { organization: group.lead_organization })}`}</span> : ''}
      </p>
      {group.topic ? (
        <p class="kern-body kern-body--large" lang="de" safe>
          {group.topic}
        </p>
      ) : (
        ''
      )}
      {view.isLead ? (
        <p class="kern-body">
          <a class="kern-link" href={`${path}/bearbeiten`}>
            {t.html('groupForm.edit')}
          </a>{' '}
          <a class="kern-link" href={reportsPath}>
            {moderationMessages(ctx.locale).html('reports.link', { count: view.openReports })}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.isMember ? (
        ''
      ) : state === 'requested' ? (
        <Alert kind="info" title={t('join.requested')} />
      ) : (
        <form method="post" action={`${path}/beitreten`}>
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton label={state === 'invited' ? t('join.accept') : group.access === 'open' ? t('join.open') : t('join.request')} />
        </form>
      )}

      {view.isMember ? (
        <>
          <h2 class="kern-heading-medium">{t.html('group.meetings')}</h2>
          <MeetingList ctx={ctx} meetings={view.meetings} />
          <p class="kern-body">
            <a class="kern-link" href={`/netzwerk/benachrichtigungen#kalender-${group.slug}`}>
              {calendarMessages(ctx.locale).html('group.link')}
            </a>
          </p>
          {view.polls.length > 0 ? (
            <ul class="kern-list">
              {view.polls.map((p) => (
                <li>
                  <a class="kern-link" href={`/netzwerk/umfragen/${p.id}`} safe>
                    {t('poll.open', { title: p.title })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {view.isLead ? (
            <p class="kern-body">
              <a class="kern-link" href={`${path}/termine/neu`}>
                {t.html('meeting.new')}
              </a>{' '}
              <a class="kern-link" href={`${path}/umfragen/neu`}>
                {t.html('poll.new')}
              </a>
            </p>
          ) : (
            ''
          )}
          <h2 class="kern-heading-medium">{t.html('group.tasks')}</h2>
          <TaskList ctx={ctx} tasks={view.tasks} />
          <h2 class="kern-heading-medium">{t.html('group.documents')}</h2>
          {view.documents.length === 0 ? <p class="kern-body">{t.html('documents.none')}</p> : ''}
          <ul class="kern-list">
            {view.documents.map((d) => (
              <li>
                <a class="kern-link" href={documentPath(d.id)} lang="de" safe>
                  {d.folder ? `${d.folder} / ${d.title}` : d.title}
                </a>{' '}
                <span
                  safe
                >{`${t(`visibility.${d.visibility}`)} · ${t('document.version', { number: d.current_version })} · ${day(d.updated_at, ctx.locale)}`}</span>
              </li>
            ))}
          </ul>
          <p class="kern-body">
            <a class="kern-link" href={`${path}/dokumente/neu`}>
              {t.html('document.new')}
            </a>
          </p>
          <h2 class="kern-heading-medium" id="feed">
            {t.html('group.feed')}
          </h2>
          <form method="post" action={`${path}/beitraege`} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="body" label={t('post.body')} hint={t('post.body.hint')} value={values?.body} error={errors?.body} rows={4} />
            <FileField name="file" label={a('post.file')} hint={a('post.file.hint')} error={errors?.file} accept={documentAccept} />
            <TextField name="fileTitle" label={a('post.fileTitle')} hint={a('post.fileTitle.hint')} value={values?.fileTitle} error={errors?.fileTitle} />
            <details class="post-more-files" open={Boolean(errors?.file2 || errors?.fileTitle2 || errors?.file3 || errors?.fileTitle3)}>
              <summary class="kern-body">{a.html('post.more')}</summary>
              {([2, 3] as const).map((n) => (
                <>
                  <FileField name={`file${n}`} label={a('post.fileN', { n })} error={errors?.[`file${n}`]} accept={documentAccept} />
                  <TextField name={`fileTitle${n}`} label={a('post.fileTitleN', { n })} value={values?.[`fileTitle${n}`]} error={errors?.[`fileTitle${n}`]} />
                </>
              ))}
            </details>
            <SubmitButton label={t('post.submit')} />
          </form>
          <Feed
            ctx={ctx}
            posts={view.posts}
            comments={view.comments}
            attachments={view.attachments}
            errors={errors}
            values={values}
            actions={{ actorId: view.actorId, isLead: view.isLead, revisions: view.revisions }}
          />
        </>
      ) : (
        ''
      )}

      <h2 class="kern-heading-medium" id="mitglieder">
        {t.html('group.membersHeading', { count: members.length })}
      </h2>
      <ul class="kern-list">
        {members.map((m) => (
          <li>
            <span safe>{m.role === 'lead' ? t('member.lead', { name: m.display_name }) : m.display_name}</span>
            {view.isLead && m.role !== 'lead' ? (
              <form method="post" action={`${path}/mitglieder/${m.id}/entfernen`} class="network-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="kern-btn kern-btn--tertiary">
                  <span class="kern-label" safe>
                    {t('member.remove', { name: m.display_name })}
                  </span>
                </button>
              </form>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {view.isLead && requests.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{t.html('group.requests')}</h3>
          <ul class="kern-list">
            {requests.map((m) => (
              <li>
                <span safe>{`${m.display_name} · ${t(`state.${m.state}`)}`}</span>
                {m.state === 'requested' ? (
                  <form method="post" action={`${path}/mitglieder/${m.id}/aufnehmen`} class="network-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="kern-btn kern-btn--secondary">
                      <span class="kern-label" safe>
                        {t('member.accept', { name: m.display_name })}
                      </span>
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {view.isLead ? (
        <form method="post" action={`${path}/einladen`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="email" type="email" label={t('invite.email')} hint={t('invite.email.hint')} value={values?.email} error={errors?.email} />
          <SubmitButton label={t('invite.submit')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
      {state === 'member' ? (
        <form method="post" action={`${path}/verlassen`}>
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton label={t('leave.submit')} variant="tertiary" />
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
