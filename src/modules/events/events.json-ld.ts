import { isoWithOffset, toLocal } from '../../platform/time/berlin.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { eventsMessages } from './events.messages.js';
import { placeOf, type LoadedEvent } from './events.repository.js';

/**
 * schema.org Event for an event page, with what Google's event results require (name, startDate
 * with offset, location with a PostalAddress) and eventStatus, so a cancelled event says so.
 * `next` is the occurrence the page is about (the next upcoming one, or the last past one). Its texts
 * are the page's: the visitor's language where an editor translated the event, German elsewhere.
 */

const statusUrl = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

const dateOnly = (d: Date) => toLocal(d).date;

export function eventJsonLd(
  e: LoadedEvent,
  next: { start: Date; end: Date | null; status: string },
  options: { pageUrl: string; imageUrl?: string; locale: Locale },
): Record<string, unknown> {
  const place = placeOf(e);
  const status = e.status !== 'scheduled' ? e.status : (next.status as keyof typeof statusUrl);
  const offers = e.free
    ? [{ '@type': 'Offer', price: 0, priceCurrency: 'EUR', url: options.pageUrl }]
    : [
        e.price_cents !== null ? { '@type': 'Offer', price: (e.price_cents / 100).toFixed(2), priceCurrency: 'EUR', url: options.pageUrl } : null,
        e.reduced_price_cents !== null
          ? {
              '@type': 'Offer',
              name: eventsMessages(options.locale)('jsonLd.reducedOffer'),
              price: (e.reduced_price_cents / 100).toFixed(2),
              priceCurrency: 'EUR',
              url: options.pageUrl,
            }
          : null,
      ].filter(Boolean);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': options.pageUrl,
    url: options.pageUrl,
    name: e.title,
    description: e.description,
    startDate: e.all_day ? dateOnly(next.start) : isoWithOffset(next.start),
    endDate: next.end ? (e.all_day ? dateOnly(new Date(next.end.getTime() - 1)) : isoWithOffset(next.end)) : undefined,
    eventStatus: statusUrl[status] ?? statusUrl.scheduled,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: compact({
      '@type': 'Place',
      name: place.name || place.locality,
      address: compact({
        '@type': 'PostalAddress',
        streetAddress: place.street,
        postalCode: place.postalCode,
        addressLocality: place.locality,
        addressRegion: place.district ?? undefined,
        addressCountry: 'DE',
      }),
      geo:
        place.latitude !== null && place.longitude !== null ? { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude } : undefined,
    }),
    organizer: e.organization_name ? { '@type': 'Organization', name: e.organization_name } : undefined,
    isAccessibleForFree: e.free,
    offers,
    typicalAgeRange: e.min_age !== null || e.max_age !== null ? `${e.min_age ?? 0}-${e.max_age ?? ''}` : undefined,
    image: options.imageUrl ? [options.imageUrl] : undefined,
    inLanguage: 'de',
  });
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
