import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { formatCivilDate, storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { addDays, fromLocal, todayIn, toLocal } from '../../platform/time/berlin.js';
import { appointmentMessages } from './appointments.messages.js';
import {
  bookingById,
  bookingByIcalUid,
  changeStatus,
  claimDueReminders,
  deleteBlock,
  insertBooking,
  planningOf,
  setMovedTo,
  serviceById,
  type BookingView,
  type NewBooking,
  addToWaitlist,
  expireHoldsReturning,
  markOffered,
  markWaitlistExpired,
  nextWaiting,
  insertAbsence,
  insertBlock,
  standingBookingsOf,
  updateAttendance,
} from './appointments.repository.js';
import { appointmentIcs } from '../../platform/mail/ics.js';
import { nrwPublicHolidaysBetween } from './public-holidays.js';
import { busyRangeOf, freeSlots, isRepeatedClockTime, type Slot, type SlotRules } from './slots.js';

export type AppointmentService = NonNullable<Awaited<ReturnType<typeof serviceById>>>;

/** How long an unconfirmed booking keeps its slot. */
export const holdMinutes = 30;

export const rulesOf = (s: AppointmentService): SlotRules => ({
  durationMinutes: s.duration_minutes,
  bufferBeforeMinutes: s.buffer_before_minutes,
  bufferAfterMinutes: s.buffer_after_minutes,
  minNoticeMinutes: s.min_notice_minutes,
  windowDays: s.window_days,
});

/** Free slots of a service between two Berlin dates: one read of patterns, exceptions and bookings, then pure computation. */
export async function availability(deps: Pick<AppDeps, 'db'>, service: AppointmentService, from: string, to: string, now = new Date()): Promise<Slot[]> {
  const today = todayIn(now);
  const first = from < today ? today : from;
  const lastAllowed = addDays(today, service.window_days);
  const last = to > lastAllowed ? lastAllowed : to;
  if (last < first) return [];
  const start = fromLocal(addDays(first, -1));
  const end = fromLocal(addDays(last, 2));
  const planning = await planningOf(deps.db, service.id, start, end);
  return freeSlots({
    rules: rulesOf(service),
    ...workingTimes(planning),
    busy: planning.busy.map((b) => ({ counsellorId: b.counsellor_id, from: b.busy_from, until: b.busy_until })),
    closedDays: nrwPublicHolidaysBetween(first, last),
    now,
    from: first,
    to: last,
  });
}

/** The counsellors' weekly patterns and exceptions as freeSlots reads them. */
function workingTimes(planning: Awaited<ReturnType<typeof planningOf>>) {
  return {
    patterns: planning.patterns.map((p) => ({
      counsellorId: p.counsellor_id,
      locationId: p.location_id,
      weekday: p.weekday,
      starts: p.starts,
      ends: p.ends,
      validFrom: p.valid_from,
      validUntil: p.valid_until,
    })),
    exceptions: planning.exceptions.map((e) => ({
      counsellorId: e.counsellor_id,
      kind: e.kind,
      locationId: e.location_id,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
    })),
  };
}

export interface BookingInput {
  serviceId: string;
  start: Date;
  locationId: string;
  name: string;
  email: string | null;
  phone?: string | null;
  answer?: string | null;
  onBehalf?: 'caller' | 'pupil' | null;
  pupilConsent?: boolean;
  locale: Locale;
}

const isExclusionViolation = (error: unknown) => (error as { code?: string }).code === '23P01';

/** The free slot a request names, or a field error saying why it is not bookable. */
async function slotFor(deps: Pick<AppDeps, 'db'>, service: AppointmentService, start: Date, locationId: string, locale: Locale, now: Date): Promise<Slot> {
  const t = appointmentMessages(locale);
  const date = toLocal(start).date;
  if (start.getTime() < now.getTime() + service.min_notice_minutes * 60_000) throw fieldError({ slot: t('slot.past') });
  if (date > addDays(todayIn(now), service.window_days)) throw fieldError({ slot: t('slot.outside') });
  const slots = await availability(deps, service, date, date, now);
  const slot = slots.find((s) => s.start.getTime() === start.getTime() && s.locationId === locationId);
  if (slot) return slot;
  // Not free: either it never was a slot (a made-up time) or someone else has it now.
  const unbooked = await availabilityIgnoringBookings(deps, service, date, now);
  if (unbooked.some((s) => s.start.getTime() === start.getTime() && s.locationId === locationId)) throw new AppError('slot_taken', t('slot.gone'));
  throw fieldError({ slot: t('slot.outside') });
}

async function availabilityIgnoringBookings(deps: Pick<AppDeps, 'db'>, service: AppointmentService, date: string, now: Date) {
  const planning = await planningOf(deps.db, service.id, fromLocal(addDays(date, -1)), fromLocal(addDays(date, 2)));
  return freeSlots({
    rules: rulesOf(service),
    ...workingTimes(planning),
    busy: [],
    closedDays: nrwPublicHolidaysBetween(date, date),
    now,
    from: date,
    to: date,
  });
}

const fieldError = (fields: FieldErrors) => new AppError('validation_failed', Object.values(fields)[0] ?? '', { fields });

/**
 * Books a slot. The exclusion constraint decides: each free counsellor of the slot is tried in its own
 * short transaction; a 23P01 (someone else got that counsellor a moment earlier) moves on to the next,
 * and when none is left the answer is 409 slot_taken. Without an account the booking is held for 30
 * minutes and a mail asks to confirm it; with an account (or booked by staff) it is confirmed at once.
 */
export async function book(deps: AppDeps, input: BookingInput, actor: Actor | null, options: { staff?: boolean; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const t = appointmentMessages(input.locale);
  const service = await serviceById(deps.db, input.serviceId);
  if (!service || !service.active) throw new AppError('not_found', 'Termin nicht gefunden');
  if (service.audience === 'invitation' && !options.staff) throw fieldError({ slot: t('slot.invitation') });
  // Staff booking for a caller may take a slot at short notice.
  const slot = await slotFor(deps, options.staff ? { ...service, min_notice_minutes: 0 } : service, input.start, input.locationId, input.locale, now);
  const range = busyRangeOf(rulesOf(service), slot.start);
  // Lapsed holds free their slots here too, and pass them on to the waiting list as the expiry job does.
  await expireHoldsAndOffer(deps);
  const confirmAtOnce = !!actor;
  const email = input.email ?? (options.staff ? null : (actor?.email ?? null));
  // The counsellor with the fewest bookings goes first would need another read; rotate by time instead.
  const order = [...slot.counsellorIds].sort();
  const offset = Math.floor(slot.start.getTime() / 60_000) % order.length;
  const candidates = [...order.slice(offset), ...order.slice(0, offset)];
  const icalUid = randomUUID();
  const token = linkToken(deps, icalUid);
  for (const counsellorId of candidates) {
    const values: NewBooking = {
      service_id: service.id,
      counsellor_id: counsellorId,
      location_id: slot.locationId,
      starts_at: slot.start,
      ends_at: range.end,
      busy_from: range.from,
      busy_until: range.until,
      status: confirmAtOnce ? 'confirmed' : 'held',
      hold_expires_at: confirmAtOnce ? null : new Date(now.getTime() + holdMinutes * 60_000),
      name: input.name,
      email,
      phone: input.phone ?? null,
      locale: input.locale,
      answer: input.answer ?? null,
      booked_by: actor && (options.staff || input.onBehalf) ? actor.id : null,
      on_behalf: input.onBehalf ?? null,
      pupil_consent: input.pupilConsent ?? false,
      ical_uid: icalUid,
      confirmed_at: confirmAtOnce ? now : null,
    };
    try {
      const id = await deps.db.transaction().execute(async (trx) => {
        const row = await insertBooking(trx, values);
        const booking = await bookingById(trx, row.id);
        if (booking?.email) await sendBookingMail(deps, trx, booking, confirmAtOnce ? 'confirmed' : 'hold', now);
        if (actor)
          await recordAudit(trx, {
            actorId: actor.id,
            action: 'appointments.booked',
            subjectType: 'appointment_booking',
            subjectId: row.id,
            details: { service: service.name },
          });
        return row.id;
      });
      return { id, token, status: values.status, start: slot.start, end: range.end, locationId: slot.locationId, holdExpiresAt: values.hold_expires_at };
    } catch (error) {
      if (isExclusionViolation(error)) continue;
      throw error;
    }
  }
  throw new AppError('slot_taken', t('slot.gone'));
}

export type ManageOutcome = 'confirmed' | 'already_confirmed' | 'expired' | 'cancelled' | 'not_possible';

/**
 * The personal link's token: the booking's calendar UID, signed. It stays valid through moves (the UID
 * travels with the booking) and needs nothing stored; a changed character fails the signature.
 */
export const linkToken = (deps: Pick<AppDeps, 'config'>, icalUid: string) => `${icalUid}.${hmac(deps.config.sessionSecret, `appointment-link:${icalUid}`)}`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function bookingByToken(deps: Pick<AppDeps, 'db' | 'config'>, token: string): Promise<BookingView | undefined> {
  const uid = token.slice(0, 36);
  if (!uuid.test(uid) || !safeEqual(token, linkToken(deps, uid))) return Promise.resolve(undefined);
  return bookingByIcalUid(deps.db, uid);
}

/** The link in the hold mail: confirms once; a second click is told it was done already, and no second mail goes out. */
export async function confirmBooking(deps: AppDeps, token: string, now = new Date()): Promise<{ outcome: ManageOutcome; booking?: BookingView }> {
  const booking = await bookingByToken(deps, token);
  if (!booking) return { outcome: 'not_possible' };
  if (booking.status === 'confirmed') return { outcome: 'already_confirmed', booking };
  if (booking.status !== 'held') return { outcome: booking.status === 'expired' ? 'expired' : 'not_possible', booking };
  if (booking.hold_expires_at && booking.hold_expires_at <= now) {
    await expireHoldsAndOffer(deps);
    return { outcome: 'expired', booking };
  }
  const changed = await deps.db.transaction().execute(async (trx) => {
    const row = await changeStatus(trx, booking.id, ['held'], { status: 'confirmed', confirmed_at: now });
    if (!row) return false;
    const fresh = await bookingById(trx, booking.id);
    if (fresh) await sendBookingMail(deps, trx, fresh, 'confirmed', now);
    return true;
  });
  const fresh = await bookingById(deps.db, booking.id);
  return { outcome: changed ? 'confirmed' : 'already_confirmed', booking: fresh };
}

/** Cancels through the personal link (or by staff); a confirmed booking's calendar entry is withdrawn with METHOD:CANCEL. */
export async function cancelBooking(deps: AppDeps, bookingId: string, actor: Actor | null, now = new Date()): Promise<ManageOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const booking = await bookingById(trx, bookingId);
    if (!booking) return 'not_possible';
    // Through the personal link only before the appointment: afterwards staff record attendance or a no-show.
    if (!actor && booking.starts_at <= now) return 'not_possible';
    const row = await changeStatus(trx, booking.id, ['held', 'confirmed'], { status: 'cancelled', cancelled_at: now });
    if (!row) return 'not_possible';
    if (booking.service_id) await slotFreed(deps, trx, booking.service_id, booking.starts_at);
    if (booking.status === 'confirmed' && booking.email)
      await sendBookingMail(deps, trx, { ...booking, ical_sequence: booking.ical_sequence + 1 }, 'cancelled', now);
    if (actor)
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'appointments.cancelled',
        subjectType: 'appointment_booking',
        subjectId: booking.id,
        details: { service: booking.service_name ?? '' },
      });
    return 'cancelled';
  });
}

