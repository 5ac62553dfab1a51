import { placesMessages } from './places.messages.js';
import { placePaths } from './places.paths.js';
import type { PlaceRow } from './places.repository.js';
import { employmentType } from './places.vocab.js';

/**
 * schema.org JobPosting for a place's page, so search engines and job assistants understand it:
 * the employer (hiringOrganization), where (jobLocation in the city), when (startDate,
 * validThrough), what schooling it needs (educationRequirements) and how many places.
 */
export function placeJsonLd(
  place: PlaceRow,
  context: { pageUrl: string; cityName: string; region: string; certificateLabel: string; noCertificate: boolean },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: place.title,
    description: place.description,
    url: context.pageUrl,
    datePosted: new Date(place.published_at).toISOString().slice(0, 10),
    validThrough: place.start_date,
    jobStartDate: place.start_date,
    employmentType: employmentType(place.kind, place.part_time),
    occupationalCategory: place.occupation,
    totalJobOpenings: place.positions,
    hiringOrganization: { '@type': 'Organization', name: place.organization_name },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: context.cityName,
        addressRegion: context.region,
        addressCountry: 'DE',
      },
    },
    educationRequirements: context.noCertificate
      ? 'no requirements'
      : { '@type': 'EducationalOccupationalCredential', credentialCategory: context.certificateLabel },
    ...(place.kind === 'internship' ? {} : { experienceRequirements: 'no requirements' }),
    ...(place.contact_email
      ? { applicationContact: { '@type': 'ContactPoint', email: place.contact_email, ...(place.contact_phone ? { telephone: place.contact_phone } : {}) } }
      : {}),
  };
}

/** A place's JobPosting with the page's address and the certificate's German name (the place's page, an employer's page). */
export function jobPostingOf(place: PlaceRow, context: { publicUrl: string; cityName: string; region: string }): Record<string, unknown> {
  return placeJsonLd(place, {
    pageUrl: `${context.publicUrl}${placePaths.place(place.id)}`,
    cityName: context.cityName,
    region: context.region,
    certificateLabel: placesMessages('de')(`certificate.${place.certificate}`),
    noCertificate: place.certificate === 'none',
  });
}

/** JSON for a <script type="application/ld+json">: nothing in it can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
