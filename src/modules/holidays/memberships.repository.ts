import type { Executor } from '../../db/executor.js';

/** Queries of memberships in provider organisations: who manages which organisation's offers. */

export async function isMember(db: Executor, userId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).where('organization_id', '=', orgId).executeTakeFirst());
}

/** The organisations a user is a member of, by name. */
export function organizationsOf(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
}
