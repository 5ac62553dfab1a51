import type { RevisionStatus } from '../../../../db/types.js';
import type { PageContext } from '../../../../platform/http/context.js';
import { formatDateTime } from '../../../../platform/i18n/i18n.js';
import { DataTable } from '../../../../platform/views/data-table.js';
import { Alert, CsrfField } from '../../../../platform/views/forms.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import type { EntryStatus } from '../workflow.service.js';

/** Building blocks shared by the workflow pages. */

export const statusKey = (status: RevisionStatus) => `status.${status}` as const;

/** "in Prüfung", "abgelehnt" …; the word carries the meaning, the badge colour only repeats it. */
export function StatusBadge({ ctx, status }: { ctx: PageContext; status: RevisionStatus }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  const kind = status === 'published' ? 'success' : status === 'rejected' ? 'danger' : status === 'in_review' ? 'warning' : 'info';
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class="kern-label kern-label--small">{t.html(statusKey(status))}</span>
    </span>
  );
}

/** The entries of one organisation as a table: status, visibility, links. */
export function EntryTable({ ctx, orgId, caption, entries }: { ctx: PageContext; orgId: string; caption: string; entries: EntryStatus[] }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={entries}
      columns={[
        { header: t('entries.name'), rowHeader: true, text: (e) => e.name || t('entries.unnamed') },
        {
          header: t('entries.status'),
          html: (e) => (
            <>
              <StatusBadge ctx={ctx} status={e.pending?.status ?? 'published'} />
              {e.pending?.status === 'rejected' && e.pending.reason ? (
                <p class="kern-body kern-body--small" safe>
                  {t('entries.reason', { reason: e.pending.reason })}
                </p>
              ) : (
                ''
              )}
              {e.stale ? <p class="kern-body kern-body--small">{t.html('entries.stale')}</p> : ''}
            </>
          ),
        },
        { header: t('entries.public'), text: (e) => t(e.published ? 'entries.visible' : 'entries.notVisible') },
        {
          header: t('entries.actions'),
          html: (e) => (
            <ul class="site-inline-list">
              <li>
                <a class="kern-link" href={paths.edit(e.type, orgId, e.id)} aria-label={`${t('entries.edit')}: ${e.name}`}>
                  {t.html('entries.edit')}
                </a>
              </li>
              <li>
                <a class="kern-link" href={paths.history(e.type, orgId, e.id)} aria-label={`${t('entries.history')}: ${e.name}`}>
                  {t.html('entries.history')}
                </a>
              </li>
              {e.pending?.status === 'draft' ? (
                <li>
                  <SubmitDraftForm ctx={ctx} action={paths.submit(e.type, orgId, e.id)} version={e.pending.version} name={e.name} />
                </li>
              ) : (
                ''
              )}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function SubmitDraftForm({ ctx, action, version, name }: { ctx: PageContext; action: string; version: number; name: string }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <form method="post" action={action} class="site-inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small" aria-label={`${t('entries.submitDraft')}: ${name}`}>
        <span class="kern-label">{t.html('entries.submitDraft')}</span>
      </button>
    </form>
  );
}

/** Takes back the newest unpublished version; says what stays public. */
export function WithdrawForm({
  ctx,
  action,
  version,
  name,
  published,
}: {
  ctx: PageContext;
  action: string;
  version: number;
  name: string;
  published: boolean;
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <form method="post" action={action} class="site-inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={String(version)} />
      <p class="kern-body kern-body--small">{t.html(published ? 'withdraw.hintPublished' : 'withdraw.hintNew')}</p>
      <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={`${t('withdraw.button')}: ${name}`}>
        <span class="kern-label">{t.html('withdraw.button')}</span>
      </button>
    </form>
  );
}

interface InputProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  inputmode?: 'numeric' | 'decimal' | 'text';
  type?: 'text' | 'email' | 'tel' | 'url';
  autocomplete?: string;
  /** Width in characters, for short values (ages, amounts, postcode). */
  size?: number;
}

/** A KERN text input with inputmode and an optional width class. */
export function Input({ name, label, hint, error, value, inputmode, type = 'text', autocomplete, size }: InputProps): JSX.Element {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={name} safe>
        {label}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${name}-hint`} safe>
          {hint}
        </div>
      ) : (
        ''
      )}
      <FieldError name={name} error={error} />
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${size ? ' kern-w-auto' : ''}`}
        size={size ? String(size) : undefined}
        id={name}
        name={name}
        type={type}
        value={value ?? ''}
        inputmode={inputmode}
        autocomplete={autocomplete}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function FieldError({ name, error }: { name: string; error?: string }): JSX.Element {
  return error ? (
    <p class="kern-error" id={`${name}-error`}>
      <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
      <span class="kern-body" safe>
        {error}
      </span>
    </p>
  ) : (
    ''
  );
}

/** One checkbox with its hint below (the platform's Checkbox squeezes a hint beside the label). */
export function CheckboxWithHint({ name, label, hint, checked }: { name: string; label: string; hint: string; checked: boolean }): JSX.Element {
  return (
    <div>
      <div class="kern-form-check">
        <input class="kern-form-check__checkbox" id={name} name={name} type="checkbox" value="ja" checked={checked} aria-describedby={`${name}-hint`} />
        <label class="kern-label" for={name} safe>
          {label}
        </label>
      </div>
      <div class="kern-hint" id={`${name}-hint`} safe>
        {hint}
      </div>
    </div>
  );
}

/** Text whose line breaks show as line breaks. */
export function Lines({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <>
          {i > 0 ? <br /> : ''}
          <span safe>{line}</span>
        </>
      ))}
    </>
  );
}

/** Checkboxes under one legend; `id` is where the error summary links to. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { name: string; label: string; checked: boolean; lang?: string }[];
}): JSX.Element {
  return (
    <fieldset
      class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      id={id}
      tabindex="-1"
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend class="kern-label" safe>
        {legend}
      </legend>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`} safe>
          {hint}
        </div>
      ) : (
        ''
      )}
      <FieldError name={id} error={error} />
      <div class="kern-fieldset__body">
        {options.map((o) => (
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" id={o.name} name={o.name} type="checkbox" value="ja" checked={o.checked} />
            <label class="kern-label" for={o.name} lang={o.lang} safe>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Someone saved a newer version after the form was opened: the person's text is kept below. */
export function ConflictAlert({
  ctx,
  latest,
  historyLink,
}: {
  ctx: PageContext;
  latest?: { version: number; created_at: Date; author_name?: string | null };
  historyLink: string;
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <Alert kind="danger" title={t('conflict.title')}>
      <>
        <p class="kern-body" safe>
          {latest ? t('conflict.text', { version: latest.version, date: formatDateTime(latest.created_at, ctx.locale) }) : t('conflict.textUnknown')}
        </p>
        <p class="kern-body">
          <a class="kern-link" href={historyLink}>
            {t.html('conflict.history')}
          </a>
        </p>
      </>
    </Alert>
  );
}
