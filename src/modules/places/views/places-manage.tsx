import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate } from '../../../platform/i18n/i18n.js';
import { entryStateText, OrganizationPickerPage, VersionHistoryTable } from '../../../platform/review/views/manage-views.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { placesMessages } from '../places.messages.js';
import { placePaths } from '../places.paths.js';
import type { PlacesService } from '../places.service.js';
import { certificates, placeFields, placeKinds } from '../places.vocab.js';

type Home = Awaited<ReturnType<PlacesService['manageHome']>>;
type Overview = Awaited<ReturnType<PlacesService['overview']>>;
type History = Awaited<ReturnType<PlacesService['history']>>;

/** GET /plaetze-verwalten */
export function ManageHomePage({ ctx, home }: { ctx: PageContext; home: Home }): JSX.Element {
  const t = placesMessages(ctx.locale);
  return (
    <OrganizationPickerPage
      ctx={ctx}
      title={t('manage.title')}
      intro={t('manage.intro')}
      none={t('manage.none')}
      openLabel={t('manage.open')}
      action={placePaths.manage}
      editor={home.editor}
      organizations={home.organizations}
      linkOf={placePaths.organization}
      linkText={(organization) => t('manage.org', { organization })}
    />
  );
}

/** GET /plaetze-verwalten/:org */
export function OrganizationPlacesPage({ ctx, overview, notice }: { ctx: PageContext; overview: Overview; notice?: string }): JSX.Element {
  const t = placesMessages(ctx.locale);
  const { organization, places } = overview;
  const title = t('manage.org', { organization: organization.name });
  return (
    <Layout ctx={ctx} title={title}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {overview.directPublish ? <p class="kern-body">{t.html('manage.direct')}</p> : <p class="kern-body">{t.html('manage.intro')}</p>}
      <p class="kern-body">
        <a class="kern-link" href={placePaths.create(organization.id)}>
          {t.html('manage.new')}
        </a>
      </p>
      {places.length === 0 ? (
        <p class="kern-body">{t.html('manage.empty')}</p>
      ) : (
        <DataTable
          caption={title}
          captionHidden
          rows={places}
          columns={[
            {
              header: t('manage.place'),
              rowHeader: true,
              html: (p) =>
                p.published ? (
                  <a class="kern-link" href={placePaths.place(p.id)} safe>
                    {p.title}
                  </a>
                ) : (
                  <span safe>{p.title}</span>
                ),
            },
            { header: t('manage.start'), text: (p) => formatCivilDate(p.start_date, ctx.locale) },
            { header: t('manage.status'), text: (p) => entryStateText(ctx.locale, p) },
            {
              header: t('manage.actions'),
              html: (p) => (
                <ul class="site-inline-list">
                  <li>
                    <a class="kern-link" href={placePaths.edit(organization.id, p.id)}>
                      {t.html('manage.edit')}
                      <span class="visually-hidden" safe>{`: ${p.title}`}</span>
                    </a>
                  </li>
                  <li>
                    <a class="kern-link" href={placePaths.history(organization.id, p.id)}>
                      {t.html('manage.history')}
                      <span class="visually-hidden" safe>{`: ${p.title}`}</span>
                    </a>
                  </li>
                </ul>
              ),
            },
          ]}
        />
      )}
      <p class="kern-body">
        <a class="kern-link" href={placePaths.manage}>
          {t.html('manage.title')}
        </a>
      </p>
    </Layout>
  );
}

/** GET/POST /plaetze-verwalten/:org/neu and /plaetze-verwalten/:org/:id/bearbeiten */
export function PlaceFormPage({
  ctx,
  orgId,
  organization,
  placeId,
  values,
  errors = {},
  baseVersion,
  directPublish,
  conflict = false,
}: {
  ctx: PageContext;
  orgId: string;
  organization: string;
  placeId: string | null;
  values: Record<string, string>;
  errors?: FieldErrors;
  baseVersion: number;
  directPublish: boolean;
  conflict?: boolean;
}): JSX.Element {
  const t = placesMessages(ctx.locale);
  const title = placeId ? t('form.titleEdit', { title: values.title ?? '' }) : t('form.titleNew');
  const failed = Object.keys(errors).length > 0;
  const action = placeId ? placePaths.edit(orgId, placeId) : placePaths.create(orgId);
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {conflict ? <Alert kind="warning" title={t('form.conflict')} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {organization}
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="base_version" value={String(baseVersion)} />
        <SelectField
          name="kind"
          label={t('form.kind')}
          value={values.kind}
          error={errors.kind}
          options={placeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField name="title" label={t('form.title')} hint={t('form.titleHint')} value={values.title} error={errors.title} required />
        <TextField
          name="occupation"
          label={t('form.occupation')}
          hint={t('form.occupationHint')}
          value={values.occupation}
          error={errors.occupation}
          required
        />
        <SelectField
          name="field"
          label={t('form.field')}
          value={values.field}
          error={errors.field}
          options={placeFields.map((f) => ({ value: f, label: t(`field.${f}`) }))}
        />
        <SelectField
          name="certificate"
          label={t('form.certificate')}
          value={values.certificate}
          error={errors.certificate}
          options={certificates.map((c) => ({ value: c, label: t(`certificate.${c}`) }))}
        />
        <DateField name="start_date" label={t('form.start')} value={values.start_date} error={errors.start_date} locale={ctx.locale} required />
        <Checkbox name="part_time" label={t('form.partTime')} checked={values.part_time === 'ja'} error={errors.part_time} />
        <TextField name="positions" label={t('form.positions')} value={values.positions ?? '1'} error={errors.positions} width="narrow" required />
        <TextArea
          name="description"
          label={t('form.description')}
          hint={t('form.descriptionHint')}
          value={values.description}
          error={errors.description}
          required
        />
        <TextArea name="how_to_apply" label={t('form.apply')} value={values.how_to_apply} error={errors.how_to_apply} rows={4} required />
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
        <ul class="site-inline-list">
          <li>
            <button class="kern-btn kern-btn--primary" type="submit" name="intent" value="submit">
              <span class="kern-label">{t.html(directPublish ? 'form.publish' : 'form.submit')}</span>
            </button>
          </li>
          <li>
            <button class="kern-btn kern-btn--secondary" type="submit" name="intent" value="draft">
              <span class="kern-label">{t.html('form.draft')}</span>
            </button>
          </li>
        </ul>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={placePaths.organization(orgId)}>
          {t.html('manage.back')}
        </a>
      </p>
    </Layout>
  );
}

/** GET /plaetze-verwalten/:org/:id/verlauf */
export function PlaceHistoryPage({ ctx, history, placeId }: { ctx: PageContext; history: History; placeId: string }): JSX.Element {
  const t = placesMessages(ctx.locale);
  const title = t('history.title', { title: history.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <VersionHistoryTable ctx={ctx} caption={title} versions={history.versions} />
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={placePaths.edit(history.organization.id, placeId)}>
            {t.html('manage.edit')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={placePaths.organization(history.organization.id)}>
            {t.html('manage.back')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
