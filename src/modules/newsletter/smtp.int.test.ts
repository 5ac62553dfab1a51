import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { createNewsPost, createSubscriber } from '../../../test/support/newsletter.js';

// A real SMTP server on loopback; one address is refused permanently (550) like an unknown mailbox.
const port = 20_000 + Math.floor(Math.random() * 20_000);
const received: { to: string; mail: ParsedMail }[] = [];
const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === 'unbekannt@example.org') return callback(Object.assign(new Error('5.1.1 mailbox unknown'), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, mail });
        callback();
      })
      .catch(callback);
  },
});
beforeAll(() => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const t = useTestApp({
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  NEWSLETTER_MAX_PER_SECOND: '0',
  MAIL_FROM: 'Familienrathaus <infobrief@familienrathaus.example>',
});

describe('the issue over real SMTP', () => {
  it('arrives as multipart text + accessible HTML with RFC 8058 headers whose URL unsubscribes by POST; a 550 suppresses the address', async () => {
    const alice = await createSubscriber(t, { email: 'alice@example.org' });
    const bob = await createSubscriber(t, { email: 'bob@example.org', locale: 'en' });
    const unknown = await createSubscriber(t, { email: 'unbekannt@example.org' });
    const post = await createNewsPost(t, { title: 'Sprechstunde im Familienbüro' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const created = await editor.submit('/verwaltung/infobrief/neu', '/verwaltung/infobrief/neu', {
      subject: 'Infobrief per SMTP',
      intro: 'Guten Tag!',
      [`news_${post.id}`]: 'ja',
    });
    const id = /infobrief\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/senden`, { bestaetigt: 'ja' });
    await t.runJobs();

    expect(received.map((r) => r.to).sort()).toEqual(['alice@example.org', 'bob@example.org']);
    const toAlice = received.find((r) => r.to === 'alice@example.org')!.mail;
    expect(toAlice.subject).toBe('Infobrief per SMTP');
    expect(toAlice.from?.text).toContain('infobrief@familienrathaus.example');
    expect(toAlice.text).toContain('Sprechstunde im Familienbüro');
    expect(toAlice.html).toContain('<html lang="de">');
    expect(toAlice.html).toContain('<h1');
    const header = (key: string) => toAlice.headerLines.find((h) => h.key === key)?.line ?? '';
    expect(header('list-id')).toBe('List-ID: Familieninfobrief <familieninfobrief.localhost>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(toAlice.messageId).toMatch(new RegExp(`^<infobrief-${id}-\\d+@`));
    const url = /<(https?:\/\/[^>]+)>/.exec(header('list-unsubscribe'))![1]!;
    expect(url).toContain(encodeURIComponent(alice.manageToken));
    expect(received.find((r) => r.to === 'bob@example.org')!.mail.html).toContain('<html lang="en">');

    // What a mail client does with the header: a POST without cookies.
    const path = new URL(url).pathname + new URL(url).search;
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const statusOf = async (sid: string) =>
      await t.deps.db.selectFrom('newsletter_subscribers').select(['status', 'suppressed_reason']).where('id', '=', sid).executeTakeFirstOrThrow();
    expect((await statusOf(alice.id)).status).toBe('unsubscribed');
    expect((await statusOf(bob.id)).status).toBe('confirmed');

    const failed = await t.deps.db
      .selectFrom('newsletter_deliveries')
      .select(['state', 'error'])
      .where('subscriber_id', '=', unknown.id)
      .executeTakeFirstOrThrow();
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('550');
    expect((await statusOf(unknown.id)).suppressed_reason).toContain('550');
    const progress = await editor.get(`/verwaltung/infobrief/${id}/fortschritt`);
    expect(progress.body).toContain('u…t@example.org');
    expect(progress.body).not.toContain('unbekannt@example.org');
  });

  it('sends the confirmation mail of a sign-up over SMTP, and its link confirms', async () => {
    const before = received.length;
    const { Visitor } = await import('../../../test/support/app.js');
    const v = new Visitor(() => t.app);
    await v.submit('/infobrief', '/infobrief', { email: 'smtp.neu@example.org', locale: 'de', consent: 'ja' });
    await t.runJobs();
    const mail = received.slice(before).find((r) => r.to === 'smtp.neu@example.org')!.mail;
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung zum Familieninfobrief');
    const link = /https?:\/\/\S+(\/infobrief\/bestaetigen\?token=\S+)/.exec(mail.text!)![1]!;
    expect((await v.get(link)).body).toContain('Anmeldung bestätigt');
  });
});
