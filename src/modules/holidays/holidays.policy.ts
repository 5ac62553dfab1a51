import { type Actor, isAdmin, isEditor } from '../../platform/auth/roles.js';

/**
 * Who may do what in the holidays module. Editors run seasons (phases, review of offers, the
 * dashboard); only admins commit to a seed and run the lottery. Members of a provider organisation
 * manage its offers and see its participants; editors may manage any organisation's offers but see
 * no participants (the lists hold children's needs); admins see everything. Parents act only for
 * their own children and places.
 */

/** Create seasons, switch phases, review offers, read the dashboard and its exports. */
export const canManageSeasons = (actor: Actor | null): boolean => isEditor(actor);

/** Publish the seed hash, preview and confirm the lottery run. */
export const canRunLottery = (actor: Actor | null): boolean => isAdmin(actor);

/** Enter, change and cancel offers of an organisation (`member`: the actor belongs to it). */
export const canManageOffers = (actor: Actor, member: boolean): boolean => isEditor(actor) || member;

/** See an offer's participants with their needs and emergency contacts (`member`: of the offer's organisation). */
export const canSeeParticipants = (actor: Actor, member: boolean): boolean => isAdmin(actor) || member;

/** A child, its wish list and its places belong to the parent account that registered it. */
export const isParentOf = (actor: Actor, child: { parent_id: string }): boolean => child.parent_id === actor.id;
