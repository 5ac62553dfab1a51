import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { NewsPost } from '../news.repository.js';
import { newsMessages } from '../news.messages.js';
import { newsletterTopics, topicMessages } from '../subscribe.messages.js';

function stateOf(ctx: PageContext, p: NewsPost, now: Date): string {
  const t = newsMessages(ctx.locale);
  if (!p.publishedAt) return t('edit.state.draft');
  if (p.expiresAt && p.expiresAt <= now) return t('edit.state.expired');
  if (p.publishedAt > now) return t('edit.state.scheduled', { date: formatDateTime(p.publishedAt, ctx.locale) });
  return t('edit.state.public', { date: formatDateTime(p.publishedAt, ctx.locale) });
}

/** /verwaltung/neuigkeiten: every post with its state. */
export function NewsAdminListPage({ ctx, posts, notice }: { ctx: PageContext; posts: NewsPost[]; notice?: string }): JSX.Element {
  const t = newsMessages(ctx.locale);
  const now = new Date();
  return (
    <Layout ctx={ctx} title={t('edit.list')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('edit.list')}</h1>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href="/verwaltung/neuigkeiten/neu">
          <span class="kern-label">{t.html('edit.new')}</span>
        </a>
      </p>
      {posts.length === 0 ? (
        <p class="kern-body">{t.html('edit.none')}</p>
      ) : (
        <DataTable
          caption={t('edit.list')}
          captionHidden
          rows={posts}
          columns={[
            { header: t('edit.col.title'), text: (p) => p.title, rowHeader: true },
            { header: t('edit.col.state'), text: (p) => stateOf(ctx, p, now) },
            {
              header: t('edit.col.actions'),
              html: (p) => (
                <a class="kern-link" href={`/verwaltung/neuigkeiten/${p.id}`}>
                  {t.html('edit.open')}
                  <span class="visually-hidden" safe>
                    {`: ${p.title}`}
                  </span>
                </a>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}

function DateTimeField({ name, label, hint, value, error }: { name: string; label: string; hint: string; value?: string; error?: string }): JSX.Element {
  const describedBy = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <div class="kern-hint" id={`${name}-hint`} safe>
        {hint}
      </div>
      {error ? (
        <p class="kern-error" id={`${name}-error`}>
          <span class="kern-body" safe>
            {error}
          </span>
        </p>
      ) : (
        ''
      )}
      <input
        class="kern-form-input__input"
        type="datetime-local"
        id={name}
        name={name}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function ImageFields({
  ctx,
  values,
  errors,
  image,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldErrors;
  image?: { id: string; alt: string };
}): JSX.Element {
  const t = newsMessages(ctx.locale);
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{t.html('field.image')}</legend>
      <div class="kern-fieldset__body">
        {image ? (
          <figure>
            <img src={imagePath(image.id)} alt={image.alt} class="news-image" />
            <figcaption class="kern-body kern-body--small" safe>
              {`${t('field.currentImage')}: ${image.alt}`}
            </figcaption>
          </figure>
        ) : (
          ''
        )}
        <div class={`kern-form-input${errors.image ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for="image">
            {t.html('field.image')}
          </label>
          <div class="kern-hint" id="image-hint">
            {t.html('field.image.hint')}
          </div>
          {errors.image ? (
            <p class="kern-error" id="image-error">
              <span class="kern-body" safe>
                {errors.image}
              </span>
            </p>
          ) : (
            ''
          )}
          <input
            class="kern-form-input__input"
            type="file"
            id="image"
            name="image"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={errors.image ? 'image-hint image-error' : 'image-hint'}
            aria-invalid={errors.image ? 'true' : undefined}
          />
        </div>
        <TextField name="imageAlt" label={t('field.imageAlt')} hint={t('field.imageAlt.hint')} value={values.imageAlt} error={errors.imageAlt} />
        {image ? <Checkbox name="removeImage" label={t('field.removeImage')} checked={values.removeImage === 'ja'} /> : ''}
      </div>
    </fieldset>
  );
}

/** The form to write or edit a post. */
export function NewsFormPage(props: {
  ctx: PageContext;
  id?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
  image?: { id: string; alt: string };
  /** The "Übersetzungen" section of a saved post. */
  translations?: JSX.Element;
}): JSX.Element {
  const { ctx, id, values = {}, errors = {}, saved, image, translations = '' } = props;
  const t = newsMessages(ctx.locale);
  const topics = topicMessages(ctx.locale);
  const title = id ? t('edit.edit') : t('edit.new');
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {saved ? <Alert kind="success" title={t('edit.saved')} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/neuigkeiten">
          {t.html('edit.list')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <form method="post" action={id ? `/verwaltung/neuigkeiten/${id}` : '/verwaltung/neuigkeiten/neu'} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('field.title')} value={values.title} error={errors.title} required />
        <TextArea name="teaser" label={t('field.teaser')} hint={t('field.teaser.hint')} value={values.teaser} error={errors.teaser} rows={3} required />
        <TextArea name="body" label={t('field.body')} hint={t('field.body.hint')} value={values.body} error={errors.body} rows={14} required />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('field.topics')}</legend>
          <div class="kern-fieldset__body">
            {newsletterTopics.map((key) => (
              <div class="kern-form-check">
                <input
                  class="kern-form-check__checkbox"
                  type="checkbox"
                  id={`topic_${key}`}
                  name={`topic_${key}`}
                  value="ja"
                  checked={values[`topic_${key}`] === 'ja'}
                />
                <label class="kern-label" for={`topic_${key}`} safe>
                  {topics(key)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <ImageFields ctx={ctx} values={values} errors={errors} image={image} />
        <DateTimeField
          name="publishedAt"
          label={t('field.publishedAt')}
          hint={t('field.publishedAt.hint')}
          value={values.publishedAt}
          error={errors.publishedAt}
        />
        <DateTimeField name="expiresAt" label={t('field.expiresAt')} hint={t('field.expiresAt.hint')} value={values.expiresAt} error={errors.expiresAt} />
        <SubmitButton label={t('edit.submit')} />
      </form>
      {id ? (
        <form method="post" action={`/verwaltung/neuigkeiten/${id}/loeschen`}>
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton label={t('edit.delete')} variant="tertiary" />
        </form>
      ) : (
        ''
      )}
      {translations}
    </Layout>
  );
}
