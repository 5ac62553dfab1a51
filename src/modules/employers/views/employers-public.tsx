import type { PageContext } from '../../../platform/http/context.js';
import { formatCivilDate, type Locale } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import { germanOnly } from '../../../platform/translations/views/translated.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { Alert, Checkbox, SelectField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import type { PlaceRow } from '../../places/index.js';
import { placePaths } from '../../places/index.js';
import { areas, inCatalogueOrder, measures, measuresByArea, sectors, sizes } from '../employers.catalogue.js';
import { listQuery, type EmployerFilterState } from '../employers.filters.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { ProfileRow, StoryRow } from '../employers.repository.js';
import type { EmployersService } from '../employers.service.js';

export const section = employerPaths.list;

type Listed = Awaited<ReturnType<EmployersService['list']>>;

/** The certificate of a profile in words ("audit berufundfamilie (2023)"). */
export const certificateText = (locale: Locale, c: ProfileRow['certificates'][number]) =>
  employersMessages(locale)(`certificate.${c.kind}`, { year: c.year, name: c.name ?? '' });

function Facts({ rows }: { rows: [string, JSX.Element][] }): JSX.Element {
  return (
    <dl class="kern-description-list">
      {rows.map(([key, value]) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key" safe>
            {key}
          </dt>
          <dd class="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EmployerCard({ employer, locale }: { employer: Listed['employers'][number]; locale: Locale }): JSX.Element {
  const t = employersMessages(locale);
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
      <p class="kern-body" {...germanOnly(locale)} safe>
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
              <EmployerCard employer={employer} locale={ctx.locale} />
            ))}
          </ul>
          <Pager ctx={ctx} state={state} page={page} pages={listed.pages} />
        </section>
      </div>
    </Layout>
  );
}

