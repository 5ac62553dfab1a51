import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { categoryName, eventCategories } from '../events.categories.js';
import { formMessages } from '../events-form.messages.js';
import type { FormFields } from '../events.form.js';
import { weekdayLong } from './format.js';

export type FormMode = 'new' | 'edit' | 'suggest' | 'review';

export interface EventFormProps {
  ctx: PageContext;
  mode: FormMode;
  action: string;
  values: FormFields;
  errors: FieldErrors;
  organizations: { id: string; name: string }[];
  locations: { id: string; name: string; district: string | null }[];
  submitLabel: string;
}

function Fieldset({ legend, children }: { legend: string; children?: Children }): JSX.Element {
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label kern-heading-small" safe>
        {legend}
      </legend>
      <div class="kern-fieldset__body">{children}</div>
    </fieldset>
  );
}

/** The event form; one component for organisers, editors and the public suggestion form. */
export function EventForm({ ctx, mode, action, values: v, errors: e, organizations, locations, submitLabel }: EventFormProps): JSX.Element {
  const t = formMessages(ctx.locale);
  const field = (name: string, label: string, hint?: string) => ({ name, label, hint, error: e[name], value: v[name] ?? '' });
  const check = (name: string, label: string) => <Checkbox name={name} label={label} checked={v[name] === 'ja'} error={e[name]} />;
  return (
    <form method="post" action={action} novalidate enctype={mode === 'suggest' ? undefined : 'multipart/form-data'}>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary title={t('errors.title')} errors={e} />
      <Fieldset legend={t('section.what')}>
        <TextField {...field('title', t('title'))} required />
        <TextArea {...field('description', t('description'), t('description.hint'))} required />
        {mode !== 'suggest' && organizations.length ? (
          <SelectField
            {...field('organizationId', t('organizationId'))}
            options={[
              ...(mode === 'review' || organizations.length > 1 ? [{ value: '', label: '—' }] : []),
              ...organizations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        ) : (
          ''
        )}
        <fieldset class="kern-fieldset">
          <legend class="kern-label" safe>
            {t('categories')}
          </legend>
          <div class="kern-hint" safe>
            {t('categories.hint')}
          </div>
          <div class="kern-fieldset__body">{eventCategories.map((c) => check(`cat_${c.code}`, categoryName(c.code, ctx.locale)))}</div>
        </fieldset>
      </Fieldset>
      <Fieldset legend={t('section.when')}>
        {check('allDay', t('allDay'))}
        <DateField {...field('startDate', t('startDate'))} locale={ctx.locale} required />
        <TextField {...field('startTime', t('startTime'), t('time.hint'))} />
        <DateField {...field('endDate', t('endDate'), t('endDate.hint'))} locale={ctx.locale} />
        <TextField {...field('endTime', t('endTime'), t('time.hint'))} />
      </Fieldset>
      <Fieldset legend={t('section.repeat')}>
        <SelectField
          {...field('repeat', t('repeat'))}
          options={[
            { value: 'none', label: t('repeat.none') },
            { value: 'daily', label: t('repeat.daily') },
            { value: 'weekly', label: t('repeat.weekly') },
            { value: 'monthly', label: t('repeat.monthly') },
          ]}
        />
        <TextField {...field('interval', t('interval'))} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label" safe>
            {t('weekdays')}
          </legend>
          <div class="kern-hint" safe>
            {t('weekdays.hint')}
          </div>
          <div class="kern-fieldset__body kern-fieldset__body--horizontal">{[1, 2, 3, 4, 5, 6, 7].map((d) => check(`wd${d}`, weekdayLong(ctx.locale, d)))}</div>
        </fieldset>
        <DateField {...field('repeatUntil', t('repeatUntil'), t('repeatEnd.hint'))} locale={ctx.locale} />
        <TextField {...field('repeatCount', t('repeatCount'))} />
        <TextArea {...field('excludedDates', t('excludedDates'), t('excludedDates.hint'))} rows={3} />
      </Fieldset>
      <Fieldset legend={t('section.where')}>
        <SelectField
          {...field('locationId', t('locationId'))}
          options={[
            { value: '', label: t('locationId.none') },
            ...locations.map((l) => ({ value: l.id, label: l.district ? `${l.name} (${l.district})` : l.name })),
          ]}
        />
        <TextField {...field('placeName', t('placeName'))} />
        <TextField {...field('street', t('street'))} autocomplete="off" />
        <TextField {...field('postalCode', t('postalCode'))} />
        <TextField {...field('locality', t('locality'))} />
        <SelectField
          {...field('district', t('district'))}
          options={[{ value: '', label: t('district.choose') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
        />
      </Fieldset>
      <Fieldset legend={t('section.who')}>
        <TextField {...field('minAge', t('minAge'), t('age.hint'))} />
        <TextField {...field('maxAge', t('maxAge'))} />
        {check('free', t('free'))}
        <TextField {...field('price', t('price'), t('price.hint'))} />
        <TextField {...field('reducedPrice', t('reducedPrice'))} />
        {check('registrationRequired', t('registrationRequired'))}
        <TextField {...field('registrationHow', t('registrationHow'))} />
        <DateField {...field('registrationUntil', t('registrationUntil'))} locale={ctx.locale} />
      </Fieldset>
      <Fieldset legend={t('section.access')}>
        {check('barrierFree', t('barrierFree'))}
        {check('signLanguage', t('signLanguage'))}
        {check('easyLanguage', t('easyLanguage'))}
        {check('quietSpace', t('quietSpace'))}
      </Fieldset>
      {mode !== 'suggest' ? (
        <Fieldset legend={t('section.image')}>
          {v.imageId ? (
            <>
              <p class="kern-body" safe>
                {t('image.current')}
              </p>
              <img src={`/medien/${v.imageId}`} alt={v.imageAlt ?? ''} class="event-form-image" width="240" />
              {check('removeImage', t('removeImage'))}
            </>
          ) : (
            ''
          )}
          <div class={`kern-form-input${e.image ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for="image" safe>
              {t('image')}
            </label>
            <div class="kern-hint" id="image-hint" safe>
              {t('image.hint')}
            </div>
            {e.image ? (
              <p class="kern-error" id="image-error">
                <span class="kern-body" safe>
                  {e.image}
                </span>
              </p>
            ) : (
              ''
            )}
            <input
              class="kern-form-input__input"
              type="file"
              id="image"
              name="image"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={e.image ? 'image-hint image-error' : 'image-hint'}
            />
          </div>
          <TextField {...field('imageAlt', t('imageAlt'), t('imageAlt.hint'))} />
        </Fieldset>
      ) : (
        ''
      )}
      {mode === 'edit' || mode === 'review' ? (
        <Fieldset legend={t('section.status')}>
          <SelectField
            {...field('status', t('status'))}
            options={[
              { value: 'scheduled', label: t('status.scheduled') },
              { value: 'cancelled', label: t('status.cancelled') },
              { value: 'postponed', label: t('status.postponed') },
            ]}
          />
          <TextArea {...field('statusNote', t('statusNote'), t('statusNote.hint'))} rows={2} />
        </Fieldset>
      ) : (
        ''
      )}
      {mode === 'suggest' ? (
        <Fieldset legend={t('section.you')}>
          <TextField {...field('email', t('email'), t('email.hint'))} type="email" autocomplete="email" />
          <div class="visually-hidden" aria-hidden="true">
            <label for="homepage" safe>
              {t('homepage')}
            </label>
            <input type="text" id="homepage" name="homepage" tabindex="-1" autocomplete="off" value="" />
          </div>
        </Fieldset>
      ) : (
        ''
      )}
      <SubmitButton label={submitLabel} />
    </form>
  );
}
