import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { CsrfField, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { networkMessages } from '../network.messages.js';
import {} from './public.js';
import { PostAttachments, type PostAttachmentView } from './attachments.js';
import { Markdown } from './parts.js';

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

export function Feed({
  ctx,
  posts,
  comments,
  errors,
  values,
  actions,
  attachments,
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
  /** The files of these posts. */
  attachments?: PostAttachmentView[];
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
              {attachments ? <PostAttachments ctx={ctx} files={attachments.filter((a) => a.post_id === p.id)} /> : ''}
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
