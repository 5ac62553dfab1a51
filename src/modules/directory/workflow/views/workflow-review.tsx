import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { formatCivilDate, formatDateTime, type Locale } from '../../../../platform/i18n/i18n.js';
import { DataTable } from '../../../../platform/views/data-table.js';
import { Alert, CsrfField, ErrorSummary, SubmitButton, TextArea } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { layoutMessages } from '../../../../platform/views/layout.messages.js';
import type { FieldChange } from '../../../../platform/review/review.diff.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import type { ReviewService } from '../workflow.review.js';
import { Lines, StatusBadge } from './workflow-parts.js';

type Queue = Awaited<ReturnType<ReviewService['queue']>>;
type Review = Awaited<ReturnType<ReviewService['reviewPage']>>;
type Organizations = Awaited<ReturnType<ReviewService['organizations']>>;

const dateOnly = (value: string | null, locale: Locale) => (value ? formatCivilDate(value, locale) : '–');

/** GET /verwaltung/pruefung */
export function QueuePage({
  ctx,
  queue,
  notice,
  translations = '',
}: {
  ctx: PageContext;
  queue: Queue;
  notice?: string;
  /** Providers' translations waiting for review. */
  translations?: JSX.Element;
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('queue.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('queue.title')}</h1>
      <p class="kern-body">{t.html('queue.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={paths.organizations}>
          {t.html('queue.organizations')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('queue.proposals')}</h2>
      {queue.proposals.length === 0 ? (
        <p class="kern-body">{t.html('queue.empty')}</p>
      ) : (
        <DataTable
          caption={t('queue.count', { count: queue.proposals.length })}
          rows={queue.proposals}
          columns={[
            {
              header: t('queue.entry'),
              rowHeader: true,
              html: (p) => (
                <a class="kern-link" href={paths.review(p.id)} safe>
                  {p.name || t('entries.unnamed')}
                </a>
              ),
            },
            { header: t('queue.kind'), text: (p) => p.kindLabel },
            { header: t('queue.organization'), text: (p) => p.organization_name },
            { header: t('queue.author'), text: (p) => p.author_name ?? t('history.deletedAccount') },
            { header: t('queue.submitted'), text: (p) => formatDateTime(p.submitted_at ?? p.created_at, ctx.locale) },
          ]}
        />
      )}
      {translations}
      <h2 class="kern-heading-medium">{t.html('queue.stale')}</h2>
      <p class="kern-body">{t.html('queue.staleIntro')}</p>
      {queue.stale.length === 0 ? (
        <p class="kern-body">{t.html('queue.staleEmpty')}</p>
      ) : (
        <DataTable
          caption={t('queue.staleCount', { count: queue.stale.length })}
          rows={queue.stale}
          columns={[
            {
              header: t('queue.entry'),
              rowHeader: true,
              html: (s) => (
                <a class="kern-link" href={paths.edit('service', s.organization_id, s.id)} safe>
                  {s.name}
                </a>
              ),
            },
            { header: t('queue.organization'), text: (s) => s.organization_name },
            { header: t('queue.lastChecked'), text: (s) => (s.assured_date ? dateOnly(s.assured_date, ctx.locale) : t('queue.neverChecked')) },
            { header: t('queue.flagged'), text: (s) => (s.stale_flagged_at ? formatDateTime(s.stale_flagged_at, ctx.locale) : '–') },
          ]}
        />
      )}
    </Layout>
  );
}

function ChangeValue({ change, side, ctx }: { change: FieldChange; side: 'before' | 'after'; ctx: PageContext }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  const items = side === 'before' ? change.removedItems : change.addedItems;
  const value = side === 'before' ? change.before : change.after;
  if (value === undefined) return <span>{t.html('diff.empty')}</span>;
  if (change.kind !== 'changed' || !items) return <Lines text={value} />;
  return (
    <>
      <Lines text={value} />
      {items.length ? (
        <p class="kern-body kern-body--small" safe>
          {t(side === 'before' ? 'diff.removedItems' : 'diff.addedItems', { items: items.join('; ') })}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** GET /verwaltung/pruefung/:id */
export function ReviewPage({
  ctx,
  review,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  review: Review;
  errors?: FieldErrors;
  values?: { reason?: string };
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  const { revision, changes, isNew } = review;
  const title = t('review.title', { name: revision.name || t('entries.unnamed') });
  const failed = Object.keys(errors).length > 0;
  const pending = revision.status === 'in_review';
  const facts: [string, JSX.Element][] = [
    [t('queue.kind'), <span safe>{revision.kindLabel}</span>],
    [t('queue.organization'), <span safe>{`${revision.organization_name}${revision.trusted ? ` (${t('organizations.trustedShort')})` : ''}`}</span>],
    [t('history.version'), <span safe>{String(revision.version)}</span>],
    [t('history.status'), <StatusBadge ctx={ctx} status={revision.status} />],
    [t('queue.author'), <span safe>{revision.author_name ?? t('history.deletedAccount')}</span>],
    [t('queue.submitted'), <span safe>{formatDateTime(revision.submitted_at ?? revision.created_at, ctx.locale)}</span>],
  ];
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <dl class="kern-description-list">
        {facts.map(([key, value]) => (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key" safe>
              {key}
            </dt>
            <dd class="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      {pending ? '' : <Alert kind="info" title={t('review.notPending')} />}
      <h2 class="kern-heading-medium">{t.html(isNew ? 'diff.newEntry' : 'diff.title')}</h2>
      {changes.length === 0 ? (
        <p class="kern-body">{t.html('diff.none')}</p>
      ) : (
        <DataTable
          caption={t('diff.caption')}
          captionHidden
          rows={changes}
          columns={[
            { header: t('diff.field'), rowHeader: true, text: (c) => c.field },
            { header: t('diff.change'), text: (c) => t(`diff.kind.${c.kind}`) },
            { header: t('diff.before'), html: (c) => <ChangeValue change={c} side="before" ctx={ctx} /> },
            { header: t('diff.after'), html: (c) => <ChangeValue change={c} side="after" ctx={ctx} /> },
          ]}
        />
      )}
      {pending ? (
        <>
          <h2 class="kern-heading-medium">{t.html('review.decide')}</h2>
          <form method="post" action={paths.approve(revision.id)}>
            <CsrfField token={ctx.csrfToken} />
            <p class="kern-body">{t.html('review.approveText')}</p>
            <SubmitButton label={t('review.approve')} />
          </form>
          <form method="post" action={paths.reject(revision.id)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="reason" label={t('review.reason')} hint={t('review.reasonHint')} value={values.reason} error={errors.reason} rows={4} required />
            <SubmitButton label={t('review.reject')} variant="secondary" />
          </form>
        </>
      ) : (
        ''
      )}
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={revision.historyPath}>
            {t.html('entries.history')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={paths.queue}>
            {t.html('review.back')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

/** GET /verwaltung/traeger */
export function OrganizationsPage({ ctx, organizations, notice }: { ctx: PageContext; organizations: Organizations; notice?: string }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('organizations.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('organizations.title')}</h1>
      <p class="kern-body">{t.html('organizations.intro')}</p>
      <DataTable
        caption={t('organizations.count', { count: organizations.length })}
        rows={organizations}
        columns={[
          {
            header: t('queue.organization'),
            rowHeader: true,
            html: (o) => (
              <a class="kern-link" href={paths.organization(o.id)} safe>
                {o.name}
              </a>
            ),
          },
          { header: t('organizations.trusted'), text: (o) => t(o.trusted ? 'organizations.yes' : 'organizations.no') },
          {
            header: t('entries.actions'),
            html: (o) => (
              <form method="post" action={paths.trust(o.id)} class="site-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="trusted" value={o.trusted ? 'nein' : 'ja'} />
                <button
                  type="submit"
                  class="kern-btn kern-btn--secondary kern-btn--x-small"
                  aria-label={`${t(o.trusted ? 'organizations.untrust' : 'organizations.trust')}: ${o.name}`}
                >
                  <span class="kern-label">{t.html(o.trusted ? 'organizations.untrust' : 'organizations.trust')}</span>
                </button>
              </form>
            ),
          },
        ]}
      />
    </Layout>
  );
}
