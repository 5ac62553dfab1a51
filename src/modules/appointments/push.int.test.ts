import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay, type AppointmentSetup } from '../../../test/support/appointments.js';
import { bookingById, savePushSubscription } from './appointments.repository.js';
import { cancelBooking, linkToken, moveBooking } from './appointments.service.js';
import { sendDuePushReminders, vapidSecretId, type PushSend } from './push.js';

const t = useTestApp();

/** A subscription as a browser makes it: a P-256 public key and 16 random bytes, base64url. */
const browserSubscription = (id: string) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
  p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
});

async function confirmedBooking(setup: AppointmentSetup, start: Date, email: string, counsellor = 0) {
  const row = await insertRawBooking(t, setup, { start, email, counsellor });
  const { ical_uid } = await t.deps.db.selectFrom('appointment_bookings').select('ical_uid').where('id', '=', row.id).executeTakeFirstOrThrow();
  return { id: row.id, token: linkToken(t.deps, ical_uid) };
}

describe('the push reminder 2 hours before', () => {
  it('is offered on the confirmed booking’s page, keeps a browser’s subscription, and refuses an address that is no push service', async () => {
    const setup = await buildAppointmentSetup(t);
    const booking = await confirmedBooking(setup, at(nextWorkingDay(3), '09:00'), 'push@example.org');
    const page = `/termine/buchung?token=${encodeURIComponent(booking.token)}`;
    const visitor = new Visitor(() => t.app);
    const first = await visitor.get(page);
    const stored = await t.deps.db.selectFrom('platform_secrets').select('value').where('id', '=', vapidSecretId).executeTakeFirstOrThrow();
    const { publicKey } = JSON.parse(stored.value) as { publicKey: string };
    expect(first.body).toContain(`data-push-key="${publicKey}"`);
    expect(first.body).toContain('Erinnerung 2 Stunden vorher einschalten');

    const elsewhere = await visitor.submit(page, '/termine/buchung/push', {
      token: booking.token,
      ...browserSubscription('x'),
      endpoint: 'http://10.0.0.1/push',
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.body).toContain('Die Erinnerung ließ sich nicht einschalten.');

    const on = await visitor.submit(page, '/termine/buchung/push', { token: booking.token, ...browserSubscription('abc') });
    expect(on.statusCode).toBe(303);
    const after = await visitor.get(on.headers.location as string);
    expect(after.body).toContain('Die Erinnerung ist eingeschaltet.');
    expect(after.body).not.toContain('data-push-key');
  });

  it('goes out exactly once, only for bookings still standing, even when two runs meet, signed with the stored key', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 4 });
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const standing = await confirmedBooking(setup, soon(90), 'steht@example.org');
    const cancelled = await confirmedBooking(setup, soon(90), 'abgesagt@example.org', 1);
    const moved = await confirmedBooking(setup, soon(100), 'verschoben@example.org', 2);
    const later = await confirmedBooking(setup, soon(300), 'spaeter@example.org', 3);
    for (const [booking, id] of [
      [standing, 'steht'],
      [cancelled, 'abgesagt'],
      [moved, 'verschoben'],
      [later, 'spaeter'],
    ] as const)
      expect(await savePushSubscription(t.deps.db, booking.id, browserSubscription(id))).toBeDefined();
    expect(await cancelBooking(t.deps, cancelled.id, null)).toBe('cancelled');
    await t.deps.db.updateTable('appointment_bookings').set({ status: 'moved' }).where('id', '=', moved.id).execute();

    const sent: { endpoint: string; authorization: string; body: string }[] = [];
    const send: PushSend = (subscription, payload, options) => {
      // The real library builds the request (VAPID signature, aes128gcm encryption); only the network is left out.
      const request = webpush.generateRequestDetails(subscription, payload, options);
      sent.push({ endpoint: subscription.endpoint, authorization: String(request.headers.Authorization), body: payload });
      return Promise.resolve();
    };
    const counts = await Promise.all([sendDuePushReminders(t.deps, send), sendDuePushReminders(t.deps, send)]);
    await sendDuePushReminders(t.deps, send);
    expect(counts[0] + counts[1]).toBe(1);
    expect(sent.map((s) => s.endpoint)).toEqual(['https://fcm.googleapis.com/fcm/send/steht']);
    const { publicKey } = JSON.parse(
      (await t.deps.db.selectFrom('platform_secrets').select('value').where('id', '=', vapidSecretId).executeTakeFirstOrThrow()).value,
    ) as { publicKey: string };
    expect(sent[0]!.authorization).toContain(`k=${publicKey}`);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ title: 'Erinnerung an Ihren Termin', body: expect.stringContaining('Testberatung beginnt um') });
  });

  it('forgets a subscription the push service says is gone', async () => {
    const setup = await buildAppointmentSetup(t);
    const booking = await confirmedBooking(setup, new Date(Date.now() + 60 * 60_000), 'weg@example.org');
    await savePushSubscription(t.deps.db, booking.id, browserSubscription('weg'));
    const gone: PushSend = () => Promise.reject(Object.assign(new Error('Gone'), { statusCode: 410 }));
    expect(await sendDuePushReminders(t.deps, gone)).toBe(0);
    const row = await t.deps.db
      .selectFrom('appointment_bookings')
      .select(['push_endpoint', 'push_sent_at'])
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row.push_endpoint).toBeNull();
    expect(row.push_sent_at).not.toBeNull();
  });

  it('follows the appointment when it is moved, so the reminder comes for the new time', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay(3);
    const booking = await confirmedBooking(setup, at(day, '09:00'), 'folgt@example.org');
    await savePushSubscription(t.deps.db, booking.id, browserSubscription('folgt'));
    const moved = await moveBooking(t.deps, (await bookingById(t.deps.db, booking.id))!, { start: at(day, '10:00'), locationId: setup.locationId }, null);
    const rows = await t.deps.db
      .selectFrom('appointment_bookings')
      .select(['id', 'status', 'push_endpoint'])
      .where('id', 'in', [booking.id, moved.id])
      .execute();
    expect(rows.find((r) => r.id === moved.id)).toMatchObject({ status: 'confirmed', push_endpoint: 'https://fcm.googleapis.com/fcm/send/folgt' });
    expect(rows.find((r) => r.id === booking.id)?.status).toBe('moved');
  });
});
