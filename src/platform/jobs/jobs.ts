import { CompiledQuery, type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/types.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';

export type JobHandler<T> = (data: T) => Promise<void>;

interface Registration {
  handler: JobHandler<never>;
  cron?: string;
}

/**
 * The job queue: pg-boss on the app's own database connection.
 * `send` takes the caller's transaction, so a job exists exactly when the change that caused it commits.
 */
export interface Jobs {
  register<T>(name: string, handler: JobHandler<T>, options?: { cron?: string }): void;
  send<T extends object>(executor: Executor, name: string, data: T, options?: { startAfterSeconds?: number; singletonKey?: string }): Promise<void>;
  /** Creates pg-boss' schema and the queues; needed before the first send. */
  start(): Promise<void>;
  /** Starts polling the queues and running handlers (the worker role). */
  startWorker(): Promise<void>;
  /** Lets running jobs finish, then stops. */
  stop(): Promise<void>;
  /** Runs every job that is due now (tests and the CLI); returns how many ran. */
  drain(): Promise<number>;
}

function executorDb(executor: Executor): PgBoss.Db {
  return { executeSql: (text, values) => executor.executeQuery(CompiledQuery.raw(text, values ?? [])) };
}

/**
 * pg-boss reports every failed poll (each queue, every second) while the database is away: one line
 * per outage is enough, the polling goes on and picks up again by itself. Anything else in full.
 */
function reportQueueError(): (error: Error) => void {
  let lastOutageReport = 0;
  return (error) => {
    if (!isDatabaseUnavailable(error)) return console.error('job queue error', error);
    if (Date.now() - lastOutageReport < 10_000) return;
    lastOutageReport = Date.now();
    console.error(`Auftragswarteschlange: Datenbank nicht erreichbar (${error.message}), versuche es weiter`);
  };
}

/**
 * `serializeStart`: on a database server several processes may start at once. pg-boss creates its
 * schema inside a transaction that waits for an advisory lock, and a transaction that began before
 * the other's commit can still miss the new schema in its catalog cache ("duplicate key value violates
 * unique constraint pg_namespace_nspname_index", seen with two web processes and a worker). One start
 * at a time under a lock of our own means the next one begins after that commit and finds pg-boss
 * installed. Not for the embedded database: one process, one connection.
 */
export function createJobs(db: Kysely<DB>, options: { serializeStart?: boolean } = {}): Jobs {
  const registrations = new Map<string, Registration>();
  // Completed jobs hold mail addresses: keep them only a week.
  const boss = new PgBoss({ db: executorDb(db), schema: 'pgboss', deleteAfterDays: 7, archiveCompletedAfterSeconds: 3600 });
  boss.on('error', reportQueueError());
  let started = false;

  return {
    register(name, handler, options) {
      registrations.set(name, { handler: handler, cron: options?.cron });
    },
    async send(executor, name, data, options) {
      if (!registrations.has(name)) throw new Error(`no handler registered for job "${name}"`);
      await boss.send(name, data as object, {
        db: executorDb(executor),
        startAfter: options?.startAfterSeconds,
        singletonKey: options?.singletonKey,
        retryLimit: 5,
        retryBackoff: true,
      });
    },
    async start() {
      if (started) return;
      if (options.serializeStart) await oneAtATime(db, () => boss.start());
      else await boss.start();
      for (const name of registrations.keys()) await createQueueAgainAfterDeadlock(boss, name);
      started = true;
    },
    async startWorker() {
      for (const [name, { handler, cron }] of registrations) {
        await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        });
        if (cron) await boss.schedule(name, cron, {}, { tz: 'Europe/Berlin' });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
      started = false;
    },
    async drain() {
      let ran = 0;
      // pg-boss fetches jobs whose start_after < now(). The embedded database's clock moves in whole
      // milliseconds, so a job sent in the same millisecond as a fetch is not due yet: a pass that
      // finds nothing is tried once more a moment later before the queue counts as drained.
      for (let more = true, again = true; more || again;) {
        if (!more) {
          again = false;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        more = false;
        for (const [name, { handler }] of registrations) {
          const jobs = await boss.fetch(name, { batchSize: 20 });
          for (const job of jobs ?? []) {
            try {
              await handler(job.data as never);
              await boss.complete(name, job.id);
            } catch (error) {
              await boss.fail(name, job.id, { message: String(error) });
              throw error;
            }
            ran++;
            more = true;
            again = true;
          }
        }
      }
      return ran;
    },
  };
}

/**
 * Processes starting together on an empty database can deadlock in pg-boss' queue creation
 * (seen with two web processes and a worker). PostgreSQL then aborts one of them; creating the
 * queue again is harmless (pg-boss skips a queue that exists), so that one tries again.
 */
async function oneAtATime(db: Kysely<DB>, run: () => Promise<unknown>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(hashtext('familienrathaus.pgboss.start'))`.execute(connection);
    try {
      await run();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('familienrathaus.pgboss.start'))`.execute(connection);
    }
  });
}

async function createQueueAgainAfterDeadlock(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name);
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
    }
  }
}
