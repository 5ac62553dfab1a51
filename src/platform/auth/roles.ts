import type { Role } from '../../db/types.js';

export type { Role };
export const roles: readonly Role[] = ['family', 'provider', 'partner', 'analyst', 'editor', 'admin'];

/** Who is asking: the signed-in user as the services see them. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly email: string;
  readonly displayName: string;
}

const rank: Record<Role, number> = { family: 0, provider: 1, partner: 1, analyst: 1, editor: 2, admin: 3 };

export const isEditor = (actor: Actor | null): actor is Actor => !!actor && rank[actor.role] >= rank.editor;
/** Analysts may read anonymised raw survey answers; admins may too. */
export const isAnalyst = (actor: Actor | null): actor is Actor => actor?.role === 'analyst' || actor?.role === 'admin';
export const isAdmin = (actor: Actor | null): actor is Actor => actor?.role === 'admin';
