import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';
import { addDays, fromLocal, todayIn, weekdayOf } from '../../src/platform/time/berlin.js';
import { nrwPublicHolidaysBetween } from '../../src/modules/appointments/public-holidays.js';

/** The next working day (Monday–Friday, no NRW holiday) at least `ahead` days from today. */
export function nextWorkingDay(ahead = 2): string {
  let day = addDays(todayIn(), ahead);
  const holidays = nrwPublicHolidaysBetween(day, addDays(day, 30));
  while (weekdayOf(day) > 5 || holidays.has(day)) day = addDays(day, 1);
  return day;
}

export interface AppointmentSetup {
  serviceId: string;
  slug: string;
  locationId: string;
  counsellorIds: string[];
}

/** A location, a service and counsellors working 08:00–12:00 every weekday. */
export async function buildAppointmentSetup(
  t: TestApp,
  options: { counsellors?: number; duration?: number; audience?: 'anyone' | 'young' | 'invitation'; userIds?: (string | null)[] } = {},
): Promise<AppointmentSetup> {
  const db = t.deps.db;
  const slug = `beratung-${randomUUID().slice(0, 8)}`;
  const location = await db.insertInto('appointment_locations').values({ name: 'Testhaus', address: 'Teststraße 1' }).returning('id').executeTakeFirstOrThrow();
  const service = await db
    .insertInto('appointment_services')
    .values({
      slug,
      office: 'youth_career',
      name: 'Testberatung',
      duration_minutes: options.duration ?? 30,
      channel: 'in_person',
      audience: options.audience ?? 'anyone',
      question: null,
      min_notice_minutes: 60,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counsellorIds: string[] = [];
  for (let i = 0; i < (options.counsellors ?? 1); i += 1) {
    const c = await db
      .insertInto('appointment_counsellors')
      .values({ name: `Beraterin ${i + 1}`, user_id: options.userIds?.[i] ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    counsellorIds.push(c.id);
    await db.insertInto('appointment_counsellor_services').values({ counsellor_id: c.id, service_id: service.id }).execute();
    for (let weekday = 1; weekday <= 5; weekday += 1)
      await db
        .insertInto('appointment_patterns')
        .values({
          counsellor_id: c.id,
          location_id: location.id,
          weekday,
          starts: '08:00',
          ends: '12:00',
          valid_from: addDays(todayIn(), -1),
          valid_until: null,
        })
        .execute();
  }
  return { serviceId: service.id, slug, locationId: location.id, counsellorIds };
}

/** A booking row written straight into the table (for reminders and constraint tests). */
export async function insertRawBooking(
  t: TestApp,
  setup: AppointmentSetup,
  values: { start: Date; status?: 'held' | 'confirmed' | 'cancelled' | 'expired'; counsellor?: number; email?: string; confirmedAt?: Date; holdUntil?: Date },
) {
  const end = new Date(values.start.getTime() + 30 * 60_000);
  return t.deps.db
    .insertInto('appointment_bookings')
    .values({
      service_id: setup.serviceId,
      counsellor_id: setup.counsellorIds[values.counsellor ?? 0]!,
      location_id: setup.locationId,
      starts_at: values.start,
      ends_at: end,
      busy_from: values.start,
      busy_until: end,
      status: values.status ?? 'confirmed',
      hold_expires_at: values.status === 'held' ? (values.holdUntil ?? new Date(Date.now() + 30 * 60_000)) : null,
      name: 'Testperson',
      email: values.email ?? `p-${randomUUID().slice(0, 8)}@example.org`,
      locale: 'de',
      ical_uid: randomUUID(),
      confirmed_at: values.confirmedAt ?? (values.status === 'confirmed' || values.status === undefined ? new Date() : null),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export const at = (day: string, time: string) => fromLocal(day, time);
