import type { NetworkRsvp } from '../../../db/tables/network.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime, formatCivilDate, numberFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, ErrorSummary } from '../../../platform/views/forms.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { todayIn } from '../../../platform/time/berlin.js';
import { renderMarkdown } from '../../content/index.js';
import { networkMessages } from '../network.messages.js';
import { meetingPath } from '../network.paths.js';

/** Small pieces the network's pages share: Markdown, the error summary, answer buttons, meeting and task lists. */

export const documentAccept =
  'application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/jpeg,image/png,image/webp,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/** Members' Markdown, rendered by the portal's Markdown renderer (raw HTML off, links checked). */
export function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

export function Errors({ ctx, errors }: { ctx: PageContext; errors?: FieldErrors }) {
  return <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors ?? {}} />;
}

export function RsvpButtons({ ctx, action, current, token }: { ctx: PageContext; action: string; current?: NetworkRsvp; token?: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <form method="post" action={action} class="network-rsvp">
      <CsrfField token={ctx.csrfToken} />
      {token ? <input type="hidden" name="token" value={token} /> : ''}
      {(['yes', 'maybe', 'no'] as const).map((answer) => (
        <button
          type="submit"
          name="answer"
          value={answer}
          class={`kern-btn kern-btn--${current === answer ? 'primary' : 'secondary'}`}
          aria-pressed={current === answer ? 'true' : 'false'}
        >
          <span class="kern-label">{t.html(`rsvp.${answer}`)}</span>
        </button>
      ))}
    </form>
  );
}

export function MeetingList({
  ctx,
  meetings,
}: {
  ctx: PageContext;
  meetings: { id: string; title: string; starts_at: Date; group_name: string; answer?: NetworkRsvp }[];
}) {
  const t = networkMessages(ctx.locale);
  if (meetings.length === 0) return <p class="kern-body">{t.html('meetings.none')}</p>;
  return (
    <ul class="kern-list">
      {meetings.map((m) => (
        <li>
          <a class="kern-link" href={meetingPath(m.id)} lang="de" safe>
            {m.title}
          </a>{' '}
          <span safe>{`${formatDateTime(m.starts_at, ctx.locale)} · ${m.group_name}`}</span>
          {'answer' in m ? <span safe>{` · ${m.answer ? t(`rsvp.state.${m.answer}`) : t('rsvp.state.none')}`}</span> : ''}
        </li>
      ))}
    </ul>
  );
}

export function TaskList({
  ctx,
  tasks,
}: {
  ctx: PageContext;
  tasks: { id: string; title: string; due_on: string | null; owner: string | null; group_name: string; status: string }[];
}) {
  const t = networkMessages(ctx.locale);
  if (tasks.length === 0) return <p class="kern-body">{t.html('tasks.none')}</p>;
  return (
    <DataTable
      caption={t('tasks.title')}
      captionHidden
      rows={tasks}
      columns={[
        { header: t('task.title'), rowHeader: true, text: (r) => r.title },
        { header: t('task.owner'), text: (r) => r.owner ?? '—' },
        {
          header: t('task.due'),
          text: (r) =>
            !r.due_on
              ? '—'
              : r.status === 'open' && r.due_on < todayIn()
                ? t('task.overdue', { date: formatCivilDate(r.due_on, ctx.locale) })
                : formatCivilDate(r.due_on, ctx.locale),
        },
        { header: t('task.group'), text: (r) => r.group_name },
        {
          header: t('task.status'),
          html: (r) => (
            <form method="post" action={`/netzwerk/aufgaben/${r.id}/status`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="done" value={r.status === 'open' ? 'ja' : 'nein'} />
              <button type="submit" class="kern-btn kern-btn--tertiary">
                <span class="kern-label" safe>
                  {r.status === 'open' ? t('task.markDone', { title: r.title }) : t('task.reopen', { title: r.title })}
                </span>
              </button>
            </form>
          ),
        },
      ]}
    />
  );
}

export const sizeText = (bytes: number, locale: Locale) =>
  bytes >= 1024 * 1024
    ? `${numberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
    : `${numberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
