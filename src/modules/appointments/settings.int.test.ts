import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay } from '../../../test/support/appointments.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { addDays, isoWithOffset, todayIn, weekdayOf } from '../../platform/time/berlin.js';
import { describeAuditEntry } from '../admin/index.js';

const t = useTestApp();
const base = '/verwaltung/termine/einstellungen';

const freeTimes = async (serviceId: string, day: string) =>
  (await t.app.inject(`/api/v1/termine/dienste/${serviceId}/freie-zeiten?von=${day}&bis=${day}`))
    .json<{ zeiten: { beginn: string }[] }>()
    .zeiten.map((z) => z.beginn);

const auditSentences = async (actorId: string) =>
  (await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('actor_id', '=', actorId).orderBy('id').execute()).map((r) =>
    describeAuditEntry(r.action, r.details, 'de'),
  );

describe('setting up appointments', () => {
  it('lets an admin create a place, a service and a counsellor with working hours, which then show as free times', async () => {
    const { visitor: admin, user } = await signedInVisitor(t, 'admin');
    const place = await admin.submit(`${base}/orte/neu`, `${base}/orte/neu`, { name: 'Familienbüro Mitte', adresse: 'Theodor-Heuss-Platz 16' });
    expect(place.statusCode).toBe(303);
    const placeId = /orte\/([0-9a-f-]{36})/.exec(place.headers.location as string)![1]!;

    const service = {
      name: 'Elterngeld-Beratung',
      stelle: 'family_office',
      dauer: '45',
      pufferVorher: '0',
      pufferNachher: '15',
      art: 'in_person',
      zielgruppe: 'anyone',
      frage: 'Wann wurde Ihr Kind geboren?',
      vorlauf: '2',
      zeitraum: '30',
      buchbar: 'ja',
    };
    const bad = await admin.submit(`${base}/dienste/neu`, `${base}/dienste/neu`, { ...service, dauer: '900', art: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Dauer in Minuten“: Geben Sie eine ganze Zahl von 5 bis 480 ein.');
    expect(bad.body).toContain('Wählen Sie bei „Art des Termins“ eine Antwort aus.');
    expect(bad.body).toContain('value="Elterngeld-Beratung"');
    const created = await admin.submit(`${base}/dienste/neu`, `${base}/dienste/neu`, service);
    expect(created.statusCode).toBe(303);
    const serviceId = /dienste\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const stored = await t.deps.db.selectFrom('appointment_services').selectAll().where('id', '=', serviceId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ slug: 'elterngeld-beratung', duration_minutes: 45, buffer_after_minutes: 15, min_notice_minutes: 120, window_days: 30 });

    const counsellor = await admin.submit(`${base}/beratende/neu`, `${base}/beratende/neu`, { name: 'Frau Sommer', [`dienst-${serviceId}`]: 'ja' });
    expect(counsellor.statusCode).toBe(303);
    const counsellorId = /beratende\/([0-9a-f-]{36})/.exec(counsellor.headers.location as string)![1]!;
    const page = `${base}/beratende/${counsellorId}`;
    const day = nextWorkingDay(3);
    const fields = { wochentag: String(weekdayOf(day)), ort: placeId, von: '09:00', bis: '12:00', gueltigAb: todayIn() };
    const wrong = await admin.submit(page, `${page}/zeiten`, { ...fields, von: '12:00', bis: '9 Uhr' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Geben Sie die Uhrzeit in der Form 08:00 ein.');
    expect((await admin.submit(page, `${page}/zeiten`, fields)).statusCode).toBe(303);

    // 45 minutes plus 15 after: 09:00, 10:00, 11:00.
    expect(await freeTimes(serviceId, day)).toEqual(['09:00', '10:00', '11:00'].map((time) => isoWithOffset(at(day, time))));
    expect((await admin.get(page)).body).toContain('09:00–12:00');

    // Switched off, the service is no longer offered.
    expect((await admin.submit(`${base}/dienste/${serviceId}`, `${base}/dienste/${serviceId}`, { ...service, buchbar: '' })).statusCode).toBe(303);
    expect((await t.app.inject('/termine')).body).not.toContain('Elterngeld-Beratung');

    expect(await auditSentences(user.id)).toEqual([
      'Hat den Beratungsort „Familienbüro Mitte“ angelegt.',
      'Hat den Beratungsdienst „Elterngeld-Beratung“ angelegt.',
      'Hat „Frau Sommer“ als Beraterin oder Berater angelegt.',
      'Hat „Frau Sommer“ eine Arbeitszeit im Wochenplan hinzugefügt.',
      'Hat den Beratungsdienst „Elterngeld-Beratung“ geändert.',
    ]);
  });

  it('links a counsellor to an existing account only, and keeps everyone but admins out', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const unknown = await admin.submit(`${base}/beratende/neu`, `${base}/beratende/neu`, { name: 'Herr Winter', konto: 'niemand@example.org' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Zu dieser E-Mail-Adresse gibt es kein Konto.');
    const partner = await signedInVisitor(t, 'partner');
    const linked = await admin.submit(`${base}/beratende/neu`, `${base}/beratende/neu`, { name: 'Herr Winter', konto: partner.user.email.toUpperCase() });
    expect(linked.statusCode).toBe(303);
    expect((await partner.visitor.get(base)).statusCode).toBe(403);
    expect((await (await signedInVisitor(t, 'family')).visitor.get(`${base}/dienste/neu`)).statusCode).toBe(403);
  });

  it('keeps bookings when working hours are removed, lists them, and moves one to a colleague with a mail', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay(4);
    const booking = await insertRawBooking(t, setup, { start: at(day, '09:30'), counsellor: 0, email: 'bleibt@example.org' });
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const page = `${base}/beratende/${setup.counsellorIds[0]}`;
    const pattern = await t.deps.db
      .selectFrom('appointment_patterns')
      .select('id')
      .where('counsellor_id', '=', setup.counsellorIds[0]!)
      .where('weekday', '=', weekdayOf(day))
      .executeTakeFirstOrThrow();
    expect((await admin.submit(page, `${page}/zeiten/${pattern.id}/entfernen`, {})).statusCode).toBe(303);

    const status = async () =>
      (await t.deps.db.selectFrom('appointment_bookings').select('status').where('id', '=', booking.id).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('confirmed');
    const listed = await admin.get(page);
    expect(listed.body).toContain('1 Termin liegt nicht mehr in der Arbeitszeit');
    const target = `${isoWithOffset(at(day, '09:30'))}|${setup.locationId}`;
    expect(listed.body).toContain(`value="${target}"`);

    const moved = await admin.submit(page, `${page}/verschieben/${booking.id}`, { [`zeit-${booking.id}`]: target });
    expect(moved.statusCode).toBe(303);
    expect(await status()).toBe('moved');
    const fresh = await t.deps.db
      .selectFrom('appointment_bookings')
      .select(['counsellor_id', 'starts_at'])
      .where('service_id', '=', setup.serviceId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    expect(fresh).toEqual({ counsellor_id: setup.counsellorIds[1], starts_at: at(day, '09:30') });
    expect((await admin.get(page)).body).not.toContain('nicht mehr in der Arbeitszeit');
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').select('subject').where('recipient', '=', 'bleibt@example.org').execute();
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Ihr Termin wurde verschoben')]);
  });

  it('enters an absence (listing the booking in it) and extra hours (new free times), with clear messages for bad input', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 1 });
    const day = nextWorkingDay(5);
    await insertRawBooking(t, setup, { start: at(day, '10:00') });
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const page = `${base}/beratende/${setup.counsellorIds[0]}`;

    const noPlace = await admin.submit(page, `${page}/ausnahmen`, { artAusnahme: 'extra', tag: day, ab: '14:00', bisZeit: '16:00' });
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.body).toContain('Geben Sie für zusätzliche Zeit einen Ort und die Uhrzeiten an.');
    const extra = await admin.submit(page, `${page}/ausnahmen`, {
      artAusnahme: 'extra',
      tag: day,
      ab: '14:00',
      bisZeit: '15:00',
      ausnahmeOrt: setup.locationId,
    });
    expect(extra.statusCode).toBe(303);
    expect(await freeTimes(setup.serviceId, day)).toContain(isoWithOffset(at(day, '14:30')));

    const absence = await admin.submit(page, `${page}/ausnahmen`, { artAusnahme: 'absence', tag: day, letzterTag: addDays(day, 1) });
    expect(absence.statusCode).toBe(303);
    expect(await freeTimes(setup.serviceId, day)).toEqual([]);
    const listed = await admin.get(page);
    expect(listed.body).toContain('1 Termin liegt nicht mehr in der Arbeitszeit');
  });
});
