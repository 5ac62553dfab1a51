import { intlLocale, perLocale } from '../../../../platform/i18n/i18n.js';
import type { PageContext } from '../../../../platform/http/context.js';
import type { WeeklyHours } from '../../../../db/types.js';
import { directoryMessages } from '../directory.messages.js';
import { pageHref, type Hint } from '../directory.filters.js';
import type { ServiceHit } from '../directory.search.js';
import type { ShownResults } from '../../directory.translations.js';
import type { Translated } from '../../../../platform/translations/translations.service.js';
import { textLang } from '../../../../platform/translations/views/translated.js';
import { openingState, spokenEnd, spokenStart, type OpeningState } from '../opening-hours.js';

/** Pieces the search page, the topic pages and the service page share. */

type Messages = ReturnType<typeof directoryMessages>;
type DayKey = 'day.1' | 'day.2' | 'day.3' | 'day.4' | 'day.5' | 'day.6' | 'day.7';
export const dayKey = (day: number) => `day.${day}` as DayKey;

/** "Jetzt geöffnet, bis 12:00 Uhr" or "Geschlossen, öffnet Montag um 8:00 Uhr"; '' without hours. */
export function openingText(state: OpeningState, t: Messages): string {
  if (state.kind === 'unknown') return '';
  if (state.kind === 'open')
    return t(state.closesNextDay && state.closes !== '00:00' ? 'status.openOvernight' : 'status.open', { time: spokenEnd(state.closes) });
  const next = state.next;
  if (!next) return t('status.closed');
  const time = spokenStart(next.opens);
  if (next.inDays === 0) return t('status.opensToday', { time });
  if (next.inDays === 1) return t('status.opensTomorrow', { time });
  return t(next.inDays === 7 ? 'status.opensNextWeek' : 'status.opensOn', { day: t(dayKey(next.day)), time });
}

function Badge({ kind, icon, text }: { kind: 'success' | 'info' | 'warning' | 'danger'; icon: string; text: string }): JSX.Element {
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class={`kern-icon kern-icon--${icon}`} aria-hidden="true"></span>
      <span class="kern-label" safe>
        {text}
      </span>
    </span>
  );
}

/** Open now / closed, free, barrier-free, temporarily closed: always in words, never colour alone. */
export function ServiceBadges(props: { ctx: PageContext; hours: WeeklyHours[]; status: string; free: boolean; barrierFree: boolean; now: Date }): JSX.Element {
  const t = directoryMessages(props.ctx.locale);
  const state = props.status === 'temporarily closed' ? ({ kind: 'unknown' } as const) : openingState(props.hours, props.now);
  const opening = openingText(state, t);
  const badges: JSX.Element[] = [];
  if (props.status === 'temporarily closed') badges.push(<Badge kind="warning" icon="warning" text={t('badge.temporarilyClosed')} />);
  if (opening) badges.push(state.kind === 'open' ? <Badge kind="success" icon="success" text={opening} /> : <Badge kind="info" icon="info" text={opening} />);
  if (props.free) badges.push(<Badge kind="info" icon="info" text={t('badge.free')} />);
  if (props.barrierFree) badges.push(<Badge kind="info" icon="info" text={t('badge.barrierFree')} />);
  if (badges.length === 0) return '';
  return (
    <ul class="site-inline-list directory-badges">
      {badges.map((b) => (
        <li>{b}</li>
      ))}
    </ul>
  );
}

/** A description cut at a word boundary, for result lists. */
export function shortText(text: string, length = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.lastIndexOf(' ', length);
  return `${flat.slice(0, cut > length / 2 ? cut : length)} …`;
}

const kilometres = perLocale((locale) => new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }));

function ResultItem({ ctx, hit: translated, now, originName }: { ctx: PageContext; hit: Translated<ServiceHit>; now: Date; originName?: string }): JSX.Element {
  const t = directoryMessages(ctx.locale);
  const hit = translated.shown;
  const km = hit.distanceKm === null ? '' : kilometres[ctx.locale].format(hit.distanceKm);
  return (
    <li class="kern-card directory-result">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h3 class="kern-title">
            <a class="kern-link" href={`/angebote/${hit.id}`} {...textLang(translated, 'name')} safe>
              {hit.name}
            </a>
          </h3>
          <p class="kern-body kern-body--small">
            <span safe>{t('result.organization')}</span> <span safe>{hit.organizationName}</span>
          </p>
        </div>
        <div class="kern-card__body">
          {hit.description ? (
            <p class="kern-body" {...textLang(translated, 'description')} safe>
              {shortText(hit.description)}
            </p>
          ) : (
            ''
          )}
          <p class="kern-body kern-body--small">
            <span safe>{t('result.districts', { count: hit.districts.length })}</span>{' '}
            <span safe>{hit.districts.length ? hit.districts.join(', ') : t('result.wholeCity', { city: ctx.city.name })}</span>
            {km && originName ? <span safe>{` (${t('result.distance', { km, district: originName })})`}</span> : ''}
          </p>
          <ServiceBadges ctx={ctx} hours={hit.weeklyHours} status={hit.status} free={hit.free} barrierFree={hit.barrierFree} now={now} />
        </div>
      </div>
    </li>
  );
}

