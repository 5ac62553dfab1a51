import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { formatDateTime } from '../../../../platform/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, ScrollTable, SubmitButton, TextArea } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { layoutMessages } from '../../../../platform/views/layout.messages.js';
import type { FieldChange } from '../workflow.diff.js';
import { workflowFieldMessages } from '../workflow.fields.messages.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import type { ReviewService } from '../workflow.review.js';
import { Lines, StatusBadge } from './workflow-parts.js';

type Queue = Awaited<ReturnType<ReviewService['queue']>>;
type Review = Awaited<ReturnType<ReviewService['reviewPage']>>;
type Organizations = Awaited<ReturnType<ReviewService['organizations']>>;

const dateOnly = (value: string | null, locale: 'de' | 'en') => (value ? (locale === 'de' ? value.split('-').reverse().join('.') : value) : '–');

/** GET /verwaltung/pruefung */
export function QueuePage({ ctx, queue, notice }: { ctx: PageContext; queue: Queue; notice?: string }): JSX.Element {
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
        <ScrollTable>
          <table class="kern-table">
            <caption class="kern-title" safe>
              {t('queue.count', { count: queue.proposals.length })}
            </caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.html('queue.entry')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.kind')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.organization')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.author')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.submitted')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {queue.proposals.map((p) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={paths.review(p.id)} safe>
                      {p.name || t('entries.unnamed')}
                    </a>
                  </th>
                  <td class="kern-table__cell">{t.html(`kind.${p.entity_type}`)}</td>
                  <td class="kern-table__cell" safe>
                    {p.organization_name}
                  </td>
                  <td class="kern-table__cell" safe>
                    {p.author_name ?? t('history.deletedAccount')}
                  </td>
                  <td class="kern-table__cell" safe>
                    {formatDateTime(p.submitted_at ?? p.created_at, ctx.locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h2 class="kern-heading-medium">{t.html('queue.stale')}</h2>
      <p class="kern-body">{t.html('queue.staleIntro')}</p>
      {queue.stale.length === 0 ? (
        <p class="kern-body">{t.html('queue.staleEmpty')}</p>
      ) : (
        <ScrollTable>
          <table class="kern-table">
            <caption class="kern-title" safe>
              {t('queue.staleCount', { count: queue.stale.length })}
            </caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.html('queue.entry')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.organization')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.lastChecked')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('queue.flagged')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {queue.stale.map((s) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={paths.edit('service', s.organization_id, s.id)} safe>
                      {s.name}
                    </a>
                  </th>
                  <td class="kern-table__cell" safe>
                    {s.organization_name}
                  </td>
                  <td class="kern-table__cell" safe>
                    {s.assured_date ? dateOnly(s.assured_date, ctx.locale) : t('queue.neverChecked')}
                  </td>
                  <td class="kern-table__cell">{s.stale_flagged_at ? formatDateTime(s.stale_flagged_at, ctx.locale) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
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
  const f = workflowFieldMessages(ctx.locale);
  const { revision, changes, isNew } = review;
  const title = t('review.title', { name: revision.name || t('entries.unnamed') });
  const failed = Object.keys(errors).length > 0;
  const pending = revision.status === 'in_review';
  const facts: [string, JSX.Element][] = [
    [t('queue.kind'), <span safe>{t(`kind.${revision.entity_type}`)}</span>],
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
        <ScrollTable>
          <table class="kern-table">
            <caption class="visually-hidden">{t.html('diff.caption')}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.html('diff.field')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('diff.change')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('diff.before')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('diff.after')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {changes.map((c) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell" safe>
                    {f(c.field)}
                  </th>
                  <td class="kern-table__cell">{t.html(`diff.kind.${c.kind}`)}</td>
                  <td class="kern-table__cell">
                    <ChangeValue change={c} side="before" ctx={ctx} />
                  </td>
                  <td class="kern-table__cell">
                    <ChangeValue change={c} side="after" ctx={ctx} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
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
          <a class="kern-link" href={paths.history(revision.entity_type, revision.organization_id, revision.entity_id)}>
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
      <ScrollTable>
        <table class="kern-table">
          <caption class="kern-title" safe>
            {t('organizations.count', { count: organizations.length })}
          </caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {t.html('queue.organization')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.html('organizations.trusted')}
              </th>
              <th scope="col" class="kern-table__header">
                {t.html('entries.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {organizations.map((o) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  <a class="kern-link" href={paths.organization(o.id)} safe>
                    {o.name}
                  </a>
                </th>
                <td class="kern-table__cell">{t.html(o.trusted ? 'organizations.yes' : 'organizations.no')}</td>
                <td class="kern-table__cell">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}
