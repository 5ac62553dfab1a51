import type { PageContext } from '../../../platform/http/context.js';
import { formatCivilDate } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { germanOnly, textLang, TranslationNotice } from '../../../platform/translations/views/translated.js';
import { Alert } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import type { PlaceRow } from '../../places/index.js';
import { placePaths } from '../../places/index.js';
import type { EmployerSeason } from '../../holidays/index.js';
import { areas, inCatalogueOrder, measuresByArea } from '../employers.catalogue.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { ProfileRow } from '../employers.repository.js';
import type { StoryRow } from '../stories.repository.js';
import { certificateText, ContactList, section } from './employers-shared.js';

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

/** GET /arbeitgeber/:id */
export function EmployerPage({
  ctx,
  translated,
  places,
  stories,
  unconfirmed,
  logo,
  jsonLd,
  holidayCare = [],
}: {
  ctx: PageContext;
  /** The profile, its short profile in the visitor's language where translated. */
  translated: Translated<ProfileRow>;
  logo?: { width: number; height: number };
  places: PlaceRow[];
  stories: Translated<StoryRow>[];
  unconfirmed: boolean;
  jsonLd: string;
  /** The holiday offers the employer reserved places in for its staff's children (module holidays). */
  holidayCare?: EmployerSeason[];
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const profile = translated.shown;
  const reservedOffers = holidayCare.flatMap((s) => s.offers);
  // Places reserved in holiday offers are the measure "holiday care", ticked or not.
  const offered = inCatalogueOrder([...profile.measures, ...(reservedOffers.length ? ['holiday_care'] : [])]);
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
      <TranslationNotice ctx={ctx} translated={translated} />
      <article>
        {profile.logo_id && logo ? (
          <img src={imagePath(profile.logo_id)} alt={t('page.logo', { name: profile.name })} width={String(logo.width)} height={String(logo.height)} />
        ) : (
          ''
        )}
        <h1 class="kern-heading-x-large" safe>
          {profile.name}
        </h1>
        <p class="kern-body kern-body--large idea-text" {...textLang(translated, 'summary')} safe>
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
                      {m === 'holiday_care' && reservedOffers.length ? (
                        <ul class="kern-list">
                          {reservedOffers.map((o) => (
                            <li>
                              <a class="kern-link" href={employerPaths.holidayOffer(o.offerId)} safe>
                                {t('page.holidayCareOffer', {
                                  title: o.title,
                                  from: formatCivilDate(o.firstDay, ctx.locale),
                                  until: formatCivilDate(o.lastDay, ctx.locale),
                                  places: o.places,
                                })}
                              </a>
                            </li>
                          ))}
                        </ul>
                      ) : m === 'holiday_care' ? (
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
                  <a class="kern-link" href={employerPaths.story(s.shown.slug)} {...textLang(s, 'title')} safe>
                    {s.shown.title}
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
