import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay } from '../../../test/support/appointments.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { cancelBooking, expireHoldsAndOffer } from './appointments.service.js';

const t = useTestApp();

const waiting = (serviceId: string) =>
  t.deps.db
    .selectFrom('appointment_waitlist')
    .select(['email', 'status', 'offered_booking_id'])
    .where('service_id', '=', serviceId)
    .orderBy('created_at')
    .execute();
const mailsTo = (address: string) => t.deps.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', address).execute();

describe('waiting list', () => {
  it('offers a freed slot to the first person waiting for that day, and passes it on when the hold lapses', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay(3);
    const bookings = [];
    for (const time of ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'])
      bookings.push(await insertRawBooking(t, setup, { start: at(day, time) }));
    const page = `/termine/${setup.slug}`;
    const first = new Visitor(() => t.app);
    const second = new Visitor(() => t.app);
    expect((await first.submit(page, `${page}/warteliste`, { tag: day, name: 'Erste', email: 'erste@example.org' })).statusCode).toBe(303);
    expect((await second.submit(page, `${page}/warteliste`, { tag: day, name: 'Zweite', email: 'zweite@example.org' })).statusCode).toBe(303);

    await cancelBooking(t.deps, bookings[2]!.id, null);
    await t.runJobs();
    const [offer] = await mailsTo('erste@example.org');
    expect(offer!.subject).toBe('Ein Termin ist für Sie frei geworden: Testberatung');
    expect(offer!.text_body).toMatch(/\/termine\/buchung\?token=/);
    expect((await waiting(setup.serviceId)).map((w) => w.status)).toEqual(['offered', 'waiting']);
    expect(await mailsTo('zweite@example.org')).toHaveLength(0);

    // The first person does not confirm in time: the slot goes to the second.
    const held = (await waiting(setup.serviceId))[0]!.offered_booking_id!;
    await t.deps.db
      .updateTable('appointment_bookings')
      .set({ hold_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', held)
      .execute();
    expect(await expireHoldsAndOffer(t.deps)).toBe(1);
    await t.runJobs();
    expect((await waiting(setup.serviceId)).map((w) => w.status)).toEqual(['expired', 'offered']);
    expect(await mailsTo('zweite@example.org')).toHaveLength(1);
  });

  it('takes only days within the booking window, with the values kept', async () => {
    const setup = await buildAppointmentSetup(t);
    const page = `/termine/${setup.slug}`;
    const res = await new Visitor(() => t.app).submit(page, `${page}/warteliste`, { tag: addDays(todayIn(), 400), name: 'Späte', email: 'spaet@example.org' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Wählen Sie einen Tag zwischen heute und den nächsten 60 Tagen.');
    expect(res.body).toContain('value="spaet@example.org"');
  });
});
