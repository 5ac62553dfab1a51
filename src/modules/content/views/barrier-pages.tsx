import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { BarrierReport } from '../barriers.service.js';
import { barrierMessages } from '../barriers.messages.js';

/** Visitor's text with its line breaks kept, every line escaped. */
function Lines({ text }: { text: string }): JSX.Element {
  return text
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>');
}

/** GET/POST /barriere-melden */
export function BarrierFormPage({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }): JSX.Element {
  const t = barrierMessages(ctx.locale);
  const office = ctx.city.familyOffice;
  return (
    <Layout ctx={ctx} title={t('form.title')} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large">{t.html('form.title')}</h1>
      <p class="kern-body">{t.html('form.intro')}</p>
      <form method="post" action="/barriere-melden" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="page" label={t('field.page')} hint={t('field.pageHint')} value={values.page} error={errors.page} autocomplete="off" />
        <TextArea name="message" label={t('field.message')} hint={t('field.messageHint')} value={values.message} error={errors.message} rows={8} required />
        <TextField
          name="email"
          type="email"
          label={t('field.email')}
          hint={t('field.emailHint')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
        />
        <p class="kern-body kern-body--small">
          <span safe>{t('form.privacy')}</span>{' '}
          <a class="kern-link" href="/datenschutz">
            {t.html('form.privacyLink')}
          </a>
        </p>
        <SubmitButton label={t('form.submit')} />
      </form>
      <p class="kern-body" safe>
        {t('form.otherWays', { office: office.name, phone: office.phone, email: office.email })}
      </p>
    </Layout>
  );
}

/** GET /barriere-melden/danke */
export function BarrierThanksPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = barrierMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('thanks.title')}>
      <div class="kern-alert kern-alert--success" role="status">
        <div class="kern-alert__header">
          <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
          <h1 class="kern-title kern-title--large">{t.html('thanks.title')}</h1>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">{t.html('thanks.text')}</p>
          <p class="kern-body">{t.html('thanks.reply')}</p>
        </div>
      </div>
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href="/barrierefreiheit">
            {t.html('thanks.statement')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/">
            {t.html('thanks.home')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

/** GET /verwaltung/barrieren */
export function BarrierListPage({ ctx, reports, limit }: { ctx: PageContext; reports: BarrierReport[]; limit: number }): JSX.Element {
  const t = barrierMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('list.title')}>
      <h1 class="kern-heading-large">{t.html('list.title')}</h1>
      <p class="kern-body">{t.html('list.intro')}</p>
      {reports.length === 0 ? (
        <p class="kern-body">{t.html('list.empty')}</p>
      ) : (
        <DataTable
          caption={t('list.caption')}
          striped
          rows={reports}
          columns={[
            {
              header: t('list.date'),
              rowHeader: true,
              html: (r) => (
                <time datetime={r.createdAt.toISOString()} safe>
                  {formatDateTime(r.createdAt, ctx.locale)}
                </time>
              ),
            },
            {
              header: t('list.page'),
              html: (r) =>
                r.pageUrl ? (
                  <a class="kern-link" href={r.pageUrl} safe>
                    {r.pageUrl}
                  </a>
                ) : (
                  t.html('list.none')
                ),
            },
            { header: t('list.message'), html: (r) => <Lines text={r.message} /> },
            {
              header: t('list.contact'),
              html: (r) =>
                r.contactEmail ? (
                  <a class="kern-link" href={`mailto:${r.contactEmail}`} safe>
                    {r.contactEmail}
                  </a>
                ) : (
                  t.html('list.none')
                ),
            },
          ]}
        />
      )}
      {reports.length >= limit ? <p class="kern-body">{t.html('list.limited', { count: limit })}</p> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/seiten">
          {t.html('list.pages')}
        </a>
      </p>
    </Layout>
  );
}
