import type { PageContext } from '../../../platform/http/context.js';
import { canModerate } from '../events.policy.js';
import { Layout } from '../../../platform/views/layout.js';
import { toLocal } from '../../../platform/time/berlin.js';
import { params, withQuery, type ParsedEventFilters } from '../events.filters.js';
import { eventsMessages } from '../events.messages.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import type { OccurrenceListRow } from '../events.repository.js';
import { longDate } from './format.js';
import { FilterForm, Hints, listPath, OccurrenceItem, SubscribeBox, ViewSwitch } from './parts.js';

export interface ListPageProps {
  ctx: PageContext;
  parsed: ParsedEventFilters;
  /** In the visitor's language where the event's title is translated. */
  rows: Translated<OccurrenceListRow>[];
  total: number;
  /** Counting stopped here; `total` above it means "more than cap". */
  cap: number;
  perPage: number;
  publicUrl: string;
}

/** Links for organisers and editors, shown only to them. */
export function ActorLinks({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  return (
    <ul class="site-inline-list">
      <li>
        <a class="kern-link" href="/veranstaltungen/vorschlagen" safe>
          {t('suggest.link')}
        </a>
      </li>
      {ctx.actor ? (
        <li>
          <a class="kern-link" href="/veranstaltungen/verwalten" safe>
            {t('manage.link')}
          </a>
        </li>
      ) : (
        ''
      )}
      {canModerate(ctx.actor) ? (
        <li>
          <a class="kern-link" href="/veranstaltungen/pruefen" safe>
            {t('moderation.link')}
          </a>
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

/** /veranstaltungen: upcoming occurrences grouped by day, filters in the URL, pages of `perPage`. */
export function ListPage({ ctx, parsed, rows, total, cap, perPage, publicUrl }: ListPageProps): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const days = new Map<string, Translated<OccurrenceListRow>[]>();
  for (const row of rows) {
    const day = toLocal(row.shown.starts_at).date;
    days.set(day, [...(days.get(day) ?? []), row]);
  }
  const capped = total > cap;
  const pages = Math.max(1, Math.ceil(Math.min(total, cap) / perPage));
  const page = Math.min(parsed.page, pages);
  return (
    <Layout ctx={ctx} title={t('title')} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('title')}
      </h1>
      <ActorLinks ctx={ctx} />
      <ViewSwitch ctx={ctx} current="list" kept={parsed.kept} month={parsed.month} />
      <Hints ctx={ctx} hints={parsed.hints} />
      <div class="search-layout">
        <FilterForm ctx={ctx} parsed={parsed} action={listPath} />
        <section class="search-layout__results" aria-labelledby="termine">
          <h2 class="kern-heading-medium" id="termine" safe>
            {capped ? t('results.countMore', { count: cap }) : t('results.count', { count: total })}
          </h2>
          {total === 0 ? (
            <p class="kern-body" safe>
              {t('results.none')}
            </p>
          ) : (
            ''
          )}
          {[...days].map(([day, list]) => (
            <section aria-labelledby={`tag-${day}`}>
              <h3 class="kern-heading-small" id={`tag-${day}`} safe>
                {longDate(day, ctx.locale)}
              </h3>
              <ul class="kern-list event-list">
                {list.map((row) => (
                  <OccurrenceItem ctx={ctx} row={row} />
                ))}
              </ul>
            </section>
          ))}
          {pages > 1 ? (
            <nav aria-label={t('results.pages')}>
              <p class="kern-body" safe>
                {capped ? t('results.pageOfMore', { page, pages }) : t('results.pageOf', { page, pages })}
              </p>
              <ul class="site-inline-list">
                {page > 1 ? (
                  <li>
                    <a class="kern-link" rel="prev" href={withQuery(listPath, parsed.kept, { [params.page]: String(page - 1) })} safe>
                      {t('results.previous')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {page < pages ? (
                  <li>
                    <a class="kern-link" rel="next" href={withQuery(listPath, parsed.kept, { [params.page]: String(page + 1) })} safe>
                      {t('results.next')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </nav>
          ) : (
            ''
          )}
        </section>
      </div>
      {/* After the results, so they start on a phone's first screen; it leads into the subscription. */}
      <p class="kern-body" safe>
        {t('intro', { city: ctx.city.name })}
      </p>
      <SubscribeBox ctx={ctx} kept={parsed.kept} publicUrl={publicUrl} />
    </Layout>
  );
}
