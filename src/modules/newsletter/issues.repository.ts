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

export async function subscriberCounts(db: Executor): Promise<Record<'pending' | 'confirmed' | 'unsubscribed' | 'suppressed', number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select([
      sql<string>`CASE WHEN suppressed_at IS NOT NULL AND status = 'confirmed' THEN 'suppressed' ELSE status END`.as('k'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .groupBy('k')
    .execute();
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0, suppressed: 0 };
  for (const r of rows) counts[r.k as keyof typeof counts] = Number(r.n);
  return counts;
}
