import type { NetworkRsvp } from '../../../db/tables/network.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime, formatCivilDate, numberFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import {
  Alert,
  Checkbox,
  CsrfField,
  DateField,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { todayIn } from '../../../platform/time/berlin.js';
import { renderMarkdown } from '../../content/index.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { documentPath, groupPath, meetingPath } from '../network.service.js';
import { day, section } from './public.js';

type MyPage = Awaited<ReturnType<NetworkService['myPage']>>;
type GroupPage = Awaited<ReturnType<NetworkService['groupPage']>>;
type DocumentPage = Awaited<ReturnType<NetworkService['documentPage']>>;
type MeetingPage = Awaited<ReturnType<NetworkService['meetingPage']>>;

const documentAccept =
  'application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/jpeg,image/png,image/webp,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/** Members' Markdown, rendered by the portal's Markdown renderer (raw HTML off, links checked). */
function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

function Errors({ ctx, errors }: { ctx: PageContext; errors?: FieldErrors }) {
  return <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors ?? {}} />;
}

function RsvpButtons({ ctx, action, current, token }: { ctx: PageContext; action: string; current?: NetworkRsvp; token?: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <form method="post" action={action} class="network-rsvp">
      <CsrfField token={ctx.csrfToken} />
      {token ? <input type="hidden" name="token" value={token} /> : ''}
      {(['yes', 'maybe', 'no'] as const).map((answer) => (
        <button
          type="submit"
          name="answer"
          value={answer}
          class={`kern-btn kern-btn--${current === answer ? 'primary' : 'secondary'}`}
          aria-pressed={current === answer ? 'true' : 'false'}
        >
          <span class="kern-label">{t.html(`rsvp.${answer}`)}</span>
        </button>
      ))}
    </form>
  );
}

interface FeedComment {
  id: string;
  post_id: string;
  body: string;
  created_at: Date;
  author: string | null;
}

interface PostRevision {
  id: string;
  post_id: string;
  body: string;
  created_at: Date;
  editor: string | null;
}

/** On the group's page: what the reader may do with each post (pin as lead, edit as author, report as member) and its history. */
interface FeedActions {
  actorId: string | null;
  isLead: boolean;
  revisions: PostRevision[];
}

