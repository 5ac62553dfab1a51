import type { KyselyPlugin, QueryResult, UnknownRow } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay, type AppointmentSetup } from '../../../test/support/appointments.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { AppError } from '../../platform/http/errors.js';
import { book, reportAbsence } from './appointments.service.js';

const t = useTestApp();

/** A database whose query results pass through `after` first: the moment another request gets in between. */
function dbWith(after: (rows: UnknownRow[]) => Promise<UnknownRow[]>) {
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args): Promise<QueryResult<UnknownRow>> => ({ ...args.result, rows: await after(args.result.rows) }),
  };
  return { ...t.deps, db: t.deps.db.withPlugin(plugin) };
}

const standingWith = (setup: AppointmentSetup, counsellor: number) =>
  t.deps.db
    .selectFrom('appointment_bookings')
    .select(['id', 'email', 'starts_at'])
    .where('counsellor_id', '=', setup.counsellorIds[counsellor]!)
    .where('status', 'in', ['held', 'confirmed'])
    .execute();

const actorOf = (user: { id: string; role: 'admin'; email: string; display_name: string }) => ({ ...user, displayName: user.display_name });

describe('reporting an absence while someone books', () => {
  it('also moves a booking that lands just after the bookings were read, and tells that person', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay(5);
    await insertRawBooking(t, setup, { start: at(day, '09:00'), counsellor: 0, email: 'frueh@example.org' });
    // The first read of the day's bookings returns; before the moves start, another request commits a booking
    // it had checked before the absence was written.
    // (The result arrives while the first read still holds the connection, so the booking queues up for the next one.)
    let raced: Promise<unknown> | undefined;
    const deps = dbWith(async (rows) => {
      if (!raced && rows.some((r) => r.email === 'frueh@example.org' && 'counsellor_name' in r))
        raced = insertRawBooking(t, setup, { start: at(day, '10:30'), counsellor: 0, email: 'spaet@example.org' });
      return rows;
    });
    const admin = await signedInVisitor(t, 'admin');
    const outcome = await reportAbsence(deps, actorOf({ ...admin.user, role: 'admin' }), setup.counsellorIds[0]!, day);
    expect(raced).toBeDefined();
    await raced;
    expect(outcome).toEqual({ moved: 2, cancelled: 0 });
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
    await reportAbsence(t.deps, actorOf({ ...admin.user, role: 'admin' }), setup.counsellorIds[0]!, day);
    // A read from just before the absence: the free times are computed without the exceptions.
    const stale = dbWith(async (rows) => rows.filter((r) => !('kind' in r && 'note' in r)));
    const late = book(
      stale,
      { serviceId: setup.serviceId, start: at(day, '09:00'), locationId: setup.locationId, name: 'Zu spät', email: 'zuspaet@example.org', locale: 'de' },
      null,
    );
    await expect(late).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'slot_taken');
    expect(await standingWith(setup, 0)).toEqual([]);
  });
});
