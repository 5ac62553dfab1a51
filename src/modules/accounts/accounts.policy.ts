import { isAdmin, type Actor } from '../../platform/auth/roles.js';

export type AccountsAction = 'users.manage' | 'audit.read' | 'outbox.read';

/** Who may do what with accounts: only admins manage users, read the audit log and the outbox. */
export const accountsPolicy = {
  can(actor: Actor | null, action: AccountsAction): boolean {
    switch (action) {
      case 'users.manage':
      case 'audit.read':
      case 'outbox.read':
        return isAdmin(actor);
    }
  },
};
