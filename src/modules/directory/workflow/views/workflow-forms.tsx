import type { Children } from '@kitajs/html';
import type { DirectoryEntity, RevisionStatus } from '../../../../db/types.js';
import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { layoutMessages } from '../../../../platform/views/layout.messages.js';
import { workflowFieldMessages } from '../workflow.fields.messages.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import type { FormValues } from '../workflow.validate.js';
import { HoursTable } from './workflow-hours.js';
import { ConflictAlert, Input } from './workflow-parts.js';

/** What every edit form shows besides its fields. */
export interface FormState {
  ctx: PageContext;
  orgId: string;
  organizationName: string;
  /** Undefined while creating a new entry. */
  entityId?: string;
  values: FormValues;
  errors?: FieldErrors;
  baseVersion: number;
  /** Trusted organisation or editor: "submit" publishes at once. */
  directPublish: boolean;
  /** The newest version is not the published one. */
  pending?: { status: RevisionStatus; review_reason: string | null };
  conflict?: { latest?: { version: number; created_at: Date } };
  /** The "Übersetzungen" section of a published service. */
  translations?: JSX.Element;
}

/** Layout, error summary, notes, the form with its two buttons (submit / save draft). */
export function FormFrame(props: FormState & { type: DirectoryEntity; title: string; action: string; children: Children }): JSX.Element {
  const { ctx, type, orgId, entityId, title, action, errors = {}, baseVersion, directPublish, pending, conflict, translations = '', children } = props;
  const t = workflowMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const historyLink = entityId ? paths.history(type, orgId, entityId) : paths.organization(orgId);
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed || !!conflict}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {conflict ? <ConflictAlert ctx={ctx} latest={conflict.latest} historyLink={historyLink} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {t('form.organization', { name: props.organizationName })}
      </p>
      {pending ? (
        <Alert
          kind={pending.status === 'rejected' ? 'warning' : 'info'}
          title={t(`form.pending.${pending.status === 'rejected' ? 'rejected' : pending.status === 'draft' ? 'draft' : 'review'}`)}
        >
          {pending.review_reason ? (
            <p class="kern-body" safe>
              {t('entries.reason', { reason: pending.review_reason })}
            </p>
          ) : (
            ''
          )}
        </Alert>
      ) : (
        ''
      )}
      <p class="kern-body">{t.html(directPublish ? 'form.directPublish' : 'form.reviewFirst')}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="baseVersion" value={String(baseVersion)} />
        {children}
        <div class="kern-btn-wrapper">
          <button type="submit" name="intent" value="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.html(directPublish ? 'form.publish' : 'form.submit')}</span>
          </button>
          <button type="submit" name="intent" value="draft" class="kern-btn kern-btn--secondary">
            <span class="kern-label">{t.html('form.saveDraft')}</span>
          </button>
        </div>
      </form>
      <ul class="site-inline-list">
        {entityId ? (
          <li>
            <a class="kern-link" href={historyLink}>
              {t.html('entries.history')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="kern-link" href={paths.organization(orgId)}>
            {t.html('nav.backToOrganization')}
          </a>
        </li>
      </ul>
      {translations}
    </Layout>
  );
}

export function OrganizationFormPage(state: FormState): JSX.Element {
  const t = workflowMessages(state.ctx.locale);
  const f = workflowFieldMessages(state.ctx.locale);
  const { values, errors = {} } = state;
  return (
    <FormFrame
      {...state}
      type="organization"
      title={t('form.organizationTitle', { name: state.organizationName })}
      action={paths.edit('organization', state.orgId, state.orgId)}
    >
      <TextField name="name" label={f('org.name')} value={values.name} error={errors.name} autocomplete="organization" required />
      <TextArea
        name="description"
        label={f('org.description')}
        hint={f('org.description.hint')}
        value={values.description}
        error={errors.description}
        rows={5}
        required
      />
      <Input name="email" type="email" label={f('org.email')} value={values.email} error={errors.email} autocomplete="email" />
      <Input name="website" type="url" label={f('org.website')} value={values.website} error={errors.website} autocomplete="url" />
      <Input name="phone" type="tel" label={f('org.phone')} value={values.phone} error={errors.phone} autocomplete="tel" />
    </FormFrame>
  );
}

export function LocationFormPage(state: FormState & { districts: readonly string[] }): JSX.Element {
  const t = workflowMessages(state.ctx.locale);
  const f = workflowFieldMessages(state.ctx.locale);
  const { values, errors = {}, entityId, orgId } = state;
  const title = entityId ? t('form.locationTitle', { name: values.name || t('entries.unnamed') }) : t('form.newLocation');
  return (
    <FormFrame {...state} type="location" title={title} action={entityId ? paths.edit('location', orgId, entityId) : paths.create(orgId, 'location')}>
      <TextField name="name" label={f('location.name')} hint={f('location.name.hint')} value={values.name} error={errors.name} required />
      <TextField name="street" label={f('location.street')} value={values.street} error={errors.street} autocomplete="address-line1" required />
      <Input
        name="postalCode"
        label={f('location.postalCode')}
        value={values.postalCode}
        error={errors.postalCode}
        inputmode="numeric"
        autocomplete="postal-code"
        size={6}
      />
      <TextField name="city" label={f('location.city')} value={values.city} error={errors.city} autocomplete="address-level2" required />
      <SelectField
        name="district"
        label={f('location.district')}
        value={values.district}
        error={errors.district}
        options={[{ value: '', label: f('location.district.choose') }, ...state.districts.map((d) => ({ value: d, label: d }))]}
      />
      <fieldset class="kern-fieldset" aria-describedby="coordinates-hint">
        <legend class="kern-label">{f.html('location.coordinates')}</legend>
        <div class="kern-hint" id="coordinates-hint">
          {f.html('location.coordinates.hint')}
        </div>
        <div class="kern-fieldset__body">
          <Input name="latitude" label={f('location.latitude')} value={values.latitude} error={errors.latitude} inputmode="decimal" size={12} />
          <Input name="longitude" label={f('location.longitude')} value={values.longitude} error={errors.longitude} inputmode="decimal" size={12} />
        </div>
      </fieldset>
      <Checkbox name="barrierFree" label={f('location.barrierFree')} checked={!!values.barrierFree} error={errors.barrierFree} />
      <TextArea
        name="accessibility"
        label={f('location.accessibility')}
        hint={f('location.accessibility.hint')}
        value={values.accessibility}
        error={errors.accessibility}
        rows={3}
      />
      <TextArea
        name="transportation"
        label={f('location.transportation')}
        hint={f('location.transportation.hint')}
        value={values.transportation}
        error={errors.transportation}
        rows={3}
      />
      <HoursTable ctx={state.ctx} values={values} errors={errors} />
    </FormFrame>
  );
}
