import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { standalone, takeFinishedJobs } from '../jobs/job-payloads.js';
import type { Executor } from '../../db/executor.js';

/** The local outbox: rows in mail_outbox, and one .eml file per row in DATA_DIR/outbox named after the row's id. */

const emlFile = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.eml$/;

/** Deletes the .eml files whose row is gone (erased with an account, or past the retention period). */
export async function pruneOutboxFiles(db: Kysely<DB>, dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const ids = names.map((name) => emlFile.exec(name)?.[1]).filter((id): id is string => id !== undefined);
  const kept = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const row of rows) kept.add(row.id);
  }
  const orphans = ids.filter((id) => !kept.has(id));
  for (const id of orphans) await rm(path.join(dir, `${id}.eml`), { force: true });
  return orphans.length;
}

/** Deletes outbox mails whose text mentions this address (quoted in a notice to the editors, say). */
export async function deleteOutboxMentioning(executor: Executor, address: string): Promise<void> {
  await executor
    .deleteFrom('mail_outbox')
    .where(sql<boolean>`text_body ~* ${standalone(address)}`)
    .execute();
}

/**
 * Mails sent with `forget` (the farewell to an erased account) leave nothing behind once they are
 * out: their finished jobs go, and with them the outbox rows to that address written until then.
 */
export async function forgetDeliveredMails(db: Kysely<DB>, jobName: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const finished = await takeFinishedJobs<{ to: string }>(trx, jobName, 'forget');
    for (const { data, finishedAt } of finished) {
      await trx
        .deleteFrom('mail_outbox')
        .where((eb) => eb(eb.fn('lower', ['recipient']), '=', data.to.toLowerCase()))
        .where('created_at', '<=', finishedAt)
        .execute();
    }
    return finished.length;
  });
}

/** The newest mails of the local outbox, for the admins' list. */
export function listOutbox(db: Executor, limit = 200) {
  return db.selectFrom('mail_outbox').select(['id', 'recipient', 'subject', 'created_at']).orderBy('created_at', 'desc').limit(limit).execute();
}

/** One mail of the local outbox, or undefined. */
export function findOutboxMail(db: Executor, id: string) {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
