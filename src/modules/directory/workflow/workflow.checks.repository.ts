import { sql } from 'kysely';
import type { Executor } from '../../../db/executor.js';

/** What the daily check jobs read and mark: published services by check date, their members, the editors, the review queue. */

/** Published services last checked before `date` (a coarse filter; the jobs' pure functions decide). */
export const servicesCheckedBefore = (db: Executor, date: string) =>
  db
    .selectFrom('directory_services')
    .innerJoin('organizations', 'organizations.id', 'directory_services.organization_id')
    .select([
      'directory_services.id',
      'directory_services.name',
      'directory_services.organization_id',
      'organizations.name as organization_name',
      sql<string | null>`directory_services.assured_date::text`.as('assured_date'),
      'directory_services.published_at',
      'directory_services.check_reminder_sent_at',
      'directory_services.stale_flagged_at',
    ])
    .where(sql<boolean>`coalesce(directory_services.assured_date, (directory_services.published_at at time zone 'Europe/Berlin')::date) < ${date}::date`)
    .orderBy('organizations.name')
    .orderBy('directory_services.name')
    .execute();

export type CheckedServiceRow = Awaited<ReturnType<typeof servicesCheckedBefore>>[number];

/** Members of these organisations who can receive mail (confirmed address, not a family account). */
export const reachableMembers = (db: Executor, organizationIds: string[]) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale', 'memberships.organization_id'])
    .where('memberships.organization_id', 'in', organizationIds)
    .where('users.role', '!=', 'family')
    .where('users.email_confirmed_at', 'is not', null)
    .execute();

export async function markReminded(db: Executor, serviceIds: string[], at: Date): Promise<void> {
  await db.updateTable('directory_services').set({ check_reminder_sent_at: at }).where('id', 'in', serviceIds).execute();
}

export async function markStale(db: Executor, serviceIds: string[], at: Date): Promise<void> {
  await db.updateTable('directory_services').set({ stale_flagged_at: at }).where('id', 'in', serviceIds).execute();
}

/** Editors and admins with a confirmed address. */
export const confirmedEditors = (db: Executor) =>
  db.selectFrom('users').select(['email', 'locale']).where('role', 'in', ['editor', 'admin']).where('email_confirmed_at', 'is not', null).execute();

/** Every revision waiting for review, oldest submission first, with its organisation's name. */
export const waitingRevisions = (db: Executor) =>
  db
    .selectFrom('revisions as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'r.entity_type', 'r.data', 'r.submitted_at', 'o.name as organization_name'])
    .where('r.status', '=', 'in_review')
    .orderBy('r.submitted_at')
    .execute();
