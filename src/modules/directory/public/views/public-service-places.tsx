import type { PageContext } from '../../../../platform/http/context.js';
import type { ServiceDetails } from '../directory.details.js';
import { languageName } from '../directory.filters.js';
import type { HsdsPhone } from '../../open-data/hsds.types.js';
import { osmUrl } from '../json-ld.js';
import { servicePageMessages } from '../service-page.messages.js';
import { emailAddress, httpUrl, Section, telHref } from './public-service-section.js';

/** Where a service is, how to reach it, which languages are spoken and how accessible it is. */

export function Places({ ctx, d }: { ctx: PageContext; d: ServiceDetails }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  return (
    <Section id="orte" title={t('places')}>
      {d.locations.length === 0 ? (
        <p class="kern-body" safe>
          {t('places.none')}
        </p>
      ) : (
        ''
      )}
      {d.locations.map((l) => {
        const address = l.addresses?.find((a) => a.address_type !== 'virtual');
        const hasGeo = typeof l.latitude === 'number' && typeof l.longitude === 'number';
        return (
          <div class="directory-place">
            <h3 class="kern-heading-small" safe>
              {l.name ?? ''}
            </h3>
            {address ? (
              <p class="kern-body">
                <span safe>{[address.address_1, address.address_2].filter(Boolean).join(', ')}</span>
                <br />
                <span safe>{`${address.postal_code} ${address.city}${address.region ? ` (${address.region})` : ''}`}</span>
              </p>
            ) : (
              ''
            )}
            {hasGeo ? (
              <p class="kern-body">
                <a class="kern-link" href={osmUrl(l.latitude!, l.longitude!)}>
                  <span safe>{t('places.map')}</span> <span class="visually-hidden" safe>{`${l.name ?? ''} ${t('places.mapContext')}`}</span>
                </a>
              </p>
            ) : (
              ''
            )}
            {l.transportation ? (
              <p class="kern-body">
                <span safe>{t('places.transport')}</span> <span safe>{l.transportation}</span>
              </p>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </Section>
  );
}

export function Contact({ ctx, d }: { ctx: PageContext; d: ServiceDetails }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const s = d.service;
  const phones = [...(s.phones ?? []), ...(s.contacts ?? []).flatMap((c) => c.phones ?? []), ...d.locations.flatMap((l) => l.phones ?? [])];
  const numbers = [...new Map(phones.map((p) => [p.number, p])).values()];
  const emails = [...new Set([s.email, ...(s.contacts ?? []).map((c) => c.email)].map(emailAddress).filter((e): e is string => !!e))];
  const website = httpUrl(s.url);
  return (
    <Section id="kontakt" title={t('contact')}>
      {numbers.length + emails.length === 0 && !website ? (
        <p class="kern-body" safe>
          {t('contact.none')}
        </p>
      ) : (
        <ContactList numbers={numbers} emails={emails} website={website} t={t} />
      )}
    </Section>
  );
}

function ContactList({
  numbers,
  emails,
  website,
  t,
}: {
  numbers: HsdsPhone[];
  emails: string[];
  website: string | undefined;
  t: ReturnType<typeof servicePageMessages>;
}): JSX.Element {
  return (
    <ul class="kern-list">
      {numbers.map((p) => (
        <li>
          <span safe>{t('contact.phone')}</span>{' '}
          <a class="kern-link" href={telHref(p.number)} safe>
            {p.number}
          </a>
          {p.description ? <span safe>{` (${p.description})`}</span> : ''}
        </li>
      ))}
      {emails.map((email) => (
        <li>
          <span safe>{t('contact.email')}</span>{' '}
          <a class="kern-link" href={`mailto:${email}`} safe>
            {email}
          </a>
        </li>
      ))}
      {website ? (
        <li>
          <span safe>{t('contact.website')}</span>{' '}
          <a class="kern-link" href={website} safe>
            {website}
          </a>
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

export function Languages({ ctx, d }: { ctx: PageContext; d: ServiceDetails }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const names = (d.service.languages ?? []).map((l) => (l.code ? languageName(l.code.toLowerCase(), ctx.locale) : (l.name ?? ''))).filter(Boolean);
  if (names.length === 0 && !d.service.interpretation_services) return '';
  return (
    <Section id="sprachen" title={t('languages')}>
      {names.length ? (
        <p class="kern-body">
          <span safe>{t('languages.intro')}</span> <span safe>{[...new Set(names)].join(', ')}</span>
        </p>
      ) : (
        ''
      )}
      {d.service.interpretation_services ? (
        <p class="kern-body">
          <span safe>{t('languages.interpretation')}</span> <span safe>{d.service.interpretation_services}</span>
        </p>
      ) : (
        ''
      )}
    </Section>
  );
}

export function Accessibility({ ctx, d }: { ctx: PageContext; d: ServiceDetails }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  // One note per place, named: with two places, two unnamed notes could not be told apart.
  const notes = d.locations
    .map((l) => ({
      place: l.name ?? '',
      text: (l.accessibility ?? [])
        .map((a) => [a.description, a.details].filter(Boolean).join(': '))
        .filter(Boolean)
        .join(' '),
    }))
    .filter((n) => n.text);
  const named = d.locations.length > 1;
  return (
    <Section id="barrierefreiheit" title={t('accessibility')}>
      <p class="kern-body" safe>
        {d.barrierFree ? t('accessibility.yes') : notes.length ? t('accessibility.notListed') : t('accessibility.unknown')}
      </p>
      {notes.length ? (
        <ul class="kern-list kern-list--bullet">
          {notes.map((n) =>
            named && n.place ? (
              <li>
                <strong safe>{n.place}</strong>
                <span safe>{`: ${n.text}`}</span>
              </li>
            ) : (
              <li safe>{n.text}</li>
            ),
          )}
        </ul>
      ) : (
        ''
      )}
    </Section>
  );
}
