import type { Translate } from '../../../platform/i18n/i18n.js';
import { fieldName, maxTextLength } from '../survey.answers.js';
import { categoriesOf, inLanguage, type Answers, type Question, type SurveyLanguage } from '../survey.definition.js';
import type { surveyMessages } from '../survey.messages.js';

type T = Translate<Parameters<ReturnType<typeof surveyMessages>>[0]>;

interface FieldsProps {
  question: Question;
  answers: Answers;
  errors: Record<string, string>;
  language: SurveyLanguage;
  districts: readonly string[];
  t: T;
}

function ErrorLine({ id, text }: { id: string; text?: string }): JSX.Element {
  // The wrapper clears KERN's floated legend, so the message wraps on narrow screens.
  return text ? (
    <div class="kern-hint">
      <p class="kern-error" id={id}>
        <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
        <span class="kern-body" safe>
          {text}
        </span>
      </p>
    </div>
  ) : (
    ''
  );
}

function Mark({ required, t }: { required: boolean; t: T }): JSX.Element {
  return (
    <span class="kern-body kern-body--small" safe>
      {` ${required ? t('page.required') : t('page.optional')}`}
    </span>
  );
}

/** Labels of the categories of a closed question, in the survey's language. */
export function categoryLabels(question: Question, language: SurveyLanguage, t: T): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const o of question.options ?? []) labels[o.value] = inLanguage(o.text, language);
  if (question.type === 'yesno') Object.assign(labels, { ja: t('page.yes'), nein: t('page.no') });
  if (question.type === 'likert') for (const v of [1, 2, 3, 4, 5]) labels[String(v)] = `${v} – ${t(`page.likert${v}` as 'page.likert1')}`;
  if (question.type === 'grade6') for (const v of [1, 2, 3, 4, 5, 6]) labels[String(v)] = t('page.grade', { grade: v });
  return labels;
}

function Choices(props: {
  name: string;
  values: string[];
  labels: Record<string, string>;
  chosen: string[];
  multi: boolean;
  error?: string;
  describedBy?: string;
}): JSX.Element {
  const { name, values, labels, chosen, multi, error } = props;
  return (
    <>
      {values.map((value, i) => {
        const id = i === 0 ? name : `${name}-${i + 1}`;
        return (
          <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
            <input
              class={multi ? 'kern-form-check__checkbox' : 'kern-form-check__radio'}
              type={multi ? 'checkbox' : 'radio'}
              id={id}
              name={name}
              value={value}
              checked={chosen.includes(value)}
              aria-describedby={i === 0 ? props.describedBy : undefined}
            />
            <label class="kern-label" for={id} safe>
              {labels[value] ?? value}
            </label>
          </div>
        );
      })}
    </>
  );
}

/** One question as KERN form fields: a fieldset of choices, or a labelled input. */
export function QuestionFields({ question: q, answers, errors, language, districts, t }: FieldsProps): JSX.Element {
  const name = fieldName(q.id);
  const text = inLanguage(q.text, language);
  const hint = inLanguage(q.hint, language);
  const error = errors[name];
  const value = answers[q.id];
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const labels = categoryLabels(q, language, t);
  // A scale question's own hint (in the survey's language) names its ends; the general one stands in otherwise.
  const scaleHint = q.type === 'grade6' ? t('page.gradeHint') : q.type === 'scale10' ? t('page.scaleHint') : '';
  const ownHintFits = !!hint && (language === 'de' || language === 'ls' || !!q.hint?.[language]?.trim());
  const hintText = scaleHint && ownHintFits ? hint : [hint, scaleHint].filter(Boolean).join(' ');
  const hintId = hintText ? `${name}-hint` : '';
  const describedBy = [hintId, error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

  if (q.type === 'text' || q.type === 'longtext' || q.type === 'number') {
    const limitHint =
      q.type === 'number' ? t('page.numberHint', { min: q.min ?? 0, max: q.max ?? 999999 }) : t('page.textHint', { max: maxTextLength[q.type] });
    const ids = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
        <label class="kern-label" for={name}>
          <span safe>{text}</span>
          <Mark required={q.required} t={t} />
        </label>
        <div class="kern-hint" id={`${name}-hint`} safe>
          {[hint, limitHint].filter(Boolean).join(' ')}
        </div>
        <ErrorLine id={`${name}-error`} text={error} />
        {q.type === 'longtext' ? (
          <textarea class="kern-form-input__input" id={name} name={name} rows="5" aria-describedby={ids} aria-invalid={error ? 'true' : undefined} safe>
            {String(value ?? '')}
          </textarea>
        ) : (
          <input
            class="kern-form-input__input"
            id={name}
            name={name}
            type="text"
            inputmode={q.type === 'number' ? 'numeric' : undefined}
            value={String(value ?? '')}
            aria-describedby={ids}
            aria-invalid={error ? 'true' : undefined}
          />
        )}
      </div>
    );
  }

  if (q.type === 'likert') {
    return (
      <fieldset class="kern-fieldset survey-matrix">
        <legend class="kern-label">
          <span safe>{text}</span>
          <Mark required={q.required} t={t} />
        </legend>
        <div class="kern-fieldset__body">
          {(q.statements ?? []).map((s) => {
            const key = `${q.id}.${s.value}`;
            const sName = fieldName(key);
            const sError = errors[sName];
            const sValue = answers[key];
            return (
              <fieldset class={`kern-fieldset${sError ? ' kern-fieldset--error' : ''}`} aria-describedby={sError ? `${sName}-error` : undefined}>
                <legend class="kern-label" safe>
                  {inLanguage(s.text, language)}
                </legend>
                <ErrorLine id={`${sName}-error`} text={sError} />
                <div class="kern-fieldset__body">
                  <Choices
                    name={sName}
                    values={categoriesOf(q, districts)}
                    labels={labels}
                    chosen={typeof sValue === 'string' ? [sValue] : []}
                    multi={false}
                    error={sError}
                  />
                </div>
              </fieldset>
            );
          })}
        </div>
      </fieldset>
    );
  }

  const values = categoriesOf(q, districts);
  const multi = q.type === 'multiple';
  const otherName = fieldName(`${q.id}.other`);
  const otherError = errors[otherName];
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend class="kern-label">
        <span safe>{text}</span>
        <Mark required={q.required} t={t} />
      </legend>
      {hintText ? (
        <div class="kern-hint" id={hintId} safe>
          {hintText}
        </div>
      ) : (
        ''
      )}
      <ErrorLine id={`${name}-error`} text={error} />
      <div class={`kern-fieldset__body${q.type === 'yesno' ? ' kern-fieldset__body--horizontal' : ''}`}>
        <Choices
          name={name}
          values={multi && q.other ? [...values, 'other'] : values}
          labels={{ ...labels, other: t('page.other') }}
          chosen={chosen}
          multi={multi}
          error={error}
        />
      </div>
      {multi && q.other ? (
        <div class={`kern-form-input${otherError ? ' kern-form-input--error' : ''}`}>
          <label class="kern-label" for={otherName} safe>
            {t('page.otherText')}
          </label>
          <ErrorLine id={`${otherName}-error`} text={otherError} />
          <input
            class="kern-form-input__input"
            id={otherName}
            name={otherName}
            type="text"
            value={String(answers[`${q.id}.other`] ?? '')}
            aria-invalid={otherError ? 'true' : undefined}
            aria-describedby={otherError ? `${otherName}-error` : undefined}
          />
        </div>
      ) : (
        ''
      )}
    </fieldset>
  );
}
