import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { AppointmentAudience, AppointmentChannel, AppointmentOffice } from '../../db/tables/appointments.js';

/** What staff set for a service (the slug is made once, from the first name, and then stays). */
export interface ServiceValues {
  office: AppointmentOffice;
  name: string;
  description: string;
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  channel: AppointmentChannel;
  audience: AppointmentAudience;
  question: string | null;
  min_notice_minutes: number;
  window_days: number;
  active: boolean;
}

/** Every service, the inactive ones too (staff switch them off instead of deleting them). */
export function allServices(db: Executor) {
  return db.selectFrom('appointment_services').selectAll().orderBy('office').orderBy('name').execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('appointment_services').select('id').where('slug', '=', slug).executeTakeFirst());
}

export function insertService(db: Executor, values: ServiceValues & { slug: string }) {
  return db.insertInto('appointment_services').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateService(db: Executor, id: string, values: ServiceValues) {
  return db.updateTable('appointment_services').set(values).where('id', '=', id).returning('id').executeTakeFirst();
}

export function locationById(db: Executor, id: string) {
  return db.selectFrom('appointment_locations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLocation(db: Executor, values: { name: string; address: string }) {
  return db.insertInto('appointment_locations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateLocation(db: Executor, id: string, values: { name: string; address: string }) {
  return db.updateTable('appointment_locations').set(values).where('id', '=', id).returning('id').executeTakeFirst();
}

/** Counsellors with the e-mail address of a linked account (so the form can show it). */
export function counsellorsWithAccounts(db: Executor) {
  return db
    .selectFrom('appointment_counsellors as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.name', 'c.user_id', 'u.email as account_email'])
    .orderBy('c.name')
    .execute();
}

export function counsellorById(db: Executor, id: string) {
  return db
    .selectFrom('appointment_counsellors as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.name', 'c.user_id', 'u.email as account_email'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function userIdByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Another counsellor already linked to this account (an account is one counsellor at most). */
export function counsellorLinkedTo(db: Executor, userId: string, except: string | null) {
  let q = db.selectFrom('appointment_counsellors').select(['id', 'name']).where('user_id', '=', userId);
  if (except) q = q.where('id', '<>', except);
  return q.executeTakeFirst();
}

export function insertCounsellor(db: Executor, values: { name: string; user_id: string | null }) {
  return db.insertInto('appointment_counsellors').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateCounsellor(db: Executor, id: string, values: { name: string; user_id: string | null }) {
  return db.updateTable('appointment_counsellors').set(values).where('id', '=', id).returning('id').executeTakeFirst();
}

/** Replaces the services a counsellor gives. */
export async function setCounsellorServices(db: Executor, counsellorId: string, serviceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('appointment_counsellor_services').where('counsellor_id', '=', counsellorId).execute();
  if (serviceIds.length)
    await db
      .insertInto('appointment_counsellor_services')
      .values(serviceIds.map((service_id) => ({ counsellor_id: counsellorId, service_id })))
      .execute();
}

export function patternsOf(db: Executor, counsellorId: string) {
  return db
    .selectFrom('appointment_patterns as p')
    .innerJoin('appointment_locations as l', 'l.id', 'p.location_id')
    .selectAll('p')
    .select('l.name as location_name')
    .where('p.counsellor_id', '=', counsellorId)
    .orderBy('p.weekday')
    .orderBy('p.starts')
    .execute();
}

export function insertPattern(
  db: Executor,
  values: { counsellor_id: string; location_id: string; weekday: number; starts: string; ends: string; valid_from: string; valid_until: string | null },
) {
  return db.insertInto('appointment_patterns').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deletePattern(db: Executor, counsellorId: string, id: string) {
  return db.deleteFrom('appointment_patterns').where('id', '=', id).where('counsellor_id', '=', counsellorId).returning('id').executeTakeFirst();
}

/** The exceptions that still matter (ending after `from`), soonest first. */
export function exceptionsOf(db: Executor, counsellorId: string, from: Date) {
  return db
    .selectFrom('appointment_exceptions as e')
    .leftJoin('appointment_locations as l', 'l.id', 'e.location_id')
    .selectAll('e')
    .select('l.name as location_name')
    .where('e.counsellor_id', '=', counsellorId)
    .where('e.ends_at', '>', from)
    .orderBy('e.starts_at')
    .execute();
}

export function insertException(
  db: Executor,
  values: { counsellor_id: string; kind: 'absence' | 'extra'; location_id: string | null; starts_at: Date; ends_at: Date; note: string },
) {
  return db.insertInto('appointment_exceptions').values(values).returning('id').executeTakeFirstOrThrow();
}

export function deleteException(db: Executor, counsellorId: string, id: string) {
  return db.deleteFrom('appointment_exceptions').where('id', '=', id).where('counsellor_id', '=', counsellorId).returning('id').executeTakeFirst();
}

/** The counsellor's bookings from `from` on that a person holds (held or confirmed), with names for the page. */
export function futureBookingsOf(db: Executor, counsellorId: string, from: Date) {
  return db
    .selectFrom('appointment_bookings as b')
    .leftJoin('appointment_services as s', 's.id', 'b.service_id')
    .leftJoin('appointment_locations as l', 'l.id', 'b.location_id')
    .select([
      'b.id',
      'b.counsellor_id',
      'b.location_id',
      'b.service_id',
      'b.starts_at',
      'b.ends_at',
      'b.name',
      's.name as service_name',
      's.channel',
      'l.name as location_name',
    ])
    .where('b.counsellor_id', '=', counsellorId)
    .where('b.status', 'in', ['held', 'confirmed'])
    .where('b.starts_at', '>=', from)
    .where((eb) => eb.or([eb('b.status', '<>', 'held'), eb('b.hold_expires_at', '>', sql<Date>`now()`)]))
    .orderBy('b.starts_at')
    .limit(500)
    .execute();
}

/** The update lock on a counsellor that writing an absence takes (see insertBooking). */
export function lockCounsellor(db: Executor, counsellorId: string) {
  return db.selectFrom('appointment_counsellors').select('id').where('id', '=', counsellorId).forUpdate().execute();
}

export function patternRowsOf(db: Executor, counsellorId: string) {
  return db.selectFrom('appointment_patterns').selectAll().where('counsellor_id', '=', counsellorId).execute();
}

export function exceptionRowsFrom(db: Executor, counsellorId: string, from: Date) {
  return db.selectFrom('appointment_exceptions').selectAll().where('counsellor_id', '=', counsellorId).where('ends_at', '>', from).execute();
}
