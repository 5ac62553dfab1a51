import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import webpush from 'web-push';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { addDays, fromLocal, todayIn } from '../time/berlin.js';
import type { PushSend } from './push.js';

const t = useTestApp();

/** Two kinds only these tests send: one for accounts, one for people known by address (like the council's members). */
beforeAll(() => {
  t.deps.notifications.define(
    { kind: 'test.news', audience: 'user', section: () => 'Testbereich', label: () => 'Neuigkeiten zum Testen', cadence: 'immediate' },
    {
      kind: 'test.reminder',
      audience: 'test-person',
      section: () => 'Testbereich',
      label: () => 'Erinnerungen zum Testen',
      cadence: 'immediate',
      digest: false,
    },
  );
});

const news = (userIds: string[], key: string, extra: { scope?: string } = {}) =>
  t.deps.db.transaction().execute((trx) =>
    t.deps.notifications.notify(trx, {
      kind: 'test.news',
      itemKey: key,
      ...extra,
      to: userIds.map((userId) => ({ userId })),
      content: (r) => ({
        subject: r.locale === 'de' ? `Neu: ${key}` : `New: ${key}`,
        links: [{ label: 'Ansehen', url: `${t.deps.config.publicUrl}/x` }],
        push: { title: 'Familienrathaus', body: `Neu: ${key}`, url: '/x' },
      }),
    }),
  );

async function mailsTo(email: string) {
  return t.deps.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', email).orderBy('created_at').execute();
}
const stateOf = (key: string) => t.deps.db.selectFrom('notifications').select(['state', 'channel']).where('item_key', '=', key).orderBy('channel').execute();

const browserSubscription = (id: string) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
  p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
});

/** Five past `hour` in Berlin, the first such moment after now: a digest run at that person's hour. */
function nextBerlinTime(hour: number): Date {
  for (let d = 0; ; d++) {
    const moment = fromLocal(addDays(todayIn(), d), `${String(hour).padStart(2, '0')}:05`);
    if (moment.getTime() > Date.now()) return moment;
  }
}

