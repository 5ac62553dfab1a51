import { autonyms, locales } from '../../../platform/i18n/i18n.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { SelectField } from '../../../platform/views/forms.js';
import { newsletterTopics, subscribeMessages, topicMessages } from '../subscribe.messages.js';

/** Topics and district (and the note that issues are in German): shared by the sign-up and the preferences form. */
export function PreferenceFields({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors }): JSX.Element {
  const t = subscribeMessages(ctx.locale);
  const topics = topicMessages(ctx.locale);
  return (
    <>
      {/* Issues are written in German; the chosen language is that of the subscription mails and of
          each issue's frame, chosen apart from the page's language (a family may read German pages). */}
      <SelectField
        name="locale"
        label={t('field.locale')}
        hint={t('field.locale.note')}
        value={values.locale ?? ctx.locale}
        options={locales.map((l) => ({ value: l, label: autonyms[l] }))}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label" safe>
          {t('field.topics')}
        </legend>
        <div class="kern-fieldset__body">
          {newsletterTopics.map((key) => (
            <div class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={`topic_${key}`}
                name={`topic_${key}`}
                value="ja"
                checked={values[`topic_${key}`] === 'ja'}
              />
              <label class="kern-label" for={`topic_${key}`} safe>
                {topics(key)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <SelectField
        name="district"
        label={t('field.district')}
        value={values.district ?? ''}
        error={errors.district}
        options={[{ value: '', label: t('field.district.none') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
      />
    </>
  );
}

/** Form values of a subscriber's stored preferences. */
export function preferenceValues(p: { locale: string; topics: string[]; district: string | null }): Record<string, string> {
  return { locale: p.locale, district: p.district ?? '', ...Object.fromEntries(p.topics.map((topic) => [`topic_${topic}`, 'ja'])) };
}