/**
 * Moves a booking to another free slot in one transaction: the old row becomes 'moved' (leaving the
 * constraint) and the new one is inserted confirmed with the same calendar UID, a higher SEQUENCE and
 * the same personal link. If the new slot is taken meanwhile, everything rolls back: the old booking stays.
 */
export async function moveBooking(
  deps: AppDeps,
  booking: BookingView,
  target: { start: Date; locationId: string },
  actor: Actor | null,
  now = new Date(),
  options: { byStaff?: boolean } = {},
): Promise<{ id: string }> {
  const locale = storedLocale(booking.locale);
  const t = appointmentMessages(locale);
  if (!['held', 'confirmed'].includes(booking.status) || !booking.service_id) throw new AppError('conflict', t('link.invalid.text'));
  if (!actor && booking.starts_at <= now) throw new AppError('conflict', t('link.invalid.text'));
  const service = await serviceById(deps.db, booking.service_id);
  if (!service) throw new AppError('not_found', 'Termin nicht gefunden');
  // Staff moving bookings away from an ill counsellor may use the next free time at short notice.
  const slot = await slotFor(deps, options.byStaff ? { ...service, min_notice_minutes: 0 } : service, target.start, target.locationId, locale, now);
  const range = busyRangeOf(rulesOf(service), slot.start);
  await expireHoldsAndOffer(deps);
  // A person who moves their own booking by the link confirms it; a move by staff leaves an unconfirmed hold unconfirmed.
  const keepsHold = !!options.byStaff && booking.status === 'held';
  for (const counsellorId of slot.counsellorIds) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const old = await changeStatus(trx, booking.id, ['held', 'confirmed'], { status: 'moved' });
        if (!old) throw new AppError('conflict', t('link.invalid.text'));
        await slotFreed(deps, trx, service.id, booking.starts_at);
        const row = await insertBooking(trx, {
          service_id: service.id,
          counsellor_id: counsellorId,
          location_id: slot.locationId,
          starts_at: slot.start,
          ends_at: range.end,
          busy_from: range.from,
          busy_until: range.until,
          status: keepsHold ? 'held' : 'confirmed',
          hold_expires_at: keepsHold ? booking.hold_expires_at : null,
          name: booking.name,
          email: booking.email,
          phone: booking.phone,
          locale: booking.locale,
          answer: booking.answer,
          booked_by: booking.booked_by,
          on_behalf: booking.on_behalf,
          pupil_consent: booking.pupil_consent,
          ical_uid: booking.ical_uid,
          ical_sequence: booking.ical_sequence + 1,
          confirmed_at: keepsHold ? null : (booking.confirmed_at ?? now),
          // The push reminder the person asked for follows the appointment to its new time.
          push_endpoint: booking.push_endpoint,
          push_p256dh: booking.push_p256dh,
          push_auth: booking.push_auth,
        });
        await setMovedTo(trx, booking.id, row.id);
        const fresh = await bookingById(trx, row.id);
        if (fresh?.email) await sendBookingMail(deps, trx, fresh, 'moved', now);
        if (actor)
          await recordAudit(trx, {
            actorId: actor.id,
            action: 'appointments.moved',
            subjectType: 'appointment_booking',
            subjectId: row.id,
            details: { service: service.name },
          });
        return { id: row.id };
      });
    } catch (error) {
      if (isExclusionViolation(error)) continue;
      throw error;
    }
  }
  throw new AppError('slot_taken', t('slot.gone'));
}

