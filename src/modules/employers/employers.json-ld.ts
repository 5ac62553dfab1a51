import type { EmployerCertificate } from '../../db/tables/employers.js';
import type { ProfileRow } from './employers.repository.js';

/**
 * schema.org Organization for an employer's page: name, description, address in the city, contact
 * point, logo, website, its certificates as awards, and the family-friendly measures it offers.
 */
export function employerJsonLd(
  profile: ProfileRow,
  context: {
    pageUrl: string;
    cityName: string;
    region: string;
    measureLabels: string[];
    certificateLabel: (c: EmployerCertificate) => string;
    logoUrl?: string;
  },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': context.pageUrl,
    name: profile.name,
    description: profile.summary,
    url: profile.website ?? context.pageUrl,
    address: { '@type': 'PostalAddress', addressLocality: context.cityName, addressRegion: context.region, addressCountry: 'DE' },
    ...(profile.districts.length ? { areaServed: profile.districts.map((d) => ({ '@type': 'Place', name: `${context.cityName}-${d}` })) } : {}),
    ...(context.logoUrl ? { logo: context.logoUrl } : {}),
    ...(context.measureLabels.length ? { knowsAbout: context.measureLabels } : {}),
    ...(profile.certificates.length ? { award: profile.certificates.map(context.certificateLabel) } : {}),
    ...(profile.contact_email || profile.contact_phone
      ? {
          contactPoint: {
            '@type': 'ContactPoint',
            contactType: 'HR',
            ...(profile.contact_name ? { name: profile.contact_name } : {}),
            ...(profile.contact_email ? { email: profile.contact_email } : {}),
            ...(profile.contact_phone ? { telephone: profile.contact_phone } : {}),
          },
        }
      : {}),
  };
}
