import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import { entryStateText, OrganizationPickerPage, VersionHistoryTable } from '../../../platform/review/views/manage-views.js';
import { imagePath } from '../../../platform/media/media.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, FileField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { placePaths } from '../../places/index.js';
import { areas, measuresByArea, sectors, sizes } from '../employers.catalogue.js';
import { districtField, measureField } from '../employers.form.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { EmployersService } from '../employers.service.js';
import { scoreAnswers, type Answer } from '../self-check.js';
import { ResultProfile } from './self-check.js';

type Home = Awaited<ReturnType<EmployersService['manageHome']>>;
type Overview = Awaited<ReturnType<EmployersService['overview']>>;
type History = Awaited<ReturnType<EmployersService['history']>>;

/** GET /arbeitgeber-verwalten */
export function ManageHomePage({ ctx, home }: { ctx: PageContext; home: Home }): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <OrganizationPickerPage
      ctx={ctx}
      title={t('manage.title')}
      intro={t('manage.intro')}
      none={t('manage.none')}
      openLabel={t('manage.open')}
      action={employerPaths.manage}
      editor={home.editor}
      organizations={home.organizations}
      linkOf={employerPaths.organization}
      linkText={(organization) => t('manage.org', { organization })}
    />
  );
}

/** GET /arbeitgeber-verwalten/:org */
export function OverviewPage({
  ctx,
  overview,
  notice,
  translations = '',
}: {
  ctx: PageContext;
  overview: Overview;
  notice?: string;
  /** The published profile's "Übersetzungen" section, for those who may translate it. */
  translations?: JSX.Element;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const { organization, published, pending } = overview;
  const title = t('manage.org', { organization: organization.name });
  const state = entryStateText(ctx.locale, { published: !!published, pending: pending && { status: pending.status } }) || t('status.none');
  return (
    <Layout ctx={ctx} title={title}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body">{overview.directPublish ? t.html('manage.direct') : t.html('manage.intro')}</p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('manage.state')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {state}
          </dd>
        </div>
      </dl>
      {pending?.status === 'rejected' && pending.reason ? <Alert kind="warning" title={t('manage.reason', { reason: pending.reason })} /> : ''}
      {overview.unconfirmed ? <Alert kind="warning" title={t('page.unconfirmed')} /> : ''}
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={employerPaths.edit(organization.id)}>
            {published || pending ? t.html('manage.edit') : t.html('manage.create')}
          </a>
        </li>
        {published ? (
          <li>
            <a class="kern-link" href={employerPaths.employer(organization.id)}>
              {t.html('manage.view')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="kern-link" href={employerPaths.history(organization.id)}>
            {t.html('manage.history')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={placePaths.organization(organization.id)}>
            {t.html('manage.places')}
          </a>
        </li>
      </ul>
      {published ? (
        <section aria-labelledby="bestaetigen">
          <h2 class="kern-heading-medium" id="bestaetigen">
            {t.html('manage.confirm')}
          </h2>
          <p class="kern-body" safe>
            {t('manage.confirmText', { date: formatCivilDate(published.measures_confirmed_on, ctx.locale) })}
          </p>
          <form method="post" action={employerPaths.confirm(organization.id)}>
            <CsrfField token={ctx.csrfToken} />
            <SubmitButton label={t('manage.confirmButton')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
      {translations}
      <HolidayCareSection ctx={ctx} seasons={overview.holidayCare} />
      <section aria-labelledby="selbstcheck">
        <h2 class="kern-heading-medium" id="selbstcheck">
          {t.html('manage.selfCheck')}
        </h2>
        {overview.selfCheck ? (
          <>
            <p class="kern-body" safe>
              {t('manage.selfCheckSaved', { date: formatDateTime(overview.selfCheck.saved_at, ctx.locale) })}
            </p>
            <ResultProfile ctx={ctx} result={scoreAnswers(overview.selfCheck.answers as Answer[])} />
          </>
        ) : (
          <p class="kern-body">{t.html('manage.selfCheckNone')}</p>
        )}
        <p class="kern-body">
          <a class="kern-link" href={employerPaths.selfCheck}>
            {t.html('manage.selfCheckOpen')}
          </a>
        </p>
      </section>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.manage}>
          {t.html('manage.title')}
        </a>
      </p>
    </Layout>
  );
}

/** On the overview: the holiday offers the employer reserved places in, with the code its staff hand in for each season. */
function HolidayCareSection({ ctx, seasons }: { ctx: PageContext; seasons: Overview['holidayCare'] }): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <section aria-labelledby="ferienbetreuung">
      <h2 class="kern-heading-medium" id="ferienbetreuung">
        {t.html('manage.holidayCare')}
      </h2>
      {seasons.length === 0 ? (
        <p class="kern-body" safe>
          {t('manage.holidayCareNone', { email: ctx.city.editorsEmail })}
        </p>
      ) : (
        <>
          <p class="kern-body" safe>
            {t('manage.holidayCareText', { url: `${ctx.publicUrl}${employerPaths.holidayCare}` })}
          </p>
          {seasons.map((season) => (
            <>
              <h3 class="kern-heading-small" safe>
                {t('manage.holidayCareCode', { season: season.season, code: season.code ?? '' })}
              </h3>
              <ul class="kern-list">
                {season.offers.map((o) => (
                  <li>
                    <a class="kern-link" href={employerPaths.holidayOffer(o.offerId)} safe>
                      {t('page.holidayCareOffer', {
                        title: o.title,
                        from: formatCivilDate(o.firstDay, ctx.locale),
                        until: formatCivilDate(o.lastDay, ctx.locale),
                        places: o.places,
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ))}
        </>
      )}
    </section>
  );
}

/** GET/POST /arbeitgeber-verwalten/:org/bearbeiten */
export function ProfileFormPage({
  ctx,
  orgId,
  organization,
  values,
  errors = {},
  baseVersion,
  directPublish,
  logoId,
  conflict = false,
}: {
  ctx: PageContext;
  orgId: string;
  organization: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  baseVersion: number;
  directPublish: boolean;
  logoId: string | null;
  conflict?: boolean;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const title = t('form.title', { organization });
  const failed = Object.keys(errors).length > 0;
  const measuresError = errors[measureField(measuresByArea.time[0])];
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {conflict ? <Alert kind="warning" title={t('form.conflict')} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <form method="post" action={employerPaths.edit(orgId)} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="base_version" value={String(baseVersion)} />
        <SelectField
          name="sector"
          label={t('form.sector')}
          value={values.sector}
          error={errors.sector}
          options={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        />
        <SelectField
          name="size"
          label={t('form.size')}
          value={values.size}
          error={errors.size}
          options={sizes.map((s) => ({ value: s, label: t(`size.${s}`) }))}
        />
        <TextArea name="summary" label={t('form.summary')} hint={t('form.summaryHint')} value={values.summary} error={errors.summary} rows={4} required />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('form.districts')}</legend>
          <div class="kern-fieldset__body">
            {ctx.city.districts.map((d, i) => (
              <Checkbox name={districtField(i)} label={d} checked={values[districtField(i)] === 'ja'} />
            ))}
          </div>
        </fieldset>
        <fieldset class={`kern-fieldset${measuresError ? ' kern-fieldset--error' : ''}`}>
          <legend class="kern-label">{t.html('form.measures')}</legend>
          <div class="kern-hint">{t.html('form.measuresHint')}</div>
          {measuresError ? (
            <p class="kern-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span class="kern-body" safe>
                {measuresError}
              </span>
            </p>
          ) : (
            ''
          )}
          {areas.map((area) => (
            <div class="kern-fieldset__body">
              <p class="kern-body kern-body--bold">{t.html(`area.${area}`)}</p>
              {measuresByArea[area].map((m) => (
                <Checkbox name={measureField(m)} label={t(`measure.${m}`)} checked={values[measureField(m)] === 'ja'} />
              ))}
            </div>
          ))}
        </fieldset>
        <h2 class="kern-heading-medium">{t.html('form.certificates')}</h2>
        <TextField name="audit_year" label={t('form.auditYear')} hint={t('form.yearHint')} value={values.audit_year} error={errors.audit_year} width="narrow" />
        <TextField
          name="network_year"
          label={t('form.networkYear')}
          hint={t('form.yearHint')}
          value={values.network_year}
          error={errors.network_year}
          width="narrow"
        />
        <TextField name="other_name" label={t('form.otherName')} value={values.other_name} error={errors.other_name} />
        <TextField name="other_year" label={t('form.otherYear')} hint={t('form.yearHint')} value={values.other_year} error={errors.other_year} width="narrow" />
        <h2 class="kern-heading-medium">{t.html('form.contact')}</h2>
        <p class="kern-body">{t.html('form.contactHint')}</p>
        <TextField name="website" type="url" label={t('form.website')} value={values.website} error={errors.website} autocomplete="url" />
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
        {logoId ? <img src={imagePath(logoId)} alt={t('page.logo', { name: organization })} width="96" height="96" /> : ''}
        <FileField name="logo" label={t('form.logo')} hint={t('form.logoHint')} error={errors.logo} accept="image/jpeg,image/png,image/webp" />
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
        <a class="kern-link" href={employerPaths.organization(orgId)}>
          {t.html('form.back')}
        </a>
      </p>
    </Layout>
  );
}

/** GET /arbeitgeber-verwalten/:org/verlauf */
export function HistoryPage({ ctx, history }: { ctx: PageContext; history: History }): JSX.Element {
  const t = employersMessages(ctx.locale);
  const title = t('history.title', { organization: history.organization.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <VersionHistoryTable ctx={ctx} caption={title} versions={history.versions} />
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.organization(history.organization.id)}>
          {t.html('form.back')}
        </a>
      </p>
    </Layout>
  );
}
