import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/**
 * pg-boss keeps every job's payload (`data`) and result or error (`output`) in `pgboss.job`, and
 * moves finished jobs to `pgboss.archive` for a week: both can hold mail addresses and texts.
 */
const jobTables = ['pgboss.job', 'pgboss.archive'] as const;

/**
 * A case-insensitive regular expression (for `~*`) that finds an address or id on its own, not as
 * part of a longer one: erasing "nna@example.org" must not touch a mail to "anna@example.org".
 */
export function standalone(text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `(^|[^a-z0-9._%+-])${escaped}($|[^a-z0-9_.-]|\\.($|[^a-z0-9]))`;
}

/** Deletes queued, running and finished jobs whose payload or output mentions any of the texts (see `standalone`). */
export async function deleteJobsMentioning(executor: Executor, texts: readonly string[]): Promise<number> {
  const patterns = texts.filter((text) => text.length > 0).map(standalone);
  if (patterns.length === 0) return 0;
  const mentions = sql.join(
    patterns.map((pattern) => sql`data::text ~* ${pattern} OR coalesce(output::text, '') ~* ${pattern}`),
    sql` OR `,
  );
  let deleted = 0;
  for (const table of jobTables) {
    const result = await sql`DELETE FROM ${sql.table(table)} WHERE ${mentions}`.execute(executor);
    deleted += Number(result.numAffectedRows ?? 0);
  }
  return deleted;
}

/** Deletes the finished jobs of a queue whose payload has `flag: true`, and returns their payloads and when they finished. */
export async function takeFinishedJobs<T>(executor: Executor, name: string, flag: string): Promise<{ data: T; finishedAt: Date }[]> {
  const taken: { data: T; finishedAt: Date }[] = [];
  for (const table of jobTables) {
    const result = await sql<{ data: T; completed_on: Date }>`
      DELETE FROM ${sql.table(table)}
       WHERE name = ${name} AND (data ->> ${flag}) = 'true' AND state IN ('completed', 'failed', 'cancelled')
       RETURNING data, completed_on`.execute(executor);
    taken.push(...result.rows.map((row) => ({ data: row.data, finishedAt: new Date(row.completed_on) })));
  }
  return taken;
}
