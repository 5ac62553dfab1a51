import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** Deliveries: one row per (issue, subscriber), the ledger that makes sending exactly-once (see sending.ts). */

/** A delivery claimed for a wave, with what its mail needs of the subscriber. */
export interface ClaimedDelivery {
  id: string;
  email: string;
  locale: string;
  subscriber_id: string;
  link_key: string;
  attempts: number;
  topics: string[] | null;
  district: string | null;
}

/** The recipients: one queued row per confirmed, not suppressed subscriber (none twice); returns how many. */
export async function queueDeliveries(trx: Executor, issueId: string): Promise<number> {
  const inserted = await sql`
    INSERT INTO newsletter_deliveries (issue_id, subscriber_id)
    SELECT ${issueId}, s.id FROM newsletter_subscribers s
     WHERE s.status = 'confirmed' AND s.suppressed_at IS NULL
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0);
}

/**
 * Claims up to `waveSize` queued rows of subscribers still confirmed, as "sending", while `runId` holds
 * the issue's lease. Rows another run has locked are skipped, so two runs never claim the same row.
 */
export async function claimWave(db: Executor, issueId: string, runId: string, waveSize: number): Promise<ClaimedDelivery[]> {
  const claimed = await sql<ClaimedDelivery>`
    UPDATE newsletter_deliveries d
       SET state = 'sending', claimed_at = now(), attempts = d.attempts + 1
      FROM newsletter_subscribers s
     WHERE d.id IN (SELECT id FROM newsletter_deliveries
                     WHERE issue_id = ${issueId} AND state = 'queued'
                     ORDER BY id LIMIT ${waveSize} FOR UPDATE SKIP LOCKED)
       AND s.id = d.subscriber_id AND s.status = 'confirmed' AND s.suppressed_at IS NULL
       AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = ${issueId} AND i.lease_owner = ${runId})
    RETURNING d.id, s.email, s.locale, s.topics, s.district, s.id AS subscriber_id, s.link_key, d.attempts`.execute(db);
  return claimed.rows;
}

export async function markSent(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'sent', sent_at: sql`now()` })
    .where('id', 'in', ids)
    .execute();
}

/** A failed attempt: for good ("failed"), or back to "queued" for another try. */
export async function markFailed(db: Executor, id: string, final: boolean, reason: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: final ? 'failed' : 'queued', error: reason })
    .where('id', '=', id)
    .execute();
}

/** Rows a dead run left in "sending" may have reached the recipient: they become "unknown", never sent again by a run. */
export async function markInterrupted(db: Executor, issueId: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ state: 'unknown', error: 'Versand unterbrochen – unklar, ob zugestellt; nicht erneut gesendet' })
    .where('issue_id', '=', issueId)
    .where('state', '=', 'sending')
    .execute();
}

/** Marks queued rows of subscribers who unsubscribed, bounced or were deleted meanwhile as skipped. */
export async function skipDeparted(db: Executor, issueId: string): Promise<number> {
  const result = await sql`
    UPDATE newsletter_deliveries d SET state = 'skipped', error = 'nicht mehr angemeldet'
     WHERE d.issue_id = ${issueId} AND d.state = 'queued'
       AND NOT EXISTS (SELECT 1 FROM newsletter_subscribers s WHERE s.id = d.subscriber_id AND s.status = 'confirmed' AND s.suppressed_at IS NULL)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deliveries of an issue still being sent skip a subscriber who just unsubscribed. */
export async function skipQueuedOf(trx: Executor, subscriberId: string): Promise<void> {
  await trx
    .updateTable('newsletter_deliveries')
    .set({ state: 'skipped', error: 'abgemeldet' })
    .where('subscriber_id', '=', subscriberId)
    .where('state', '=', 'queued')
    .execute();
}

/** The editor's decision after a crash: "unknown" rows are queued again; returns how many. */
export async function requeueUnknown(trx: Executor, issueId: string): Promise<number> {
  const requeued = await trx
    .updateTable('newsletter_deliveries')
    .set({ state: 'queued', error: null })
    .where('issue_id', '=', issueId)
    .where('state', '=', 'unknown')
    .executeTakeFirst();
  return Number(requeued.numUpdatedRows);
}

/** SMTP error texts may quote the address: they go with the subscribers the retention purge deletes. */
export async function clearErrorsOfExpired(db: Executor, days: { pending: number; unsubscribed: number }): Promise<void> {
  await sql`
    UPDATE newsletter_deliveries SET error = NULL
     WHERE error IS NOT NULL AND subscriber_id IN (
       SELECT id FROM newsletter_subscribers
        WHERE (status = 'pending' AND signed_up_at < now() - make_interval(days => ${days.pending}))
           OR (status = 'unsubscribed' AND unsubscribed_at < now() - make_interval(days => ${days.unsubscribed})))`.execute(db);
}

export interface Progress {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  unknown: number;
}

export async function deliveryProgress(db: Executor, issueId: string): Promise<Progress> {
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('state')
    .execute();
  const progress: Progress = { total: 0, queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, unknown: 0 };
  for (const r of rows) {
    progress[r.state] = Number(r.n);
    progress.total += Number(r.n);
  }
  return progress;
}

/** The failed and unclear deliveries with their reasons (addresses masked in the view). */
export async function deliveryProblems(db: Executor, issueId: string, limit = 100) {
  return db
    .selectFrom('newsletter_deliveries')
    .leftJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_deliveries.subscriber_id')
    .select([
      'newsletter_deliveries.id',
      'newsletter_deliveries.state',
      'newsletter_deliveries.error',
      'newsletter_deliveries.attempts',
      'newsletter_subscribers.email',
    ])
    .where('newsletter_deliveries.issue_id', '=', issueId)
    .where('newsletter_deliveries.state', 'in', ['failed', 'unknown'])
    .orderBy('newsletter_deliveries.id')
    .limit(limit)
    .execute();
}
