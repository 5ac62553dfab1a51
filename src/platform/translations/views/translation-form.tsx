import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { dateFormat, intlLocale, textDirection } from '../../i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { layoutMessages } from '../../views/layout.messages.js';
import { digestOf, translationPath, type TranslationEditing, type TranslationFieldInfo, type TranslationLocale } from '../translatable.js';
import { translationMessages } from '../translations.messages.js';
import type { TranslationDraft } from '../translations.service.js';
import { languageLabel, languageName } from './language-name.js';

export type TranslationDone = 'saved' | 'proposed' | 'deleted' | 'discarded';

export interface TranslationFormProps {
  ctx: PageContext;
  editing: TranslationEditing;
  id: string;
  locale: TranslationLocale;
  draft: TranslationDraft;
  values: Record<string, string>;
  errors?: FieldErrors;
  done?: TranslationDone;
}

/** One field: the German original (read only) beside the translation (below it on a narrow screen). */
function FieldPair(props: {
  ctx: PageContext;
  field: TranslationFieldInfo;
  german: string;
  locale: TranslationLocale;
  value?: string;
  error?: string;
  outdated: boolean;
}) {
  const { ctx, field, german, locale, value, error, outdated } = props;
  const t = translationMessages(ctx.locale);
  const label = t('form.field', { field: field.label(ctx.locale), language: languageName(locale, ctx.locale) });
  const hint = outdated ? t('form.outdated') : field.hint?.(ctx.locale);
  const language = { lang: locale, dir: textDirection(locale) };
  return (
    <fieldset class="kern-fieldset translation-field">
      <legend class="kern-label" safe>
        {field.label(ctx.locale)}
      </legend>
      <div class="translation-field__pair">
        <div>
          <p class="kern-body kern-body--small kern-body--bold" safe>
            {t('form.original')}
          </p>
          <div class="kern-body translation-field__original" lang="de" dir="ltr" safe>
            {german}
          </div>
        </div>
        <div>
          {field.rows ? (
            <TextArea name={field.name} label={label} hint={hint} value={value} error={error} rows={field.rows} required {...language} />
          ) : (
            <TextField name={field.name} label={label} hint={hint} value={value} error={error} required {...language} />
          )}
        </div>
      </div>
    </fieldset>
  );
}

/** /uebersetzungen/:art/:id/:sprache: translate one record into one language, side by side with the German. */
export function TranslationFormPage({ ctx, editing, id, locale, draft, values, errors = {}, done }: TranslationFormProps): JSX.Element {
  const t = translationMessages(ctx.locale);
  const { subject, published, proposed } = draft;
  const language = languageName(locale, ctx.locale);
  const day = (date: Date) => dateFormat(intlLocale[ctx.locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);
  const newest = (rows: ReadonlyMap<string, { updatedAt: Date }>) => new Date(Math.max(...[...rows.values()].map((r) => r.updatedAt.getTime())));
  const shownRows = proposed.size ? proposed : published;
  const failed = Object.keys(errors).length > 0;
  const path = translationPath(editing.slug, id, locale);
  const title = t('form.title', { language: languageLabel(locale, ctx.locale) });
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {done ? <Alert kind="success" title={t(`done.${done}`)} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={subject.backPath} safe>
          {t('form.back')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body">
        <span safe>{t('form.original.title')}</span>{' '}
        <strong lang="de" dir="ltr" safe>
          {subject.title}
        </strong>
      </p>
      <p class="kern-body" safe>
        {subject.publishes ? t('form.intro', { language }) : t('form.intro.review')}
      </p>
      {published.size ? (
        <p class="kern-body" safe>
          {t('form.published', { date: day(newest(published)) })}
        </p>
      ) : (
        ''
      )}
      {proposed.size ? (
        <p class="kern-body kern-body--bold" safe>
          {`${t('form.proposal', { date: day(newest(proposed)) })} ${t(subject.publishes ? 'form.proposal.review' : 'form.proposal.own')}`}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {editing.fields
          .filter((field) => subject.german[field.name])
          .map((field) => {
            const german = subject.german[field.name]!;
            const stored = shownRows.get(field.name);
            return (
              <FieldPair
                ctx={ctx}
                field={field}
                german={german}
                locale={locale}
                value={values[field.name]}
                error={errors[field.name]}
                outdated={!!stored && stored.sourceDigest !== digestOf(german)}
              />
            );
          })}
        <SubmitButton label={t(subject.publishes ? 'form.save' : 'form.propose')} />
      </form>
      {proposed.size && subject.publishes ? (
        <form method="post" action={`${path}/verwerfen`}>
          <CsrfField token={ctx.csrfToken} />
          <SubmitButton label={t('form.discard')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
      {published.size || proposed.size ? (
        <form method="post" action={`${path}/loeschen`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="kern-hint" safe>
            {t('form.delete.hint', { language })}
          </p>
          <SubmitButton label={t('form.delete')} variant="tertiary" />
        </form>
      ) : (
        ''
      )}
      {subject.publicPath && published.size ? (
        <p class="kern-body">
          <a class="kern-link" href={`${subject.publicPath}?lang=${locale}`} safe>
            {t('form.public', { language })}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
