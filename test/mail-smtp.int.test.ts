import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

// A local SMTP server on loopback stands in for the city's mail server.
const port = 20_000 + Math.floor(Math.random() * 20_000);
const received: { to: string[]; raw: string }[] = [];
const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

beforeAll(() => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const t = useTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Familienrathaus Test <test@familienrathaus.example>' });

describe('mail with SMTP_URL set', () => {
  it('sends by SMTP with a plain-text and an HTML part, and not into the outbox', async () => {
    await t.deps.db
      .transaction()
      .execute((trx) => t.deps.mail.enqueue(trx, { to: 'smtp@example.org', subject: 'Über SMTP', text: 'Textteil', html: '<p>HTML-Teil</p>' }));
    await t.runJobs();
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['smtp@example.org']);
    expect(received[0]!.raw).toContain('Content-Type: text/plain');
    expect(received[0]!.raw).toContain('Content-Type: text/html');
    expect(received[0]!.raw).toContain('From: Familienrathaus Test <test@familienrathaus.example>');
    const outbox = await t.deps.db.selectFrom('mail_outbox').select('id').execute();
    expect(outbox).toHaveLength(0);
  });
});
