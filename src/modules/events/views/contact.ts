import type { LoadedEvent } from '../events.repository.js';

/** How to reach whoever runs an event, from the directory: the organiser's, else the venue's phone. */
export interface EventContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

interface HsdsReachable {
  email?: string;
  phones?: { number?: string }[];
}

const firstPhone = (hsds: HsdsReachable | null) => hsds?.phones?.find((p) => p.number?.trim())?.number?.trim() ?? null;

/** The contact an event page shows, or null when the directory knows no phone and no email. */
export function eventContact(e: Pick<LoadedEvent, 'organization_name' | 'organization_hsds' | 'location_hsds'>): EventContact | null {
  const organization = e.organization_hsds as HsdsReachable | null;
  const venue = e.location_hsds as HsdsReachable | null;
  const phone = firstPhone(organization) ?? firstPhone(venue);
  const email = organization?.email?.trim() || venue?.email?.trim() || null;
  return phone || email ? { name: e.organization_name, phone, email } : null;
}

/** A tel: link target: digits and a leading +. */
export const telHref = (phone: string) => `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;
