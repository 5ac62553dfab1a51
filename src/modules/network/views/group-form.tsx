import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { CsrfField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { moderationMessages } from '../moderation.messages.js';
import { networkMessages } from '../network.messages.js';
import { groupPath } from '../network.paths.js';
import { section } from './public.js';
import { Errors } from './parts.js';

export function GroupFormPage({
  ctx,
  organizations,
  values = {},
  errors = {},
  slug,
  retention,
}: {
  ctx: PageContext;
  organizations: { id: string; name: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Editing this group rather than creating one. */
  slug?: string;
  /** When editing: how long the group keeps posts and documents (its own form below). */
  retention?: { months: number | null };
}) {
  const t = networkMessages(ctx.locale);
  const heading = slug ? t('groupForm.edit') : t('groupForm.new');
  return (
    <Layout ctx={ctx} title={heading} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={slug ? groupPath(slug) : '/netzwerk/mein'}>
          {slug ? t.html('groupForm.edit') : t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {heading}
      </h1>
      {slug ? '' : <p class="kern-body">{t.html('groupForm.new.lead')}</p>}
      <form method="post" action={slug ? `${groupPath(slug)}/bearbeiten` : '/netzwerk/gruppen/neu'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('groupForm.name')} value={values.name} error={errors.name} required />
        <SelectField
          name="access"
          label={t('groupForm.access')}
          value={values.access ?? 'open'}
          error={errors.access}
          options={(['open', 'closed', 'private'] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))}
        />
        <TextArea name="topic" label={t('groupForm.topic')} value={values.topic} error={errors.topic} rows={3} />
        <SelectField
          name="leadOrganization"
          label={t('groupForm.leadOrganization')}
          value={values.leadOrganization ?? ''}
          error={errors.leadOrganization}
          options={[{ value: '', label: t('groupForm.leadOrganization.none') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <TextArea
          name="publicResults"
          label={t('groupForm.results')}
          hint={t('groupForm.results.hint')}
          value={values.publicResults}
          error={errors.publicResults}
          rows={4}
        />
        <SubmitButton label={t('groupForm.submit')} />
      </form>
      {slug && retention ? <RetentionForm ctx={ctx} slug={slug} months={retention.months} value={values.months} error={errors.months} /> : ''}
    </Layout>
  );
}

/** How many months the group keeps its posts and documents (empty: all of them). */
function RetentionForm({ ctx, slug, months, value, error }: { ctx: PageContext; slug: string; months: number | null; value?: string; error?: string }) {
  const m = moderationMessages(ctx.locale);
  return (
    <>
      <h2 class="kern-heading-medium" id="aufbewahrung">
        {m.html('retention.heading')}
      </h2>
      <p class="kern-body">{m.html('retention.lead')}</p>
      <p class="kern-body">{m.html('retention.current', { months: months ?? 0 })}</p>
      <form method="post" action={`${groupPath(slug)}/aufbewahrung`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="months"
          label={m('retention.months')}
          hint={m('retention.months.hint')}
          value={value ?? (months === null ? '' : String(months))}
          error={error}
          width="narrow"
        />
        <SubmitButton label={m('retention.submit')} variant="secondary" />
      </form>
    </>
  );
}
