import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { schoolAdminMessages } from '../schools.messages.js';
import { schoolForms } from '../schools.service.js';
import { youthMessages } from '../youth.messages.js';
import type { SchoolRow } from './youth-views.js';

type AdminRow = SchoolRow & { id: string };

/** GET /verwaltung/schulen */
export function SchoolsAdminPage({ ctx, schools, notice }: { ctx: PageContext; schools: AdminRow[]; notice?: string }): JSX.Element {
  const t = schoolAdminMessages(ctx.locale);
  const y = youthMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('title')}</h1>
      <p class="kern-body">{t.html('intro')}</p>
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href="/verwaltung/schulen/neu">
            {t.html('add')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/jugend-beruf/schulen">
            {t.html('public')}
          </a>
        </li>
      </ul>
      <DataTable
        caption={t('caption')}
        captionHidden
        rows={schools}
        columns={[
          { header: y('schools.col.school'), rowHeader: true, text: (s) => s.name },
          { header: y('schools.col.form'), text: (s) => y(`form.${s.school_form}`) },
          { header: y('schools.col.contact'), text: (s) => [s.contact_name, s.contact_email, s.contact_phone].filter(Boolean).join(', ') },
          {
            header: t('edit'),
            html: (s) => (
              <ul class="site-inline-list">
                <li>
                  <a class="kern-link" href={`/verwaltung/schulen/${s.id}/bearbeiten`}>
                    {t.html('edit')}
                    <span class="visually-hidden" safe>{`: ${s.name}`}</span>
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={`/verwaltung/schulen/${s.id}/entfernen`}>
                    {t.html('remove')}
                    <span class="visually-hidden" safe>{`: ${s.name}`}</span>
                  </a>
                </li>
              </ul>
            ),
          },
        ]}
      />
    </Layout>
  );
}

/** GET/POST /verwaltung/schulen/neu and /verwaltung/schulen/:id/bearbeiten */
export function SchoolFormPage({
  ctx,
  id,
  values,
  errors = {},
}: {
  ctx: PageContext;
  id: string | null;
  values: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = schoolAdminMessages(ctx.locale);
  const y = youthMessages(ctx.locale);
  const title = id ? t('form.titleEdit', { name: values.name ?? '' }) : t('form.titleNew');
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <form method="post" action={id ? `/verwaltung/schulen/${id}/bearbeiten` : '/verwaltung/schulen/neu'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('form.name')} value={values.name} error={errors.name} required />
        <SelectField
          name="school_form"
          label={t('form.schoolForm')}
          value={values.school_form}
          error={errors.school_form}
          options={schoolForms.map((f) => ({ value: f, label: y(`form.${f}`) }))}
        />
        <SelectField
          name="district"
          label={t('form.district')}
          value={values.district ?? ''}
          error={errors.district}
          options={[{ value: '', label: t('form.districtNone') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
        />
        <TextField name="contact_name" label={t('form.contactName')} value={values.contact_name} error={errors.contact_name} autocomplete="off" />
        <TextField
          name="contact_email"
          type="email"
          label={t('form.contactEmail')}
          value={values.contact_email}
          error={errors.contact_email}
          autocomplete="off"
        />
        <TextField
          name="contact_phone"
          type="tel"
          label={t('form.contactPhone')}
          value={values.contact_phone}
          error={errors.contact_phone}
          autocomplete="off"
        />
        <SubmitButton label={t('form.save')} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/schulen">
          {t.html('form.back')}
        </a>
      </p>
    </Layout>
  );
}

/** GET /verwaltung/schulen/:id/entfernen: a confirmation, the button posts. */
export function RemoveSchoolPage({ ctx, id, name }: { ctx: PageContext; id: string; name: string }): JSX.Element {
  const t = schoolAdminMessages(ctx.locale);
  const title = t('remove.title', { name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body">{t.html('remove.text')}</p>
      <form method="post" action={`/verwaltung/schulen/${id}/entfernen`}>
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton label={t('remove.confirm')} variant="secondary" />
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/schulen">
          {t.html('form.back')}
        </a>
      </p>
    </Layout>
  );
}
