import { ensure } from '../../platform/auth/guard.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';
import type { NetworkGroupAccess, NetworkGroupRole, NetworkMemberState, NetworkVisibility } from '../../db/tables/network.js';

/**
 * Who may do what in the Bündnis-Netzwerk. Partners (role `partner`) work in the groups they belong
 * to; the family office's staff (editors, admins) run the network and may act in every group.
 */
export interface GroupStanding {
  access: NetworkGroupAccess;
  membership: { role: NetworkGroupRole; state: NetworkMemberState } | undefined;
}

export const isStaff = (actor: Actor | null): actor is Actor => isEditor(actor);
/** Partners and staff: the people of the network's inner pages. */
export const isNetworkPerson = (actor: Actor | null): actor is Actor => !!actor && (actor.role === 'partner' || isStaff(actor));

const isMember = (s: GroupStanding) => s.membership?.state === 'member';

/**
 * A private group is invisible to everyone but its members, those invited and staff (404, not 403). Someone
 * who is not a partner sees a group only as its member (the family council's members in their private group).
 */
export function canSeeGroup(actor: Actor | null, s: GroupStanding): boolean {
  if (!isNetworkPerson(actor)) return !!actor && isMember(s);
  return s.access !== 'private' || isStaff(actor) || s.membership !== undefined;
}

/** Members write posts, upload documents and answer invitations. */
export const canContribute = (actor: Actor | null, s: GroupStanding): boolean => !!actor && (isStaff(actor) || isMember(s));

/** Leads (and staff) approve requests, invite, plan meetings, keep minutes and tasks. */
export const canLead = (actor: Actor | null, s: GroupStanding): boolean =>
  isNetworkPerson(actor) && (isStaff(actor) || (isMember(s) && s.membership?.role === 'lead'));

/** Who may read a document (and its files): public ones everyone, "all partners" every partner, "group" its members. */
export function canReadDocument(actor: Actor | null, visibility: NetworkVisibility, s: GroupStanding): boolean {
  if (visibility === 'public' && s.access !== 'private') return true;
  if (visibility === 'partners' && s.access !== 'private') return isNetworkPerson(actor);
  return canContribute(actor, s);
}

export function authorize(allowed: boolean): void {
  ensure(allowed);
}
