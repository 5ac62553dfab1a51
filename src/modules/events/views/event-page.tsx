import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.js';
import { Alert } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { categoryName } from '../events.categories.js';
import { eventsMessages } from '../events.messages.js';
import { formatCents, ruleOf } from '../events.model.js';
import { placeOf, type LoadedEvent } from '../events.repository.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { germanOnly, textLang, TranslationNotice } from '../../../platform/translations/views/translated.js';
import { eventContact, telHref, type EventContact } from './contact.js';
import { ageText, ruleText as ruleTextOf, shortDate, whenText } from './format.js';
import { listPath, StatusBadge } from './parts.js';

export interface EventPageProps {
  ctx: PageContext;
  /** In the visitor's language where an editor translated it. */
  event: Translated<LoadedEvent>;
  upcoming: { occurrence_date: string; starts_at: Date; ends_at: Date | null; status: string; note: string }[];
  jsonLd: string;
  canEdit: boolean;
  imageUrl: string | null;
  imageSize?: { width: number; height: number };
  /** Just created by the visitor: confirm it, and say whether it is public yet. */
  saved?: boolean;
}

function Row({ label, children }: { label: string; children?: Children }): JSX.Element {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key" safe>
        {label}
      </dt>
      <dd class="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** Phone and email of the organiser (where registration asks for them, or beside the organiser's name). */
function ContactLines({ ctx, contact }: { ctx: PageContext; contact: EventContact }): JSX.Element {
  const t = eventsMessages(ctx.locale);
  return (
    <>
      {contact.phone ? (
        <p class="kern-body">
          <span safe>{`${t('detail.phone')}: `}</span>
          <a class="kern-link" href={telHref(contact.phone)} safe>
            {contact.phone}
          </a>
        </p>
      ) : (
        ''
      )}
      {contact.email ? (
        <p class="kern-body">
          <span safe>{`${t('detail.email')}: `}</span>
          <a class="kern-link" href={`mailto:${contact.email}`} safe>
            {contact.email}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/** One event with every detail; a cancelled or postponed one keeps its page and says so at the top. */
export function EventPage({ ctx, event: translated, upcoming, jsonLd, canEdit, imageUrl, imageSize, saved }: EventPageProps): JSX.Element {
  const t = eventsMessages(ctx.locale);
  const e = translated.shown;
  const lang = (field: string) => textLang(translated, field);
  const place = placeOf(e);
  const rule = ruleOf(e);
  const age = ageText(e.min_age, e.max_age, ctx.locale);
  const access = [
    e.barrier_free && t('detail.barrierFree'),
    e.sign_language && t('detail.signLanguage'),
    e.easy_language && t('detail.easyLanguage'),
    e.quiet_space && t('detail.quietSpace'),
  ].filter((x): x is string => !!x);
  const contact = eventContact(e);
  const banner = e.review_state === 'pending' ? t('detail.pending') : e.review_state === 'rejected' ? t('detail.rejected') : '';
  return (
    <Layout ctx={ctx} title={e.title} section={listPath}>
      <p class="kern-body">
        <a class="kern-link" href={listPath} safe>
          {t('detail.back')}
        </a>
      </p>
      <TranslationNotice ctx={ctx} translated={translated} />
      <article>
        <h1 class="kern-heading-x-large">
          <span {...lang('title')} safe>
            {e.title}
          </span>{' '}
          <StatusBadge ctx={ctx} status={e.status} />
        </h1>
        {saved ? (
          <Alert kind="success" title={t(e.review_state === 'published' ? 'detail.savedPublished' : 'detail.savedPending')} />
        ) : banner ? (
          <div class="kern-alert kern-alert--info" role="status">
            <div class="kern-alert__header">
              <p class="kern-title" safe>
                {banner}
              </p>
            </div>
          </div>
        ) : (
          ''
        )}
        {e.status !== 'scheduled' ? (
          <div class={`kern-alert kern-alert--${e.status === 'cancelled' ? 'danger' : 'warning'}`} role="status">
            <div class="kern-alert__header">
              <span class={`kern-icon kern-icon--${e.status === 'cancelled' ? 'danger' : 'warning'}`} aria-hidden="true"></span>
              <p class="kern-title" safe>
                {e.status === 'cancelled' ? t('detail.cancelled') : t('detail.postponed')}
              </p>
            </div>
            {e.status_note ? (
              <div class="kern-alert__body">
                <p class="kern-body" {...lang('statusNote')} safe>
                  {e.status_note}
                </p>
              </div>
            ) : (
              ''
            )}
          </div>
        ) : (
          ''
        )}
        {imageUrl ? (
          <img
            src={imageUrl}
            alt={e.image_alt ?? ''}
            {...lang('imageAlt')}
            class="event-image"
            width={imageSize ? String(imageSize.width) : undefined}
            height={imageSize ? String(imageSize.height) : undefined}
          />
        ) : (
          ''
        )}
        <p class="kern-body kern-body--large content-body" {...lang('description')} safe>
          {e.description}
        </p>
        <dl class="kern-description-list">
          <Row label={t('detail.when')}>
            <p class="kern-body" safe>
              {upcoming[0]
                ? whenText({ start: upcoming[0].starts_at, end: upcoming[0].ends_at, allDay: e.all_day }, ctx.locale)
                : whenText({ start: e.starts_at, end: e.ends_at, allDay: e.all_day }, ctx.locale)}
            </p>
            {rule ? (
              <p class="kern-body" safe>
                {t('detail.repeats', { rule: ruleTextOf(rule, ctx.locale) })}
              </p>
            ) : (
              ''
            )}
          </Row>
          <Row label={t('detail.where')}>
            <p class="kern-body">
              <span safe>{place.name}</span>
              {place.street ? (
                <>
                  <br />
                  <span safe>{place.street}</span>
                </>
              ) : (
                ''
              )}
              {place.postalCode || place.locality ? (
                <>
                  <br />
                  <span safe>{`${place.postalCode} ${place.locality}`.trim()}</span>
                </>
              ) : (
                ''
              )}
            </p>
            {place.latitude !== null && place.longitude !== null ? (
              <p class="kern-body">
                <a
                  class="kern-link"
                  href={`https://www.openstreetmap.org/?mlat=${place.latitude.toFixed(5)}&mlon=${place.longitude.toFixed(5)}#map=17/${place.latitude.toFixed(5)}/${place.longitude.toFixed(5)}`}
                  safe
                >
                  {t('detail.map')}
                </a>
              </p>
            ) : (
              ''
            )}
          </Row>
          {place.district ? (
            <Row label={t('detail.district')}>
              <span safe>{place.district}</span>
            </Row>
          ) : (
            ''
          )}
          {e.organization_name ? (
            <Row label={t('detail.organizer')}>
              <p class="kern-body" safe>
                {e.organization_name}
              </p>
              {contact && !e.registration_required ? <ContactLines ctx={ctx} contact={contact} /> : ''}
            </Row>
          ) : (
            ''
          )}
          <Row label={t('detail.age')}>
            <span safe>{age || t('detail.ageAll')}</span>
          </Row>
          <Row label={t('detail.cost')}>
            {e.free ? (
              <span safe>{t('detail.free')}</span>
            ) : (
              <>
                {e.price_cents !== null ? (
                  <p class="kern-body" safe>
                    {t('detail.price', { price: formatCents(e.price_cents, ctx.locale) })}
                  </p>
                ) : (
                  ''
                )}
                {e.reduced_price_cents !== null ? (
                  <p class="kern-body" safe>
                    {t('detail.reduced', { price: formatCents(e.reduced_price_cents, ctx.locale) })}
                  </p>
                ) : (
                  ''
                )}
              </>
            )}
          </Row>
          <Row label={t('detail.registration')}>
            {e.registration_required ? (
              <>
                <p class="kern-body" safe>
                  {t('detail.registrationNeeded')}
                </p>
                {e.registration_how ? (
                  <p class="kern-body" {...lang('registrationHow')} safe>
                    {e.registration_how}
                  </p>
                ) : (
                  ''
                )}
                {contact ? <ContactLines ctx={ctx} contact={contact} /> : ''}
                {e.registration_until ? (
                  <p class="kern-body" safe>
                    {t('detail.registrationUntil', { date: shortDate(e.registration_until, ctx.locale) })}
                  </p>
                ) : (
                  ''
                )}
              </>
            ) : (
              <span safe>{t('detail.registrationNone')}</span>
            )}
          </Row>
          <Row label={t('detail.accessibility')}>
            {access.length ? (
              <ul class="kern-list">
                {access.map((a) => (
                  <li safe>{a}</li>
                ))}
              </ul>
            ) : (
              <span safe>{t('detail.accessibilityNone')}</span>
            )}
          </Row>
          {e.categories.length ? (
            <Row label={t('detail.categories')}>
              <span safe>{e.categories.map((c) => categoryName(c, ctx.locale)).join(', ')}</span>
            </Row>
          ) : (
            ''
          )}
        </dl>
        <p class="kern-body">
          <a class="kern-btn kern-btn--secondary" href={`/veranstaltungen/${e.id}/kalender.ics`} aria-describedby="ics-hint" download="veranstaltung.ics">
            <span class="kern-label" safe>
              {t('detail.addToCalendar')}
            </span>
          </a>
        </p>
        <p class="kern-hint" id="ics-hint" safe>
          {t('detail.addToCalendarHint')}
        </p>
        {canEdit ? (
          <p class="kern-body">
            <a class="kern-link" href={`/veranstaltungen/${e.id}/bearbeiten`} safe>
              {t('detail.edit')}
            </a>
          </p>
        ) : (
          ''
        )}
        <section aria-labelledby="termine">
          <h2 class="kern-heading-medium" id="termine" safe>
            {t('detail.dates')}
          </h2>
          {upcoming.length === 0 ? (
            <p class="kern-body" safe>
              {t('detail.noDates')}
            </p>
          ) : (
            ''
          )}
          <ul class="kern-list">
            {upcoming.map((o) => (
              <li>
                {o.status === 'cancelled' ? (
                  <del safe>{whenText({ start: o.starts_at, end: o.ends_at, allDay: e.all_day }, ctx.locale)}</del>
                ) : (
                  <span safe>{whenText({ start: o.starts_at, end: o.ends_at, allDay: e.all_day }, ctx.locale)}</span>
                )}{' '}
                <StatusBadge ctx={ctx} status={o.status} />
                {o.note ? (
                  <>
                    {' – '}
                    <span {...germanOnly(ctx.locale)} safe>
                      {o.note}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      </article>
      <script type="application/ld+json">{jsonLd}</script>
    </Layout>
  );
}
