import type { PageContext } from '../../../platform/http/context.js';
import { type Locale } from '../../../platform/i18n/i18n.js';
import { textLang } from '../../../platform/translations/views/translated.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { Checkbox, SelectField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { placePaths } from '../../places/index.js';
import { measures, sectors, sizes } from '../employers.catalogue.js';
import { listQuery, type EmployerFilterState } from '../employers.filters.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { EmployersService } from '../employers.service.js';
import { section } from './employers-shared.js';

type Listed = Awaited<ReturnType<EmployersService['list']>>;

function EmployerCard({ translated, locale }: { translated: Listed['employers'][number]; locale: Locale }): JSX.Element {
  const t = employersMessages(locale);
  const employer = translated.shown;
  const facts = [
    t(`sector.${employer.sector}`),
    t(`size.${employer.size}`),
    ...(employer.districts.length ? [employer.districts.join(', ')] : []),
    t('card.measures', { count: employer.measures.length }),
    t('card.places', { count: employer.places }),
  ];
  return (
    <li class="idea-card">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={employerPaths.employer(employer.organization_id)} safe>
          {employer.name}
        </a>
      </h3>
      {employer.unconfirmed ? (
        <p>
          <span class="kern-badge kern-badge--warning">
            <span class="kern-label">{t.html('unconfirmed')}</span>
          </span>
        </p>
      ) : (
        ''
      )}
      <p class="kern-body" {...textLang(translated, 'summary')} safe>
        {employer.summary.length > 200 ? `${employer.summary.slice(0, 197)}…` : employer.summary}
      </p>
      <p class="kern-body kern-body--small" safe>
        {facts.join(' · ')}
      </p>
    </li>
  );
}

function Pager({ ctx, state, page, pages }: { ctx: PageContext; state: EmployerFilterState; page: number; pages: number }): JSX.Element {
  if (pages <= 1) return '';
  const t = employersMessages(ctx.locale);
  return (
    <nav aria-label={t('pager.label')}>
      <ul class="site-inline-list">
        {page > 1 ? (
          <li>
            <a class="kern-link" href={`${employerPaths.list}${listQuery(state, page - 1)}`}>
              {t.html('pager.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li safe>{t('pager.page', { page, pages })}</li>
        {page < pages ? (
          <li>
            <a class="kern-link" href={`${employerPaths.list}${listQuery(state, page + 1)}`}>
              {t.html('pager.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

/** GET /arbeitgeber */
export function EmployersListPage({
  ctx,
  listed,
  state,
  active,
  page,
}: {
  ctx: PageContext;
  listed: Listed;
  state: EmployerFilterState;
  active: number;
  page: number;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('list.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('list.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('list.lead', { city: ctx.city.name })}</p>
      <div class="search-layout">
        <section class="search-layout__filters" aria-labelledby="filter-heading">
          <h2 class="kern-heading-medium" id="filter-heading">
            {t.html('filter.title')}
          </h2>
          <form method="get" action={employerPaths.list}>
            <FilterPanel locale={ctx.locale} active={active} submitLabel={t('filter.submit')}>
              <SelectField
                name="massnahme"
                label={t('filter.measure')}
                value={state.measure ?? ''}
                options={[{ value: '', label: t('filter.measureAll') }, ...measures.map((m) => ({ value: m, label: t(`measure.${m}`) }))]}
              />
              <SelectField
                name="branche"
                label={t('filter.sector')}
                value={state.sector ?? ''}
                options={[{ value: '', label: t('filter.sectorAll') }, ...sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))]}
              />
              <SelectField
                name="groesse"
                label={t('filter.size')}
                value={state.size ?? ''}
                options={[{ value: '', label: t('filter.sizeAll') }, ...sizes.map((s) => ({ value: s, label: t(`size.${s}`) }))]}
              />
              <SelectField
                name="bezirk"
                label={t('filter.district')}
                value={state.district ?? ''}
                options={[{ value: '', label: t('filter.districtAll') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
              />
              <Checkbox name="ausbildung" label={t('filter.apprenticeships')} checked={state.apprenticeships} />
              <Checkbox name="teilzeit" label={t('filter.partTime')} checked={state.partTime} />
            </FilterPanel>
          </form>
          {active > 0 ? (
            <p class="kern-body">
              <a class="kern-link" href={employerPaths.list}>
                {t.html('filter.reset')}
              </a>
            </p>
          ) : (
            ''
          )}
          <h2 class="kern-heading-small">{t.html('list.forEmployers')}</h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={employerPaths.selfCheck}>
                {t.html('list.selfCheck')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={employerPaths.stories}>
                {t.html('list.stories', { city: ctx.city.name })}
              </a>
            </li>
            <li>
              <a class="kern-link" href={employerPaths.manage}>
                {t.html('list.manage')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={placePaths.list}>
                {t.html('list.places')}
              </a>
            </li>
          </ul>
        </section>
        <section class="search-layout__results" aria-labelledby="results-heading">
          <h2 class="kern-heading-medium" id="results-heading" safe>
            {t('results.count', { count: listed.total })}
          </h2>
          {listed.total === 0 ? <p class="kern-body">{t.html('results.empty')}</p> : ''}
          <ul class="idea-list">
            {listed.employers.map((employer) => (
              <EmployerCard translated={employer} locale={ctx.locale} />
            ))}
          </ul>
          <Pager ctx={ctx} state={state} page={page} pages={listed.pages} />
        </section>
      </div>
    </Layout>
  );
}
