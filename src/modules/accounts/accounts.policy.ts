import { isAdmin, type Actor, type Role } from '../../platform/auth/roles.js';

export type AccountsAction = 'users.manage';

/** Who may do what with accounts: only admins manage users, their roles and memberships. */
export const accountsPolicy = {
  can(actor: Actor | null, action: AccountsAction): boolean {
    switch (action) {
      case 'users.manage':
        return isAdmin(actor);
    }
  },
};

/** The last admin may neither give up the role nor delete the account: someone must be left to manage users. */
export const isLastAdmin = (user: { role: Role }, adminCount: number): boolean => user.role === 'admin' && adminCount <= 1;

/** "Mein Konto" leads members of an organisation to its directory entries, events and holiday offers; families have none. */
export const seesOrganizationTools = (user: { role: Role }): boolean => user.role !== 'family';

/** "Mein Konto" leads analysts to the surveys (admins reach them from /verwaltung). */
export const seesSurveys = (user: { role: Role }): boolean => user.role === 'analyst';
