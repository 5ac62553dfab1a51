import type { ServiceDetails } from './directory.details.js';
import { languageName } from './directory.filters.js';
import { hoursOfDay } from './opening-hours.js';

/**
 * schema.org JSON-LD for a service page, so search engines and assistants understand it:
 * a Service (a GovernmentService when the city runs it) with its provider Organization, the
 * Places it is offered at (PostalAddress, GeoCoordinates) and its OpeningHoursSpecification.
 */

const schemaDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const httpUrl = (value: string | undefined) => (value && /^https?:\/\/[^\s<>"]+$/i.test(value) ? value : undefined);

/** OpenStreetMap at zoom 17 with a marker: a plain link, nothing is loaded from OSM by our page. */
export function osmUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(5);
  const lon = longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/** Drops undefined members and empty arrays, so the output carries only what we know. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

export function serviceJsonLd(details: ServiceDetails, pageUrl: string): Record<string, unknown> {
  const { service, organization } = details;
  const hours = [1, 2, 3, 4, 5, 6, 7].flatMap((day) =>
    hoursOfDay(details.weeklyHours, day).map((h) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${schemaDays[day - 1]}`,
      opens: h.opens,
      closes: h.closes,
    })),
  );
  const places = details.locations.map((location) => {
    const address = location.addresses?.find((a) => a.address_type !== 'virtual');
    const hasGeo = typeof location.latitude === 'number' && typeof location.longitude === 'number';
    return compact({
      '@type': 'Place',
      name: location.name,
      address: address
        ? compact({
            '@type': 'PostalAddress',
            streetAddress: [address.address_1, address.address_2].filter(Boolean).join(', '),
            postalCode: address.postal_code,
            addressLocality: address.city,
            addressRegion: address.state_province,
            addressCountry: address.country,
          })
        : undefined,
      geo: hasGeo ? { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude } : undefined,
      hasMap: hasGeo ? osmUrl(location.latitude!, location.longitude!) : undefined,
      openingHoursSpecification: hours,
    });
  });
  const phone = service.phones?.[0]?.number ?? details.locations.flatMap((l) => l.phones ?? [])[0]?.number;
  const costs = service.cost_options ?? [];
  const offers = details.free
    ? [{ '@type': 'Offer', price: 0, priceCurrency: 'EUR' }]
    : costs.map((c) => compact({ '@type': 'Offer', name: c.option, price: c.amount, priceCurrency: c.currency ?? 'EUR', description: c.amount_description }));
  return compact({
    '@context': 'https://schema.org',
    '@type': organization.kind === 'city' ? 'GovernmentService' : 'Service',
    '@id': pageUrl,
    url: pageUrl,
    name: service.name,
    alternateName: service.alternate_name,
    description: service.description,
    serviceType: details.topics.map((t) => t.name),
    provider: compact({
      '@type': 'Organization',
      name: organization.name,
      description: organization.description,
      url: httpUrl(organization.hsds?.website),
      email: organization.hsds?.email,
    }),
    areaServed: details.districts.map((name) => ({ '@type': 'AdministrativeArea', name })),
    audience:
      service.minimum_age !== undefined || service.maximum_age !== undefined
        ? compact({ '@type': 'PeopleAudience', suggestedMinAge: service.minimum_age, suggestedMaxAge: service.maximum_age })
        : undefined,
    availableChannel: places.length
      ? places.map((place) =>
          compact({ '@type': 'ServiceChannel', serviceLocation: place, servicePhone: phone ? { '@type': 'ContactPoint', telephone: phone } : undefined }),
        )
      : undefined,
    hoursAvailable: hours,
    availableLanguage: (service.languages ?? []).map((l) =>
      compact({ '@type': 'Language', name: l.name ?? (l.code ? languageName(l.code.toLowerCase(), 'de') : undefined), alternateName: l.code }),
    ),
    offers,
    identifier: details.leikaKey ? { '@type': 'PropertyValue', propertyID: 'LeiKa', value: details.leikaKey } : undefined,
  });
}

/**
 * JSON for a <script type="application/ld+json"> block: "<" is written as \u003c, so no text in
 * the data ("</script>", "<!--") can end the block early. JSON.parse reads it back unchanged.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