type MailKind = 'hold' | 'offer' | 'confirmed' | 'moved' | 'cancelled' | 'reminder';

/** "Dienstag, 3. November 2026, 09:30 Uhr" and friends, always in Berlin time, in the person's language. */
export function whenText(start: Date, locale: Locale): { date: string; time: string } {
  const local = toLocal(start);
  const t = appointmentMessages(locale);
  const repeated = isRepeatedClockTime(start);
  const summer = start.getTime() === fromLocal(local.date, local.time).getTime();
  const time = t(repeated ? (summer ? 'time.summer' : 'time.winter') : 'time.plain', { time: local.time });
  return { date: formatCivilDate(local.date, locale), time };
}

async function sendBookingMail(deps: AppDeps, trx: Transaction<DB>, booking: BookingView, kind: MailKind, now: Date): Promise<void> {
  if (!booking.email) return;
  const locale = storedLocale(booking.locale);
  const t = appointmentMessages(locale);
  const when = whenText(booking.starts_at, locale);
  const whenLine = t('mail.when', when);
  const where =
    booking.channel === 'phone'
      ? t('mail.where.phone')
      : booking.channel === 'video'
        ? t('mail.where.video')
        : [booking.location_name, booking.location_address].filter(Boolean).join(', ');
  const service = booking.service_name ?? '';
  const base = deps.config.publicUrl;
  const link = kind === 'cancelled' ? `${base}/termine/${booking.service_slug ?? ''}` : `${base}/termine/buchung?token=${linkToken(deps, booking.ical_uid)}`;
  const vars = { name: booking.name, service, when: whenLine, where, link, date: when.date };
  const calendar =
    kind === 'confirmed' || kind === 'moved' || kind === 'cancelled'
      ? {
          method: kind === 'cancelled' ? ('CANCEL' as const) : ('REQUEST' as const),
          content: appointmentIcs({
            uid: `${booking.ical_uid}@familienrathaus`,
            sequence: booking.ical_sequence,
            method: kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
            start: booking.starts_at,
            end: booking.ends_at,
            summary: service,
            description: where,
            location: booking.channel === 'in_person' ? where : t(`channel.${booking.channel ?? 'in_person'}`),
            organizerEmail: deps.city.familyOffice.email,
            organizerName: deps.city.portalName,
            attendeeEmail: booking.email,
            attendeeName: booking.name,
            now,
          }),
        }
      : undefined;
  await deps.mail.enqueue(trx, {
    to: booking.email,
    subject: t(`mail.${kind}.subject`, vars),
    text: t(`mail.${kind}.text`, vars),
    headers: { 'Content-Language': locale },
    calendar,
  });
}

