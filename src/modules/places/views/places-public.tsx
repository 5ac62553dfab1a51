import type { PageContext } from '../../../platform/http/context.js';
import { formatCivilDate, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { Checkbox, SelectField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { germanOnly } from '../../../platform/translations/views/translated.js';
import type { PlaceFilterState } from '../places.filters.js';
import { placesMessages } from '../places.messages.js';
import { placePaths } from '../places.paths.js';
import type { PlaceRow } from '../places.repository.js';
import { berufenetSearchUrl, certificates, placeFields, placeKinds } from '../places.vocab.js';

/** The places belong to Jugend & Beruf in the navigation. */
const section = '/jugend-beruf';

const monthLabel = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

function PlaceCard({ place, locale }: { place: PlaceRow; locale: Locale }): JSX.Element {
  const t = placesMessages(locale);
  const facts = [
    t(`kind.${place.kind}`),
    t(`field.${place.field}`),
    t('place.starts', { date: formatCivilDate(place.start_date, locale) }),
    t(`certificate.${place.certificate}`),
    ...(place.part_time ? [t('place.partTime')] : []),
  ];
  return (
    <li class="idea-card">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={placePaths.place(place.id)} {...germanOnly(locale)} safe>
          {place.title}
        </a>
      </h3>
      <p class="kern-body" safe>
        {t('place.by', { organization: place.organization_name })}
      </p>
      <p class="kern-body kern-body--small" safe>
        {facts.join(' · ')}
      </p>
    </li>
  );
}

/** GET /jugend-beruf/plaetze */
export function PlacesListPage({
  ctx,
  places,
  state,
  active,
  months,
}: {
  ctx: PageContext;
  places: PlaceRow[];
  state: PlaceFilterState;
  active: number;
  months: string[];
}): JSX.Element {
  const t = placesMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')} section={section}>
      <h1 class="kern-heading-large">{t.html('title')}</h1>
      <p class="kern-body kern-body--large">{t.html('lead')}</p>
      <div class="search-layout">
        <section class="search-layout__filters" aria-labelledby="filter-heading">
          <h2 class="kern-heading-medium" id="filter-heading">
            {t.html('filter.title')}
          </h2>
          <form method="get" action={placePaths.list}>
            <FilterPanel locale={ctx.locale} active={active} submitLabel={t('filter.submit')}>
              <SelectField
                name="art"
                label={t('filter.kind')}
                value={state.kind ?? ''}
                options={[{ value: '', label: t('filter.kindAll') }, ...placeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
              />
              <SelectField
                name="feld"
                label={t('filter.field')}
                value={state.field ?? ''}
                options={[{ value: '', label: t('filter.fieldAll') }, ...placeFields.map((f) => ({ value: f, label: t(`field.${f}`) }))]}
              />
              <SelectField
                name="abschluss"
                label={t('filter.certificate')}
                hint={t('filter.certificateHint')}
                value={state.certificate ?? ''}
                options={[
                  { value: '', label: t('filter.certificateAll') },
                  ...certificates.map((c) => ({ value: c, label: c === 'none' ? t('mine.none') : t(`certificate.${c}`) })),
                ]}
              />
              <SelectField
                name="ab"
                label={t('filter.start')}
                value={state.from ?? ''}
                options={[{ value: '', label: t('filter.startAll') }, ...months.map((m) => ({ value: m, label: monthLabel(m, ctx.locale) }))]}
              />
              <Checkbox name="teilzeit" label={t('filter.partTime')} checked={state.partTime} />
            </FilterPanel>
          </form>
          {active > 0 ? (
            <p class="kern-body">
              <a class="kern-link" href={placePaths.list}>
                {t.html('filter.reset')}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
        <section class="search-layout__results" aria-labelledby="results-heading">
          <h2 class="kern-heading-medium" id="results-heading" safe>
            {t('results.count', { count: places.length })}
          </h2>
          {places.length === 0 ? <p class="kern-body">{t.html('results.empty')}</p> : ''}
          <ul class="idea-list">
            {places.map((place) => (
              <PlaceCard place={place} locale={ctx.locale} />
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}

/** GET /jugend-beruf/plaetze/:id */
export function PlacePage({ ctx, place, jsonLd }: { ctx: PageContext; place: PlaceRow; jsonLd: string }): JSX.Element {
  const t = placesMessages(ctx.locale);
  const facts: [string, string][] = [
    [t('fact.kind'), t(`kind.${place.kind}`)],
    [t('fact.occupation'), place.occupation],
    [t('fact.field'), t(`field.${place.field}`)],
    [t('fact.certificate'), t(`certificate.${place.certificate}`)],
    [t('fact.start'), formatCivilDate(place.start_date, ctx.locale)],
    [t('fact.partTime'), t(place.part_time ? 'value.yes' : 'value.no')],
    [t('fact.positions'), t('place.positions', { count: place.positions })],
    ...(place.district ? ([[t('fact.district'), place.district]] as [string, string][]) : []),
  ];
  return (
    <Layout ctx={ctx} title={place.title} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={placePaths.list}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('page.back')}
        </a>
      </p>
      <article>
        <h1 class="kern-heading-x-large" {...germanOnly(ctx.locale)} safe>
          {place.title}
        </h1>
        <p class="kern-body kern-body--large" safe>
          {t('place.by', { organization: place.organization_name })}
        </p>
        <dl class="kern-description-list">
          {facts.map(([key, value]) => (
            <div class="kern-description-list-item">
              <dt class="kern-description-list-item__key" safe>
                {key}
              </dt>
              <dd class="kern-description-list-item__value" safe>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <h2 class="kern-heading-medium">{t.html('page.description')}</h2>
        <p class="kern-body idea-text" {...germanOnly(ctx.locale)} safe>
          {place.description}
        </p>
        <h2 class="kern-heading-medium">{t.html('page.apply')}</h2>
        <p class="kern-body idea-text" {...germanOnly(ctx.locale)} safe>
          {place.how_to_apply}
        </p>
        {place.contact_name || place.contact_email || place.contact_phone ? (
          <>
            <h3 class="kern-heading-small">{t.html('page.contact')}</h3>
            <ul class="kern-list">
              {place.contact_name ? <li safe>{place.contact_name}</li> : ''}
              {place.contact_email ? (
                <li>
                  <a class="kern-link" href={`mailto:${place.contact_email}`} safe>
                    {place.contact_email}
                  </a>
                </li>
              ) : (
                ''
              )}
              {place.contact_phone ? (
                <li>
                  <a class="kern-link" href={`tel:${place.contact_phone.replace(/[^0-9+]/g, '')}`} safe>
                    {place.contact_phone}
                  </a>
                </li>
              ) : (
                ''
              )}
            </ul>
          </>
        ) : (
          ''
        )}
        <p class="kern-body">
          <a class="kern-link" href={berufenetSearchUrl(place.occupation)} rel="noopener noreferrer" safe>
            {t('page.berufenet', { occupation: place.occupation })}
          </a>
        </p>
        <p class="kern-body">{t.html('page.help')}</p>
        <p class="kern-body">
          <a class="kern-link" href="/termine/berufsberatung">
            {t.html('page.book')}
          </a>
        </p>
      </article>
      <script type="application/ld+json">{jsonLd}</script>
    </Layout>
  );
}
