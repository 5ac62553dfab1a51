import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay } from '../../../test/support/appointments.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { isoWithOffset } from '../../platform/time/berlin.js';
import { cancelBooking } from './appointments.service.js';

const t = useTestApp();

const statusOf = async (id: string) =>
  (await t.deps.db.selectFrom('appointment_bookings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('staff calendar', () => {
  it('shows admins the day, counsellors only their own services, and nobody else anything', async () => {
    const counsellor = await signedInVisitor(t, 'partner');
    const mine = await buildAppointmentSetup(t, { userIds: [counsellor.user.id] });
    const other = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    await insertRawBooking(t, mine, { start: at(day, '09:00') });
    await t.deps.db.updateTable('appointment_bookings').set({ name: 'Mira Meine' }).where('service_id', '=', mine.serviceId).execute();
    await insertRawBooking(t, other, { start: at(day, '09:00') });
    await t.deps.db.updateTable('appointment_bookings').set({ name: 'Otto Fremd' }).where('service_id', '=', other.serviceId).execute();

    const admin = await signedInVisitor(t, 'admin');
    const all = await admin.visitor.get(`/verwaltung/termine?tag=${day}`);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Mira Meine');
    expect(all.body).toContain('Otto Fremd');
    const own = await counsellor.visitor.get(`/verwaltung/termine?tag=${day}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Mira Meine');
    expect(own.body).not.toContain('Otto Fremd');
    const family = await signedInVisitor(t, 'family');
    expect((await family.visitor.get(`/verwaltung/termine?tag=${day}`)).statusCode).toBe(403);
    expect((await family.visitor.get(`/verwaltung/termine.csv?von=${day}&bis=${day}`)).statusCode).toBe(403);
  });

  it('reads the day as TT.MM.JJJJ like ISO, and names a day it cannot read instead of quietly showing today', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay(4);
    await insertRawBooking(t, setup, { start: at(day, '11:00') });
    await t.deps.db.updateTable('appointment_bookings').set({ name: 'Tara Tagesfilter' }).where('service_id', '=', setup.serviceId).execute();
    const german = `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
    const admin = await signedInVisitor(t, 'admin');
    for (const typed of [day, german]) {
      const page = await admin.visitor.get(`/verwaltung/termine?tag=${typed}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Tara Tagesfilter');
      expect(page.body).toContain(`value="${german}"`);
      expect(page.body).toContain('Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');
      const csv = await admin.visitor.get(`/verwaltung/termine.csv?von=${typed}&bis=${typed}`);
      expect(csv.body).toContain('Tara Tagesfilter');
    }
    const bad = await admin.visitor.get('/verwaltung/termine?tag=31.02.2027');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Bitte prüfen Sie Ihre Angaben');
    expect(bad.body).toContain('„Tag“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
    expect(bad.body).toContain('value="31.02.2027"');
  });

  it('exports CSV with formulas defused, and records attendance', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay(3);
    const booking = await insertRawBooking(t, setup, { start: at(day, '10:00') });
    await t.deps.db.updateTable('appointment_bookings').set({ name: '=HYPERLINK("x")' }).where('id', '=', booking.id).execute();
    const admin = await signedInVisitor(t, 'admin');
    const csv = await admin.visitor.get(`/verwaltung/termine.csv?von=${day}&bis=${day}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`'=HYPERLINK(""x"")`);
    const page = `/verwaltung/termine?tag=${day}`;
    expect((await admin.visitor.submit(page, `/verwaltung/termine/${booking.id}/erschienen`, {})).statusCode).toBe(303);
    expect(await statusOf(booking.id)).toBe('attended');
    expect((await admin.visitor.submit(page, `/verwaltung/termine/${booking.id}/nicht-erschienen`, {})).statusCode).toBe(303);
    expect(await statusOf(booking.id)).toBe('no_show');
  });
});

describe('staff planning', () => {
  it('books for a caller with a phone number and no mail', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    const admin = await signedInVisitor(t, 'admin');
    const page = `/verwaltung/termine/planen?dienst=${setup.serviceId}`;
    const form = await admin.visitor.get(page);
    expect(form.statusCode).toBe(200);
    const zeit = `${isoWithOffset(at(day, '08:30'))}|${setup.locationId}`;
    expect(form.body).toContain(`value="${zeit}"`);
    const missing = await admin.visitor.submit(page, '/verwaltung/termine/anruf', { dienst: setup.serviceId, zeit, name: 'Frau Anrufer', telefon: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Geben Sie eine Telefonnummer für Rückfragen ein.');
    const booked = await admin.visitor.submit(page, '/verwaltung/termine/anruf', {
      dienst: setup.serviceId,
      zeit,
      name: 'Frau Anrufer',
      telefon: '02381 123456',
    });
    expect(booked.statusCode).toBe(303);
    const row = await t.deps.db.selectFrom('appointment_bookings').selectAll().where('service_id', '=', setup.serviceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'confirmed', on_behalf: 'caller', phone: '02381 123456', email: null, name: 'Frau Anrufer' });
    expect(row.booked_by).not.toBeNull();
  });

  it('blocks free time (the slot disappears) and refuses to block over a booking', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay(4);
    await insertRawBooking(t, setup, { start: at(day, '11:00') });
    const admin = await signedInVisitor(t, 'admin');
    const page = '/verwaltung/termine/planen';
    const refused = await admin.visitor.submit(page, '/verwaltung/termine/sperren', {
      berater: setup.counsellorIds[0]!,
      tag: day,
      von: '10:30',
      bis: '11:30',
      grund: 'Teamsitzung',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('In dieser Zeit gibt es schon Termine.');
    const blocked = await admin.visitor.submit(page, '/verwaltung/termine/sperren', {
      berater: setup.counsellorIds[0]!,
      tag: day,
      von: '08:00',
      bis: '09:00',
      grund: 'Teamsitzung',
    });
    expect(blocked.statusCode).toBe(303);
    const free = (await t.app.inject(`/api/v1/termine/dienste/${setup.serviceId}/freie-zeiten?von=${day}&bis=${day}`)).json<{ zeiten: { beginn: string }[] }>();
    expect(free.zeiten.map((z) => z.beginn)).not.toContain(isoWithOffset(at(day, '08:30')));
    expect(free.zeiten.map((z) => z.beginn)).toContain(isoWithOffset(at(day, '09:00')));

    // A mistyped block is lifted from the day view, and its time is free again.
    const calendar = await admin.visitor.get(`/verwaltung/termine?tag=${day}`);
    const lift = /action="(\/verwaltung\/termine\/[0-9a-f-]{36}\/freigeben)"/.exec(calendar.body)?.[1];
    expect(lift, 'the block has a button to lift it').toBeDefined();
    expect((await admin.visitor.submit(`/verwaltung/termine?tag=${day}`, lift!, {})).statusCode).toBe(303);
    const again = (await t.app.inject(`/api/v1/termine/dienste/${setup.serviceId}/freie-zeiten?von=${day}&bis=${day}`)).json<{
      zeiten: { beginn: string }[];
    }>();
    expect(again.zeiten.map((z) => z.beginn)).toContain(isoWithOffset(at(day, '08:30')));
  });

  it('moves an ill counsellor’s bookings to a colleague at the same time and tells the people', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay(5);
    const booking = await insertRawBooking(t, setup, { start: at(day, '09:30'), counsellor: 0, email: 'krank@example.org' });
    const admin = await signedInVisitor(t, 'admin');
    const done = await admin.visitor.submit('/verwaltung/termine/planen', '/verwaltung/termine/ausfall', {
      ausfallBerater: setup.counsellorIds[0]!,
      ausfallTag: day,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain('verschoben=1&abgesagt=0');
    expect(await statusOf(booking.id)).toBe('moved');
    const fresh = await t.deps.db
      .selectFrom('appointment_bookings')
      .selectAll()
      .where('service_id', '=', setup.serviceId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    expect(fresh.counsellor_id).toBe(setup.counsellorIds[1]);
    expect(fresh.starts_at.getTime()).toBe(at(day, '09:30').getTime());
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').select('subject').where('recipient', '=', 'krank@example.org').execute();
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Ihr Termin wurde verschoben')]);
  });

  it('keeps an unconfirmed hold unconfirmed when it moves away from an ill counsellor, and refuses a past day', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay(6);
    const held = await insertRawBooking(t, setup, { start: at(day, '10:00'), counsellor: 0, status: 'held', email: 'unbestaetigt@example.org' });
    const admin = await signedInVisitor(t, 'admin');
    const done = await admin.visitor.submit('/verwaltung/termine/planen', '/verwaltung/termine/ausfall', {
      ausfallBerater: setup.counsellorIds[0]!,
      ausfallTag: day,
    });
    expect(done.statusCode).toBe(303);
    const moved = await t.deps.db
      .selectFrom('appointment_bookings')
      .select(['status', 'counsellor_id', 'confirmed_at'])
      .where('service_id', '=', setup.serviceId)
      .where('id', '!=', held.id)
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ status: 'held', counsellor_id: setup.counsellorIds[1], confirmed_at: null });

    const past = await admin.visitor.submit('/verwaltung/termine/planen', '/verwaltung/termine/ausfall', {
      ausfallBerater: setup.counsellorIds[0]!,
      ausfallTag: '2020-01-06',
    });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Ein Ausfall lässt sich nur für heute oder einen späteren Tag eintragen.');
  });

  it('does not let a personal link cancel an appointment that is over', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 1 });
    const over = await insertRawBooking(t, setup, { start: new Date(Date.now() - 2 * 3_600_000) });
    expect(await cancelBooking(t.deps, over.id, null)).toBe('not_possible');
    expect(await statusOf(over.id)).toBe('confirmed');
  });
});
