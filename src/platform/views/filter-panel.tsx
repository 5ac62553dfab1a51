import type { Children } from '@kitajs/html';
import type { Locale } from '../i18n/i18n.js';
import { SubmitButton } from './forms.js';
import { layoutMessages } from './layout.messages.js';

/**
 * A search form's filters and its submit button. Small screens fold the filters behind
 * "Filter (2 aktiv)" beside the button, so the results come first; wide screens show them
 * beside the results (app.css). A plain <details>: works without JavaScript.
 */
export function FilterPanel({
  locale,
  active,
  submitLabel,
  children,
}: {
  locale: Locale;
  active: number;
  submitLabel: string;
  children: Children;
}): JSX.Element {
  const t = layoutMessages(locale);
  return (
    <div class="filter-actions">
      <details class="filter-panel">
        <summary class="filter-panel__toggle">
          <span class="kern-label" safe>
            {t('filters.summary', { count: active })}
          </span>
        </summary>
        <div class="filter-panel__body">{children}</div>
      </details>
      <SubmitButton label={submitLabel} />
    </div>
  );
}