export const reminderJob = 'appointments.reminders';
export const expireHoldsJob = 'appointments.expire-holds';

/** Sends the reminders that are due, each exactly once (see claimDueReminders); safe to run twice at the same time. */
export async function sendDueReminders(deps: AppDeps, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const count = await deps.db.transaction().execute(async (trx) => {
      const claimed = await claimDueReminders(trx);
      for (const { id } of claimed) {
        const booking = await bookingById(trx, id);
        if (!booking) continue;
        await sendBookingMail(deps, trx, booking, 'reminder', now);
      }
      return claimed.length;
    });
    sent += count;
    if (count === 0) return sent;
  }
}

/** Staff mark a booking attended or missed (or back), with an audit entry. */
export async function markAttendance(deps: AppDeps, actor: Actor, booking: BookingView, status: 'attended' | 'no_show'): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await updateAttendance(trx, booking.id, status);
    if (row)
      await recordAudit(trx, {
        actorId: actor.id,
        action: `appointments.${status}`,
        subjectType: 'appointment_booking',
        subjectId: booking.id,
        details: { service: booking.service_name ?? '' },
      });
  });
}

/** Staff block a counsellor's time; refused (as a field error) where the counsellor already has bookings. */
export async function blockTime(
  deps: AppDeps,
  actor: Actor,
  input: { counsellorId: string; from: Date; until: Date; note: string },
  overlapMessage: string,
): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const row = await insertBlock(trx, input);
      await recordAudit(trx, { actorId: actor.id, action: 'appointments.blocked', subjectType: 'appointment_booking', subjectId: row.id, details: {} });
    });
  } catch (error) {
    if (isExclusionViolation(error)) throw fieldError({ start: overlapMessage });
    throw error;
  }
}

