import type { CityProfile } from '../city.js';
import { defineMessages, type Locale } from '../i18n/i18n.js';

const officeMessages = defineMessages(
  'platform/views/family-office',
  { phone: 'Telefon', email: 'E-Mail', address: 'Anschrift', hours: 'Öffnungszeiten' },
  { phone: 'Phone', email: 'Email', address: 'Address', hours: 'Opening hours' },
);

/** How to reach the city's family office: phone and email, and with `full` also address and hours. */
export function FamilyOfficeContact({ city, locale, full = false }: { city: CityProfile; locale: Locale; full?: boolean }): JSX.Element {
  const t = officeMessages(locale);
  const office = city.familyOffice;
  return (
    <dl class="kern-description-list">
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t.html('phone')}</dt>
        <dd class="kern-description-list-item__value">
          <a class="kern-link" href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} safe>
            {office.phone}
          </a>
        </dd>
      </div>
      <div class="kern-description-list-item">
        <dt class="kern-description-list-item__key">{t.html('email')}</dt>
        <dd class="kern-description-list-item__value">
          <a class="kern-link" href={`mailto:${office.email}`} safe>
            {office.email}
          </a>
        </dd>
      </div>
      {full ? (
        <>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('address')}</dt>
            <dd class="kern-description-list-item__value" safe>
              {`${office.street}, ${office.postalCode} ${office.locality}`}
            </dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('hours')}</dt>
            <dd class="kern-description-list-item__value" safe>
              {office.openingHours[locale]}
            </dd>
          </div>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}
