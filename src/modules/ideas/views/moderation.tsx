import type { IdeaModeration } from '../../../db/tables/ideas.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { IdeaRow } from '../ideas.repository.js';
import type { SimilarIdea } from '../ideas.service.js';
import { ideaPath } from '../ideas.service.js';
import { ideaStatuses, statusLabel, topicLabel } from '../ideas.topics.js';
import { moderationMessages } from '../moderation.messages.js';
import { Lines, StatusBadge } from './parts.js';
import { SimilarList } from './public.js';

type Listed = Pick<IdeaRow, 'id' | 'title' | 'topic' | 'moderation' | 'status' | 'created_at'>;
const staffPath = (id: string) => `/verwaltung/ideen/${id}`;

function IdeaTable({ ctx, rows, caption }: { ctx: PageContext; rows: Listed[]; caption: string }): JSX.Element {
  const t = moderationMessages(ctx.locale);
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      columns={[
        {
          header: t('col.title'),
          rowHeader: true,
          html: (r) => (
            <a class="kern-link" href={staffPath(r.id)} safe>
              {r.title}
            </a>
          ),
        },
        { header: t('col.topic'), text: (r) => topicLabel(r.topic, ctx.locale) },
        { header: t('col.state'), text: (r) => (r.moderation === 'published' ? statusLabel(r.status, ctx.locale) : t(`state.${r.moderation}`)) },
        { header: t('col.date'), text: (r) => formatDateTime(r.created_at, ctx.locale) },
      ]}
    />
  );
}

/** GET /verwaltung/ideen */
export function QueuePage({ ctx, queue, unanswered, notice }: { ctx: PageContext; queue: Listed[]; unanswered: Listed[]; notice?: string }): JSX.Element {
  const t = moderationMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('queue.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('queue.title')}</h1>
      <p class="kern-body">{t.html('queue.lead')}</p>
      <h2 class="kern-heading-medium" id="queue-heading">
        {t.html('queue.waiting')}
      </h2>
      {queue.length === 0 ? <p class="kern-body">{t.html('queue.empty')}</p> : <IdeaTable ctx={ctx} rows={queue} caption={t('queue.waiting')} />}
      <h2 class="kern-heading-medium">{t.html('queue.unanswered')}</h2>
      {unanswered.length === 0 ? (
        <p class="kern-body">{t.html('queue.noUnanswered')}</p>
      ) : (
        <IdeaTable ctx={ctx} rows={unanswered} caption={t('queue.unanswered')} />
      )}
    </Layout>
  );
}

export interface StaffForms {
  moderate?: { values: Record<string, string>; errors: FieldErrors };
  answer?: { values: Record<string, string>; errors: FieldErrors };
  merge?: { values: Record<string, string>; errors: FieldErrors };
}