/** Lifts a block (a mistyped one, or a meeting that was called off): it is deleted, its time is free again at once. */
export async function unblockTime(deps: AppDeps, actor: Actor, blockId: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deleteBlock(trx, blockId))) return false;
    await recordAudit(trx, { actorId: actor.id, action: 'appointments.unblocked', subjectType: 'appointment_booking', subjectId: blockId, details: {} });
    return true;
  });
}

/**
 * A counsellor is ill for a day: the day becomes an absence, and each of their bookings goes to another
 * counsellor at the same time and place, or else to the next free time of the same service; only when
 * there is none is it cancelled. Every person is told by mail (moved with the new time, or cancelled).
 */
export async function reportAbsence(
  deps: AppDeps,
  actor: Actor,
  counsellorId: string,
  day: string,
  now = new Date(),
): Promise<{ moved: number; cancelled: number }> {
  const from = fromLocal(day);
  const until = fromLocal(addDays(day, 1));
  await insertAbsence(deps.db, { counsellorId, from, until, note: 'Ausfall' });
  let moved = 0;
  let cancelled = 0;
  // A booking whose free times were read just before the absence was written can land after the read
  // below: the day is read again after every round of moves until nothing new stands with this counsellor.
  const seen = new Set<string>();
  for (;;) {
    const bookings = (await standingBookingsOf(deps.db, counsellorId, from, until)).filter((b) => !seen.has(b.id));
    if (bookings.length === 0) break;
    for (const booking of bookings) seen.add(booking.id);
    const outcome = await moveAwayFromAbsence(deps, actor, bookings, now);
    moved += outcome.moved;
    cancelled += outcome.cancelled;
  }
  return { moved, cancelled };
}

/** Moves each booking to a colleague at the same time or the next free time; cancels it when there is none. */
async function moveAwayFromAbsence(deps: AppDeps, actor: Actor, bookings: BookingView[], now: Date): Promise<{ moved: number; cancelled: number }> {
  let moved = 0;
  let cancelled = 0;
  for (const booking of bookings) {
    // A hold that lapsed is no appointment: the expiry passes its slot on, nobody is told of a move.
    if (booking.status === 'held' && booking.hold_expires_at && booking.hold_expires_at <= now) continue;
    const service = booking.service_id ? await serviceById(deps.db, booking.service_id) : undefined;
    if (!service) continue;
    const free = await availability(
      deps,
      { ...service, min_notice_minutes: 0 },
      toLocal(booking.starts_at).date,
      addDays(toLocal(booking.starts_at).date, 14),
      now,
    );
    const sameTime = free.find((s) => s.start.getTime() === booking.starts_at.getTime() && s.locationId === booking.location_id);
    const candidates = [
      sameTime,
      ...free.filter((s) => s.start > booking.starts_at && s.locationId === booking.location_id),
      ...free.filter((s) => s.start > booking.starts_at),
    ].filter((s): s is Slot => !!s);
    let done = false;
    for (const slot of candidates.slice(0, 5)) {
      try {
        await moveBooking(deps, booking, { start: slot.start, locationId: slot.locationId }, actor, now, { byStaff: true });
        moved += 1;
        done = true;
        break;
      } catch (error) {
        if (error instanceof AppError && (error.code === 'slot_taken' || error.code === 'validation_failed')) continue;
        throw error;
      }
    }
    if (!done && (await cancelBooking(deps, booking.id, actor, now)) === 'cancelled') cancelled += 1;
  }
  return { moved, cancelled };
}

