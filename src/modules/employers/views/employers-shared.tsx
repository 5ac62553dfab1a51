import type { Locale } from '../../../platform/i18n/i18n.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { ProfileRow } from '../employers.repository.js';

/** What the employers' public pages share: their place in the navigation, certificates in words, a contact. */

export const section = employerPaths.list;

/** The certificate of a profile in words ("audit berufundfamilie (2023)"). */
export const certificateText = (locale: Locale, c: ProfileRow['certificates'][number]) =>
  employersMessages(locale)(`certificate.${c.kind}`, { year: c.year, name: c.name ?? '' });

export function ContactList({ name, email, phone }: { name: string | null; email: string | null; phone: string | null }): JSX.Element {
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
