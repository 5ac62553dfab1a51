import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';
import type { BookingStatus } from '../../db/tables/appointments.js';

/** The statuses that hold a counsellor's time: the same list as the exclusion constraint's predicate (migration 0015). */
export const timeHoldingStatuses: readonly BookingStatus[] = ['held', 'confirmed', 'attended', 'no_show', 'blocked'];

export function activeServices(db: Executor) {
  return db.selectFrom('appointment_services').selectAll().where('active', '=', true).orderBy('office').orderBy('name').execute();
}

export function serviceBySlug(db: Executor, slug: string) {
  return db.selectFrom('appointment_services').selectAll().where('slug', '=', slug).where('active', '=', true).executeTakeFirst();
}

export function serviceById(db: Executor, id: string) {
  return db.selectFrom('appointment_services').selectAll().where('id', '=', id).executeTakeFirst();
}

export function allLocations(db: Executor) {
  return db.selectFrom('appointment_locations').selectAll().orderBy('name').execute();
}

/** Everything the slot computation needs for one service between two instants: three queries. */
export async function planningOf(db: Executor, serviceId: string, from: Date, until: Date) {
  const counsellors = db.selectFrom('appointment_counsellor_services').select('counsellor_id').where('service_id', '=', serviceId);
  const [patterns, exceptions, busy] = await Promise.all([
    db.selectFrom('appointment_patterns').selectAll().where('counsellor_id', 'in', counsellors).execute(),
    db
      .selectFrom('appointment_exceptions')
      .selectAll()
      .where('counsellor_id', 'in', counsellors)
      .where('ends_at', '>', from)
      .where('starts_at', '<', until)
      .execute(),
    // A hold past its time no longer counts; the booking transaction marks it expired before it inserts.
    db
      .selectFrom('appointment_bookings')
      .select(['counsellor_id', 'busy_from', 'busy_until'])
      .where('counsellor_id', 'in', counsellors)
      .where('status', 'in', timeHoldingStatuses)
      .where((eb) => eb.or([eb('status', '<>', 'held'), eb('hold_expires_at', '>', sql<Date>`now()`)]))
      .where('busy_until', '>', from)
      .where('busy_from', '<', until)
      .execute(),
  ]);
  return { patterns, exceptions, busy };
}

export interface NewBooking {
  service_id: string;
  counsellor_id: string;
  location_id: string;
  starts_at: Date;
  ends_at: Date;
  busy_from: Date;
  busy_until: Date;
  status: 'held' | 'confirmed';
  hold_expires_at: Date | null;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
  answer: string | null;
  booked_by: string | null;
  on_behalf: 'caller' | 'pupil' | null;
  pupil_consent: boolean;
  ical_uid: string;
  ical_sequence?: number;
  confirmed_at: Date | null;
  push_endpoint?: string | null;
  push_p256dh?: string | null;
  push_auth?: string | null;
}

/**
 * The counsellor was reported absent after the free times were read. It answers like the exclusion
 * constraint (SQLSTATE 23P01), so every caller simply tries the next counsellor or says the slot is gone.
 */
export class CounsellorAbsent extends Error {
  readonly code = '23P01';
  constructor() {
    super('counsellor absent');
  }
}

/**
 * Inserts a booking (in the caller's transaction). First it takes a share lock on the counsellor and
 * looks for an absence over the time: reporting an absence takes the same row's update lock, so either
 * the absence is written first and seen here, or this booking commits first and the absence sees it.
 */
export async function insertBooking(db: Executor, values: NewBooking) {
  await db.selectFrom('appointment_counsellors').select('id').where('id', '=', values.counsellor_id).forShare().execute();
  const absent = await db
    .selectFrom('appointment_exceptions')
    .select('id')
    .where('counsellor_id', '=', values.counsellor_id)
    .where('kind', '=', 'absence')
    .where('starts_at', '<', values.ends_at)
    .where('ends_at', '>', values.starts_at)
    .executeTakeFirst();
  if (absent) throw new CounsellorAbsent();
  return db.insertInto('appointment_bookings').values(values).returning(['id', 'ical_uid', 'ical_sequence']).executeTakeFirstOrThrow();
}