function Feed({
  ctx,
  posts,
  comments,
  errors,
  values,
  actions,
}: {
  ctx: PageContext;
  posts: {
    id: string;
    body: string;
    created_at: Date;
    author: string | null;
    author_id?: string | null;
    pinned_at?: Date | null;
    edited_at?: Date | null;
    group_name?: string;
    group_slug?: string;
  }[];
  /** With comments (and a form for each post) on the group page; none on the start page. */
  comments?: FeedComment[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  actions?: FeedActions;
}) {
  const t = networkMessages(ctx.locale);
  if (posts.length === 0) return <p class="kern-body">{t.html('feed.none')}</p>;
  return (
    <ol class="network-feed">
      {posts.map((p) => {
        const history = actions?.revisions.filter((r) => r.post_id === p.id) ?? [];
        const editField = `bearbeiten-${p.id}`;
        const reportField = `meldung-${p.id}`;
        return (
          <li id={`beitrag-${p.id}`}>
            <article>
              {p.pinned_at ? (
                <p class="kern-body kern-body--small">
                  <strong>{t.html('post.pinned')}</strong>
                </p>
              ) : (
                ''
              )}
              <p class="kern-body kern-body--small" safe>
                {[
                  p.author ?? t('feed.formerMember'),
                  p.group_name ?? '',
                  formatDateTime(p.created_at, ctx.locale),
                  p.edited_at ? t('post.edited', { date: formatDateTime(p.edited_at, ctx.locale) }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div class="network-post" lang="de">
                <Markdown source={p.body} />
              </div>
              {history.length > 0 ? (
                <details class="network-history">
                  <summary class="kern-body kern-body--small" safe>
                    {t('post.history', { count: history.length })}
                  </summary>
                  <ol class="network-feed">
                    {history.map((r, i) => (
                      <li>
                        <p class="kern-body kern-body--small" safe>
                          {t('post.history.entry', {
                            date: formatDateTime(history[i + 1]?.created_at ?? p.edited_at ?? r.created_at, ctx.locale),
                            name: r.editor ?? t('feed.formerMember'),
                          })}
                        </p>
                        <div class="network-post" lang="de">
                          <Markdown source={r.body} />
                        </div>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : (
                ''
              )}
              {actions?.isLead ? (
                <form method="post" action={`/netzwerk/beitraege/${p.id}/anheften`}>
                  <CsrfField token={ctx.csrfToken} />
                  <SubmitButton label={p.pinned_at ? t('post.unpin') : t('post.pin')} variant="tertiary" />
                </form>
              ) : (
                ''
              )}
              {actions && actions.actorId && p.author_id === actions.actorId ? (
                <details open={!!errors?.[editField]}>
                  <summary class="kern-body kern-body--small">{t.html('post.edit')}</summary>
                  <form method="post" action={`/netzwerk/beitraege/${p.id}/bearbeiten`} novalidate>
                    <CsrfField token={ctx.csrfToken} />
                    <TextArea name={editField} label={t('post.edit')} value={values?.[editField] ?? p.body} error={errors?.[editField]} rows={4} lang="de" />
                    <SubmitButton label={t('post.edit.submit')} variant="secondary" />
                  </form>
                </details>
              ) : (
                ''
              )}
              {actions && actions.actorId && p.author_id !== actions.actorId ? (
                <details open={!!errors?.[reportField]}>
                  <summary class="kern-body kern-body--small">{t.html('report.title')}</summary>
                  <form method="post" action={`/netzwerk/beitraege/${p.id}/melden`} novalidate>
                    <CsrfField token={ctx.csrfToken} />
                    <TextArea name={reportField} label={t('report.reason')} value={values?.[reportField]} error={errors?.[reportField]} rows={2} />
                    <SubmitButton label={t('report.submit')} variant="secondary" />
                  </form>
                </details>
              ) : (
                ''
              )}
              {comments ? <Comments ctx={ctx} postId={p.id} comments={comments.filter((c) => c.post_id === p.id)} error={errors?.[`kommentar-${p.id}`]} /> : ''}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

function Comments({ ctx, postId, comments, error }: { ctx: PageContext; postId: string; comments: FeedComment[]; error?: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <section class="network-comments" aria-label={t('comments.count', { count: comments.length })}>
      <p class="kern-body kern-body--small" safe>
        {t('comments.count', { count: comments.length })}
      </p>
      <ul class="network-feed">
        {comments.map((c) => (
          <li>
            <p class="kern-body kern-body--small" safe>
              {`${c.author ?? t('feed.formerMember')} · ${formatDateTime(c.created_at, ctx.locale)}`}
            </p>
            <div class="network-post" lang="de">
              <Markdown source={c.body} />
            </div>
          </li>
        ))}
      </ul>
      <form method="post" action={`/netzwerk/beitraege/${postId}/kommentare`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name={`kommentar-${postId}`} label={t('comment.body')} error={error} rows={2} />
        <SubmitButton label={t('comment.submit')} variant="secondary" />
      </form>
    </section>
  );
}

function MeetingList({
  ctx,
  meetings,
}: {
  ctx: PageContext;
  meetings: { id: string; title: string; starts_at: Date; group_name: string; answer?: NetworkRsvp }[];
}) {
  const t = networkMessages(ctx.locale);
  if (meetings.length === 0) return <p class="kern-body">{t.html('meetings.none')}</p>;
  return (
    <ul class="kern-list">
      {meetings.map((m) => (
        <li>
          <a class="kern-link" href={meetingPath(m.id)} lang="de" safe>
            {m.title}
          </a>{' '}
          <span safe>{`${formatDateTime(m.starts_at, ctx.locale)} · ${m.group_name}`}</span>
          {'answer' in m ? <span safe>{` · ${m.answer ? t(`rsvp.state.${m.answer}`) : t('rsvp.state.none')}`}</span> : ''}
        </li>
      ))}
    </ul>
  );
}

function TaskList({
  ctx,
  tasks,
}: {
  ctx: PageContext;
  tasks: { id: string; title: string; due_on: string | null; owner: string | null; group_name: string; status: string }[];
}) {
  const t = networkMessages(ctx.locale);
  if (tasks.length === 0) return <p class="kern-body">{t.html('tasks.none')}</p>;
  return (
    <DataTable
      caption={t('tasks.title')}
      captionHidden
      rows={tasks}
      columns={[
        { header: t('task.title'), rowHeader: true, text: (r) => r.title },
        { header: t('task.owner'), text: (r) => r.owner ?? '—' },
        {
          header: t('task.due'),
          text: (r) =>
            !r.due_on
              ? '—'
              : r.status === 'open' && r.due_on < todayIn()
                ? t('task.overdue', { date: formatCivilDate(r.due_on, ctx.locale) })
                : formatCivilDate(r.due_on, ctx.locale),
        },
        { header: t('task.group'), text: (r) => r.group_name },
        {
          header: t('task.status'),
          html: (r) => (
            <form method="post" action={`/netzwerk/aufgaben/${r.id}/status`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="done" value={r.status === 'open' ? 'ja' : 'nein'} />
              <button type="submit" class="kern-btn kern-btn--tertiary">
                <span class="kern-label" safe>
                  {r.status === 'open' ? t('task.markDone', { title: r.title }) : t('task.reopen', { title: r.title })}
                </span>
              </button>
            </form>
          ),
        },
      ]}
    />
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
      <Feed ctx={ctx} posts={view.posts} />
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
          <form method="post" action={`${path}/beitraege`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="body" label={t('post.body')} hint={t('post.body.hint')} value={values?.body} error={errors?.body} rows={4} />
            <SubmitButton label={t('post.submit')} />
          </form>
          <Feed
            ctx={ctx}
            posts={view.posts}
            comments={view.comments}
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

const sizeText = (bytes: number, locale: Locale) =>
  bytes >= 1024 * 1024
    ? `${numberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
    : `${numberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;

export function DocumentFormPage({
  ctx,
  group,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('document.new')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('document.new')}</h1>
      <form method="post" action={`${groupPath(group.slug)}/dokumente/neu`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <FileField name="file" label={t('document.file')} hint={t('document.file.hint')} error={errors.file} accept={documentAccept} required />
        <TextField name="title" label={t('document.title')} value={values.title} error={errors.title} required />
        <TextArea name="description" label={t('document.description')} value={values.description} error={errors.description} rows={3} />
        <TextField name="folder" label={t('document.folder')} hint={t('document.folder.hint')} value={values.folder} error={errors.folder} />
        <SelectField
          name="visibility"
          label={t('document.visibility')}
          value={values.visibility ?? 'group'}
          error={errors.visibility}
          options={(['group', 'partners', 'public'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
        />
        <TextField name="note" label={t('document.note')} value={values.note} error={errors.note} />
        <SubmitButton label={t('document.submit')} />
      </form>
    </Layout>
  );
}

export function DocumentPageView({ ctx, view, notice, errors = {} }: { ctx: PageContext; view: DocumentPage; notice?: string; errors?: FieldErrors }) {
  const t = networkMessages(ctx.locale);
  const { doc } = view;
  const path = documentPath(doc.id);
  return (
    <Layout ctx={ctx} title={doc.title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={view.canEdit ? groupPath(doc.group_slug) : '/netzwerk'} lang="de" safe>
          {view.canEdit ? doc.group_name : t('public.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {doc.title}
      </h1>
      <p class="kern-body" safe>
        {`${t(`visibility.${doc.visibility}`)} · ${t('document.version', { number: doc.current_version })}`}
      </p>
      {doc.description ? (
        <p class="kern-body" lang="de" style="white-space: pre-line;" safe>
          {doc.description}
        </p>
      ) : (
        ''
      )}
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${path}/datei`}>
          <span class="kern-label">{t.html('document.download')}</span>
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('document.versions')}</h2>
      <DataTable
        caption={t('document.versions')}
        captionHidden
        rows={view.versions}
        columns={[
          {
            header: t('document.version.column'),
            rowHeader: true,
            html: (v) => (
              <a class="kern-link" href={`${path}/datei?version=${v.number}`} safe>
                {t('document.version', { number: v.number })}
              </a>
            ),
          },
          { header: t('document.version.when'), text: (v) => formatDateTime(v.created_at, ctx.locale) },
          { header: t('document.version.who'), text: (v) => v.uploaded_by ?? t('feed.formerMember') },
          { header: t('document.version.file'), text: (v) => `${v.filename} (${sizeText(v.size_bytes, ctx.locale)})` },
          { header: t('document.note'), text: (v) => v.note },
          ...(view.canEdit
            ? [
                {
                  header: t('document.restore.column'),
                  html: (v: DocumentPage['versions'][number]) =>
                    v.number === doc.current_version ? (
                      <span>{t.html('document.current')}</span>
                    ) : (
                      <form method="post" action={`${path}/versionen/${v.number}/wiederherstellen`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="kern-btn kern-btn--tertiary">
                          <span class="kern-label" safe>
                            {t('document.restore', { number: v.number })}
                          </span>
                        </button>
                      </form>
                    ),
                },
              ]
            : []),
        ]}
      />
      {view.canEdit ? (
        <>
          <h2 class="kern-heading-medium">{t.html('document.newVersion')}</h2>
          <form method="post" action={`${path}/versionen`} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <FileField name="file" label={t('document.file')} hint={t('document.file.hint')} error={errors.file} accept={documentAccept} required />
            <TextField name="note" label={t('document.note')} error={errors.note} />
            <SubmitButton label={t('document.newVersion.submit')} variant="secondary" />
          </form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function MeetingFormPage({
  ctx,
  group,
  values = {},
  errors = {},
  meetingId,
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Changing a planned meeting (everyone gets the update) rather than planning a new one. */
  meetingId?: string;
}) {
  const t = networkMessages(ctx.locale);
  const heading = meetingId ? t('meeting.edit') : t('meeting.new');
  return (
    <Layout ctx={ctx} title={heading} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {heading}
      </h1>
      <p class="kern-body">{meetingId ? t.html('meeting.edit.lead') : t.html('meeting.new.lead')}</p>
      <form method="post" action={meetingId ? `${meetingPath(meetingId)}/aendern` : `${groupPath(group.slug)}/termine/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('meeting.title')} value={values.title} error={errors.title} required />
        <DateField name="date" label={t('meeting.date')} value={values.date} error={errors.date} locale={ctx.locale} required />
        <TextField name="start" label={t('meeting.start')} hint={t('meeting.time.hint')} value={values.start} error={errors.start} required />
        <TextField name="end" label={t('meeting.end')} hint={t('meeting.time.hint')} value={values.end} error={errors.end} required />
        <TextField name="place" label={t('meeting.place')} value={values.place} error={errors.place} />
        <TextField name="videoUrl" type="url" label={t('meeting.video')} hint={t('meeting.video.hint')} value={values.videoUrl} error={errors.videoUrl} />
        <TextArea name="agenda" label={t('meeting.agenda')} hint={t('meeting.agenda.hint')} value={values.agenda} error={errors.agenda} rows={6} />
        <SubmitButton label={meetingId ? t('meeting.edit.submit') : t('meeting.submit')} />
      </form>
    </Layout>
  );
}

export function MeetingPageView({
  ctx,
  view,
  notice,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: MeetingPage;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const t = networkMessages(ctx.locale);
  const { meeting } = view;
  const path = meetingPath(meeting.id);
  return (
    <Layout ctx={ctx} title={meeting.title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={groupPath(meeting.group_slug)} lang="de" safe>
          {meeting.group_name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {meeting.title}
      </h1>
      {meeting.cancelled_at ? <Alert kind="warning" title={t('meeting.cancelled')} /> : ''}
      <p class="kern-body kern-body--large" safe>
        {formatDateTime(meeting.starts_at, ctx.locale)}
      </p>
      {meeting.place ? (
        <p class="kern-body" safe>
          {t('meeting.where', { where: meeting.place })}
        </p>
      ) : (
        ''
      )}
      {meeting.video_url ? (
        <p class="kern-body">
          <a class="kern-link" href={meeting.video_url} rel="noopener">
            {t.html('meeting.videoLink')}
          </a>
        </p>
      ) : (
        ''
      )}
      {meeting.agenda ? (
        <>
          <h2 class="kern-heading-medium">{t.html('meeting.agenda')}</h2>
          <div class="network-post" lang="de">
            <Markdown source={meeting.agenda} />
          </div>
        </>
      ) : (
        ''
      )}
      {meeting.cancelled_at ? (
        ''
      ) : (
        <>
          <h2 class="kern-heading-medium">{t.html('rsvp.heading')}</h2>
          <p class="kern-body">{view.mine ? t.html(`rsvp.state.${view.mine}`) : t.html('rsvp.state.none')}</p>
          <RsvpButtons ctx={ctx} action={`${path}/antwort`} current={view.mine} />
        </>
      )}
      <h2 class="kern-heading-medium">{t.html('rsvp.answers', { count: view.rsvps.length })}</h2>
      <ul class="kern-list">
        {view.rsvps.map((r) => (
          <li safe>{`${r.display_name}: ${t(`rsvp.state.${r.answer}`)}`}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('minutes.heading')}</h2>
      {meeting.minutes ? (
        <div class="network-post" lang="de">
          <Markdown source={meeting.minutes} />
        </div>
      ) : (
        <p class="kern-body">{t.html('minutes.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t.html('tasks.title')}</h2>
      <TaskList ctx={ctx} tasks={view.tasks} />
      {view.isLead ? (
        <>
          <h3 class="kern-heading-small">{t.html('minutes.edit')}</h3>
          <form method="post" action={`${path}/protokoll`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea
              name="minutes"
              label={t('minutes.label')}
              hint={t('minutes.hint')}
              value={values.minutes ?? meeting.minutes}
              error={errors.minutes}
              rows={10}
            />
            <SubmitButton label={t('minutes.submit')} variant="secondary" />
          </form>
          <h3 class="kern-heading-small">{t.html('task.new')}</h3>
          <form method="post" action={`${path}/aufgaben`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="title" label={t('task.title')} value={values.title} error={errors.title} />
            <SelectField
              name="owner"
              label={t('task.owner')}
              value={values.owner}
              error={errors.owner}
              options={[{ value: '', label: t('task.owner.none') }, ...view.members.map((m) => ({ value: m.id, label: m.display_name }))]}
            />
            <DateField name="due" label={t('task.due')} value={values.due} error={errors.due} locale={ctx.locale} />
            <SubmitButton label={t('task.submit')} variant="secondary" />
          </form>
          {meeting.cancelled_at ? (
            ''
          ) : (
            <p class="kern-body">
              <a class="kern-link" href={`${path}/aendern`}>
                {t.html('meeting.edit')}
              </a>
            </p>
          )}
          {meeting.cancelled_at ? (
            ''
          ) : (
            <form method="post" action={`${path}/absagen`}>
              <CsrfField token={ctx.csrfToken} />
              <SubmitButton label={t('meeting.cancel')} variant="tertiary" />
            </form>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The page an RSVP link from a mail opens: the answer is taken with a button (mail scanners open links). */
export function RsvpLinkPage({
  ctx,
  meeting,
  token,
  answer,
}: {
  ctx: PageContext;
  meeting: { id: string; title: string; starts_at: Date };
  token: string;
  answer?: NetworkRsvp;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('rsvp.heading')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('rsvp.heading')}</h1>
      <p class="kern-body kern-body--large" safe>
        {`${meeting.title} · ${formatDateTime(meeting.starts_at, ctx.locale)}`}
      </p>
      <p class="kern-body">{t.html('rsvp.link.lead')}</p>
      <RsvpButtons ctx={ctx} action={`${meetingPath(meeting.id)}/antwort`} token={token} current={answer} />
    </Layout>
  );
}

export function SettingsPage({ ctx, calendarUrl, notice }: { ctx: PageContext; calendarUrl: string; notice?: string }) {
  const t = networkMessages(ctx.locale);
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
      <TextField name="calendar-url" label={t('calendar.url')} value={calendarUrl} />
      <form method="post" action="/netzwerk/benachrichtigungen/kalender">
        <CsrfField token={ctx.csrfToken} />
        <p class="kern-body">{t.html('calendar.renew.lead')}</p>
        <SubmitButton label={t('calendar.renew')} variant="secondary" />
      </form>
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

type SearchHits = Awaited<ReturnType<NetworkService['searchDocuments']>>;

/** The passage with the matching words marked (the database marks them with << and >>; everything is escaped here). */
function Passage({ text }: { text: string }) {
  const parts = text.split(/(<<[^]*?>>)/);
  return (
    <p class="kern-body network-passage" lang="de">
      {parts.map((part) => (part.startsWith('<<') && part.endsWith('>>') ? <mark safe>{part.slice(2, -2)}</mark> : <span safe>{part}</span>))}
    </p>
  );
}

export function DocumentSearchPage({ ctx, query, hits }: { ctx: PageContext; query: string; hits: SearchHits | null }) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('search.title')} section={section}>
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/mein">
          {t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('search.title')}</h1>
      <form method="get" action="/netzwerk/suche" role="search">
        <TextField name="q" type="search" label={t('search.label')} hint={t('search.hint')} value={query} />
        <SubmitButton label={t('search.submit')} />
      </form>
      {hits === null ? (
        ''
      ) : hits.length === 0 ? (
        <p class="kern-body" role="status">
          {t.html('search.none', { query })}
        </p>
      ) : (
        <>
          <h2 class="kern-heading-medium" role="status">
            {t.html('search.count', { count: hits.length, query })}
          </h2>
          <ol class="network-feed">
            {hits.map((hit) => (
              <li>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={documentPath(hit.id)} lang="de" safe>
                    {hit.title}
                  </a>
                </h3>
                <p class="kern-body kern-body--small" safe>
                  {`${hit.group_name} · ${t(`visibility.${hit.visibility}`)} · ${day(hit.updated_at, ctx.locale)}`}
                </p>
                {hit.passage.trim() ? <Passage text={hit.passage} /> : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}

export function GroupFormPage({
  ctx,
  organizations,
  values = {},
  errors = {},
  slug,
}: {
  ctx: PageContext;
  organizations: { id: string; name: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Editing this group rather than creating one. */
  slug?: string;
}) {
  const t = networkMessages(ctx.locale);
  const heading = slug ? t('groupForm.edit') : t('groupForm.new');
  return (
    <Layout ctx={ctx} title={heading} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={slug ? groupPath(slug) : '/netzwerk/mein'}>
          {slug ? t.html('groupForm.edit') : t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {heading}
      </h1>
      {slug ? '' : <p class="kern-body">{t.html('groupForm.new.lead')}</p>}
      <form method="post" action={slug ? `${groupPath(slug)}/bearbeiten` : '/netzwerk/gruppen/neu'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('groupForm.name')} value={values.name} error={errors.name} required />
        <SelectField
          name="access"
          label={t('groupForm.access')}
          value={values.access ?? 'open'}
          error={errors.access}
          options={(['open', 'closed', 'private'] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))}
        />
        <TextArea name="topic" label={t('groupForm.topic')} value={values.topic} error={errors.topic} rows={3} />
        <SelectField
          name="leadOrganization"
          label={t('groupForm.leadOrganization')}
          value={values.leadOrganization ?? ''}
          error={errors.leadOrganization}
          options={[{ value: '', label: t('groupForm.leadOrganization.none') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <TextArea
          name="publicResults"
          label={t('groupForm.results')}
          hint={t('groupForm.results.hint')}
          value={values.publicResults}
          error={errors.publicResults}
          rows={4}
        />
        <SubmitButton label={t('groupForm.submit')} />
      </form>
    </Layout>
  );
}

type PartnerProfiles = Awaited<ReturnType<NetworkService['partnerProfiles']>>;

export function PartnerListPage({ ctx, partners, notice }: { ctx: PageContext; partners: PartnerProfiles; notice?: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('partnerForm.list')} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('partnerForm.list')}</h1>
      <p class="kern-body">{t.html('partnerForm.list.lead')}</p>
      <ul class="kern-list">
        {partners.map((p) => (
          <li>
            <a class="kern-link" href={`/netzwerk/partner/${p.id}`} safe>
              {t('partnerForm.edit', { name: p.name })}
            </a>{' '}
            <span safe>{`· ${p.shown ? t('partnerForm.state.shown') : t('partnerForm.state.hidden')}`}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PartnerFormPage({
  ctx,
  partner,
  values,
  errors = {},
}: {
  ctx: PageContext;
  partner: { id: string; name: string };
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  const title = t('partnerForm.edit', { name: partner.name });
  return (
    <Layout ctx={ctx} title={title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/partner">
          {t.html('partnerForm.list')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      <form method="post" action={`/netzwerk/partner/${partner.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="shortText" label={t('partnerForm.shortText')} value={values.shortText} error={errors.shortText} rows={3} />
        <TextArea name="contribution" label={t('partnerForm.contribution')} value={values.contribution} error={errors.contribution} rows={3} />
        <TextField name="website" type="url" label={t('partnerForm.website')} value={values.website} error={errors.website} />
        <FileField name="logo" label={t('partnerForm.logo')} error={errors.logo} accept="image/jpeg,image/png,image/webp" />
        <Checkbox name="shown" label={t('partnerForm.shown')} checked={values.shown === 'ja'} error={errors.shown} />
        <SubmitButton label={t('partnerForm.submit')} />
      </form>
    </Layout>
  );
}

type PollView = Awaited<ReturnType<NetworkService['pollPage']>>;

export function PollFormPage({
  ctx,
  group,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('poll.new')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('poll.new')}</h1>
      <form method="post" action={`${groupPath(group.slug)}/umfragen/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('meeting.title')} value={values.title} error={errors.title} required />
        <TextField name="place" label={t('meeting.place')} value={values.place} error={errors.place} />
        <TextField name="duration" label={t('poll.duration')} hint={t('poll.duration.hint')} value={values.duration ?? '90'} error={errors.duration} required />
        <TextArea name="options" label={t('poll.options')} hint={t('poll.options.hint')} value={values.options} error={errors.options} rows={5} required />
        <SubmitButton label={t('poll.submit')} />
      </form>
    </Layout>
  );
}

export function PollPageView({ ctx, view, notice }: { ctx: PageContext; view: PollView; notice?: string }) {
  const t = networkMessages(ctx.locale);
  const { poll } = view;
  const path = `/netzwerk/umfragen/${poll.id}`;
  return (
    <Layout ctx={ctx} title={poll.title} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={groupPath(poll.group_slug)} lang="de" safe>
          {poll.group_name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {poll.title}
      </h1>
      {poll.meeting_id ? (
        <Alert kind="info" title={t('poll.closed')}>
          <p class="kern-body">
            <a class="kern-link" href={meetingPath(poll.meeting_id)}>
              {t.html('poll.toMeeting')}
            </a>
          </p>
        </Alert>
      ) : (
        ''
      )}
      <form method="post" action={`${path}/abstimmen`}>
        <CsrfField token={ctx.csrfToken} />
        <DataTable
          caption={t('poll.options')}
          captionHidden
          rows={view.options}
          columns={[
            {
              header: t('poll.option'),
              rowHeader: true,
              text: (o) => `${formatDateTime(o.starts_at, ctx.locale)}${o.id === view.bestId ? ` (${t('poll.best')})` : ''}`,
            },
            { header: t('rsvp.yes'), numeric: true, text: (o) => String(o.yes) },
            { header: t('poll.maybe'), numeric: true, text: (o) => String(o.maybe) },
            { header: t('rsvp.no'), numeric: true, text: (o) => String(o.no) },
            {
              header: t('poll.mine'),
              html: (o) => (
                <select
                  class="kern-form-input__select"
                  name={`o-${o.id}`}
                  aria-label={t('poll.mine.label', { when: formatDateTime(o.starts_at, ctx.locale) })}
                  disabled={!!poll.closed_at}
                >
                  <option value="" selected={!o.mine}>
                    {t.html('poll.none')}
                  </option>
                  {(['yes', 'maybe', 'no'] as const).map((a) => (
                    <option value={a} selected={o.mine === a}>
                      {a === 'maybe' ? t.html('poll.maybe') : t.html(`rsvp.${a}`)}
                    </option>
                  ))}
                </select>
              ),
            },
          ]}
        />
        {poll.closed_at ? '' : <SubmitButton label={t('poll.vote')} />}
      </form>
      {view.isLead && !poll.closed_at ? (
        <form method="post" action={`${path}/festlegen`}>
          <CsrfField token={ctx.csrfToken} />
          <h2 class="kern-heading-medium">{t.html('poll.decide')}</h2>
          <SelectField
            name="option"
            label={t('poll.decide.label')}
            value={view.bestId ?? undefined}
            options={view.options.map((o) => ({ value: o.id, label: formatDateTime(o.starts_at, ctx.locale) }))}
          />
          <SubmitButton label={t('poll.decide.submit')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
