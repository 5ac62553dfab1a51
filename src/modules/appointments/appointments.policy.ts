import type { Executor } from '../../db/executor.js';
import type { Actor } from '../../platform/auth/roles.js';
import { counsellorOfUser, servicesOfCounsellor } from './appointments.repository.js';

/**
 * Who sees which bookings: admins all of them; a counsellor (a user linked to a counsellor) only the
 * bookings of the services they give; everybody else none. `null` means "every service".
 */
export async function visibleServices(db: Executor, actor: Actor | null): Promise<string[] | null | 'none'> {
  if (!actor) return 'none';
  if (actor.role === 'admin') return null;
  const counsellor = await counsellorOfUser(db, actor.id);
  if (!counsellor) return 'none';
  return servicesOfCounsellor(db, counsellor.id);
}

/** May this person see and change this booking (of this service)? */
export const canHandle = (visible: string[] | null | 'none', serviceId: string | null) =>
  visible !== 'none' && (visible === null || (serviceId !== null && visible.includes(serviceId)));

/**
 * Who sets up appointments (services, counsellors, places, weekly patterns and exceptions): admins only.
 * A counsellor reports their own absence through the planning page (reportAbsence).
 */
export const canConfigure = (actor: Actor | null) => actor?.role === 'admin';
