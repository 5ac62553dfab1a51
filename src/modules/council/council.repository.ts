import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { CouncilApplicationStatus, FamilySituation, ResultFollowUp } from '../../db/tables/council.js';

// Applications and members ------------------------------------------------------------------------

export interface NewApplication {
  name: string;
  email: string;
  phone: string | null;
  district: string;
  household_adults: number;
  household_children: number;
  locale: string;
  privacy_consent_at: Date;
  optional_consent_at: Date | null;
  family_situation: FamilySituation | null;
  home_languages: string | null;
  needs_interpreter: boolean | null;
  needs_childcare: boolean | null;
  link_key: string;
}

/** Inserts an application; null when this address already has an open application or membership. */
export async function insertApplication(db: Executor, application: NewApplication): Promise<string | null> {
  const row = await db
    .insertInto('council_applications')
    .values(application)
    .onConflict((oc) =>
      oc
        .expression(sql`lower(email)`)
        .where('status', 'in', ['received', 'accepted', 'reserve'])
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

const applicationColumns = [
  'id',
  'name',
  'email',
  'phone',
  'district',
  'household_adults',
  'household_children',
  'locale',
  'optional_consent_at',
  'family_situation',
  'home_languages',
  'needs_interpreter',
  'needs_childcare',
  'status',
  'term_until',
  'decided_at',
  'result_mails',
  'link_key',
  'created_at',
] as const;

export function listApplications(db: Executor, status?: CouncilApplicationStatus) {
  let query = db.selectFrom('council_applications').select(applicationColumns).orderBy('created_at');
  // Removed former members have nobody behind them any more: they are not listed.
  query = status ? query.where('status', '=', status) : query.where('status', '!=', 'removed');
  return query.execute();
}

export function findApplication(db: Executor, id: string) {
  return db.selectFrom('council_applications').select(applicationColumns).where('id', '=', id).executeTakeFirst();
}

export async function decideApplication(
  trx: Executor,
  id: string,
  decision: { status: CouncilApplicationStatus; term_until: string | null; decided_by: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('council_applications')
    .set({ status: decision.status, term_until: decision.term_until, decided_by: decision.decided_by, decided_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Members whose term runs today or later. */
export function currentMembers(db: Executor, today: string) {
  return db
    .selectFrom('council_applications')
    .select(applicationColumns)
    .where('status', '=', 'accepted')
    .where('term_until', '>=', today)
    .orderBy('name')
    .execute();
}

export async function findMemberByEmail(db: Executor, email: string, today: string) {
  return db
    .selectFrom('council_applications')
    .select(['id', 'name'])
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .where('status', '=', 'accepted')
    .where('term_until', '>=', today)
    .executeTakeFirst();
}

/** Members whose term has run out (or was ended early) and who are still on record: staff remove them. */
export function formerMembers(db: Executor, today: string) {
  return db
    .selectFrom('council_applications')
    .select(['id', 'name', 'district', 'term_until', 'status'])
    .where((eb) => eb.or([eb('status', '=', 'ended'), eb.and([eb('status', '=', 'accepted'), eb('term_until', '<', today)])]))
    .orderBy('term_until')
    .execute();
}

/** Ends a running term today: the member's links stop working, and the address may apply again. */
export async function endTerm(trx: Executor, id: string, today: string, lastDay: string): Promise<boolean> {
  const result = await trx
    .updateTable('council_applications')
    .set({ status: 'ended', term_until: lastDay })
    .where('id', '=', id)
    .where('status', '=', 'accepted')
    .where('term_until', '>=', today)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Removes a former member: name, address, phone and the optional answers are replaced, the needs of their
 * registrations go. The row stays without anybody behind it, so the participation figures keep counting
 * the workshops they attended.
 */
export async function removeFormerMember(trx: Executor, id: string, today: string, linkKey: string): Promise<boolean> {
  const result = await trx
    .updateTable('council_applications')
    .set({
      status: 'removed',
      name: '–',
      email: sql<string>`'entfernt-' || id || '@ungueltig.invalid'`,
      phone: null,
      optional_consent_at: null,
      family_situation: null,
      home_languages: null,
      needs_interpreter: null,
      needs_childcare: null,
      result_mails: false,
      link_key: linkKey,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '=', 'ended'), eb.and([eb('status', '=', 'accepted'), eb('term_until', '<', today)])]))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await trx
    .deleteFrom('council_needs')
    .where('registration_id', 'in', (eb) => eb.selectFrom('council_registrations').select('id').where('member_id', '=', id))
    .execute();
  return true;
}

/** Registrations still ahead (confirmed or waiting) of one member. */
export function upcomingRegistrationsOfMember(db: Executor, memberId: string, now: Date) {
  return db
    .selectFrom('council_registrations as r')
    .innerJoin('council_workshops as w', 'w.id', 'r.workshop_id')
    .select(['r.id', 'r.workshop_id'])
    .where('r.member_id', '=', memberId)
    .where('r.status', 'in', ['confirmed', 'waiting'])
    .where('w.starts_at', '>', now)
    .execute();
}

export async function setResultMails(db: Executor, memberId: string, on: boolean): Promise<void> {
  await db.updateTable('council_applications').set({ result_mails: on }).where('id', '=', memberId).execute();
}

// Workshops ---------------------------------------------------------------------------------------

export interface WorkshopInput {
  title: string;
  agenda: string;
  place: string;
  languages: string;
  starts_at: Date;
  ends_at: Date;
  registration_until: Date;
  capacity: number;
  childcare_places: number;
}

const workshopColumns = [
  'id',
  'title',
  'agenda',
  'place',
  'languages',
  'starts_at',
  'ends_at',
  'registration_until',
  'capacity',
  'childcare_places',
  'places_taken',
  'childcare_taken',
  'invited_at',
  'ical_uid',
  'report_discussed',
  'report_blind_spots',
  'report_ideas',
  'report_photo_id',
  'report_photo_alt',
  'report_published_at',
] as const;

export async function insertWorkshop(db: Executor, input: WorkshopInput): Promise<string> {
  return (await db.insertInto('council_workshops').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateWorkshop(db: Executor, id: string, input: WorkshopInput): Promise<void> {
  await db.updateTable('council_workshops').set(input).where('id', '=', id).execute();
}

export function listWorkshops(db: Executor) {
  return db.selectFrom('council_workshops').select(workshopColumns).orderBy('starts_at', 'desc').execute();
}

export function findWorkshop(db: Executor, id: string) {
  return db.selectFrom('council_workshops').select(workshopColumns).where('id', '=', id).executeTakeFirst();
}

/** Locks the workshop row: registrations, cancellations and moves up of one workshop take turns. */
export function lockWorkshop(trx: Executor, id: string) {
  return trx.selectFrom('council_workshops').select(workshopColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markInvited(trx: Executor, id: string): Promise<void> {
  await trx.updateTable('council_workshops').set({ invited_at: new Date() }).where('id', '=', id).execute();
}

export async function saveReport(
  trx: Executor,
  id: string,
  report: {
    report_discussed: string | null;
    report_blind_spots: string | null;
    report_ideas: string | null;
    report_photo_id?: string | null;
    report_photo_alt?: string | null;
  },
): Promise<void> {
  await trx.updateTable('council_workshops').set(report).where('id', '=', id).execute();
}

export async function setReportPublished(trx: Executor, id: string, published: boolean): Promise<void> {
  await trx
    .updateTable('council_workshops')
    .set({ report_published_at: published ? new Date() : null })
    .where('id', '=', id)
    .execute();
}

// Registrations -----------------------------------------------------------------------------------

export interface NeedsInput {
  childcare_ages: string | null;
  interpreter_language: string | null;
  step_free: boolean;
  dietary: string | null;
  travel_refund: boolean;
}

export async function insertRegistration(
  trx: Executor,
  registration: { workshop_id: string; member_id: string; persons: number; childcare_children: number; status: 'confirmed' | 'waiting'; link_key: string },
  needs: NeedsInput,
  deleteAfter: Date,
): Promise<string> {
  const { id } = await trx.insertInto('council_registrations').values(registration).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('council_needs')
    .values({ registration_id: id, ...needs, delete_after: deleteAfter })
    .execute();
  return id;
}

const registrationColumns = [
  'r.id',
  'r.workshop_id',
  'r.member_id',
  'r.persons',
  'r.childcare_children',
  'r.status',
  'r.queue_no',
  'r.attended',
  'r.link_key',
  'r.created_at',
  'm.name',
  'm.email',
  'm.locale',
  'm.district',
] as const;

export function findRegistration(db: Executor, id: string) {
  return db
    .selectFrom('council_registrations as r')
    .innerJoin('council_applications as m', 'm.id', 'r.member_id')
    .select(registrationColumns)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function activeRegistrationOf(db: Executor, workshopId: string, memberId: string) {
  return db
    .selectFrom('council_registrations as r')
    .innerJoin('council_applications as m', 'm.id', 'r.member_id')
    .select(registrationColumns)
    .where('r.workshop_id', '=', workshopId)
    .where('r.member_id', '=', memberId)
    .where('r.status', '<>', 'cancelled')
    .executeTakeFirst();
}

/** Registrations of a workshop with their needs, for the organising staff: confirmed first, then the waiting list in order. */
export function registrationsOf(db: Executor, workshopId: string) {
  return db
    .selectFrom('council_registrations as r')
    .innerJoin('council_applications as m', 'm.id', 'r.member_id')
    .leftJoin('council_needs as n', 'n.registration_id', 'r.id')
    .select([
      ...registrationColumns,
      'n.childcare_ages',
      'n.interpreter_language',
      'n.step_free',
      'n.dietary',
      'n.travel_refund',
      sql<string | null>`CASE WHEN r.status = 'waiting' THEN row_number() OVER (PARTITION BY r.status ORDER BY r.queue_no) END`.as('waiting_position'),
    ])
    .where('r.workshop_id', '=', workshopId)
    .where('r.status', '<>', 'cancelled')
    .orderBy(sql`r.status = 'waiting'`)
    .orderBy('r.queue_no')
    .execute();
}

/** Where a waiting registration stands: 1 for the next to move up. */
export async function waitingPosition(db: Executor, workshopId: string, queueNo: string): Promise<number> {
  const row = await db
    .selectFrom('council_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workshop_id', '=', workshopId)
    .where('status', '=', 'waiting')
    .where('queue_no', '<=', queueNo)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function firstWaiting(trx: Executor, workshopId: string) {
  return trx
    .selectFrom('council_registrations')
    .select(['id', 'persons', 'childcare_children'])
    .where('workshop_id', '=', workshopId)
    .where('status', '=', 'waiting')
    .orderBy('queue_no')
    .limit(1)
    .executeTakeFirst();
}

export async function setRegistrationStatus(trx: Executor, id: string, status: 'confirmed' | 'cancelled'): Promise<void> {
  await trx
    .updateTable('council_registrations')
    .set(status === 'confirmed' ? { status, promoted_at: new Date() } : { status, cancelled_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setAttendance(trx: Executor, workshopId: string, attended: ReadonlySet<string>): Promise<void> {
  await trx.updateTable('council_registrations').set({ attended: false }).where('workshop_id', '=', workshopId).where('status', '=', 'confirmed').execute();
  if (attended.size > 0)
    await trx
      .updateTable('council_registrations')
      .set({ attended: true })
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'confirmed')
      .where('id', 'in', [...attended])
      .execute();
}

/** Confirmed registrations of workshops starting within the window that got no reminder yet; claimed in one statement, so each is reminded once. */
export function claimDueReminders(trx: Executor, from: Date, until: Date) {
  return trx
    .updateTable('council_registrations as r')
    .from('council_workshops as w')
    .set({ reminder_sent_at: new Date() })
    .whereRef('w.id', '=', 'r.workshop_id')
    .where('r.status', '=', 'confirmed')
    .where('r.reminder_sent_at', 'is', null)
    .where('w.starts_at', '>', from)
    .where('w.starts_at', '<=', until)
    .returning(['r.id'])
    .execute();
}

/** Members who attended a workshop and want to hear what became of its results. */
export function attendeesToTell(trx: Executor, workshopId: string) {
  return trx
    .selectFrom('council_registrations as r')
    .innerJoin('council_applications as m', 'm.id', 'r.member_id')
    .select(['m.id', 'm.name', 'm.email', 'm.locale', 'm.link_key'])
    .where('r.workshop_id', '=', workshopId)
    .where('r.attended', '=', true)
    .where('m.result_mails', '=', true)
    .where('m.status', '=', 'accepted')
    .execute();
}

// Results -----------------------------------------------------------------------------------------

export function resultsOf(db: Executor, workshopIds: readonly string[]) {
  if (workshopIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('council_results')
    .select(['id', 'workshop_id', 'title', 'body', 'initiative_id', 'idea_id', 'follow_up', 'follow_up_note', 'updated_at'])
    .where('workshop_id', 'in', workshopIds)
    .orderBy('created_at')
    .execute();
}

export async function insertResult(
  trx: Executor,
  result: { workshop_id: string; title: string; body: string; initiative_id: string | null; idea_id: string | null },
): Promise<void> {
  await trx.insertInto('council_results').values(result).execute();
}

export async function updateFollowUp(
  trx: Executor,
  id: string,
  change: { follow_up: ResultFollowUp; follow_up_note: string | null; initiative_id: string | null; idea_id: string | null },
): Promise<{ workshop_id: string; title: string; before: ResultFollowUp } | undefined> {
  const before = await trx.selectFrom('council_results').select(['workshop_id', 'title', 'follow_up']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await trx
    .updateTable('council_results')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return { workshop_id: before.workshop_id, title: before.title, before: before.follow_up };
}

// Figures -----------------------------------------------------------------------------------------

/** Per past workshop: confirmed persons, attendance, and how many districts the attendees came from. */
export function participationFigures(db: Executor, until: Date) {
  return db
    .selectFrom('council_workshops as w')
    .leftJoin('council_registrations as r', (join) => join.onRef('r.workshop_id', '=', 'w.id').on('r.status', '=', 'confirmed'))
    .leftJoin('council_applications as m', 'm.id', 'r.member_id')
    .select([
      'w.id',
      'w.title',
      'w.starts_at',
      sql<string>`count(r.id)`.as('registrations'),
      sql<string>`count(r.id) FILTER (WHERE r.attended)`.as('attended'),
      sql<string>`count(DISTINCT m.district) FILTER (WHERE r.attended)`.as('districts'),
    ])
    .where('w.starts_at', '<=', until)
    .groupBy(['w.id', 'w.title', 'w.starts_at'])
    .orderBy('w.starts_at')
    .execute();
}

export function needsOf(db: Executor, registrationId: string) {
  return db
    .selectFrom('council_needs')
    .select(['childcare_ages', 'interpreter_language', 'step_free', 'dietary', 'travel_refund'])
    .where('registration_id', '=', registrationId)
    .executeTakeFirst();
}

/** Changes who comes and what they need; the trigger moves the workshop's counts (and refuses an overbooking). */
export async function changeRegistration(
  trx: Executor,
  id: string,
  change: { persons: number; childcare_children: number },
  needs: NeedsInput,
  deleteAfter: Date,
): Promise<void> {
  await trx.updateTable('council_registrations').set(change).where('id', '=', id).execute();
  await trx
    .insertInto('council_needs')
    .values({ registration_id: id, ...needs, delete_after: deleteAfter })
    .onConflict((oc) => oc.column('registration_id').doUpdateSet({ ...needs, delete_after: deleteAfter }))
    .execute();
}

/** Registrations still ahead (confirmed or waiting) of the member(s) with this address. */
export function upcomingRegistrationsOf(db: Executor, email: string, now: Date) {
  return db
    .selectFrom('council_registrations as r')
    .innerJoin('council_applications as m', 'm.id', 'r.member_id')
    .innerJoin('council_workshops as w', 'w.id', 'r.workshop_id')
    .select(['r.id', 'r.workshop_id', 'w.title', 'w.starts_at'])
    .where(sql<boolean>`lower(m.email) = lower(${email})`)
    .where('r.status', 'in', ['confirmed', 'waiting'])
    .where('w.starts_at', '>', now)
    .execute();
}

/** Workshops whose invitations went out and whose registration is still open. */
export function openInvitedWorkshops(db: Executor, now: Date) {
  return db
    .selectFrom('council_workshops')
    .select(workshopColumns)
    .where('invited_at', 'is not', null)
    .where('registration_until', '>', now)
    .orderBy('starts_at')
    .execute();
}
