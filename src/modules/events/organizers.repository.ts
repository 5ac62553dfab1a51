import type { Executor } from '../../db/executor.js';
import type { OrganizerMembership } from './events.policy.js';

/** Organisations that run events, their members, and the editors' blocks on publishing directly. */

/** The provider/partner organisations a user belongs to (none for a visitor who is not signed in). */
export async function organizerMemberships(db: Executor, userId: string | null): Promise<OrganizerMembership[]> {
  if (!userId) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('event_publishing_blocks as b', 'b.organization_id', 'o.id')
    .select(['o.id', 'o.name', 'b.organization_id as blocked'])
    .where('m.user_id', '=', userId)
    .where('o.kind', 'in', ['provider', 'partner'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ organizationId: r.id, name: r.name, publishesDirectly: r.blocked === null }));
}

/** Organisations that may run events (providers, partners and the city), by name. */
export function listOrganizers(db: Executor) {
  return db.selectFrom('organizations').select(['id', 'name']).where('kind', 'in', ['provider', 'partner', 'city']).orderBy('name').execute();
}

/** Providers and partners, each with whether it may no longer publish directly. */
export async function listPublishingRights(db: Executor) {
  const rows = await db
    .selectFrom('organizations as o')
    .leftJoin('event_publishing_blocks as b', 'b.organization_id', 'o.id')
    .select(['o.id', 'o.name', 'b.organization_id as blocked'])
    .where('o.kind', 'in', ['provider', 'partner'])
    .orderBy('o.name')
    .execute();
  return rows.map((o) => ({ id: o.id, name: o.name, blocked: o.blocked !== null }));
}

export function findOrganization(db: Executor, id: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Gives an organisation back its right to publish without review. */
export async function restorePublishing(db: Executor, organizationId: string): Promise<void> {
  await db.deleteFrom('event_publishing_blocks').where('organization_id', '=', organizationId).execute();
}

/** Sends an organisation's new events to review (idempotent). */
export async function blockPublishing(db: Executor, organizationId: string, blockedBy: string): Promise<void> {
  await db
    .insertInto('event_publishing_blocks')
    .values({ organization_id: organizationId, blocked_by: blockedBy })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
}