/** GET /verwaltung/ideen/:id: review, answer, merge. */
export function StaffIdeaPage({
  ctx,
  idea,
  entries,
  similar,
  forms = {},
  notice,
}: {
  ctx: PageContext;
  idea: IdeaRow;
  entries: { id: string; kind: string; office: string | null; body: string; status: string | null; created_at: Date }[];
  similar: SimilarIdea[];
  forms?: StaffForms;
  notice?: string;
}): JSX.Element {
  const t = moderationMessages(ctx.locale);
  const errors = { ...forms.moderate?.errors, ...forms.answer?.errors, ...forms.merge?.errors };
  const mod = forms.moderate?.values ?? {};
  const ans = forms.answer?.values ?? {};
  const reviewable: IdeaModeration[] = ['pending', 'held', 'declined'];
  return (
    <Layout ctx={ctx} title={t('item.title', { title: idea.title })} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/ideen">
          {t.html('queue.title')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {t('item.title', { title: idea.title })}
      </h1>
      <p class="kern-body">
        <span safe>{t('item.state', { state: t(`state.${idea.moderation}`) })}</span> · <StatusBadge status={idea.status} locale={ctx.locale} />
      </p>
      {idea.moderation === 'published' || idea.moderation === 'merged' ? (
        <p class="kern-body">
          <a class="kern-link" href={ideaPath(idea.id)}>
            {t.html('item.public')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div class="kern-body" lang="de">
        <p>
          <Lines text={idea.body} />
        </p>
      </div>
      {entries.length > 0 ? (
        <ul class="kern-list">
          {entries.map((e) => (
            <li safe>{`${formatDateTime(e.created_at, ctx.locale)} · ${e.office ?? ''} · ${e.body}`}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('item.similar')}</h2>
      {similar.length ? <SimilarList ideas={similar} locale={ctx.locale} /> : <p class="kern-body">{t.html('item.noSimilar')}</p>}

      {reviewable.includes(idea.moderation) || idea.moderation === 'published' ? (
        <section aria-labelledby="moderate-heading">
          <h2 class="kern-heading-medium" id="moderate-heading">
            {t.html('moderate.heading')}
          </h2>
          <form method="post" action={`${staffPath(idea.id)}/pruefung`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="action" value="publish" />
            <TextField name="title" label={t('moderate.titleField')} value={mod.title ?? idea.title} error={forms.moderate?.errors.title} required />
            <TextArea
              name="body"
              label={t('moderate.bodyField')}
              hint={t('moderate.bodyHint')}
              value={mod.body ?? idea.body}
              error={forms.moderate?.errors.body}
              rows={8}
              required
            />
            <TextField
              name="redactionNote"
              label={t('moderate.redactionNote')}
              hint={t('moderate.redactionHint')}
              value={mod.redactionNote ?? idea.redaction_note ?? ''}
              error={forms.moderate?.errors.redactionNote}
            />
            <SubmitButton label={t('moderate.publish')} />
          </form>
          {idea.moderation !== 'published' ? (
            <>
              <form method="post" action={`${staffPath(idea.id)}/pruefung`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="action" value="hold" />
                <SubmitButton label={t('moderate.hold')} variant="secondary" />
              </form>
              <h3 class="kern-heading-small">{t.html('moderate.declineHeading')}</h3>
              <form method="post" action={`${staffPath(idea.id)}/pruefung`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="action" value="decline" />
                <SelectField
                  name="reason"
                  label={t('moderate.reason')}
                  value={mod.reason}
                  error={forms.moderate?.errors.reason}
                  options={(['duplicate', 'offensive', 'personal_data', 'advertising', 'off_topic', 'other'] as const).map((r) => ({
                    value: r,
                    label: t(`reason.${r}`),
                  }))}
                />
                <TextArea name="note" label={t('moderate.note')} value={mod.note} rows={3} />
                <SubmitButton label={t('moderate.decline')} variant="secondary" />
              </form>
            </>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}

      {idea.moderation === 'published' ? (
        <>
          <section aria-labelledby="answer-heading">
            <h2 class="kern-heading-medium" id="answer-heading">
              {t.html('answer.heading')}
            </h2>
            <form method="post" action={`${staffPath(idea.id)}/antwort`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="status"
                label={t('answer.status')}
                value={ans.status ?? idea.status}
                error={forms.answer?.errors.status}
                options={ideaStatuses.map((s) => ({ value: s, label: statusLabel(s, ctx.locale) }))}
              />
              <TextField
                name="office"
                label={t('answer.office')}
                hint={t('answer.officeHint')}
                value={ans.office}
                error={forms.answer?.errors.office}
                required
              />
              <TextArea
                name="answer"
                label={t('answer.body')}
                hint={t('answer.bodyHint')}
                value={ans.answer}
                error={forms.answer?.errors.answer}
                rows={6}
                required
              />
              <TextField name="referTo" label={t('answer.referTo')} hint={t('answer.referToHint')} value={ans.referTo} error={forms.answer?.errors.referTo} />
              <SubmitButton label={t('answer.submit')} />
            </form>
          </section>
          <section aria-labelledby="merge-heading">
            <h2 class="kern-heading-medium" id="merge-heading">
              {t.html('merge.heading')}
            </h2>
            <p class="kern-body">{t.html('merge.lead')}</p>
            <form method="post" action={`${staffPath(idea.id)}/zusammenfuehren`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField
                name="into"
                label={t('merge.into')}
                hint={t('merge.intoHint')}
                value={forms.merge?.values.into}
                error={forms.merge?.errors.into}
                required
              />
              <SubmitButton label={t('merge.submit')} variant="secondary" />
            </form>
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
