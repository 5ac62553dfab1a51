import { languageName } from '../../public/directory.filters.js';
import { inLocale } from '../../public/topics.service.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../../../platform/views/forms.js';
import { workflowFieldMessages } from '../workflow.fields.messages.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import { serviceLanguages, serviceStatuses } from '../workflow.service-form.js';
import { FormFrame, type FormState } from './workflow-forms.js';
import { HoursTable } from './workflow-hours.js';
import { CheckboxGroup, CheckboxWithHint, Input } from './workflow-parts.js';

export interface ServiceChoices {
  topics: { id: string; code: string; name: string; name_en: string }[];
  locations: { id: string; name: string; district: string | null }[];
  /** Language codes the service has beyond the usual list (kept as checkboxes). */
  extraLanguages: string[];
}

/** GET/POST …/angebote/neu and …/angebote/:id/bearbeiten */
export function ServiceFormPage(state: FormState & { choices: ServiceChoices; lastChecked?: string }): JSX.Element {
  const { ctx, values, errors = {}, entityId, orgId, choices, lastChecked } = state;
  const t = workflowMessages(ctx.locale);
  const f = workflowFieldMessages(ctx.locale);
  const title = entityId ? t('form.serviceTitle', { name: values.name || t('entries.unnamed') }) : t('form.newService');
  const on = (name: string) => !!values[name];
  const languages = [...serviceLanguages, ...choices.extraLanguages.map((code) => ({ code, de: code, en: code }))];
  return (
    <FormFrame {...state} type="service" title={title} action={entityId ? paths.edit('service', orgId, entityId) : paths.create(orgId, 'service')}>
      <h2 class="kern-heading-medium">{t.html('form.section.what')}</h2>
      <TextField name="name" label={f('service.name')} value={values.name} error={errors.name} required />
      <TextArea
        name="description"
        label={f('service.description')}
        hint={f('service.description.hint')}
        value={values.description}
        error={errors.description}
        rows={6}
        required
      />
      <CheckboxGroup
        id="topics"
        legend={f('service.topics')}
        hint={f('service.topics.hint')}
        error={errors.topics}
        options={choices.topics.map((topic) => ({
          name: `topic-${topic.code}`,
          label: inLocale(ctx.locale, topic.name, topic.name_en, `${topic.code}.name`),
          checked: on(`topic-${topic.code}`),
        }))}
      />
      <TextArea
        name="easyLanguage"
        label={f('service.easyLanguage')}
        hint={f('service.easyLanguage.hint')}
        value={values.easyLanguage}
        error={errors.easyLanguage}
        rows={4}
      />

      <h2 class="kern-heading-medium">{t.html('form.section.who')}</h2>
      <fieldset class="kern-fieldset" aria-describedby="ages-hint">
        <legend class="kern-label">{f.html('service.ages')}</legend>
        <div class="kern-hint" id="ages-hint">
          {f.html('service.ages.hint')}
        </div>
        <div class="kern-fieldset__body kern-fieldset__body--horizontal">
          <Input name="minAge" label={f('service.minAge')} value={values.minAge} error={errors.minAge} inputmode="numeric" size={3} />
          <Input name="maxAge" label={f('service.maxAge')} value={values.maxAge} error={errors.maxAge} inputmode="numeric" size={3} />
        </div>
      </fieldset>
      <TextArea
        name="eligibility"
        label={f('service.eligibility')}
        hint={f('service.eligibility.hint')}
        value={values.eligibility}
        error={errors.eligibility}
        rows={3}
      />
      <TextArea
        name="application"
        label={f('service.application')}
        hint={f('service.application.hint')}
        value={values.application}
        error={errors.application}
        rows={3}
      />
      <TextArea name="documents" label={f('service.documents')} hint={f('service.documents.hint')} value={values.documents} error={errors.documents} rows={4} />
      <CheckboxGroup
        id="languages"
        legend={f('service.languages')}
        hint={f('service.languages.hint')}
        options={languages.map((l) => ({ name: `lang-${l.code}`, label: languageName(l.code, ctx.locale), checked: on(`lang-${l.code}`) }))}
      />

      <h2 class="kern-heading-medium">{t.html('form.section.costs')}</h2>
      <fieldset class="kern-fieldset" aria-describedby="costs-hint">
        <legend class="kern-label">{f.html('service.costs')}</legend>
        <div class="kern-hint" id="costs-hint">
          {f.html('service.costs.required')}
        </div>
        <div class="kern-fieldset__body">
          <Checkbox name="free" label={f('service.free')} checked={on('free')} />
          <Input
            name="price"
            label={f('service.price')}
            hint={f('service.price.hint')}
            value={values.price}
            error={errors.price}
            inputmode="decimal"
            size={10}
          />
          <Input
            name="reducedPrice"
            label={f('service.reducedPrice')}
            hint={f('service.reducedPrice.hint')}
            value={values.reducedPrice}
            error={errors.reducedPrice}
            inputmode="decimal"
            size={10}
          />
        </div>
      </fieldset>
      <TextArea name="fees" label={f('service.fees')} hint={f('service.fees.hint')} value={values.fees} error={errors.fees} rows={3} />

      <h2 class="kern-heading-medium">{t.html('form.section.where')}</h2>
      {choices.locations.length ? (
        <CheckboxGroup
          id="locations"
          legend={f('service.locations')}
          hint={f('service.locations.hint')}
          options={choices.locations.map((l) => ({
            name: `location-${l.id}`,
            label: l.district ? `${l.name} (${l.district})` : l.name,
            checked: on(`location-${l.id}`),
          }))}
        />
      ) : (
        <p class="kern-body">{f.html('service.locations.none')}</p>
      )}
      <HoursTable ctx={ctx} values={values} errors={errors} />

      <h2 class="kern-heading-medium">{t.html('form.section.contact')}</h2>
      <Input name="phone" type="tel" label={f('service.phone')} value={values.phone} error={errors.phone} autocomplete="tel" />
      <Input name="email" type="email" label={f('service.email')} value={values.email} error={errors.email} autocomplete="email" />
      <Input name="url" type="url" label={f('service.url')} value={values.url} error={errors.url} autocomplete="url" />
      <Input name="leika" label={f('service.leika')} hint={f('service.leika.hint')} value={values.leika} error={errors.leika} inputmode="numeric" size={18} />

      <h2 class="kern-heading-medium">{t.html('form.section.check')}</h2>
      {lastChecked ? (
        <p class="kern-body" safe>
          {t('form.lastChecked', { date: lastChecked })}
        </p>
      ) : (
        ''
      )}
      <SelectField
        name="status"
        label={f('service.status')}
        hint={f('service.status.hint')}
        value={values.status || 'active'}
        error={errors.status}
        options={serviceStatuses.map((status) => ({ value: status, label: f(`service.status.${status}`) }))}
      />
      <CheckboxWithHint name="checked" label={f('service.checked')} hint={f('service.checked.hint')} checked={on('checked')} />
    </FormFrame>
  );
}