export const offerFreedJob = 'appointments.offer-freed';
/** How long a slot offered from the waiting list is held for the person. */
export const offerHoldMinutes = 120;

/** A slot of this day became free: the waiting list gets a chance (a job, in the same transaction). */
async function slotFreed(deps: AppDeps, trx: Transaction<DB>, serviceId: string, start: Date): Promise<void> {
  await deps.jobs.send(trx, offerFreedJob, { serviceId, date: toLocal(start).date });
}

/** Puts a person on the waiting list of a service for one day within the booking window. */
export async function joinWaitlist(
  deps: AppDeps,
  input: { serviceId: string; date: string; name: string; email: string; locale: Locale },
  outsideMessage: string,
  now = new Date(),
) {
  const service = await serviceById(deps.db, input.serviceId);
  if (!service || !service.active || service.audience === 'invitation') throw new AppError('not_found', 'Termin nicht gefunden');
  const today = todayIn(now);
  if (input.date < today || input.date > addDays(today, service.window_days)) throw fieldError({ tag: outsideMessage });
  await addToWaitlist(deps.db, input);
}

/**
 * Offers the first free slot of a day to the first person waiting for it: the slot is held for them for
 * two hours (a held booking, so the exclusion constraint keeps it theirs) and a mail asks them to confirm.
 * Run as a job whenever a slot of that day frees; when the hold lapses, the expiry job runs it again.
 */
export async function offerFreedSlot(deps: AppDeps, serviceId: string, date: string, now = new Date()): Promise<boolean> {
  const service = await serviceById(deps.db, serviceId);
  if (!service || !service.active) return false;
  const slots = await availability(deps, service, date, date, now);
  for (const slot of slots) {
    const range = busyRangeOf(rulesOf(service), slot.start);
    for (const counsellorId of slot.counsellorIds) {
      try {
        const offered = await deps.db.transaction().execute(async (trx) => {
          const person = await nextWaiting(trx, serviceId, date);
          if (!person) return 'nobody' as const;
          const row = await insertBooking(trx, {
            service_id: service.id,
            counsellor_id: counsellorId,
            location_id: slot.locationId,
            starts_at: slot.start,
            ends_at: range.end,
            busy_from: range.from,
            busy_until: range.until,
            status: 'held',
            hold_expires_at: new Date(now.getTime() + offerHoldMinutes * 60_000),
            name: person.name,
            email: person.email,
            phone: null,
            locale: person.locale,
            answer: null,
            booked_by: null,
            on_behalf: null,
            pupil_consent: false,
            ical_uid: randomUUID(),
            confirmed_at: null,
          });
          await markOffered(trx, person.id, row.id);
          const booking = await bookingById(trx, row.id);
          if (booking) await sendBookingMail(deps, trx, booking, 'offer', now);
          return 'offered' as const;
        });
        return offered === 'offered';
      } catch (error) {
        if (isExclusionViolation(error)) continue;
        throw error;
      }
    }
  }
  return false;
}

/** The expiry job: lapsed holds free their slots, lapsed waiting-list offers pass on to the next person. */
export async function expireHoldsAndOffer(deps: AppDeps): Promise<number> {
  const expired = await deps.db.transaction().execute(async (trx) => {
    const rows = await expireHoldsReturning(trx);
    await markWaitlistExpired(
      trx,
      rows.map((r) => r.id),
    );
    const days = new Set(rows.filter((r) => r.service_id).map((r) => `${r.service_id}|${toLocal(r.starts_at).date}`));
    for (const key of days) {
      const [serviceId = '', date = ''] = key.split('|');
      await deps.jobs.send(trx, offerFreedJob, { serviceId, date });
    }
    return rows.length;
  });
  return expired;
}
