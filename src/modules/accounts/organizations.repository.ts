import type { Executor } from '../../db/executor.js';

/** Organisations and who belongs to them (`organizations`, `memberships`). */

export const listMemberships = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.kind', 'memberships.created_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();

export const addMembership = (db: Executor, userId: string, organizationId: string) =>
  db
    .insertInto('memberships')
    .values({ user_id: userId, organization_id: organizationId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const removeMembership = (db: Executor, userId: string, organizationId: string) =>
  db.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst();

export const listOrganizations = (db: Executor) => db.selectFrom('organizations').select(['id', 'name', 'kind']).orderBy('name').execute();

export const findOrganization = (db: Executor, id: string) =>
  db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();

export const insertOrganization = (db: Executor, name: string, kind: 'provider' | 'partner' | 'city') =>
  db.insertInto('organizations').values({ name, kind }).returning(['id', 'name', 'kind']).executeTakeFirstOrThrow();
