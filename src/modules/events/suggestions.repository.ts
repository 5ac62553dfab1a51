import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** The review of events waiting for an editor, and the retention of public suggestions. */

/** Publishes or rejects a waiting event; SEQUENCE goes up, since subscribed calendars see the change. */
export async function recordDecision(
  trx: Executor,
  id: string,
  decision: { approved: boolean; reason: string | null; reviewedBy: string; sequence: number },
): Promise<void> {
  await trx
    .updateTable('events')
    .set({
      review_state: decision.approved ? 'published' : 'rejected',
      review_reason: decision.reason,
      reviewed_by: decision.reviewedBy,
      reviewed_at: sql<Date>`now()`,
      sequence: decision.sequence,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Erases the suggesters' addresses of events decided before `reviewedBefore`; returns how many. */
export async function eraseSuggesterEmails(db: Executor, reviewedBefore: Date): Promise<number> {
  const result = await db
    .updateTable('events')
    .set({ suggester_email: null })
    .where('suggester_email', 'is not', null)
    .where('reviewed_at', '<', reviewedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes rejected suggestions decided before `before`, and undecided ones sent before it; returns how many. */
export async function deleteStaleSuggestions(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('events')
    .where('review_state', 'in', ['pending', 'rejected'])
    .where((w) => w.or([w('reviewed_at', '<', before), w.and([w('reviewed_at', 'is', null), w('created_at', '<', before)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
