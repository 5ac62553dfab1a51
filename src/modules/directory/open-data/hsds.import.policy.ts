import { isAdmin, type Actor } from '../../../platform/auth/roles.js';

/** Who may import an HSDS package into the published directory: admins only. */
export const canImportPackages = (actor: Actor): boolean => isAdmin(actor);
