import type { PageContext } from '../../../platform/http/context.js';
import { civilDateHint, showCivilDate } from '../../../platform/time/civil-date.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { categoryName, eventCategories } from '../events.categories.js';
import { activeFilterCount, params, whenValues, withQuery, type ParsedEventFilters } from '../events.filters.js';
import { eventsMessages } from '../events.messages.js';
import { placeOf, type OccurrenceListRow } from '../events.repository.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { germanOnly, textLang } from '../../../platform/translations/views/translated.js';
import { ageText, timeRange } from './format.js';

/** Pieces of the public calendar pages. */

export const listPath = '/veranstaltungen';
export const monthPath = '/veranstaltungen/monat';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: string }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  if (status === 'cancelled')
    return (
      <strong class="kern-badge kern-badge--danger">
        <span class="kern-label" safe>
          {t('status.cancelled')}
        </span>
      </strong>
    );
  if (status === 'postponed')
    return (
      <strong class="kern-badge kern-badge--warning">
        <span class="kern-label" safe>
          {t('status.postponed')}
        </span>
      </strong>
    );
  return '';
}

export function Hints({ ctx, hints }: { ctx: PageContext; hints: ParsedEventFilters['hints'] }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  if (hints.length === 0) return '';
  return (
    <div class="kern-alert kern-alert--info" role="status">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
        <p class="kern-title" safe>
          {t('hint.title')}
        </p>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {hints.map((h) => (
            <li safe>{t(h.key, h.vars)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The filter form: a plain GET form, so it works without JavaScript and every result has its URL. */
export function FilterForm({ ctx, parsed, action }: { ctx: PageContext; parsed: ParsedEventFilters; action: string }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const f = parsed.form;
  const option = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected} safe>
      {label}
    </option>
  );
  return (
    <section class="search-layout__filters" aria-labelledby="filter-heading">
      <h2 class="kern-heading-medium search-layout__heading" id="filter-heading" safe>
        {t('filters.title')}
      </h2>
      <form method="get" action={action}>
        {action === monthPath ? <input type="hidden" name={params.month} value={parsed.month} /> : ''}
        <FilterPanel locale={ctx.locale} active={activeFilterCount(f)} submitLabel={t('filters.submit')}>
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {t('filters.when')}
            </legend>
            <div class="kern-fieldset__body">
              {['', ...whenValues].map((w) => (
                <div class="kern-form-check">
                  <input class="kern-form-check__radio" type="radio" id={`wann-${w || 'alle'}`} name={params.when} value={w} checked={f.when === w} />
                  <label class="kern-label" for={`wann-${w || 'alle'}`} safe>
                    {w ? t(`filters.when.${w}` as 'filters.when.heute') : t('filters.when.all')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div class="kern-form-input">
            <label class="kern-label" for="von" safe>
              {t('filters.from')}
            </label>
            <div class="kern-hint" id="range-hint" safe>
              {`${t('filters.rangeHint')} ${civilDateHint(ctx.locale)}`}
            </div>
            <input
              class="kern-form-input__input date-input"
              id="von"
              name={params.from}
              type="text"
              value={showCivilDate(f.from)}
              autocomplete="off"
              spellcheck="false"
              aria-describedby="range-hint"
            />
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="bis" safe>
              {t('filters.to')}
            </label>
            <input
              class="kern-form-input__input date-input"
              id="bis"
              name={params.to}
              type="text"
              value={showCivilDate(f.to)}
              autocomplete="off"
              spellcheck="false"
              aria-describedby="range-hint"
            />
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="alter" safe>
              {t('filters.age')}
            </label>
            <input class="kern-form-input__input" id="alter" name={params.age} type="number" min="0" max="99" inputmode="numeric" value={f.age} />
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="bezirk" safe>
              {t('filters.district')}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="bezirk" name={params.district}>
                {option('', t('filters.any'), !f.district)}
                {ctx.city.districts.map((d) => option(d, d, d === f.district))}
              </select>
            </div>
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="kategorie" safe>
              {t('filters.category')}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="kategorie" name={params.category}>
                {option('', t('filters.any'), !f.category)}
                {eventCategories.map((c) => option(c.code, categoryName(c.code, ctx.locale), c.code === f.category))}
              </select>
            </div>
          </div>
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="kostenlos" name={params.free} value="ja" checked={f.free} />
            <label class="kern-label" for="kostenlos" safe>
              {t('filters.free')}
            </label>
          </div>
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="barrierefrei" name={params.barrierFree} value="ja" checked={f.barrierFree} />
            <label class="kern-label" for="barrierefrei" safe>
              {t('filters.barrierFree')}
            </label>
          </div>
          <p class="kern-body">
            <a class="kern-link" href={action === monthPath ? withQuery(monthPath, new URLSearchParams(), { [params.month]: parsed.month }) : listPath} safe>
              {t('filters.reset')}
            </a>
          </p>
        </FilterPanel>
      </form>
    </section>
  );
}

/** Feed URLs for exactly this filter. */
export function SubscribeBox({ ctx, kept, publicUrl }: { ctx: PageContext; kept: URLSearchParams; publicUrl: string }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const ics = `${publicUrl}${withQuery('/veranstaltungen.ics', kept)}`;
  const webcal = ics.replace(/^https?:/, 'webcal:');
  return (
    <section aria-labelledby="abonnieren">
      <h2 class="kern-heading-medium" id="abonnieren" safe>
        {t('subscribe.title')}
      </h2>
      <p class="kern-body" safe>
        {t('subscribe.text')}
      </p>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={ics} safe>
            {t('subscribe.ics')}
          </a>{' '}
          (
          <a class="kern-link" href={webcal} safe>
            {t('subscribe.webcal')}
          </a>
          )
        </li>
        <li>
          <a class="kern-link" href={`${publicUrl}${withQuery('/veranstaltungen.rss', kept)}`} safe>
            {t('subscribe.rss')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${publicUrl}${withQuery('/veranstaltungen.atom', kept)}`} safe>
            {t('subscribe.atom')}
          </a>
        </li>
      </ul>
      <p class="kern-body">
        <label class="kern-label" for="feed-url" safe>
          {t('subscribe.copy')}
        </label>
        <input class="kern-form-input__input" id="feed-url" type="url" readonly value={ics} />
      </p>
    </section>
  );
}

export function ViewSwitch({ ctx, current, kept, month }: { ctx: PageContext; current: 'list' | 'month'; kept: URLSearchParams; month: string }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  return (
    <nav aria-label={t('views.label')}>
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={withQuery(listPath, kept)} aria-current={current === 'list' ? 'page' : undefined} safe>
            {t('views.list')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={withQuery(monthPath, kept, { [params.month]: month })} aria-current={current === 'month' ? 'page' : undefined} safe>
            {t('views.month')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** One occurrence in the day-grouped list. */
export function OccurrenceItem({ ctx, row: translated }: { ctx: PageContext; row: Translated<OccurrenceListRow> }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const row = translated.shown;
  const place = placeOf(row);
  const age = ageText(row.min_age, row.max_age, ctx.locale);
  const tags = [
    age,
    row.free ? t('tag.free') : '',
    row.barrier_free ? t('tag.barrierFree') : '',
    ...row.categories.map((c) => categoryName(c, ctx.locale)),
  ].filter(Boolean);
  const cancelled = row.status === 'cancelled';
  return (
    <li class="kern-card kern-card--small">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h4 class="kern-heading-small">
            <a class="kern-link" href={`/veranstaltungen/${row.event_id}`} {...textLang(translated, 'title')}>
              {cancelled ? <del safe>{row.title}</del> : <span safe>{row.title}</span>}
            </a>{' '}
            <StatusBadge ctx={ctx} status={row.status} />
          </h4>
        </div>
        <div class="kern-card__body">
          <p class="kern-body" safe>
            {timeRange({ start: row.starts_at, end: row.ends_at, allDay: row.all_day }, ctx.locale)}
          </p>
          <p class="kern-body" safe>
            {[place.name, place.district].filter(Boolean).join(' · ')}
          </p>
          {row.note ? (
            <p class="kern-body" {...germanOnly(ctx.locale)} safe>
              {row.note}
            </p>
          ) : (
            ''
          )}
          <p class="kern-body kern-body--small" safe>
            {tags.join(' · ')}
          </p>
        </div>
      </div>
    </li>
  );
}
