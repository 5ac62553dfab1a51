import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { completeLanguages, htmlDir, htmlLang, languageNames, questionTypes, surveyLanguages, type SurveyDefinition } from '../survey.definition.js';
import { editorMessages } from '../editor.messages.js';
import type { SurveyRow } from '../survey.repository.js';
import { surveyPath } from './respond-views.js';

export const editorPath = (id?: string) => (id ? `/verwaltung/befragungen/${id}` : '/verwaltung/befragungen');

export function ListPage({
  ctx,
  surveys,
  canEdit,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  surveys: { id: string; title: string; status: SurveyRow['status']; responses: number | null }[];
  canEdit: boolean;
  errors?: FieldErrors;
  values?: Record<string, string>;
}): JSX.Element {
  const t = editorMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('list.title')} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="kern-heading-x-large" safe>
        {t('list.title')}
      </h1>
      {surveys.length === 0 ? <p class="kern-body">{t.html('list.empty')}</p> : ''}
      <ul class="kern-list">
        {surveys.map((s) => (
          <li>
            <a class="kern-link" href={editorPath(s.id)} safe>
              {s.title}
            </a>{' '}
            <span class="kern-body kern-body--small" safe>
              {`(${t(`status.${s.status}`)}, ${t('list.responses', { count: s.responses ?? 0 })})`}
            </span>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <>
          <h2 class="kern-heading-medium">{t.html('list.new')}</h2>
          <form method="post" action={editorPath()} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary title={t('q.errorTitle')} errors={errors} />
            <TextField name="title" label={t('field.title')} error={errors.title} value={values.title} />
            <TextField name="slug" label={t('field.slug')} hint={t('field.slugHint')} error={errors.slug} value={values.slug} />
            <SubmitButton label={t('create.submit')} />
          </form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

type Detail = {
  survey: SurveyRow;
  definition: SurveyDefinition;
  channels: { id: string; slug: string; name: string }[];
  responses: number;
  unusedCodes: number;
};

function LifecycleButtons({ ctx, survey }: { ctx: PageContext; survey: SurveyRow }): JSX.Element {
  const t = editorMessages(ctx.locale);
  const actions = { draft: ['open'], open: ['close'], closed: ['open', 'publish'], published: ['unpublish'] }[survey.status] as (
    'open' | 'close' | 'publish' | 'unpublish'
  )[];
  return (
    <div class="survey-actions">
      {actions.map((a) => (
        <form method="post" action={`${editorPath(survey.id)}/status`} class="site-inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="aktion" value={a} />
          <SubmitButton label={t(`action.${a}`)} variant={a === 'open' || a === 'publish' ? 'primary' : 'secondary'} />
        </form>
      ))}
    </div>
  );
}

export function DetailPage({
  ctx,
  detail,
  notice,
  errors = {},
  values = {},
  publicUrl,
}: {
  ctx: PageContext;
  detail: Detail;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  publicUrl: string;
}): JSX.Element {
  const t = editorMessages(ctx.locale);
  const { survey, definition, channels } = detail;
  const base = editorPath(survey.id);
  const v = (key: string, fallback: string | null | undefined) => values[key] ?? fallback ?? '';
  return (
    <Layout ctx={ctx} title={survey.title} hasErrors={Object.keys(errors).length > 0}>
      <p class="kern-body">
        <a class="kern-link" href={editorPath()}>
          {t.html('list.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {survey.title}
      </h1>
      <p class="kern-body" safe>
        {t('detail.status', { status: t(`status.${survey.status}`), version: survey.current_version, responses: detail.responses })}
      </p>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <ErrorSummary title={t('q.errorTitle')} errors={errors} />
      {survey.status !== 'draft' ? (
        <p class="kern-body" safe>
          {t('detail.frozen')}
        </p>
      ) : (
        ''
      )}
      <p class="kern-body" safe>
        {t('detail.languages', {
          languages: completeLanguages(definition)
            .map((l) => languageNames[l])
            .join(', '),
        })}
      </p>
      <LifecycleButtons ctx={ctx} survey={survey} />
      <p class="kern-body">
        <a class="kern-link" href={`${base}/ergebnisse`}>
          {t.html('results.link')}
        </a>
        {' · '}
        <a class="kern-link" href={surveyPath(survey.slug)} safe>
          {surveyPath(survey.slug)}
        </a>
      </p>

      <h2 class="kern-heading-medium">{t.html('questions.title')}</h2>
      {definition.pages.map((page, i) => (
        <section class="survey-editor-page" aria-labelledby={`seite-${i + 1}`}>
          <h3 class="kern-heading-small" id={`seite-${i + 1}`} safe>
            {t('questions.page', { n: i + 1, title: page.title.de })}
          </h3>
          <ol class="kern-list">
            {page.questions.map((q) => (
              <li>
                <span safe>{`${q.text.de} [${q.id}, ${t(`type.${q.type}`)}${q.required ? ', *' : ''}]`}</span>
                {q.showIf ? (
                  <span
                    class="kern-body kern-body--small"
                    safe
                  >{` – ${t('questions.condition', { question: q.showIf.question, values: q.showIf.values.join(', ') })}`}</span>
                ) : (
                  ''
                )}{' '}
                <a class="kern-link" href={`${base}/fragen/${q.id}`} aria-label={`${t('questions.edit')}: ${q.text.de}`} safe>
                  {t('questions.edit')}
                </a>
                {(['hoch', 'runter'] as const).map((richtung) => (
                  <form method="post" action={`${base}/fragen/${q.id}/verschieben`} class="site-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="richtung" value={richtung} />
                    <button
                      type="submit"
                      class="kern-btn kern-btn--tertiary kern-btn--x-small"
                      aria-label={`${t(richtung === 'hoch' ? 'questions.up' : 'questions.down')}: ${q.text.de}`}
                    >
                      <span class="kern-label" safe>
                        {t(richtung === 'hoch' ? 'questions.up' : 'questions.down')}
                      </span>
                    </button>
                  </form>
                ))}
                <form method="post" action={`${base}/fragen/${q.id}/loeschen`} class="site-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`${t('questions.delete')}: ${q.text.de}`}>
                    <span class="kern-label" safe>
                      {t('questions.delete')}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ol>
          <p class="kern-body">
            <a class="kern-link" href={`${base}/fragen/neu?seite=${i + 1}`} safe>
              {`${t('questions.add')} (${t('questions.page', { n: i + 1, title: page.title.de })})`}
            </a>
          </p>
        </section>
      ))}
      <form method="post" action={`${base}/seiten`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="pageTitle" label={t('questions.pageTitle')} error={errors.pageTitle} />
        <SubmitButton label={t('questions.addPage')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('settings.title')}</h2>
      <form method="post" action={`${base}/einstellungen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {surveyLanguages.map((lang) => (
          <TextField
            name={`title_${lang}`}
            lang={htmlLang[lang]}
            dir={htmlDir(lang)}
            label={`${t('field.title').replace(/ \(.*\)/, '')} (${languageNames[lang]})`}
            error={errors[`title_${lang}`]}
            value={v(`title_${lang}`, definition.title[lang])}
          />
        ))}
        {surveyLanguages.map((lang) => (
          <TextArea
            name={`intro_${lang}`}
            lang={htmlLang[lang]}
            dir={htmlDir(lang)}
            label={`${t('settings.intro')} (${languageNames[lang]})`}
            rows={3}
            value={v(`intro_${lang}`, definition.intro[lang])}
          />
        ))}
        <DateField
          name="opensOn"
          label={t('settings.opens')}
          hint={t('settings.opens.hint')}
          locale={ctx.locale}
          error={errors.opensOn}
          value={v('opensOn', survey.opens_on)}
        />
        <DateField
          name="closesOn"
          label={t('settings.closes')}
          hint={t('settings.closes.hint')}
          locale={ctx.locale}
          error={errors.closesOn}
          value={v('closesOn', survey.closes_on)}
        />
        <Checkbox name="requiresCode" label={t('settings.code')} checked={values.requiresCode ? values.requiresCode === 'ja' : survey.requires_code} />
        <SubmitButton label={t('settings.save')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('channels.title')}</h2>
      <p class="kern-body">{t.html('channels.lead')}</p>
      <ul class="kern-list">
        {channels.map((c) => {
          const link = `${publicUrl}${surveyPath(survey.slug)}?kanal=${c.slug}`;
          return (
            <li>
              <strong safe>{c.name}</strong>:{' '}
              <span class="survey-link" safe>
                {link}
              </span>{' '}
              <a class="kern-link" href={`${base}/kanaele/${c.id}/qr.svg`} download={`qr-${c.slug}.svg`} aria-label={`${t('channels.svg')}: ${c.name}`} safe>
                {t('channels.svg')}
              </a>{' '}
              <a class="kern-link" href={`${base}/kanaele/${c.id}/qr.png`} download={`qr-${c.slug}.png`} aria-label={`${t('channels.png')}: ${c.name}`} safe>
                {t('channels.png')}
              </a>
            </li>
          );
        })}
      </ul>
      <form method="post" action={`${base}/kanaele`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('channels.name')} error={errors.name} value={values.name} />
        <SubmitButton label={t('channels.add')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('codes.title')}</h2>
      <p class="kern-body" safe>
        {t('codes.lead', { count: detail.unusedCodes })}
      </p>
      <form method="post" action={`${base}/codes`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="count" label={t('codes.count')} error={errors.count} value={values.count ?? '30'} width="narrow" />
        <SubmitButton label={t('codes.generate')} variant="secondary" />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/codes`}>
          {t.html('codes.print')}
        </a>
      </p>
    </Layout>
  );
}

export function QuestionFormPage(props: {
  ctx: PageContext;
  survey: SurveyRow;
  definition: SurveyDefinition;
  values: Record<string, string>;
  errors?: FieldErrors;
  editing: boolean;
}): JSX.Element {
  const { ctx, survey, definition, values, errors = {}, editing } = props;
  const t = editorMessages(ctx.locale);
  const earlier = definition.pages.flatMap((p, i) =>
    p.questions
      .filter((q) => q.id !== values.id && q.type !== 'text' && q.type !== 'longtext')
      .map((q) => ({ value: q.id, label: `${t('q.page')} ${i + 1}: ${q.text.de} [${q.id}]` })),
  );
  return (
    <Layout ctx={ctx} title={`${t('q.title')} – ${survey.title}`} hasErrors={Object.keys(errors).length > 0}>
      <p class="kern-body">
        <a class="kern-link" href={editorPath(survey.id)} safe>
          {survey.title}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {editing ? `${t('q.title')}: ${values.text_de ?? ''}` : t('questions.add')}
      </h1>
      <form method="post" action={`${editorPath(survey.id)}/fragen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary title={t('q.errorTitle')} errors={errors} />
        {editing ? <input type="hidden" name="id" value={values.id} /> : ''}
        <SelectField
          name="page"
          label={t('q.page')}
          value={values.page}
          error={errors.page}
          options={definition.pages.map((p, i) => ({ value: String(i + 1), label: `${i + 1}: ${p.title.de}` }))}
        />
        <SelectField
          name="type"
          label={t('q.type')}
          value={values.type}
          error={errors.type}
          options={questionTypes.map((type) => ({ value: type, label: t(`type.${type}`) }))}
        />
        {surveyLanguages.map((lang) => (
          <TextField
            name={`text_${lang}`}
            lang={htmlLang[lang]}
            dir={htmlDir(lang)}
            label={t('q.text', { language: languageNames[lang] })}
            error={errors[`text_${lang}`]}
            value={values[`text_${lang}`]}
          />
        ))}
        <TextField name="hint_de" label={t('q.hint')} hint={t('q.hintHint')} value={values.hint_de} />
        {surveyLanguages.map((lang) => (
          <TextArea
            name={`options_${lang}`}
            lang={htmlLang[lang]}
            dir={htmlDir(lang)}
            label={t('q.options', { language: languageNames[lang] })}
            hint={lang === 'de' ? t('q.optionsHint') : undefined}
            error={errors[`options_${lang}`]}
            rows={4}
            value={values[`options_${lang}`]}
          />
        ))}
        <Checkbox name="required" label={t('q.required')} checked={values.required === 'ja'} />
        <Checkbox name="other" label={t('q.other')} checked={values.other === 'ja'} />
        <TextField name="min" label={t('q.min')} error={errors.min} value={values.min} width="narrow" />
        <TextField name="max" label={t('q.max')} error={errors.max} value={values.max} width="narrow" />
        <SelectField
          name="showIfQuestion"
          label={t('q.showIf')}
          error={errors.showIfQuestion}
          value={values.showIfQuestion}
          options={[{ value: '', label: t('q.showIfNone') }, ...earlier]}
        />
        <TextField name="showIfValues" label={t('q.showIfValues')} error={errors.showIfValues} value={values.showIfValues} />
        <SubmitButton label={t('q.save')} />
      </form>
    </Layout>
  );
}

export function CodesPrintPage({ ctx, survey, codes, url }: { ctx: PageContext; survey: SurveyRow; codes: string[]; url: string }): JSX.Element {
  const t = editorMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('codes.printTitle', { title: survey.title })}>
      <h1 class="kern-heading-large" safe>
        {t('codes.printTitle', { title: survey.title })}
      </h1>
      <p class="kern-body" safe>
        {t('codes.printHint', { url })}
      </p>
      <ul class="survey-codes">
        {codes.map((code) => (
          <li class="survey-code" safe>
            {code}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
