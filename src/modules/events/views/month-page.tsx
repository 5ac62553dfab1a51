import type { PageContext } from '../../../platform/http/context.js';
import { Layout } from '../../../platform/views/layout.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { addDays, toLocal, weekdayOf } from '../../../platform/time/berlin.js';
import { params, withQuery, type ParsedEventFilters } from '../events.filters.js';
import { eventsMessages } from '../events.messages.js';
import type { OccurrenceListRow } from '../events.repository.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { textLang } from '../../../platform/translations/views/translated.js';
import { longDate, monthName, weekdayLong, weekdayShort } from './format.js';
import { ActorLinks } from './list-page.js';
import { FilterForm, Hints, listPath, monthPath, SubscribeBox, ViewSwitch } from './parts.js';

/** How many events a day cell lists before "n weitere" links to the day's list. */
const perCell = 4;

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + m - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** One day of the month grid: its date (a link to the day's list) and up to `perCell` events; empty outside the month. */
function DayCell({
  ctx,
  parsed,
  month,
  day,
  list,
}: {
  ctx: PageContext;
  parsed: ParsedEventFilters;
  month: string;
  day: string;
  list: Translated<OccurrenceListRow>[];
}): JSX.Element {
  const t = eventsMessages(ctx.locale);
  if (!day.startsWith(month)) return '';
  return (
    <>
      <p class="kern-body kern-body--bold">
        <a
          class="kern-link"
          href={withQuery(listPath, parsed.kept, { [params.when]: 'zeitraum', [params.from]: day, [params.to]: day })}
          aria-label={longDate(day, ctx.locale)}
          safe
        >
          {String(Number(day.slice(8)))}
        </a>
      </p>
      {list.length === 0 ? (
        <span class="visually-hidden" safe>
          {t('month.none')}
        </span>
      ) : (
        ''
      )}
      <ul class="kern-list">
        {list.slice(0, perCell).map(({ shown: row, ...translated }) => (
          <li class="kern-body kern-body--small">
            <a class="kern-link" href={`/veranstaltungen/${row.event_id}`}>
              {row.all_day ? '' : <span safe>{`${toLocal(row.starts_at).time} `}</span>}
              {row.status === 'cancelled' ? (
                <del {...textLang(translated, 'title')} safe>
                  {row.title}
                </del>
              ) : (
                <span {...textLang(translated, 'title')} safe>
                  {row.title}
                </span>
              )}
              {row.status !== 'scheduled' ? <span safe>{` (${t(row.status === 'cancelled' ? 'status.cancelled' : 'status.postponed')})`}</span> : ''}
            </a>
          </li>
        ))}
        {list.length > perCell ? (
          <li class="kern-body kern-body--small">
            <a class="kern-link" href={withQuery(listPath, parsed.kept, { [params.when]: 'zeitraum', [params.from]: day, [params.to]: day })} safe>
              {t('month.more', { count: list.length - perCell })}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </>
  );
}

/**
 * The month as a real data table: one row per week, one column per weekday (th scope=col), each
 * cell headed by its date (th scope=row would misread here, so each cell names its own date).
 */
export function MonthPage({
  ctx,
  parsed,
  rows,
  publicUrl,
}: {
  ctx: PageContext;
  parsed: ParsedEventFilters;
  rows: Translated<OccurrenceListRow>[];
  publicUrl: string;
}): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const month = parsed.month;
  const first = `${month}-01`;
  const nextFirst = `${shiftMonth(month, 1)}-01`;
  const gridStart = addDays(first, 1 - weekdayOf(first));
  const byDay = new Map<string, Translated<OccurrenceListRow>[]>();
  for (const row of rows) {
    const d = toLocal(row.shown.starts_at).date;
    byDay.set(d, [...(byDay.get(d) ?? []), row]);
  }
  const weeks: string[][] = [];
  for (let d = gridStart; d < nextFirst; d = addDays(d, 7)) weeks.push([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(d, i)));
  const name = monthName(month, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('month.title', { month: name })} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('month.title', { month: name })}
      </h1>
      <ActorLinks ctx={ctx} />
      <ViewSwitch ctx={ctx} current="month" kept={parsed.kept} month={month} />
      <nav aria-label={t('views.month')}>
        <ul class="site-inline-list">
          <li>
            <a
              class="kern-link"
              href={withQuery(monthPath, parsed.kept, { [params.month]: shiftMonth(month, -1) })}
              safe
            >{`${t('month.previous')}: ${monthName(shiftMonth(month, -1), ctx.locale)}`}</a>
          </li>
          <li>
            <a
              class="kern-link"
              href={withQuery(monthPath, parsed.kept, { [params.month]: shiftMonth(month, 1) })}
              safe
            >{`${t('month.next')}: ${monthName(shiftMonth(month, 1), ctx.locale)}`}</a>
          </li>
        </ul>
      </nav>
      <Hints ctx={ctx} hints={parsed.hints} />
      <DataTable
        caption={t('month.caption', { month: name })}
        captionId="monat-caption"
        labelledBy="monat-caption"
        class="kern-table--small"
        rows={weeks}
        columns={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
          header: weekdayShort(ctx.locale, d),
          headerHtml: (
            <abbr title={weekdayLong(ctx.locale, d)} safe>
              {weekdayShort(ctx.locale, d)}
            </abbr>
          ),
          html: (week: string[]) => <DayCell ctx={ctx} parsed={parsed} month={month} day={week[d - 1] ?? ''} list={byDay.get(week[d - 1] ?? '') ?? []} />,
        }))}
      />
      <FilterForm ctx={ctx} parsed={parsed} action={monthPath} />
      <SubscribeBox ctx={ctx} kept={parsed.kept} publicUrl={publicUrl} />
    </Layout>
  );
}
