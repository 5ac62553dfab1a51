import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay, type AppointmentSetup } from '../../../test/support/appointments.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { AppError } from '../../platform/http/errors.js';
import type * as Repository from './appointments.repository.js';
import { book, reportAbsence } from './appointments.service.js';

/**
 * The race: a booking whose free times were read before the absence was written is committed just after
 * reportAbsence read the counsellor's bookings. The hook below commits such a booking right after that
 * first read, as the other request would.
 */
const race = vi.hoisted(() => ({ afterFirstRead: null as null | (() => Promise<void>), stalePlanning: false }));
vi.mock('./appointments.repository.js', async (importOriginal) => {
  const real = await importOriginal<typeof Repository>();
  return {
    ...real,
    // A read from just before the absence was written: the same planning without the exceptions.
    planningOf: async (...args: Parameters<typeof real.planningOf>) => {
      const planning = await real.planningOf(...args);
      return race.stalePlanning ? { ...planning, exceptions: [] } : planning;
    },
    standingBookingsOf: async (...args: Parameters<typeof real.standingBookingsOf>) => {
      const rows = await real.standingBookingsOf(...args);
      const hook = race.afterFirstRead;
      race.afterFirstRead = null;
      if (hook) await hook();
      return rows;
    },
  };
});

const t = useTestApp();

const standingWith = (setup: AppointmentSetup, counsellor: number) =>
  t.deps.db
    .selectFrom('appointment_bookings')
    .select(['id', 'email', 'starts_at'])
    .where('counsellor_id', '=', setup.counsellorIds[counsellor]!)
    .where('status', 'in', ['held', 'confirmed'])
    .execute();

describe('reporting an absence while someone books', () => {
  it('also moves a booking that lands after the bookings were read, and tells that person', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay(5);
    await insertRawBooking(t, setup, { start: at(day, '09:00'), counsellor: 0, email: 'frueh@example.org' });
    race.afterFirstRead = async () => {
      await insertRawBooking(t, setup, { start: at(day, '10:30'), counsellor: 0, email: 'spaet@example.org' });
    };
    const admin = await signedInVisitor(t, 'admin');
    const done = await admin.visitor.submit('/verwaltung/termine/planen', '/verwaltung/termine/ausfall', {
      ausfallBerater: setup.counsellorIds[0]!,
      ausfallTag: day,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain('verschoben=2&abgesagt=0');
    expect(await standingWith(setup, 0)).toEqual([]);
    const colleague = await standingWith(setup, 1);
    expect(colleague.map((b) => [b.email, b.starts_at.getTime()]).sort()).toEqual([
      ['frueh@example.org', at(day, '09:00').getTime()],
      ['spaet@example.org', at(day, '10:30').getTime()],
    ]);
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').select('subject').where('recipient', '=', 'spaet@example.org').execute();
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Ihr Termin wurde verschoben')]);
  });

  it('does not give an absent counsellor a booking whose free times were read before the absence', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 1 });
    const day = nextWorkingDay(5);
    const admin = await signedInVisitor(t, 'admin');
    await reportAbsence(t.deps, { ...admin.user, displayName: admin.user.display_name }, setup.counsellorIds[0]!, day);
    race.stalePlanning = true;
    try {
      const late = book(
        t.deps,
        { serviceId: setup.serviceId, start: at(day, '09:00'), locationId: setup.locationId, name: 'Zu spät', email: 'zuspaet@example.org', locale: 'de' },
        null,
      );
      await expect(late).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'slot_taken');
    } finally {
      race.stalePlanning = false;
    }
    expect(await standingWith(setup, 0)).toEqual([]);
  });
});