/** The count (a live region), "Meinten Sie …?", the hits and the page links. */
export function ResultSection(props: {
  ctx: PageContext;
  results: ShownResults;
  path: string;
  kept: URLSearchParams;
  now: Date;
  originName?: string;
  heading: string;
  headingId: string;
  /** The search page hides "Ergebnisse" on phones, where the count right below says as much. */
  headingClass?: string;
}): JSX.Element {
  const { ctx, results, path, kept, now } = props;
  const t = directoryMessages(ctx.locale);
  const count = t(results.totalCapped ? 'results.many' : 'results.count', { count: results.total });
  const pageInfo = results.pageCount > 1 ? ` ${t('results.page', { page: results.page, pages: results.pageCount })}` : '';
  const corrected = new URLSearchParams(kept);
  corrected.set('q', results.searchedText);
  return (
    <section aria-labelledby={props.headingId}>
      <h2 class={['kern-heading-medium', props.headingClass].filter(Boolean).join(' ')} id={props.headingId} safe>
        {props.heading}
      </h2>
      <p class="kern-body kern-body--bold" role="status" safe>
        {count + pageInfo}
      </p>
      {results.corrections.length ? (
        <div class="kern-body directory-correction">
          <p class="kern-body">
            <span safe>{t('results.didYouMean')}</span>{' '}
            <a class="kern-link" href={pageHref(path, corrected, 1)} safe>
              {`„${results.searchedText}“`}
            </a>
            ?
          </p>
          {results.corrections.map((c) => (
            <p class="kern-body" safe>
              {t('results.corrected', { typed: c.typed, used: c.used })}
            </p>
          ))}
        </div>
      ) : (
        ''
      )}
      {results.total === 0 ? (
        <p class="kern-body">
          <span safe>{t('results.tips', { office: ctx.city.familyOffice.name })}</span>{' '}
          <a class="kern-link" href={`tel:${ctx.city.familyOffice.phone.replace(/[^\d+]/g, '')}`} safe>
            {ctx.city.familyOffice.phone}
          </a>
        </p>
      ) : (
        <ol class="kern-list kern-stack directory-results">
          {results.items.map((hit) => (
            <ResultItem ctx={ctx} hit={hit} now={now} originName={props.originName} />
          ))}
        </ol>
      )}
      <Pagination ctx={ctx} results={results} path={path} kept={kept} />
    </section>
  );
}

/** Previous, a window of page numbers, next; every link keeps the filters. */
export function Pagination({
  ctx,
  results,
  path,
  kept,
}: {
  ctx: PageContext;
  results: Pick<ShownResults, 'page' | 'pageCount'>;
  path: string;
  kept: URLSearchParams;
}): JSX.Element {
  if (results.pageCount <= 1) return '';
  const t = directoryMessages(ctx.locale);
  const { page, pageCount } = results;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label={t('pagination.label')} class="directory-pagination">
      <ul class="site-inline-list">
        {page > 1 ? (
          <li>
            <a class="kern-link" href={pageHref(path, kept, page - 1)} rel="prev">
              {t.html('pagination.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {shown.map((p) => (
          <li>
            {p === page ? (
              <a class="kern-link" href={pageHref(path, kept, p)} aria-current="page" aria-label={t('pagination.page', { page: p })}>
                <strong safe>{String(p)}</strong>
              </a>
            ) : (
              <a class="kern-link" href={pageHref(path, kept, p)} aria-label={t('pagination.page', { page: p })}>
                <span safe>{String(p)}</span>
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a class="kern-link" href={pageHref(path, kept, page + 1)} rel="next">
              {t.html('pagination.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** The filters we could not use, each named. */
export function HintList({ ctx, hints }: { ctx: PageContext; hints: Hint[] }): JSX.Element {
  if (hints.length === 0) return '';
  const t = directoryMessages(ctx.locale);
  return (
    <div class="kern-alert kern-alert--warning" role="status">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
        <p class="kern-title" safe>
          {t('hints.title')}
        </p>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list kern-list--bullet">
          {hints.map((h) => (
            <li safe>{t(h.key, h.vars)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
