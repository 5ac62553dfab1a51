import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/types.js';
import { offersPlaces } from '../places/index.js';
import { partTimeMeasures } from './employers.catalogue.js';
import type { EmployerData, EmployerFilters } from './employers.types.js';

/** Every query of the employers: published profiles, stories, self-checks, memberships. */

const profileColumns = [
  'employer_profiles.organization_id',
  'organizations.name',
  'employer_profiles.sector',
  'employer_profiles.size',
  'employer_profiles.districts',
  'employer_profiles.summary',
  'employer_profiles.measures',
  'employer_profiles.certificates',
  'employer_profiles.website',
  'employer_profiles.logo_id',
  'employer_profiles.contact_name',
  'employer_profiles.contact_email',
  'employer_profiles.contact_phone',
  sql<string>`employer_profiles.measures_confirmed_on::text`.as('measures_confirmed_on'),
  'employer_profiles.published_at',
  'employer_profiles.updated_at',
] as const;

function filtered(db: Executor, filters: EmployerFilters, today: string) {
  let q = db.selectFrom('employer_profiles').innerJoin('organizations', 'organizations.id', 'employer_profiles.organization_id');
  if (filters.measure) q = q.where('employer_profiles.measures', '@>', sql<string[]>`ARRAY[${filters.measure}]::text[]`);
  if (filters.sector) q = q.where('employer_profiles.sector', '=', filters.sector);
  if (filters.size) q = q.where('employer_profiles.size', '=', filters.size);
  if (filters.district) q = q.where('employer_profiles.districts', '@>', sql<string[]>`ARRAY[${filters.district}]::text[]`);
  if (filters.apprenticeships) q = q.where(offersPlaces('employer_profiles.organization_id', { kind: 'apprenticeship' }, today));
  if (filters.partTime)
    q = q.where((eb) =>
      eb.or([
        eb('employer_profiles.measures', '&&', sql<string[]>`ARRAY[${sql.join([...partTimeMeasures])}]::text[]`),
        offersPlaces('employer_profiles.organization_id', { partTime: true }, today),
      ]),
    );
  return q;
}

/** One page of published profiles that match the filters, by name, and how many match in all. */
export async function listProfiles(db: Executor, filters: EmployerFilters, today: string, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    filtered(db, filters, today)
      .select(profileColumns)
      .orderBy('organizations.name')
      .orderBy('employer_profiles.organization_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filters, today)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

export type ProfileRow = Awaited<ReturnType<typeof listProfiles>>['rows'][number];

export const findProfile = (db: Executor, organizationId: string) =>
  db
    .selectFrom('employer_profiles')
    .innerJoin('organizations', 'organizations.id', 'employer_profiles.organization_id')
    .select(profileColumns)
    .where('employer_profiles.organization_id', '=', organizationId)
    .executeTakeFirst();

/** Puts a version live (insert or replace), in the review workflow's transaction; a publication confirms the measures. */
export async function upsertProfile(trx: Transaction<DB>, organizationId: string, d: EmployerData, today: string): Promise<void> {
  const values = {
    sector: d.sector,
    size: d.size,
    districts: d.districts,
    summary: d.summary,
    measures: d.measures,
    certificates: JSON.stringify(d.certificates),
    website: d.website,
    logo_id: d.logo_id,
    contact_name: d.contact_name,
    contact_email: d.contact_email,
    contact_phone: d.contact_phone,
    measures_confirmed_on: today,
    confirm_reminder_sent_at: null,
    updated_at: new Date(),
  };
  await trx
    .insertInto('employer_profiles')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}

/** The measures are still right: a new confirmation date, the reminder pause starts over. */
export const confirmMeasures = (trx: Executor, organizationId: string, today: string) =>
  trx
    .updateTable('employer_profiles')
    .set({ measures_confirmed_on: today, confirm_reminder_sent_at: null })
    .where('organization_id', '=', organizationId)
    .returning('organization_id')
    .executeTakeFirst();

/** Search for the site search: name, short profile. */
export function searchProfiles(db: Executor, pattern: string, limit: number) {
  return db
    .selectFrom('employer_profiles')
    .innerJoin('organizations', 'organizations.id', 'employer_profiles.organization_id')
    .select(['employer_profiles.organization_id', 'organizations.name', 'employer_profiles.sector', 'employer_profiles.summary'])
    .where((eb) => eb.or([eb('organizations.name', 'ilike', pattern), eb('employer_profiles.summary', 'ilike', pattern)]))
    .orderBy('organizations.name')
    .limit(limit)
    .execute();
}

// Confirmation reminders ------------------------------------------------------------------------------

/** Profiles whose measures were last confirmed before `date` (yyyy-mm-dd). */
export const profilesConfirmedBefore = (db: Executor, date: string) =>
  db
    .selectFrom('employer_profiles')
    .innerJoin('organizations', 'organizations.id', 'employer_profiles.organization_id')
    .select([
      'employer_profiles.organization_id',
      'organizations.name',
      sql<string>`employer_profiles.measures_confirmed_on::text`.as('measures_confirmed_on'),
      'employer_profiles.published_at',
      'employer_profiles.confirm_reminder_sent_at',
    ])
    .where('employer_profiles.measures_confirmed_on', '<', date)
    .execute();

export const markReminded = (trx: Executor, organizationIds: string[], at: Date) =>
  trx.updateTable('employer_profiles').set({ confirm_reminder_sent_at: at }).where('organization_id', 'in', organizationIds).execute();

// Organisations and memberships -------------------------------------------------------------------

export const findOrganization = (db: Executor, id: string) =>
  db.selectFrom('organizations').select(['id', 'name', 'trusted']).where('id', '=', id).executeTakeFirst();

export const organizationsOf = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.trusted'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();

export const allOrganizations = (db: Executor) => db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute();

// The self-check ----------------------------------------------------------------------------------

/** Stores one anonymous self-check: the month and the answers, nothing else. */
export const insertSelfCheck = (db: Executor, row: { month: string; version: number; answers: number[] }) =>
  db.insertInto('employer_self_checks').values(row).execute();

export const selfCheckAnswers = (db: Executor, version: number) =>
  db.selectFrom('employer_self_checks').select('answers').where('version', '=', version).execute();

export const saveSelfCheckResult = (trx: Executor, organizationId: string, version: number, answers: number[]) =>
  trx
    .insertInto('employer_self_check_results')
    .values({ organization_id: organizationId, version, answers, saved_at: new Date() })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ version, answers, saved_at: new Date() }))
    .execute();

export const findSelfCheckResult = (db: Executor, organizationId: string) =>
  db.selectFrom('employer_self_check_results').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
