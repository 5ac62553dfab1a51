import type { Selectable } from 'kysely';
import type { HolidayOffersTable, HolidaySeasonsTable } from '../../../db/tables/holidays.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { familyMessages } from '../family.messages.js';
import { clock, civilDate, dateRange, money } from '../holidays.format.js';

export type OfferRow = Selectable<HolidayOffersTable> & { organization_name: string };
export type SeasonRow = Selectable<HolidaySeasonsTable>;

type TextLang = { lang?: 'de'; dir?: 'ltr' };

function Fact({ label, value, lang = {} }: { label: string; value: string; lang?: TextLang }): JSX.Element {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key" safe>
        {label}
      </dt>
      <dd class="kern-description-list-item__value" {...lang} safe>
        {value}
      </dd>
    </div>
  );
}

/** The key facts of an offer as a description list; `lang` marks a field shown in German on a page of another language. */
export function OfferFacts({
  offer,
  locale,
  full = false,
  lang = () => ({}),
}: {
  offer: OfferRow;
  locale: Locale;
  full?: boolean;
  lang?: (field: string) => TextLang;
}): JSX.Element {
  const t = familyMessages(locale);
  const time = offer.kind === 'trip' ? t('offer.overnight') : `${clock(offer.daily_from)}–${clock(offer.daily_until)}`;
  const price =
    offer.reduced_price_cents === null
      ? money(offer.price_cents, locale)
      : t('offer.priceValue', { price: money(offer.price_cents, locale), reduced: money(offer.reduced_price_cents, locale) });
  return (
    <dl class="kern-description-list">
      <Fact label={t('offer.provider')} value={offer.organization_name} />
      <Fact label={t('offer.when')} value={`${dateRange(offer.first_day, offer.last_day, locale)} (${t(`offer.kind.${offer.kind}`)})`} />
      <Fact label={t('offer.time')} value={time} />
      <Fact label={t('offer.ages')} value={t('offer.agesValue', { min: offer.min_age, max: offer.max_age })} />
      <Fact
        label={t('offer.places')}
        value={offer.employer_places > 0 ? t('offer.placesEmployers', { places: offer.places, employer: offer.employer_places }) : String(offer.places)}
      />
      <Fact label={t('offer.price')} value={price} />
      {offer.location ? <Fact label={t('offer.location')} value={offer.location} /> : ''}
      {full && offer.meeting_point ? <Fact label={t('offer.meetingPoint')} value={offer.meeting_point} lang={lang('meetingPoint')} /> : ''}
      {full && offer.what_to_bring ? <Fact label={t('offer.bring')} value={offer.what_to_bring} lang={lang('whatToBring')} /> : ''}
      {offer.inclusion_support ? <Fact label={t('offer.inclusion')} value="✓" /> : ''}
      {full && offer.contact_name ? (
        <Fact label={t('offer.contact')} value={[offer.contact_name, offer.contact_phone, offer.contact_email].filter(Boolean).join(', ')} />
      ) : (
        ''
      )}
    </dl>
  );
}

/** "Wünsche abgeben: 1. März 2027 bis 15. April 2027". */
export const wishPeriod = (season: SeasonRow, locale: Locale) =>
  familyMessages(locale)('home.wishPeriod', { from: civilDate(season.wish_from, locale), until: civilDate(season.wish_until, locale) });
