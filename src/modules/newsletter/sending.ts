import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import type { BulkTransport } from '../../platform/mail/bulk.js';
import { personalise, renderIssueTemplate, type IssueTemplate } from './emails/issue-mail.js';
import { contentFor, interestsKey, type IssueContent } from './issue-content.js';
import { claimWave, markFailed, markInterrupted, markSent, skipDeparted, type ClaimedDelivery } from './deliveries.repository.js';
import { finishSending, issueStatus, releaseLease, renewLease, takeLease } from './issues.repository.js';
import { manageToken } from './links.js';
import { suppressSubscriber } from './subscribers.repository.js';

/*
 * Sending an issue — at most once per delivery row, resumable.
 *
 * When sending starts, one row per (issue, confirmed subscriber) is written (state "queued").
 * A run holds the issue's lease (lease_owner/lease_until, renewed every wave). Each wave:
 *   1. claim up to `waveSize` queued rows: UPDATE … SET state = 'sending' on a FOR UPDATE SKIP
 *      LOCKED sub-select, committed BEFORE any SMTP traffic;
 *   2. hand them to the pooled SMTP transport in parallel;
 *   3. one UPDATE per outcome: "sent", "failed" (5xx: the address is suppressed for good), or back
 *      to "queued" for a temporary failure (at most `maxAttempts`).
 * A crash between 1 and 3 leaves rows in "sending": SMTP may or may not have accepted them. The
 * next run (after the dead run's lease ran out) marks them "unknown" and does NOT send them again —
 * we prefer a missed mail for at most one wave per lane over a second copy. Admins see the unknown rows
 * with their reason on the progress page. Rows still "queued" are sent by the next run, exactly once.
 * The statements live in deliveries.repository.ts (the rows) and issues.repository.ts (the lease).
 */

export const sendIssueJob = 'newsletter.send-issue';

export interface SendOptions {
  /** Rows claimed and sent per wave; a crash can leave at most lanes × waveSize mails unclear. */
  waveSize?: number;
  /** Waves in flight at once (default 2). */
  lanes?: number;
  /** Stop after this many seconds and let a continuation job go on (keeps jobs short). */
  sliceSeconds?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** Tests and the bench: stop (like a crash) after this many claimed waves. */
  stopAfterWaves?: number;
}

export type RunResult = 'finished' | 'continue' | 'busy' | 'not-sending';

/** Runs (part of) the sending of one issue; see the comment above for the guarantees. */
export async function runSending(
  deps: { db: Kysely<DB>; config: Config; portalName: string; transport: BulkTransport },
  issueId: string,
  options: SendOptions = {},
): Promise<RunResult> {
  const { db, config, transport } = deps;
  const waveSize = options.waveSize ?? Math.max(10, config.newsletterSmtpConnections * 8);
  const leaseSeconds = options.leaseSeconds ?? 60;
  const maxAttempts = options.maxAttempts ?? 3;
  const lanes = Math.max(1, options.lanes ?? 2);
  const sliceMs = (options.sliceSeconds ?? 240) * 1000;
  const runId = randomUUID();

  const lease = await takeLease(db, issueId, runId, leaseSeconds);
  if (!lease) return (await issueStatus(db, issueId)) === 'sending' ? 'busy' : 'not-sending';

  // Rows a dead run left in "sending" may have reached the recipient: never send them again.
  await markInterrupted(db, issueId);

  const content = lease.frozen as IssueContent;
  const archiveUrl = `${config.publicUrl}/infobrief/archiv/${issueId}`;
  // Rendered once per language and set of interests that changes the content, then personalised.
  const templates = new Map<string, IssueTemplate>();
  const templateFor = (row: ClaimedDelivery) => {
    const locale: Locale = isLocale(row.locale) ? row.locale : 'de';
    const interests = { topics: row.topics ?? [], district: row.district };
    const key = `${locale}|${interestsKey(content, interests)}`;
    let template = templates.get(key);
    if (!template) templates.set(key, (template = renderIssueTemplate(contentFor(content, interests), locale, { portalName: deps.portalName, archiveUrl })));
    return template;
  };
  const host = new URL(config.publicUrl).hostname || 'localhost';
  const started = Date.now();
  let handed = 0;
  let waves = 0;

  let stop = false;
  /** One lane: claim a wave, send it, record it — until nothing is left or the slice ends. */
  async function lane(): Promise<'done' | 'continue'> {
    for (;;) {
      if (stop) return 'continue';
      if ((options.stopAfterWaves !== undefined && waves >= options.stopAfterWaves) || Date.now() - started > sliceMs) {
        stop = true;
        return 'continue';
      }
      // Pace to the configured maximum rate (per run; one run per issue at a time).
      if (config.newsletterMaxPerSecond > 0) {
        const due = started + (handed / config.newsletterMaxPerSecond) * 1000;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      }
      waves++;
      const claimed = await claimWave(db, issueId, runId, waveSize);
      if (claimed.length === 0) {
        // Nothing claimable: the queued rows left (if any) belong to subscribers who left meanwhile.
        if ((await skipDeparted(db, issueId)) > 0) continue;
        return 'done';
      }
      handed += claimed.length;

      const outcomes = await Promise.all(
        claimed.map(async (row) => {
          const token = encodeURIComponent(manageToken(config.sessionSecret, row.subscriber_id, row.link_key));
          const mail = personalise(
            templateFor(row),
            row.email,
            {
              manage: `${config.publicUrl}/infobrief/einstellungen?token=${token}`,
              oneClick: `${config.publicUrl}/infobrief/abmelden/ein-klick?token=${token}`,
            },
            `<infobrief-${issueId}-${row.id}@${host}>`,
            host,
          );
          return { row, result: await transport.send(mail) };
        }),
      );

      await markSent(
        db,
        outcomes.filter((o) => o.result.ok).map((o) => o.row.id),
      );
      for (const { row, result } of outcomes) {
        if (result.ok) continue;
        await markFailed(db, row.id, result.permanent || row.attempts >= maxAttempts, result.reason);
        if (result.permanent) await suppressSubscriber(db, row.subscriber_id, result.reason);
      }
      await renewLease(db, issueId, runId, leaseSeconds);
    }
  }

  // Lanes overlap one wave's database round trips with another's SMTP traffic.
  const settled = await Promise.allSettled(
    Array.from({ length: lanes }, () =>
      lane().catch((error: unknown) => {
        stop = true;
        throw error;
      }),
    ),
  );
  const failure = settled.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  if (settled.some((r) => r.status === 'fulfilled' && r.value === 'continue')) {
    await releaseLease(db, issueId, runId);
    return 'continue';
  }

  if (await finishSending(db, issueId, runId)) return 'finished';
  await releaseLease(db, issueId, runId);
  return 'continue';
}
