import { isAdmin, isEditor, type Actor } from '../../platform/auth/roles.js';

export type AdminAction = 'dashboard.open' | 'adminTools.see' | 'audit.read' | 'outbox.read';

/** Editors open the staff start page; only admins see the admin tools, the audit log and the outbox. */
export const adminPolicy = {
  can(actor: Actor | null, action: AdminAction): boolean {
    switch (action) {
      case 'dashboard.open':
        return isEditor(actor);
      case 'adminTools.see':
      case 'audit.read':
      case 'outbox.read':
        return isAdmin(actor);
    }
  },
};
