import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, type FieldErrors } from '../../platform/http/errors.js';
import { addDays, todayIn, toLocal } from '../../platform/time/berlin.js';
import { nrwPublicHolidaysBetween } from './public-holidays.js';
import {
  counsellorLinkedTo,
  deleteException,
  deletePattern,
  futureBookingsOf,
  insertCounsellor,
  insertException,
  insertLocation,
  insertPattern,
  insertService,
  lockCounsellor,
  patternRowsOf,
  exceptionRowsFrom,
  setCounsellorServices,
  slugTaken,
  updateCounsellor,
  updateLocation,
  updateService,
  userIdByEmail,
  type ServiceValues,
} from './settings.repository.js';
import { outsideWorkingTime } from './slots.js';

const fieldError = (fields: FieldErrors) => new AppError('validation_failed', Object.values(fields)[0] ?? '', { fields });

/** A web address part from a service's first name: "Familienbüro: Elterngeld" → "familienbuero-elterngeld". */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'dienst';
}

/** Creates (id null) or changes a service; the address (slug) is made once and stays, so links keep working. */
export async function saveService(deps: AppDeps, actor: Actor, id: string | null, values: ServiceValues): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    let savedId = id;
    if (id) {
      if (!(await updateService(trx, id, values))) throw new AppError('not_found', 'Dienst nicht gefunden');
    } else {
      const base = slugOf(values.name);
      let slug = base;
      for (let n = 2; await slugTaken(trx, slug); n += 1) slug = `${base}-${n}`;
      savedId = (await insertService(trx, { ...values, slug })).id;
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: id ? 'appointments.service_changed' : 'appointments.service_created',
      subjectType: 'appointment_service',
      subjectId: savedId!,
      details: { name: values.name },
    });
    return savedId!;
  });
}

export async function saveLocation(deps: AppDeps, actor: Actor, id: string | null, values: { name: string; address: string }): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const row = id ? await updateLocation(trx, id, values) : await insertLocation(trx, values);
    if (!row) throw new AppError('not_found', 'Ort nicht gefunden');
    await recordAudit(trx, {
      actorId: actor.id,
      action: id ? 'appointments.location_changed' : 'appointments.location_created',
      subjectType: 'appointment_location',
      subjectId: row.id,
      details: { name: values.name },
    });
    return row.id;
  });
}

/**
 * Creates or changes a counsellor: name, the services they give, and optionally the account that signs
 * in as them (an existing account, by e-mail address; one counsellor per account).
 */
export async function saveCounsellor(
  deps: AppDeps,
  actor: Actor,
  id: string | null,
  values: { name: string; accountEmail: string | null; serviceIds: string[] },
  messages: { unknownAccount: string; accountTaken: (name: string) => string },
): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    let userId: string | null = null;
    if (values.accountEmail) {
      const user = await userIdByEmail(trx, values.accountEmail);
      if (!user) throw fieldError({ konto: messages.unknownAccount });
      const other = await counsellorLinkedTo(trx, user.id, id);
      if (other) throw fieldError({ konto: messages.accountTaken(other.name) });
      userId = user.id;
    }
    const row = id
      ? await updateCounsellor(trx, id, { name: values.name, user_id: userId })
      : await insertCounsellor(trx, { name: values.name, user_id: userId });
    if (!row) throw new AppError('not_found', 'Beratung nicht gefunden');
    await setCounsellorServices(trx, row.id, values.serviceIds);
    await recordAudit(trx, {
      actorId: actor.id,
      action: id ? 'appointments.counsellor_changed' : 'appointments.counsellor_created',
      subjectType: 'appointment_counsellor',
      subjectId: row.id,
      details: { name: values.name },
    });
    return row.id;
  });
}

export interface PatternInput {
  locationId: string;
  weekday: number;
  starts: string;
  ends: string;
  validFrom: string;
  validUntil: string | null;
}

export async function addPattern(deps: AppDeps, actor: Actor, counsellor: { id: string; name: string }, input: PatternInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await insertPattern(trx, {
      counsellor_id: counsellor.id,
      location_id: input.locationId,
      weekday: input.weekday,
      starts: input.starts,
      ends: input.ends,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'appointments.pattern_added',
      subjectType: 'appointment_counsellor',
      subjectId: counsellor.id,
      details: { name: counsellor.name, pattern: row.id },
    });
  });
}

export async function removePattern(deps: AppDeps, actor: Actor, counsellor: { id: string; name: string }, patternId: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deletePattern(trx, counsellor.id, patternId))) return false;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'appointments.pattern_removed',
      subjectType: 'appointment_counsellor',
      subjectId: counsellor.id,
      details: { name: counsellor.name },
    });
    return true;
  });
}

/** Absence or extra hours. An absence is written under the counsellor's lock, as reporting an absence is (see insertBooking). */
export async function addException(
  deps: AppDeps,
  actor: Actor,
  counsellor: { id: string; name: string },
  input: { kind: 'absence' | 'extra'; locationId: string | null; from: Date; until: Date; note: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await lockCounsellor(trx, counsellor.id);
    await insertException(trx, {
      counsellor_id: counsellor.id,
      kind: input.kind,
      location_id: input.kind === 'extra' ? input.locationId : null,
      starts_at: input.from,
      ends_at: input.until,
      note: input.note,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: input.kind === 'absence' ? 'appointments.absence_added' : 'appointments.extra_hours_added',
      subjectType: 'appointment_counsellor',
      subjectId: counsellor.id,
      details: { name: counsellor.name },
    });
  });
}

export async function removeException(deps: AppDeps, actor: Actor, counsellor: { id: string; name: string }, exceptionId: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deleteException(trx, counsellor.id, exceptionId))) return false;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'appointments.exception_removed',
      subjectType: 'appointment_counsellor',
      subjectId: counsellor.id,
      details: { name: counsellor.name },
    });
    return true;
  });
}

export type OutsideBooking = Awaited<ReturnType<typeof futureBookingsOf>>[number];

/**
 * The counsellor's coming bookings that lie outside their working time now (after a pattern was changed
 * or removed, or an absence entered). Such a booking still stands: staff are shown it to move it.
 */
export async function bookingsOutsideWorkingTime(deps: Pick<AppDeps, 'db'>, counsellorId: string, now = new Date()): Promise<OutsideBooking[]> {
  const bookings = await futureBookingsOf(deps.db, counsellorId, now);
  if (bookings.length === 0) return [];
  const last = toLocal(bookings[bookings.length - 1]!.starts_at).date;
  const [patterns, exceptions] = await Promise.all([patternRowsOf(deps.db, counsellorId), exceptionRowsFrom(deps.db, counsellorId, now)]);
  const outside = new Set(
    outsideWorkingTime(
      bookings.map((b) => ({ id: b.id, counsellorId: b.counsellor_id, locationId: b.location_id, start: b.starts_at, end: b.ends_at })),
      {
        patterns: patterns.map((p) => ({
          counsellorId: p.counsellor_id,
          locationId: p.location_id,
          weekday: p.weekday,
          starts: p.starts,
          ends: p.ends,
          validFrom: p.valid_from,
          validUntil: p.valid_until,
        })),
        exceptions: exceptions.map((e) => ({
          counsellorId: e.counsellor_id,
          kind: e.kind,
          locationId: e.location_id,
          startsAt: e.starts_at,
          endsAt: e.ends_at,
        })),
        closedDays: nrwPublicHolidaysBetween(addDays(todayIn(now), -1), last),
      },
    ).map((b) => b.id),
  );
  return bookings.filter((b) => outside.has(b.id));
}
