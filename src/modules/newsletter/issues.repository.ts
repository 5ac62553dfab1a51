import { sql } from 'kysely';
import type { IssueStatus } from '../../db/tables/newsletter.js';
import type { Executor } from '../../db/executor.js';
import { emptyComposition, type Composition, type IssueContent } from './issue-content.js';

export interface Issue {
  id: string;
  subject: string;
  intro: string;
  composition: Composition;
  frozen: IssueContent | null;
  status: IssueStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  total: number;
  updatedAt: Date;
}

const columns = ['id', 'subject', 'intro', 'composition', 'frozen', 'status', 'scheduled_at', 'started_at', 'finished_at', 'total', 'updated_at'] as const;
type Row = {
  id: string;
  subject: string;
  intro: string;
  composition: unknown;
  frozen: unknown;
  status: IssueStatus;
  scheduled_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  total: number;
  updated_at: Date;
};
const toIssue = (r: Row): Issue => ({
  id: r.id,
  subject: r.subject,
  intro: r.intro,
  composition: { ...emptyComposition(), ...(r.composition as Partial<Composition>) },
  frozen: (r.frozen as IssueContent | null) ?? null,
  status: r.status,
  scheduledAt: r.scheduled_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  total: r.total,
  updatedAt: r.updated_at,
});

export async function findIssue(db: Executor, id: string): Promise<Issue | null> {
  const row = await db.selectFrom('newsletter_issues').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toIssue(row) : null;
}

export async function listIssues(db: Executor): Promise<Issue[]> {
  const rows = await db.selectFrom('newsletter_issues').select(columns).orderBy('created_at', 'desc').limit(200).execute();
  return rows.map(toIssue);
}

export async function listSentIssues(db: Executor, limit = 100): Promise<Issue[]> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .select(columns)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIssue);
}

export async function insertIssue(db: Executor, input: { subject: string; intro: string; composition: Composition }, createdBy: string): Promise<string> {
  const row = await db
    .insertInto('newsletter_issues')
    .values({ subject: input.subject, intro: input.intro, composition: JSON.stringify(input.composition), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Only drafts and scheduled issues change; returns false for one that is sending or sent. */
export async function updateDraft(db: Executor, id: string, input: { subject: string; intro: string; composition: Composition }): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_issues')
    .set({ subject: input.subject, intro: input.intro, composition: JSON.stringify(input.composition), updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Starts sending: freezes the content; a draft or scheduled issue (only a due scheduled one when `onlyDue`). False when it had started. */
export async function startIssue(trx: Executor, id: string, frozen: IssueContent, onlyDue: boolean): Promise<boolean> {
  let start = trx
    .updateTable('newsletter_issues')
    .set({ status: 'sending', started_at: sql`now()`, frozen: JSON.stringify(frozen), updated_at: sql`now()` })
    .where('id', '=', id);
  start = onlyDue ? start.where('status', '=', 'scheduled').where('scheduled_at', '<=', sql<Date>`now()`) : start.where('status', 'in', ['draft', 'scheduled']);
  return !!(await start.returning('id').executeTakeFirst());
}

export async function setIssueTotal(trx: Executor, id: string, total: number): Promise<void> {
  await trx.updateTable('newsletter_issues').set({ total }).where('id', '=', id).execute();
}

/** Schedules a draft or reschedules; false for an issue that is sending or sent. */
export async function scheduleIssue(trx: Executor, id: string, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable('newsletter_issues')
    .set({ status: 'scheduled', scheduled_at: at, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A scheduled issue back to a draft; false when it is no longer scheduled. */
export async function unscheduleIssue(trx: Executor, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('newsletter_issues')
    .set({ status: 'draft', scheduled_at: null, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The issue's status, its row locked until the transaction ends. */
export async function lockIssueStatus(trx: Executor, id: string): Promise<IssueStatus> {
  const row = await trx.selectFrom('newsletter_issues').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  return row.status;
}

/** Back to "sending" (deliveries were queued again). */
export async function resumeSending(trx: Executor, id: string): Promise<void> {
  await trx
    .updateTable('newsletter_issues')
    .set({ status: 'sending', updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function dueScheduledIssueIds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', sql<Date>`now()`)
    .execute();
  return rows.map((r) => r.id);
}

/** Issues being sent whose run holds no lease (it died, or it handed over to a continuation). */
export async function stalledIssueIds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .select('id')
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .execute();
  return rows.map((r) => r.id);
}

// --- The sending lease: one run per issue at a time (see sending.ts) ------------------------------

/** Takes the lease of an issue being sent when nobody holds it (or it ran out); its frozen content, or undefined. */
export async function takeLease(db: Executor, issueId: string, runId: string, leaseSeconds: number): Promise<{ frozen: unknown } | undefined> {
  return db
    .updateTable('newsletter_issues')
    .set({ lease_owner: runId, lease_until: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', issueId)
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning(['frozen'])
    .executeTakeFirst();
}

export async function issueStatus(db: Executor, issueId: string): Promise<IssueStatus | undefined> {
  const row = await db.selectFrom('newsletter_issues').select('status').where('id', '=', issueId).executeTakeFirst();
  return row?.status;
}

export async function renewLease(db: Executor, issueId: string, runId: string, leaseSeconds: number): Promise<void> {
  await db
    .updateTable('newsletter_issues')
    .set({ lease_until: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', issueId)
    .where('lease_owner', '=', runId)
    .execute();
}

export async function releaseLease(db: Executor, issueId: string, runId: string): Promise<void> {
  await db.updateTable('newsletter_issues').set({ lease_owner: null, lease_until: null }).where('id', '=', issueId).where('lease_owner', '=', runId).execute();
}

/** Marks the issue sent and releases the lease, if the run still holds it and no delivery is queued or sending. */
export async function finishSending(db: Executor, issueId: string, runId: string): Promise<boolean> {
  const finished = await db
    .updateTable('newsletter_issues')
    .set({ status: 'sent', finished_at: sql`now()`, lease_owner: null, lease_until: null, updated_at: sql`now()` })
    .where('id', '=', issueId)
    .where('lease_owner', '=', runId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).where('state', 'in', ['queued', 'sending']))),
    )
    .executeTakeFirst();
  return Number(finished.numUpdatedRows) > 0;
}

/** Appends a news post to the newest draft issue's chosen posts (one statement, so two offers at once both land). */
export async function addNewsToNewestDraft(db: Executor, newsId: string): Promise<{ id: string; subject: string } | null> {
  const newest = db.selectFrom('newsletter_issues').select('id').where('status', '=', 'draft').orderBy('created_at', 'desc').limit(1);
  const row = await db
    .updateTable('newsletter_issues')
    .set({
      composition: sql<string>`jsonb_set(composition, '{newsIds}', coalesce(composition->'newsIds', '[]'::jsonb) || to_jsonb(${newsId}::text))`,
      updated_at: sql`now()`,
    })
    .where('id', '=', (eb) => eb.selectFrom(newest.as('n')).select('n.id'))
    .where('status', '=', 'draft')
    .returning(['id', 'subject'])
    .executeTakeFirst();
  return row ?? null;
}
