import { escapeHtml } from '@kitajs/html';
import type { IdeaStatus } from '../../../db/tables/ideas.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { statusLabel } from '../ideas.topics.js';

/** Text people typed, with its line breaks kept, every line escaped. */
export function Lines({ text }: { text: string }): JSX.Element {
  return text
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>');
}

const badgeKind: Record<IdeaStatus, string> = {
  received: 'info',
  in_review: 'info',
  answered: 'info',
  in_progress: 'warning',
  done: 'success',
  not_possible: 'danger',
  not_responsible: 'danger',
};

/** The status as a KERN badge with its word (never colour alone). */
export function StatusBadge({ status, locale }: { status: IdeaStatus; locale: Locale }): JSX.Element {
  return (
    <span class={`kern-badge kern-badge--${badgeKind[status]}`}>
      <span class="kern-label" safe>
        {statusLabel(status, locale)}
      </span>
    </span>
  );
}

/** A group of radio buttons in a fieldset, with its error and hint. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
}): JSX.Element {
  const { name, legend, options, value, error, hint } = props;
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      id={name}
      aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
    >
      <legend class="kern-label" safe>
        {legend}
      </legend>
      {hint ? (
        <div class="kern-hint" id={`${name}-hint`} safe>
          {hint}
        </div>
      ) : (
        ''
      )}
      {error ? (
        <p class="kern-error" id={`${name}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span class="kern-body" safe>
            {error}
          </span>
        </p>
      ) : (
        ''
      )}
      <div class="kern-fieldset__body">
        {options.map((o) => (
          <div class="kern-form-check">
            <input class="kern-form-check__radio" type="radio" id={`${name}-${o.value}`} name={name} value={o.value} checked={o.value === value} />
            <label class="kern-label" for={`${name}-${o.value}`} safe>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
