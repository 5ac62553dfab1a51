import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { composeMessages } from '../compose.messages.js';
import type { IssueContent } from '../issue-content.js';
import type { Issue } from '../issues.repository.js';
import type { NewsPost } from '../news.repository.js';
import { categoryName, eventCategories } from '../../events/index.js';
import { IssueBody } from './issue-body.js';

export const freeSections = 3;

function DateInput({
  name,
  label,
  type,
  value,
  error,
  hint,
}: {
  name: string;
  label: string;
  type: 'datetime-local';
  value?: string;
  error?: string;
  hint?: string;
}): JSX.Element {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${name}-hint`} safe>
          {hint}
        </div>
      ) : (
        ''
      )}
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
        type={type}
        id={name}
        name={name}
        value={value}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

interface ComposerProps {
  ctx: PageContext;
  issue?: Issue;
  news: NewsPost[];
  values: Record<string, string>;
  errors?: FieldErrors;
  /** Errors and values of the action forms (test, schedule). */
  actionErrors?: FieldErrors;
  notice?: string;
  confirmed: number;
}

/** The composer: the content form, then preview, test send, schedule and send now. */
export function ComposerPage({ ctx, issue, news, values, errors = {}, actionErrors = {}, notice, confirmed }: ComposerProps): JSX.Element {
  const t = composeMessages(ctx.locale);
  const title = issue ? t('compose.edit') : t('compose.new');
  const allErrors = { ...errors, ...actionErrors };
  const failed = Object.keys(allErrors).length > 0;
  const action = issue ? `/verwaltung/infobrief/${issue.id}` : '/verwaltung/infobrief/neu';
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={allErrors} /> : ''}
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/infobrief">
          {t.html('overview.title')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="subject" label={t('field.subject')} value={values.subject} error={errors.subject} required />
        <TextArea name="intro" label={t('field.intro')} hint={t('field.intro.hint')} value={values.intro} error={errors.intro} rows={5} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('field.news')}</legend>
          <div class="kern-fieldset__body">
            {news.length === 0 ? <p class="kern-body">{t.html('field.news.none')}</p> : ''}
            {news.map((p) => (
              <div class="kern-form-check">
                <input
                  class="kern-form-check__checkbox"
                  type="checkbox"
                  id={`news_${p.id}`}
                  name={`news_${p.id}`}
                  value="ja"
                  checked={values[`news_${p.id}`] === 'ja'}
                />
                <label class="kern-label" for={`news_${p.id}`} safe>
                  {`${p.title} (${formatDateTime(p.publishedAt!, ctx.locale)})`}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Checkbox name="eventsEnabled" label={t('field.events')} checked={values.eventsEnabled === 'ja'} />
        <DateField name="eventsFrom" label={t('field.eventsFrom')} locale={ctx.locale} value={values.eventsFrom} error={errors.eventsFrom} />
        <DateField name="eventsTo" label={t('field.eventsTo')} locale={ctx.locale} value={values.eventsTo} error={errors.eventsTo} />
        <SelectField
          name="eventsDistrict"
          label={t('field.eventsDistrict')}
          value={values.eventsDistrict ?? ''}
          options={[{ value: '', label: t('field.allDistricts') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
        />
        <SelectField
          name="eventsCategory"
          label={t('field.eventsCategory')}
          value={values.eventsCategory ?? ''}
          error={errors.eventsCategory}
          options={[
            { value: '', label: t('field.eventsCategory.all') },
            ...eventCategories.map((c) => ({ value: c.code, label: categoryName(c.code, ctx.locale) })),
          ]}
        />
        <TextField name="eventsAge" label={t('field.eventsAge')} hint={t('field.eventsAge.hint')} value={values.eventsAge} error={errors.eventsAge} />
        <Checkbox name="eventsFreeOnly" label={t('field.eventsFreeOnly')} checked={values.eventsFreeOnly === 'ja'} />
        <TextArea name="holidayNotice" label={t('field.holiday')} value={values.holidayNotice} error={errors.holidayNotice} rows={4} />
        {Array.from({ length: freeSections }, (_, i) => i + 1).map((n) => (
          <>
            <TextField
              name={`section${n}Heading`}
              label={t('field.sectionHeading', { n })}
              value={values[`section${n}Heading`]}
              error={errors[`section${n}Heading`]}
            />
            <TextArea
              name={`section${n}Body`}
              label={t('field.sectionBody', { n })}
              value={values[`section${n}Body`]}
              error={errors[`section${n}Body`]}
              rows={4}
            />
          </>
        ))}
        <SubmitButton label={t('compose.submit')} />
      </form>
      {issue ? <IssueActions ctx={ctx} issue={issue} values={values} errors={actionErrors} confirmed={confirmed} /> : ''}
    </Layout>
  );
}

function IssueActions({
  ctx,
  issue,
  values,
  errors,
  confirmed,
}: {
  ctx: PageContext;
  issue: Issue;
  values: Record<string, string>;
  errors: FieldErrors;
  confirmed: number;
}): JSX.Element {
  const t = composeMessages(ctx.locale);
  const base = `/verwaltung/infobrief/${issue.id}`;
  return (
    <section aria-labelledby="issue-actions">
      <h2 class="kern-heading-medium" id="issue-actions">
        {t.html('actions.title')}
      </h2>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/vorschau`}>
          {t.html('actions.preview')}
        </a>
      </p>
      <form method="post" action={`${base}/test`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="testAddresses" label={t('test.label')} value={values.testAddresses} error={errors.testAddresses} autocomplete="email" />
        <SubmitButton label={t('test.submit')} variant="secondary" />
      </form>
      <form method="post" action={`${base}/planen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <DateInput name="scheduleAt" type="datetime-local" label={t('schedule.label')} value={values.scheduleAt} error={errors.scheduleAt} />
        <SubmitButton label={t('schedule.submit')} variant="secondary" />
      </form>
      {issue.status === 'scheduled' && issue.scheduledAt ? (
        <form method="post" action={`${base}/planung-aufheben`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="kern-body" safe>
            {t('unschedule.text', { date: formatDateTime(issue.scheduledAt, ctx.locale) })}
          </p>
          <SubmitButton label={t('unschedule.submit')} variant="tertiary" />
        </form>
      ) : (
        ''
      )}
      {/* A GET to the check page: sending needs a second, explicit step that works without JavaScript. */}
      <form method="get" action={`${base}/senden`}>
        <p class="kern-body" safe>
          {t('send.text', { n: confirmed })}
        </p>
        <SubmitButton label={t('send.submit')} />
      </form>
    </section>
  );
}

/** The browser preview: the web rendering and the plain-text part of the mail. */
export function PreviewPage({ ctx, issue, content, text }: { ctx: PageContext; issue: Issue; content: IssueContent; text: string }): JSX.Element {
  const t = composeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('preview.title', { subject: content.subject })}>
      <p class="kern-body">
        <a class="kern-link" href={`/verwaltung/infobrief/${issue.id}`}>
          {t.html('compose.edit')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {t('preview.title', { subject: content.subject })}
      </h1>
      <Alert kind="info" title={t('preview.text')} />
      <IssueBody content={content} locale={ctx.locale} />
      <h2 class="kern-heading-medium">{t.html('preview.textPart')}</h2>
      <pre class="newsletter-text" tabindex="0" safe>
        {text}
      </pre>
    </Layout>
  );
}