function ContactList({ name, email, phone }: { name: string | null; email: string | null; phone: string | null }): JSX.Element {
  return (
    <ul class="kern-list">
      {name ? <li safe>{name}</li> : ''}
      {email ? (
        <li>
          <a class="kern-link" href={`mailto:${email}`} safe>
            {email}
          </a>
        </li>
      ) : (
        ''
      )}
      {phone ? (
        <li>
          <a class="kern-link" href={`tel:${phone.replace(/[^0-9+]/g, '')}`} safe>
            {phone}
          </a>
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

/** GET /arbeitgeber/:id */
export function EmployerPage({
  ctx,
  profile,
  places,
  stories,
  unconfirmed,
  logo,
  jsonLd,
}: {
  ctx: PageContext;
  profile: ProfileRow;
  logo?: { width: number; height: number };
  places: PlaceRow[];
  stories: StoryRow[];
  unconfirmed: boolean;
  jsonLd: string;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const offered = inCatalogueOrder(profile.measures);
  const text = (value: string): JSX.Element => <span safe>{value}</span>;
  const facts: [string, JSX.Element][] = [
    [t('page.sector'), text(t(`sector.${profile.sector}`))],
    [t('page.size'), text(t(`size.${profile.size}`))],
    ...(profile.districts.length ? ([[t('page.districts'), text(profile.districts.join(', '))]] as [string, JSX.Element][]) : []),
    ...(profile.website
      ? ([
          [
            t('page.website'),
            <a class="kern-link" href={profile.website} rel="noopener noreferrer" safe>
              {profile.website}
            </a>,
          ],
        ] as [string, JSX.Element][])
      : []),
  ];
  return (
    <Layout ctx={ctx} title={profile.name} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.list}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('page.back')}
        </a>
      </p>
      <article>
        {profile.logo_id && logo ? (
          <img src={imagePath(profile.logo_id)} alt={t('page.logo', { name: profile.name })} width={String(logo.width)} height={String(logo.height)} />
        ) : (
          ''
        )}
        <h1 class="kern-heading-x-large" safe>
          {profile.name}
        </h1>
        <p class="kern-body kern-body--large idea-text" {...germanOnly(ctx.locale)} safe>
          {profile.summary}
        </p>
        <Facts rows={facts} />
        <h2 class="kern-heading-medium">{t.html('page.measures')}</h2>
        {unconfirmed ? <Alert kind="warning" title={t('page.unconfirmed')} /> : ''}
        {areas
          .filter((a) => offered.some((m) => (measuresByArea[a] as readonly string[]).includes(m)))
          .map((area) => (
            <>
              <h3 class="kern-heading-small">{t.html(`area.${area}`)}</h3>
              <ul class="kern-list">
                {offered
                  .filter((m) => (measuresByArea[area] as readonly string[]).includes(m))
                  .map((m) => (
                    <li>
                      <a class="kern-link" href={`${employerPaths.list}?massnahme=${m}`} safe>
                        {t(`measure.${m}`)}
                      </a>
                      {m === 'holiday_care' ? (
                        <>
                          {' – '}
                          <a class="kern-link" href={employerPaths.holidayCare} safe>
                            {t('page.holidayCare', { city: ctx.city.name })}
                          </a>
                        </>
                      ) : (
                        ''
                      )}
                    </li>
                  ))}
              </ul>
            </>
          ))}
        <p class="kern-body kern-body--small" safe>
          {t('page.confirmed', { date: formatCivilDate(profile.measures_confirmed_on, ctx.locale) })}
        </p>
        {profile.certificates.length ? (
          <>
            <h2 class="kern-heading-medium">{t.html('page.certificates')}</h2>
            <ul class="kern-list">
              {profile.certificates.map((c) => (
                <li safe>{certificateText(ctx.locale, c)}</li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        <h2 class="kern-heading-medium">{t.html('page.places')}</h2>
        {places.length ? (
          <ul class="kern-list">
            {places.map((p) => (
              <li>
                <a class="kern-link" href={placePaths.place(p.id)} {...germanOnly(ctx.locale)} safe>
                  {t('page.place', { kind: t(`placeKind.${p.kind}`), title: p.title, date: formatCivilDate(p.start_date, ctx.locale) })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">{t.html('page.noPlaces')}</p>
        )}
        {profile.contact_name || profile.contact_email || profile.contact_phone ? (
          <>
            <h2 class="kern-heading-medium">{t.html('page.contact')}</h2>
            <ContactList name={profile.contact_name} email={profile.contact_email} phone={profile.contact_phone} />
          </>
        ) : (
          ''
        )}
        {stories.length ? (
          <>
            <h2 class="kern-heading-medium">{t.html('page.stories')}</h2>
            <ul class="kern-list">
              {stories.map((s) => (
                <li>
                  <a class="kern-link" href={employerPaths.story(s.slug)} {...germanOnly(ctx.locale)} safe>
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ''
        )}
        <h2 class="kern-heading-medium">{t.html('page.alliance')}</h2>
        <p class="kern-body">{t.html('page.allianceText')}</p>
        <p class="kern-body">
          <a class="kern-link" href={employerPaths.alliance(profile.organization_id)}>
            {t.html('page.allianceLink')}
          </a>
        </p>
      </article>
      <script type="application/ld+json">{jsonLd}</script>
    </Layout>
  );
}

/** GET /arbeitgeber/gute-beispiele */
export function StoriesPage({ ctx, stories }: { ctx: PageContext; stories: StoryRow[] }): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('stories.title')} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.list}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('page.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t.html('stories.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('stories.lead', { city: ctx.city.name })}</p>
      <ul class="idea-list">
        {stories.map((s) => (
          <li class="idea-card">
            <h2 class="kern-heading-small">
              <a class="kern-link" href={employerPaths.story(s.slug)} {...germanOnly(ctx.locale)} safe>
                {s.title}
              </a>
            </h2>
            <p class="kern-body" {...germanOnly(ctx.locale)} safe>
              {s.problem.length > 200 ? `${s.problem.slice(0, 197)}…` : s.problem}
            </p>
            <p class="kern-body kern-body--small" safe>
              {inCatalogueOrder(s.measures)
                .map((m) => t(`measure.${m}`))
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** GET /arbeitgeber/gute-beispiele/:slug */
export function StoryPage({ ctx, story }: { ctx: PageContext; story: StoryRow }): JSX.Element {
  const t = employersMessages(ctx.locale);
  const parts = [
    ['story.problem', story.problem],
    ['story.solution', story.solution],
    ['story.cost', story.cost],
    ['story.effect', story.effect],
  ] as const;
  return (
    <Layout ctx={ctx} title={story.title} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.stories}>
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('stories.back')}
        </a>
      </p>
      <article>
        <h1 class="kern-heading-x-large" {...germanOnly(ctx.locale)} safe>
          {story.title}
        </h1>
        {parts.map(([key, text]) => (
          <>
            <h2 class="kern-heading-medium">{t.html(key)}</h2>
            <p class="kern-body idea-text" {...germanOnly(ctx.locale)} safe>
              {text}
            </p>
          </>
        ))}
        <h2 class="kern-heading-medium">{t.html('story.measures')}</h2>
        <ul class="kern-list">
          {inCatalogueOrder(story.measures).map((m) => (
            <li>
              <a class="kern-link" href={`${employerPaths.list}?massnahme=${m}`} safe>
                {t(`measure.${m}`)}
              </a>
            </li>
          ))}
        </ul>
        {story.contact_name || story.contact_email || story.contact_phone ? (
          <>
            <h2 class="kern-heading-medium">{t.html('story.contact')}</h2>
            <ContactList name={story.contact_name} email={story.contact_email} phone={story.contact_phone} />
          </>
        ) : (
          ''
        )}
        {story.organization_id && story.organization_name ? (
          <p class="kern-body">
            <a class="kern-link" href={employerPaths.employer(story.organization_id)} safe>
              {t('story.employer', { name: story.organization_name })}
            </a>
          </p>
        ) : (
          ''
        )}
      </article>
    </Layout>
  );
}
