import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { ideaTopics, topicLabel } from '../ideas.topics.js';
import { initiativeMessages } from './initiatives.messages.js';
import { initiativeStatuses, marks, statusWords } from './roadmap-csv.js';

/** GET/POST /verwaltung/vorhaben/neu and /verwaltung/vorhaben/<kennung>/bearbeiten: all fields and the milestones. */
export function InitiativeFormPage({
  ctx,
  slug,
  title,
  groups,
  values,
  errors = {},
}: {
  ctx: PageContext;
  /** null: a new initiative (the slug is typed). */
  slug: string | null;
  title?: string;
  groups: { id: string; name: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = initiativeMessages(ctx.locale);
  const heading = slug ? t('form.editTitle', { title: title ?? slug }) : t('form.newTitle');
  const rows = Math.max(1, Number.parseInt(values.zeilen ?? '', 10) || 0);
  const action = slug ? `/verwaltung/vorhaben/${slug}/bearbeiten` : '/verwaltung/vorhaben/neu';
  return (
    <Layout ctx={ctx} title={heading} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/vorhaben">
          {t.html('form.back')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {heading}
      </h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="zeilen" value={String(rows)} />
        {slug ? (
          <p class="kern-body">{t.html('form.slugFixed', { slug })}</p>
        ) : (
          <TextField name="kennung" label={t('form.slug')} hint={t('form.slugHint')} value={values.kennung} error={errors.kennung} required />
        )}
        <TextField name="titel" label={t('field.title')} value={values.titel} error={errors.titel} required />
        <TextArea name="ziel" label={t('item.goal')} hint={t('form.goalHint')} value={values.ziel} error={errors.ziel} rows={5} required />
        <SelectField
          name="thema"
          label={t('item.topic')}
          value={values.thema}
          error={errors.thema}
          options={[{ value: '', label: t('form.choose') }, ...ideaTopics.map((topic) => ({ value: topic, label: topicLabel(topic, ctx.locale) }))]}
        />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('item.marks')}</legend>
          {marks.map((m) => (
            <Checkbox
              name={`qualitaet-${m}`}
              label={t(`mark.${m}`)}
              checked={values[`qualitaet-${m}`] === 'ja'}
              error={m === marks[0] ? errors[`qualitaet-${m}`] : undefined}
            />
          ))}
        </fieldset>
        <TextField name="amt" label={t('field.office')} value={values.amt} error={errors.amt} required />
        <SelectField
          name="netzwerkgruppe"
          label={t('form.networkGroup')}
          hint={t('form.networkGroupHint')}
          value={values.netzwerkgruppe}
          error={errors.netzwerkgruppe}
          options={[{ value: '', label: t('form.networkGroupNone') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
        <TextField
          name="arbeitsgruppe"
          label={t('form.workingGroup')}
          hint={t('form.workingGroupHint')}
          value={values.arbeitsgruppe}
          error={errors.arbeitsgruppe}
        />
        <SelectField
          name="stand"
          label={t('field.status')}
          value={values.stand}
          error={errors.stand}
          options={[{ value: '', label: t('form.choose') }, ...initiativeStatuses.map((s) => ({ value: statusWords[s], label: t(`status.${s}`) }))]}
        />
        <TextField name="budget" label={t('item.budget')} hint={t('form.budgetHint')} value={values.budget} error={errors.budget} />
        <h2 class="kern-heading-medium">{t.html('item.milestones')}</h2>
        <p class="kern-body">{t.html('form.milestonesHint')}</p>
        {Array.from({ length: rows }, (_, index) => {
          const n = index + 1;
          return (
            <fieldset class="kern-fieldset">
              <legend class="kern-label" safe>
                {t('form.milestone', { n })}
              </legend>
              <TextField name={`m${n}-titel`} label={t('col.milestone')} value={values[`m${n}-titel`]} error={errors[`m${n}-titel`]} />
              <TextField
                name={`m${n}-geplant`}
                label={t('col.planned')}
                hint={t('form.dateHint')}
                value={values[`m${n}-geplant`]}
                error={errors[`m${n}-geplant`]}
              />
              <TextField
                name={`m${n}-erreicht`}
                label={t('col.reached')}
                hint={t('form.reachedHint')}
                value={values[`m${n}-erreicht`]}
                error={errors[`m${n}-erreicht`]}
              />
            </fieldset>
          );
        })}
        <SubmitButton label={t('form.submit')} />
      </form>
    </Layout>
  );
}
