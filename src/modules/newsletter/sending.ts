import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import type { BulkTransport } from '../../platform/mail/bulk.js';
import { personalise, renderIssueTemplate, type IssueTemplate } from './emails/issue-mail.js';
import { contentFor, interestsKey, type IssueContent } from './issue-content.js';
import { manageToken } from './links.js';

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

interface Claimed {
  id: string;
  email: string;
  locale: string;
  subscriber_id: string;
  link_key: string;
  attempts: number;
  topics: string[] | null;
  district: string | null;
}

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

  const lease = await db
    .updateTable('newsletter_issues')
    .set({ lease_owner: runId, lease_until: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', issueId)
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning(['frozen', 'status'])
    .executeTakeFirst();
  if (!lease) {
    const issue = await db.selectFrom('newsletter_issues').select('status').where('id', '=', issueId).executeTakeFirst();
    return issue?.status === 'sending' ? 'busy' : 'not-sending';
  }

  // Rows a dead run left in "sending" may have reached the recipient: never send them again.
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'unknown', error: 'Versand unterbrochen – unklar, ob zugestellt; nicht erneut gesendet' })
    .where('issue_id', '=', issueId)
    .where('state', '=', 'sending')
    .execute();

  const content = lease.frozen as IssueContent;
  const archiveUrl = `${config.publicUrl}/infobrief/archiv/${issueId}`;
  // Rendered once per language and set of interests that changes the content, then personalised.
  const templates = new Map<string, IssueTemplate>();
  const templateFor = (row: Claimed) => {
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
      const claimed = await sql<Claimed>`
        UPDATE newsletter_deliveries d
           SET state = 'sending', claimed_at = now(), attempts = d.attempts + 1
          FROM newsletter_subscribers s
         WHERE d.id IN (SELECT id FROM newsletter_deliveries
                         WHERE issue_id = ${issueId} AND state = 'queued'
                         ORDER BY id LIMIT ${waveSize} FOR UPDATE SKIP LOCKED)
           AND s.id = d.subscriber_id AND s.status = 'confirmed' AND s.suppressed_at IS NULL
           AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = ${issueId} AND i.lease_owner = ${runId})
        RETURNING d.id, s.email, s.locale, s.topics, s.district, s.id AS subscriber_id, s.link_key, d.attempts`.execute(db);
      if (claimed.rows.length === 0) {
        // Nothing claimable: the queued rows left (if any) belong to subscribers who left meanwhile.
        if ((await skipDeparted(db, issueId)) > 0) continue;
        return 'done';
      }
      handed += claimed.rows.length;

      const outcomes = await Promise.all(
        claimed.rows.map(async (row) => {
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

      const sent = outcomes.filter((o) => o.result.ok).map((o) => o.row.id);
      if (sent.length)
        await db
          .updateTable('newsletter_deliveries')
          .set({ state: 'sent', sent_at: sql`now()` })
          .where('id', 'in', sent)
          .execute();
      for (const { row, result } of outcomes) {
        if (result.ok) continue;
        const final = result.permanent || row.attempts >= maxAttempts;
        await db
          .updateTable('newsletter_deliveries')
          .set({ state: final ? 'failed' : 'queued', error: result.reason })
          .where('id', '=', row.id)
          .execute();
        if (result.permanent) {
          await db
            .updateTable('newsletter_subscribers')
            .set({ suppressed_at: sql`now()`, suppressed_reason: result.reason })
            .where('id', '=', row.subscriber_id)
            .execute();
        }
      }
      await db
        .updateTable('newsletter_issues')
        .set({ lease_until: sql`now() + make_interval(secs => ${leaseSeconds})` })
        .where('id', '=', issueId)
        .where('lease_owner', '=', runId)
        .execute();
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
    await db
      .updateTable('newsletter_issues')
      .set({ lease_owner: null, lease_until: null })
      .where('id', '=', issueId)
      .where('lease_owner', '=', runId)
      .execute();
    return 'continue';
  }

  const finished = await db
    .updateTable('newsletter_issues')
    .set({ status: 'sent', finished_at: sql`now()`, lease_owner: null, lease_until: null, updated_at: sql`now()` })
    .where('id', '=', issueId)
    .where('lease_owner', '=', runId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).where('state', 'in', ['queued', 'sending']))),
    )
    .executeTakeFirst();
  if (Number(finished.numUpdatedRows) > 0) return 'finished';
  await db.updateTable('newsletter_issues').set({ lease_owner: null, lease_until: null }).where('id', '=', issueId).where('lease_owner', '=', runId).execute();
  return 'continue';
}

/** Marks queued rows of subscribers who unsubscribed, bounced or were deleted meanwhile as skipped. */
async function skipDeparted(db: Kysely<DB>, issueId: string): Promise<number> {
  const result = await sql`
    UPDATE newsletter_deliveries d SET state = 'skipped', error = 'nicht mehr angemeldet'
     WHERE d.issue_id = ${issueId} AND d.state = 'queued'
       AND NOT EXISTS (SELECT 1 FROM newsletter_subscribers s WHERE s.id = d.subscriber_id AND s.status = 'confirmed' AND s.suppressed_at IS NULL)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