/** A booking with the names a page or mail shows. */
function bookingQuery(db: Executor) {
  return db
    .selectFrom('appointment_bookings as b')
    .leftJoin('appointment_services as s', 's.id', 'b.service_id')
    .leftJoin('appointment_locations as l', 'l.id', 'b.location_id')
    .innerJoin('appointment_counsellors as c', 'c.id', 'b.counsellor_id')
    .selectAll('b')
    .select([
      's.name as service_name',
      's.slug as service_slug',
      's.channel as channel',
      's.office as office',
      'l.name as location_name',
      'l.address as location_address',
      'c.name as counsellor_name',
    ]);
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof bookingByIcalUid>>>;

/** The current booking of a calendar event: after moves, the one with the highest sequence. */
export function bookingByIcalUid(db: Executor, icalUid: string) {
  return bookingQuery(db).where('b.ical_uid', '=', icalUid).orderBy('b.ical_sequence', 'desc').limit(1).executeTakeFirst();
}

export function bookingById(db: Executor, id: string) {
  return bookingQuery(db).where('b.id', '=', id).executeTakeFirst();
}

/** Changes a booking's status only from the expected one; undefined when it was not in that status (a second click). */
export function changeStatus(
  db: Executor,
  id: string,
  from: readonly BookingStatus[],
  values: { status: BookingStatus; confirmed_at?: Date; cancelled_at?: Date; moved_to?: string },
) {
  return db.updateTable('appointment_bookings').set(values).where('id', '=', id).where('status', 'in', from).returning(['id', 'status']).executeTakeFirst();
}

/** Deletes a block (only a block: a booking is never deleted this way); false when there was none. */
export async function deleteBlock(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('appointment_bookings').where('id', '=', id).where('status', '=', 'blocked').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Staff's list: bookings and blocks between two instants, optionally narrowed to services, a location, a counsellor. */
export function bookingsBetween(
  db: Executor,
  filter: { from: Date; until: Date; serviceIds: readonly string[] | null; locationId?: string; counsellorId?: string; ownCounsellorId?: string },
) {
  let q = bookingQuery(db)
    .where('b.starts_at', '>=', filter.from)
    .where('b.starts_at', '<', filter.until)
    .where('b.status', 'in', ['held', 'confirmed', 'attended', 'no_show', 'blocked'])
    .orderBy('b.starts_at')
    .orderBy('c.name');
  if (filter.serviceIds) {
    const serviceIds = filter.serviceIds;
    const own = filter.ownCounsellorId;
    if (serviceIds.length === 0 && !own) return Promise.resolve([]);
    // A counsellor sees the bookings of their services and their own blocks (a block has no service).
    q = q.where((eb) =>
      eb.or([
        ...(serviceIds.length ? [eb('b.service_id', 'in', serviceIds)] : []),
        ...(own ? [eb.and([eb('b.counsellor_id', '=', own), eb('b.status', '=', 'blocked')])] : []),
      ]),
    );
  }
  if (filter.locationId) q = q.where('b.location_id', '=', filter.locationId);
  if (filter.counsellorId) q = q.where('b.counsellor_id', '=', filter.counsellorId);
  return q.execute();
}

export function counsellorOfUser(db: Executor, userId: string) {
  return db.selectFrom('appointment_counsellors').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
}

export async function servicesOfCounsellor(db: Executor, counsellorId: string): Promise<string[]> {
  const rows = await db.selectFrom('appointment_counsellor_services').select('service_id').where('counsellor_id', '=', counsellorId).execute();
  return rows.map((r) => r.service_id);
}

export function allCounsellors(db: Executor) {
  return db.selectFrom('appointment_counsellors').select(['id', 'name']).orderBy('name').execute();
}

/**
 * Claims the reminders that are due: confirmed bookings starting within the next 24 hours that were
 * confirmed at least a day before. The UPDATE marks them in the same statement that finds them, so two
 * runs at the same moment never claim one booking twice (the second waits for the row lock and then
 * sees reminder_sent_at set); a cancelled or moved booking is no longer 'confirmed' and never matches.
 */
export function claimDueReminders(db: Executor, limit = 500) {
  return db
    .updateTable('appointment_bookings')
    .set({ reminder_sent_at: sql<Date>`now()` })
    .where(
      'id',
      'in',
      db
        .selectFrom('appointment_bookings')
        .select('id')
        .where('status', '=', 'confirmed')
        .where('reminder_sent_at', 'is', null)
        .where('email', 'is not', null)
        .where('starts_at', '>', sql<Date>`now()`)
        .where('starts_at', '<=', sql<Date>`now() + interval '24 hours'`)
        .where('confirmed_at', '<=', sql<Date>`starts_at - interval '24 hours'`)
        .orderBy('starts_at')
        .limit(limit),
    )
    .where('status', '=', 'confirmed')
    .where('reminder_sent_at', 'is', null)
    .returning('id')
    .execute();
}

export function updateAttendance(db: Executor, id: string, status: 'attended' | 'no_show' | 'confirmed') {
  return db
    .updateTable('appointment_bookings')
    .set({ status })
    .where('id', '=', id)
    .where('status', 'in', ['confirmed', 'attended', 'no_show'])
    .returning('id')
    .executeTakeFirst();
}

export function setMovedTo(db: Executor, id: string, movedTo: string) {
  return db.updateTable('appointment_bookings').set({ moved_to: movedTo }).where('id', '=', id).execute();
}

/** A staff block: a row that holds the counsellor's time (the exclusion constraint refuses it over bookings). */
export function insertBlock(db: Executor, values: { counsellorId: string; from: Date; until: Date; note: string }) {
  return db
    .insertInto('appointment_bookings')
    .values({
      service_id: null,
      counsellor_id: values.counsellorId,
      location_id: null,
      starts_at: values.from,
      ends_at: values.until,
      busy_from: values.from,
      busy_until: values.until,
      status: 'blocked',
      name: values.note,
      email: null,
      locale: 'de',
      ical_uid: randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Writes an absence under the counsellor's update lock (see insertBooking), committed before it returns. */
export function insertAbsence(db: Kysely<DB>, values: { counsellorId: string; from: Date; until: Date; note: string }) {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('appointment_counsellors').select('id').where('id', '=', values.counsellorId).forUpdate().execute();
    return trx
      .insertInto('appointment_exceptions')
      .values({ counsellor_id: values.counsellorId, kind: 'absence', location_id: null, starts_at: values.from, ends_at: values.until, note: values.note })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
}

/** The counsellor's bookings that a person holds between two instants (held or confirmed). */
export function standingBookingsOf(db: Executor, counsellorId: string, from: Date, until: Date) {
  return bookingQuery(db)
    .where('b.counsellor_id', '=', counsellorId)
    .where('b.status', 'in', ['held', 'confirmed'])
    .where('b.starts_at', '>=', from)
    .where('b.starts_at', '<', until)
    .orderBy('b.starts_at')
    .execute();
}

export function addToWaitlist(db: Executor, values: { serviceId: string; date: string; name: string; email: string; locale: string }) {
  return db
    .insertInto('appointment_waitlist')
    .values({ service_id: values.serviceId, wanted_date: values.date, name: values.name, email: values.email, locale: values.locale })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The first person waiting for this service and day, locked so two offer jobs never take the same one. */
export function nextWaiting(db: Executor, serviceId: string, date: string) {
  return db
    .selectFrom('appointment_waitlist')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('wanted_date', '=', date)
    .where('status', '=', 'waiting')
    .orderBy('created_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export function markOffered(db: Executor, id: string, bookingId: string) {
  return db.updateTable('appointment_waitlist').set({ status: 'offered', offered_booking_id: bookingId }).where('id', '=', id).execute();
}

/** Expires the holds past their time and says which (service, day) pairs got a slot back. */
export async function expireHoldsReturning(db: Executor) {
  return db
    .updateTable('appointment_bookings')
    .set({ status: 'expired' })
    .where('status', '=', 'held')
    .where('hold_expires_at', '<=', sql<Date>`now()`)
    .returning(['id', 'service_id', 'starts_at'])
    .execute();
}

export function markWaitlistExpired(db: Executor, bookingIds: readonly string[]) {
  if (bookingIds.length === 0) return Promise.resolve();
  return db
    .updateTable('appointment_waitlist')
    .set({ status: 'expired' })
    .where('offered_booking_id', 'in', bookingIds)
    .where('status', '=', 'offered')
    .execute();
}

/** A browser's push subscription for the reminder 2 hours before: only on a confirmed booking not yet reminded by push. */
export function savePushSubscription(db: Executor, bookingId: string, values: { endpoint: string; p256dh: string; auth: string }) {
  return db
    .updateTable('appointment_bookings')
    .set({ push_endpoint: values.endpoint, push_p256dh: values.p256dh, push_auth: values.auth })
    .where('id', '=', bookingId)
    .where('status', '=', 'confirmed')
    .where('push_sent_at', 'is', null)
    .where('starts_at', '>', sql<Date>`now()`)
    .returning('id')
    .executeTakeFirst();
}

export function clearPushSubscription(db: Executor, bookingId: string) {
  return db.updateTable('appointment_bookings').set({ push_endpoint: null, push_p256dh: null, push_auth: null }).where('id', '=', bookingId).execute();
}

/**
 * Claims the push reminders that are due (confirmed bookings with a subscription, starting within the
 * next `leadMinutes`), marking them in the statement that finds them, exactly like claimDueReminders.
 */
export async function claimDuePushReminders(db: Executor, leadMinutes: number, limit = 500) {
  const claimed = await db
    .updateTable('appointment_bookings')
    .set({ push_sent_at: sql<Date>`now()` })
    .where(
      'id',
      'in',
      db
        .selectFrom('appointment_bookings')
        .select('id')
        .where('status', '=', 'confirmed')
        .where('push_endpoint', 'is not', null)
        .where('push_sent_at', 'is', null)
        .where('starts_at', '>', sql<Date>`now()`)
        .where('starts_at', '<=', sql<Date>`now() + make_interval(mins => ${leadMinutes})`)
        .orderBy('starts_at')
        .limit(limit),
    )
    .where('status', '=', 'confirmed')
    .where('push_sent_at', 'is', null)
    .returning(['id', 'service_id', 'starts_at', 'locale', 'ical_uid', 'push_endpoint', 'push_p256dh', 'push_auth'])
    .execute();
  if (claimed.length === 0) return [];
  const services = await db
    .selectFrom('appointment_services')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      claimed.map((c) => c.service_id ?? ''),
    )
    .execute();
  const names = new Map(services.map((s) => [s.id, s.name]));
  return claimed.map((c) => ({ ...c, service_name: c.service_id ? (names.get(c.service_id) ?? null) : null }));
}
