import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { createSubscriber, createSubscribers } from '../../../test/support/newsletter.js';
import type { BulkResult, BulkTransport } from '../../platform/mail/bulk.js';
import { createIssueService } from './issues.service.js';
import { runSending } from './sending.js';

const t = useTestApp({ NEWSLETTER_MAX_PER_SECOND: '0' });
const db = () => t.deps.db;

/** A sink that counts what reached it, per address; `crashAfter` throws like a dying worker. */
function sink(options: { crashAfter?: number; answer?: (to: string, attempt: number) => BulkResult } = {}) {
  const received = new Map<string, number>();
  const attempts = new Map<string, number>();
  let accepted = 0;
  const transport: BulkTransport = {
    async send(mail) {
      const attempt = (attempts.get(mail.to) ?? 0) + 1;
      attempts.set(mail.to, attempt);
      const result = options.answer?.(mail.to, attempt) ?? { ok: true };
      if (!result.ok) return result;
      if (options.crashAfter !== undefined && accepted >= options.crashAfter) throw new Error('worker killed');
      accepted++;
      received.set(mail.to, (received.get(mail.to) ?? 0) + 1);
      return { ok: true };
    },
    close() {},
  };
  return { transport, received };
}

async function startIssue(subject: string): Promise<string> {
  const service = createIssueService(t.deps);
  const user = await createUser(t, { role: 'editor' });
  const admin = { id: user.id, role: user.role, email: user.email, displayName: user.display_name };
  const row = await db()
    .insertInto('newsletter_issues')
    .values({ subject, composition: JSON.stringify({ newsIds: [], events: null, holidayNotice: '', sections: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await service.sendNow(admin, row.id);
  // The queued job would send; these tests drive runSending themselves.
  await db()
    .deleteFrom(sql`pgboss.job` as never)
    .where(sql.ref('name'), '=', 'newsletter.send-issue')
    .execute();
  return row.id;
}
const states = async (issueId: string) =>
  Object.fromEntries(
    (
      await db()
        .selectFrom('newsletter_deliveries')
        .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
        .where('issue_id', '=', issueId)
        .groupBy('state')
        .execute()
    ).map((r) => [r.state, Number(r.n)]),
  );
const deps = (transport: BulkTransport) => ({ db: db(), config: t.deps.config, portalName: 'Test', transport });

describe('sending exactly once', () => {
  it('resumes after a crash mid-wave: nobody gets the issue twice, every untouched row is sent once', async () => {
    await createSubscribers(t, 100, 'crash');
    const issueId = await startIssue('Absturz-Test');
    const first = sink({ crashAfter: 35 });
    await expect(runSending(deps(first.transport), issueId, { waveSize: 10, lanes: 1 })).rejects.toThrow('worker killed');
    expect([...first.received.values()].every((n) => n === 1)).toBe(true);
    expect(first.received.size).toBe(35);
    expect(await states(issueId)).toMatchObject({ sent: 30, sending: 10, queued: 60 });
    // "Read in the browser" works from the first mail on, but the archive lists finished issues only.
    expect((await t.app.inject({ method: 'GET', url: `/infobrief/archiv/${issueId}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/infobrief/archiv' })).body).not.toContain(issueId);

    // While the dead run's lease lasts, nobody else sends.
    const second = sink();
    expect(await runSending(deps(second.transport), issueId, { waveSize: 10 })).toBe('busy');
    expect(second.received.size).toBe(0);

    await db()
      .updateTable('newsletter_issues')
      .set({ lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', issueId)
      .execute();
    expect(await runSending(deps(second.transport), issueId, { waveSize: 10 })).toBe('finished');
    const both = new Map(first.received);
    for (const [to, n] of second.received) both.set(to, (both.get(to) ?? 0) + n);
    expect([...both.values()].every((n) => n === 1)).toBe(true);
    // The wave in flight at the crash is "unknown" (5 of its 10 did arrive): never sent again.
    expect(await states(issueId)).toEqual({ sent: 90, unknown: 10 });
    expect(second.received.size).toBe(60);
    expect(both.size).toBe(95);
    const issue = await db().selectFrom('newsletter_issues').select(['status', 'lease_owner']).where('id', '=', issueId).executeTakeFirstOrThrow();
    expect(issue).toEqual({ status: 'sent', lease_owner: null });

    // Only an editor's explicit decision sends the unclear ones again (some will get a second copy).
    const user = await createUser(t, { role: 'editor' });
    const requeued = await createIssueService(t.deps).resendUnknown(
      { id: user.id, role: user.role, email: user.email, displayName: user.display_name },
      issueId,
    );
    expect(requeued).toBe(10);
    const third = sink();
    expect(await runSending(deps(third.transport), issueId, { waveSize: 10 })).toBe('finished');
    expect(third.received.size).toBe(10);
    expect(await states(issueId)).toEqual({ sent: 100 });
  });

  it('with two lanes in flight, a crash leaves at most two waves unclear and still nobody twice', async () => {
    await createSubscribers(t, 120, 'lanes');
    await db().updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('email', 'like', 'crash%').execute();
    const issueId = await startIssue('Zwei-Spuren-Test');
    const first = sink({ crashAfter: 47 });
    await expect(runSending(deps(first.transport), issueId, { waveSize: 10, lanes: 2 })).rejects.toThrow('worker killed');
    await db()
      .updateTable('newsletter_issues')
      .set({ lease_until: sql`now() - interval '1 second'` })
      .where('id', '=', issueId)
      .execute();
    const second = sink();
    expect(await runSending(deps(second.transport), issueId, { waveSize: 10, lanes: 2 })).toBe('finished');
    const final = await states(issueId);
    expect(final.sent! + final.unknown!).toBe(120);
    expect(final.unknown).toBeLessThanOrEqual(20);
    for (const to of second.received.keys()) expect(first.received.has(to)).toBe(false);
    expect([...first.received.values(), ...second.received.values()].every((n) => n === 1)).toBe(true);
    await db().updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('email', 'like', 'lanes%').execute();
  });

  it('suppresses an address after a permanent 5xx, retries a temporary 4xx, and skips those who left meanwhile', async () => {
    const bouncing = await createSubscriber(t, { email: 'gibt-es-nicht@example.org' });
    const flaky = await createSubscriber(t, { email: 'voll@example.org' });
    const leaving = await createSubscriber(t, { email: 'geht@example.org' });
    const fine = await createSubscriber(t, { email: 'gut@example.org' });
    await db().updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('email', 'like', 'crash%').execute();
    const issueId = await startIssue('Fehler-Test');
    await db().updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('id', '=', leaving.id).execute();
    const { transport, received } = sink({
      answer: (to, attempt) =>
        to === bouncing.email
          ? { ok: false, permanent: true, reason: '550 5.1.1 mailbox unknown' }
          : to === flaky.email && attempt === 1
            ? { ok: false, permanent: false, reason: '451 try later' }
            : { ok: true },
    });
    expect(await runSending(deps(transport), issueId, { waveSize: 2 })).toBe('finished');
    expect([...received.keys()].sort()).toEqual([fine.email, flaky.email].sort());
    const rows = await db()
      .selectFrom('newsletter_deliveries')
      .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_deliveries.subscriber_id')
      .select(['email', 'state', 'error', 'attempts'])
      .where('issue_id', '=', issueId)
      .execute();
    expect(rows.find((r) => r.email === bouncing.email)).toMatchObject({ state: 'failed', error: '550 5.1.1 mailbox unknown' });
    expect(rows.find((r) => r.email === flaky.email)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(rows.find((r) => r.email === leaving.email)).toMatchObject({ state: 'skipped' });
    const suppressed = await db()
      .selectFrom('newsletter_subscribers')
      .select(['suppressed_at', 'suppressed_reason'])
      .where('id', '=', bouncing.id)
      .executeTakeFirstOrThrow();
    expect(suppressed.suppressed_reason).toContain('550');

    // The next issue leaves the bounced address out altogether.
    const next = await startIssue('Nächste Ausgabe');
    const later = sink();
    await runSending(deps(later.transport), next, {});
    expect(later.received.has(bouncing.email)).toBe(false);
    expect(later.received.has(fine.email)).toBe(true);
  });
});
