import { civilDateHint, showCivilDate } from '../time/civil-date.js';
import type { FieldErrors } from '../http/errors.js';
import type { Locale } from '../i18n/i18n.js';

/** KERN form building blocks; every field shows its own error and is linked from the summary. */

export function CsrfField({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ title, errors }: { title: string; errors: FieldErrors }): JSX.Element {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabindex="-1" data-error-summary>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h2 class="kern-title" safe>
          {title}
        </h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {entries.map(([field, message]) => (
            <li>
              <a class="kern-link" href={`#${field}`} safe>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  required?: boolean;
}

function Hint({ id, text }: { id: string; text?: string }): JSX.Element {
  return text ? (
    <div class="kern-hint" id={id} safe>
      {text}
    </div>
  ) : (
    ''
  );
}

function FieldError({ id, text }: { id: string; text?: string }): JSX.Element {
  return text ? (
    <p class="kern-error" id={id}>
      <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
      <span class="kern-body" safe>
        {text}
      </span>
    </p>
  ) : (
    ''
  );
}

/** For a field whose text is in another language than the page (a translation): spell checking and writing direction follow it. */
interface TextLanguage {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url'; autocomplete?: string; width?: 'narrow' } & TextLanguage,
): JSX.Element {
  const { name, label, hint, error, value, type = 'text', autocomplete, required, lang, dir } = props;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <FieldError id={`${name}-error`} text={error} />
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
        spellcheck={type === 'email' || type === 'password' ? 'false' : undefined}
        lang={lang}
        dir={dir}
      />
    </div>
  );
}

/**
 * The one date field: a text input (GOV.UK pattern; type="date" forces each browser's own format)
 * whose hint says "TT.MM.JJJJ". A stored "YYYY-MM-DD" is shown as TT.MM.JJJJ; what someone typed
 * comes back as typed. `hint` goes before the format, `birthday` lets the browser fill it in.
 * No inputmode="numeric": the number pad of iOS has no dot, so "04.05.2017" could not be typed.
 */
export function DateField(props: FieldProps & { locale: Locale; birthday?: boolean }): JSX.Element {
  const { name, label, hint, error, value, required, locale, birthday } = props;
  const fullHint = [hint, civilDateHint(locale)].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <Hint id={`${name}-hint`} text={fullHint} />
      <FieldError id={`${name}-error`} text={error} />
      <input
        class={`kern-form-input__input date-input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        type="text"
        value={showCivilDate(value ?? '')}
        autocomplete={birthday ? 'bday' : 'off'}
        required={required}
        aria-describedby={describedBy(name, fullHint, error)}
        aria-invalid={error ? 'true' : undefined}
        spellcheck="false"
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number } & TextLanguage): JSX.Element {
  const { name, label, hint, error, value, required, rows = 6, lang, dir } = props;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <FieldError id={`${name}-error`} text={error} />
      <textarea
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        rows={String(rows)}
        required={required}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
        lang={lang}
        dir={dir}
        safe
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

/** A file field; `accept` only helps the browser's picker, the server checks the bytes. */
export function FileField(props: Omit<FieldProps, 'value'> & { accept: string }): JSX.Element {
  const { name, label, hint, error, required, accept } = props;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <FieldError id={`${name}-error`} text={error} />
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={name}
        name={name}
        type="file"
        accept={accept}
        required={required}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }): JSX.Element {
  const { name, label, hint, error, value, options } = props;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      <Hint id={`${name}-hint`} text={hint} />
      <FieldError id={`${name}-error`} text={error} />
      <div class="kern-form-input__select-wrapper">
        <select
          class="kern-form-input__select"
          id={name}
          name={name}
          aria-describedby={describedBy(name, hint, error)}
          aria-invalid={error ? 'true' : undefined}
        >
          {options.map((o) => (
            <option value={o.value} selected={o.value === value} safe>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function Checkbox(props: FieldProps & { checked?: boolean }): JSX.Element {
  const { name, label, hint, error, checked } = props;
  // The hint and error sit outside the flex row of box and label, so they get the full width.
  return (
    <div class="form-check-group">
      <FieldError id={`${name}-error`} text={error} />
      <Hint id={`${name}-hint`} text={hint} />
      <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
        <input
          class={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
          id={name}
          name={name}
          type="checkbox"
          value="ja"
          checked={checked}
          aria-describedby={describedBy(name, hint, error)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label class="kern-label" for={name} safe>
          {label}
        </label>
      </div>
    </div>
  );
}

export function SubmitButton({ label, variant = 'primary' }: { label: string; variant?: 'primary' | 'secondary' | 'tertiary' }): JSX.Element {
  return (
    <button type="submit" class={`kern-btn kern-btn--${variant}`}>
      <span class="kern-label" safe>
        {label}
      </span>
    </button>
  );
}

export function Alert({ kind, title, children }: { kind: 'info' | 'success' | 'warning' | 'danger'; title: string; children?: JSX.Element }): JSX.Element {
  return (
    <div class={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${kind === 'danger' ? 'danger' : kind}`} aria-hidden="true"></span>
        <p class="kern-title" safe>
          {title}
        </p>
      </div>
      {children ? <div class="kern-alert__body">{children}</div> : ''}
    </div>
  );
}
