import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import type { PushSend } from '../../platform/notifications/push.js';
import { createCouncilService } from './council.service.js';

/** Moving up and reminders go through the platform's notification service: mail, push where the member allowed it, withdrawn with the registration. */
const t = useTestApp();
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
const needs = { childcareChildren: 0, childcareAges: null, interpreterLanguage: null, stepFree: false, dietary: null, travelRefund: false };

async function member(email: string) {
  const m = await t.deps.db
    .insertInto('council_applications')
    .values({
      name: email,
      email,
      district: 'Mitte',
      household_adults: 1,
      household_children: 1,
      locale: 'de',
      privacy_consent_at: new Date(),
      status: 'accepted',
      term_until: '2030-12-31',
      link_key: `k-${email}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function workshop(startsInHours: number, capacity: number) {
  const w = await t.deps.db
    .insertInto('council_workshops')
    .values({
      title: 'Spielplätze',
      place: 'Rathaus',
      starts_at: hours(startsInHours),
      ends_at: hours(startsInHours + 3),
      registration_until: hours(startsInHours - 1),
      capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return w.id;
}

const mailsTo = (email: string) =>
  t.deps.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', email).orderBy('created_at').execute();

describe('Familienbeirat: notices through the notification service', () => {
  it('tells the one who moves up by mail with the calendar entry and by push where they switched it on, once', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(72, 1);
    const first = await member('zuerst@example.org');
    const next = await member('danach@example.org');
    const a = await service.register(id, first, { persons: 1, ...needs }, 'de', new Date());
    await service.register(id, next, { persons: 1, ...needs }, 'de', new Date());

    // The waiting member opens their settings from the "Nachrichten" page and switches push on for moving up.
    const memberToken = service.memberToken(
      await t.deps.db.selectFrom('council_applications').select(['id', 'link_key']).where('id', '=', next).executeTakeFirstOrThrow(),
    );
    const v = new Visitor(() => t.app);
    const page = await v.get(`/mitmachen/familienbeirat/nachrichten?token=${encodeURIComponent(memberToken)}`);
    const settings = /href="(\/benachrichtigungen\?token=[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const settingsPage = await v.get(settings);
    expect(settingsPage.body).toContain('Wenn ich von der Warteliste nachrücke');
    expect(settingsPage.body).not.toContain('in der Tagesübersicht');
    const token = decodeURIComponent(/token=([^&]+)/.exec(settings)![1]!);
    const device = {
      endpoint: 'https://updates.push.services.mozilla.com/wpush/v2/nachruecken',
      p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    };
    expect((await v.submit(settings, '/benachrichtigungen/push', { token, ...device })).statusCode).toBe(303);
    expect(
      (
        await v.submit(settings, '/benachrichtigungen', {
          token,
          'c-council.moved-up': 'immediate',
          'p-council.moved-up': 'ja',
          'c-council.reminder': 'immediate',
          digest_hour: '7',
        })
      ).statusCode,
    ).toBe(303);

    await service.cancel((await service.registrationOf(a.token))!.registration.id);
    const pushed: string[] = [];
    const send: PushSend = (subscription, payload, options) => {
      webpush.generateRequestDetails(subscription, payload, options);
      pushed.push(String(payload));
      return Promise.resolve();
    };
    await Promise.all([t.deps.notifications.dispatch({ send }), t.deps.notifications.dispatch({ send })]);
    const mails = await mailsTo('danach@example.org');
    expect(mails.map((m) => m.subject)).toEqual(['Ein Platz ist frei: Spielplätze']);
    expect(mails[0]!.text_body).toContain('Ihre Anmeldung ist jetzt bestätigt');
    expect(pushed).toHaveLength(1);
    expect(JSON.parse(pushed[0]!)).toMatchObject({
      title: 'Ein Platz ist frei: Spielplätze',
      url: expect.stringMatching(/^\/mitmachen\/familienbeirat\/anmeldung\?token=/),
    });
  });

  it('withdraws a reminder that has not gone out yet when the registration is cancelled', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(20, 5);
    const m = await member('absage-erinnerung@example.org');
    const r = await service.register(id, m, { persons: 1, ...needs }, 'de', hours(-30));
    expect(await service.sendReminders()).toBe(1);
    await service.cancel((await service.registrationOf(r.token))!.registration.id);
    await t.runJobs();
    const subjects = (await mailsTo('absage-erinnerung@example.org')).map((x) => x.subject);
    expect(subjects.some((s) => s.startsWith('Morgen:'))).toBe(false);
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select('state')
      .where('kind', '=', 'council.reminder')
      .where('recipient_id', '=', `council-member:${m}`)
      .execute();
    expect(rows).toEqual([{ state: 'cancelled' }]);
  });
});