describe('the notification service', () => {
  it('queues one row per person and item, however often the event is told, and withdraws a scope', async () => {
    const a = await signedInVisitor(t);
    expect(await news([a.user.id, a.user.id], 'eins')).toBe(1);
    expect(await news([a.user.id], 'eins')).toBe(0);
    await news([a.user.id], 'zwei', { scope: 'test-scope:1' });
    await t.deps.db.transaction().execute((trx) => t.deps.notifications.cancel(trx, { scope: 'test-scope:1' }));
    await t.deps.notifications.dispatch();
    expect((await mailsTo(a.user.email)).map((m) => m.subject)).toEqual(['Neu: eins']);
    expect(await stateOf('zwei')).toEqual([{ state: 'cancelled', channel: 'mail' }]);
  });

  it('leaves a delivery cut off in the middle "unclear", never sends it by itself, and lets staff send it once more on purpose', async () => {
    const a = await signedInVisitor(t);
    await news([a.user.id], 'abbruch');
    // The process dies after the claim was committed, before the SMTP server answered.
    expect(await t.deps.notifications.dispatch({ crashAfterClaim: true })).toBe(1);
    expect(await stateOf('abbruch')).toEqual([{ state: 'sending', channel: 'mail' }]);
    // The next runs: the row is marked unclear (its claim is old) and not sent.
    await t.deps.notifications.dispatch({ interruptedAfterSeconds: 0 });
    await t.deps.notifications.dispatch();
    expect(await stateOf('abbruch')).toEqual([{ state: 'unclear', channel: 'mail' }]);
    expect(await mailsTo(a.user.email)).toHaveLength(0);

    const family = await signedInVisitor(t);
    expect((await family.visitor.get('/verwaltung/benachrichtigungen')).statusCode).toBe(403);
    const staff = await signedInVisitor(t, 'editor');
    const page = await staff.visitor.get('/verwaltung/benachrichtigungen');
    expect(page.body).toContain('Neu: abbruch');
    expect(page.body).toContain('unklar: Versand unterbrochen');
    const row = await t.deps.db.selectFrom('notifications').select('id').where('item_key', '=', 'abbruch').executeTakeFirstOrThrow();
    const resent = await staff.visitor.submit('/verwaltung/benachrichtigungen', `/verwaltung/benachrichtigungen/${row.id}/erneut`, {});
    expect(resent.statusCode).toBe(303);
    await t.runJobs();
    expect((await mailsTo(a.user.email)).map((m) => m.subject)).toEqual(['Neu: abbruch']);
    expect(await stateOf('abbruch')).toEqual([{ state: 'sent', channel: 'mail' }]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'notification.resent')
      .where('subject_id', '=', row.id)
      .execute();
    expect(audit).toEqual([{ actor_id: staff.user.id }]);
    // A second resend of the same row is refused: it is no longer unclear.
    expect((await staff.visitor.submit('/verwaltung/benachrichtigungen', `/verwaltung/benachrichtigungen/${row.id}/erneut`, {})).statusCode).toBe(404);
  });

  it('sends the digest at each person’s own hour, once, with everything that waited', async () => {
    // Hours counted from now (Berlin time), so the test means the same whenever it runs: the early
    // person's hour comes in about two hours, the late person's in about eight.
    const hourNow = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' }).format(new Date()));
    const earlyHour = (hourNow + 2) % 24;
    const lateHour = (hourNow + 8) % 24;
    const early = await signedInVisitor(t);
    const late = await signedInVisitor(t);
    const page = await late.visitor.get('/benachrichtigungen');
    expect(page.body).toContain('Neuigkeiten zum Testen');
    for (const [person, hour] of [
      [early, earlyHour],
      [late, lateHour],
    ] as const) {
      const saved = await person.visitor.submit('/benachrichtigungen', '/benachrichtigungen', { 'c-test.news': 'daily', digest_hour: String(hour) });
      expect(saved.statusCode).toBe(303);
    }
    await news([early.user.id, late.user.id], 'sammeln-1');
    await news([early.user.id, late.user.id], 'sammeln-2');
    const earlyRun = nextBerlinTime(earlyHour);
    await t.deps.notifications.sendDigests('daily', earlyRun);
    expect((await mailsTo(early.user.email)).map((m) => m.subject)).toEqual(['Ihre Tagesübersicht: 2 Neuigkeiten']);
    expect(await mailsTo(late.user.email)).toHaveLength(0);
    const lateRun = nextBerlinTime(lateHour);
    await Promise.all([t.deps.notifications.sendDigests('daily', lateRun), t.deps.notifications.sendDigests('daily', lateRun)]);
    const mails = await mailsTo(late.user.email);
    expect(mails.map((m) => m.subject)).toEqual(['Ihre Tagesübersicht: 2 Neuigkeiten']);
    expect(mails[0]!.text_body).toContain('Neu: sammeln-1');
    expect(mails[0]!.text_body).toContain('/benachrichtigungen/abbestellen?token=');
  });

  it('refuses a choice it does not offer with 422, keeping what was entered', async () => {
    const a = await signedInVisitor(t);
    const bad = await a.visitor.submit('/benachrichtigungen', '/benachrichtigungen', { 'c-test.news': 'hourly', digest_hour: '25' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Bitte wählen Sie eine der angebotenen Möglichkeiten.');
    expect(bad.body).toContain('<a class="kern-link" href="#digest_hour">');
    expect(await t.deps.db.selectFrom('notification_preferences').select('kind').where('recipient_id', '=', `user:${a.user.id}`).execute()).toEqual([]);
    // The network's kinds are not offered to a family: they only concern the alliance's partners.
    expect(bad.body).not.toContain('c-network.post');
    expect((await new Visitor(() => t.app).get('/benachrichtigungen')).statusCode).toBe(401);
  });

  it('pushes to a person’s devices where they asked for it (encrypted, signed), and forgets a device the push service says is gone', async () => {
    const person = { id: `test-person:${randomUUID()}`, email: 'push-person@example.org', locale: 'tr' };
    await t.deps.notifications.keyedRecipient(person);
    const token = (await t.deps.notifications.settingsToken(person.id))!;
    const page = `/benachrichtigungen?token=${encodeURIComponent(token)}`;
    const v = new Visitor(() => t.app);
    expect((await v.get(page)).body).toContain('Erinnerungen zum Testen');
    expect((await v.get(`/benachrichtigungen?token=${encodeURIComponent(token)}x`)).statusCode).toBe(400);
    const refused = await v.submit(page, '/benachrichtigungen/push', { token, ...browserSubscription('x'), endpoint: 'http://10.0.0.1/push' });
    expect(refused.statusCode).toBe(422);
    expect((await v.submit(page, '/benachrichtigungen/push', { token, ...browserSubscription('gerät-1') })).statusCode).toBe(303);
    expect((await v.submit(page, '/benachrichtigungen', { token, 'c-test.reminder': 'never', 'p-test.reminder': 'ja', digest_hour: '7' })).statusCode).toBe(
      303,
    );

    const remind = (key: string) =>
      t.deps.db.transaction().execute((trx) =>
        t.deps.notifications.notify(trx, {
          kind: 'test.reminder',
          itemKey: key,
          to: [person],
          content: (r) => ({ subject: `Morgen (${r.locale})`, push: { title: 'Erinnerung', body: 'Morgen um 10 Uhr', url: '/termin' } }),
        }),
      );
    await remind('erinnerung-1');
    const sent: { authorization: string; encoding: string; payload: string }[] = [];
    const send: PushSend = (subscription, payload, options) => {
      const request = webpush.generateRequestDetails(subscription, payload, options);
      sent.push({ authorization: String(request.headers.Authorization), encoding: String(request.headers['Content-Encoding']), payload: String(payload) });
      return Promise.resolve();
    };
    await Promise.all([t.deps.notifications.dispatch({ send }), t.deps.notifications.dispatch({ send })]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.encoding).toBe('aes128gcm');
    expect(sent[0]!.authorization).toMatch(/^vapid t=.+, k=/);
    expect(JSON.parse(sent[0]!.payload)).toEqual({ title: 'Erinnerung', body: 'Morgen um 10 Uhr', url: '/termin', lang: 'tr' });
    expect(await mailsTo(person.email)).toHaveLength(0);

    await remind('erinnerung-2');
    const gone: PushSend = () => Promise.reject(Object.assign(new Error('Gone'), { statusCode: 410 }));
    await t.deps.notifications.dispatch({ send: gone });
    expect(await stateOf('erinnerung-2')).toEqual([{ state: 'failed', channel: 'push' }]);
    expect(await t.deps.db.selectFrom('notification_push_subscriptions').select('id').where('recipient_id', '=', person.id).execute()).toEqual([]);
  });
});
