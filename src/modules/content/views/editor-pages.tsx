import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime, type Locale } from '../../../platform/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { contentMessages } from '../content.messages.js';
import { contentPages, type ContentPageInfo } from '../content.schemas.js';
import type { EditorListEntry, StoredPage } from '../content.service.js';

const editUrl = (slug: string, locale: Locale) => `/verwaltung/seiten/${slug}/${locale}`;

/** GET /verwaltung/seiten: every page in every language with its last change. */
export function PageListPage({ ctx, entries, saved }: { ctx: PageContext; entries: EditorListEntry[]; saved?: { page: StoredPage } }): JSX.Element {
  const t = contentMessages(ctx.locale);
  const lastChange = (page: StoredPage) =>
    page.updatedByName
      ? t('list.changedBy', { date: formatDateTime(page.updatedAt, ctx.locale), name: page.updatedByName })
      : page.version === 1
        ? t('list.seeded', { date: formatDateTime(page.updatedAt, ctx.locale) })
        : t('list.changedBy', { date: formatDateTime(page.updatedAt, ctx.locale), name: t('list.unknownPerson') });
  return (
    <Layout ctx={ctx} title={t('list.title')}>
      {saved ? (
        <Alert kind="success" title={t('list.saved', { title: saved.page.title, language: t(`language.${saved.page.locale}`), version: saved.page.version })} />
      ) : (
        ''
      )}
      <h1 class="kern-heading-large">{t.html('list.title')}</h1>
      <p class="kern-body">{t.html('list.intro')}</p>
      <p class="kern-body">
        <mark class="placeholder">{t.html('list.placeholders')}</mark>
      </p>
      <p class="kern-body">{t.html('list.easyLanguage')}</p>
      {/* A list, not a table: five columns do not fit a phone, and each page reads as one unit. */}
      {contentPages.map((info) => (
        <section aria-labelledby={`seite-${info.slug}`}>
          <h2 class="kern-heading-medium" id={`seite-${info.slug}`}>
            {t.html(info.labelKey)}
          </h2>
          <ul class="kern-list">
            {entries
              .filter((e) => e.info.slug === info.slug)
              .map(({ locale, page }) => (
                <li>
                  <p class="kern-body">
                    <strong safe>{t(`language.${locale}`)}</strong>
                    {': '}
                    <span safe>{page ? `${t('list.version')} ${page.version}, ${lastChange(page)}` : t('list.missing')}</span>
                  </p>
                  <p class="kern-body">
                    <a class="kern-link" href={editUrl(info.slug, locale)}>
                      {page ? t.html('list.edit') : t.html('list.create')}
                      <span class="visually-hidden" safe>
                        {`: ${t(info.labelKey)} (${t(`language.${locale}`)})`}
                      </span>
                    </a>
                  </p>
                </li>
              ))}
          </ul>
          <p class="kern-body">
            <a class="kern-link" href={info.path}>
              {t.html('edit.public')}
              <span class="visually-hidden" safe>
                {`: ${t(info.labelKey)}`}
              </span>
            </a>
          </p>
        </section>
      ))}
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href="/verwaltung/barrieren">
            {t.html('list.reports')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/verwaltung/gebaerdensprache">
            {t.html('list.videos')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export interface EditFormProps {
  ctx: PageContext;
  info: ContentPageInfo;
  locale: Locale;
  /** The stored page, if it exists; undefined while creating it. */
  stored: StoredPage | undefined;
  values: { title?: string; body?: string };
  /** The version the form will send: what the editor's text is based on. */
  version: number;
  errors?: FieldErrors;
  /** Someone saved in between: show their version beside the editor's kept text. */
  conflict?: StoredPage;
}

/** GET/POST /verwaltung/seiten/:slug/:locale */
export function EditPageForm({ ctx, info, locale, stored, values, version, errors = {}, conflict }: EditFormProps): JSX.Element {
  const t = contentMessages(ctx.locale);
  const language = t(`language.${locale}`);
  const title = t(stored ? 'edit.title' : 'edit.createTitle', { page: t(info.labelKey), language });
  const hasErrors = Object.keys(errors).length > 0;
  const help: [string, string][] = [
    ['## …', t('help.heading')],
    ['- …', t('help.list')],
    ['**…**', t('help.bold')],
    ['[Text](https://…)', t('help.link')],
    [ctx.locale === 'de' ? '[Platzhalter: …]' : '[Placeholder: …]', t('help.placeholder')],
  ];
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors || !!conflict}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {conflict ? (
        <Alert kind="danger" title={t('conflict.title')}>
          <p class="kern-body" safe>
            {t('conflict.text', {
              version: conflict.version,
              date: formatDateTime(conflict.updatedAt, ctx.locale),
              name: conflict.updatedByName ?? t('list.unknownPerson'),
            })}
          </p>
        </Alert>
      ) : (
        ''
      )}
      <p class="kern-body" safe>
        {stored ? t('edit.version', { version: stored.version, date: formatDateTime(stored.updatedAt, ctx.locale) }) : t('edit.new', { language })}
      </p>
      {conflict ? (
        <details class="kern-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title" safe>
              {t('conflict.current', { version: conflict.version })}
            </span>
          </summary>
          <div class="kern-accordion__body">
            <h2 class="kern-heading-medium" safe>
              {conflict.title}
            </h2>
            <pre class="mail-text" safe>
              {conflict.body}
            </pre>
          </div>
        </details>
      ) : (
        ''
      )}
      <form method="post" action={editUrl(info.slug, locale)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <TextField name="title" label={t('field.title')} hint={t('field.titleHint')} value={values.title} error={errors.title} required />
        <TextArea name="body" label={t('field.body')} hint={t('field.bodyHint')} value={values.body} error={errors.body} rows={24} required />
        <details class="kern-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title">{t.html('help.title')}</span>
          </summary>
          <div class="kern-accordion__body">
            <ul class="kern-list kern-list--bullet">
              {help.map(([syntax, text]) => (
                <li>
                  <code safe>{syntax}</code> <span safe>{text}</span>
                </li>
              ))}
              <li safe>{t('help.paragraph')}</li>
              <li safe>{t('help.html')}</li>
            </ul>
          </div>
        </details>
        <SubmitButton label={t('edit.submit')} />
      </form>
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={info.path}>
            {t.html('edit.public')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/verwaltung/seiten">
            {t.html('edit.back')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
