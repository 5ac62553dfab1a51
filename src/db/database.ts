import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { DB } from './types.js';

// count(*) and bigint arrive as strings from pg; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The extensions the migrations create: loaded wherever PGlite is opened. */
const extensions = { pg_trgm, btree_gist };

/**
 * PostgreSQL's memory inside the embedded database. Its defaults (shared_buffers 128 MB, maintenance
 * work 64 MB) are for a server of its own; a city's data is a few dozen MB and the rest of a page's
 * reads come from the operating system's file cache. A bare PGlite with the demo data held 237 instead of 349 MB
 * after opening (bench/memory.ts measures the whole portal).
 */
const embeddedSettings = ['shared_buffers = 16MB', 'maintenance_work_mem = 16MB', 'work_mem = 4MB', 'temp_buffers = 2MB', 'wal_buffers = 1MB'];

export interface Database {
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  readonly embedded: boolean;
  /** Calls `observer` with the SQL of every query sent through `db` until the returned function is called (tests count round trips). */
  observeQueries(observer: (sql: string) => void): () => void;
  close(): Promise<void>;
}

/** A Kysely whose queries can be watched (Database.observeQueries). */
function observedKysely(pool: pg.Pool): Pick<Database, 'db' | 'observeQueries'> {
  const observers = new Set<(sql: string) => void>();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      for (const observer of observers) observer(event.query.sql);
    },
  });
  return {
    db,
    observeQueries(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
  };
}

export interface DatabaseOptions {
  /** A PostgreSQL server. Unset: PGlite in dataDir, reached through pglite-socket. */
  url?: string;
  dataDir: string;
  /** Embedded only: start from this snapshot instead of the folder (tests). */
  snapshot?: Blob;
  poolSize?: number;
}

/**
 * Opens the database. There is one code path: the app always talks through `pg`.
 * Embedded mode puts PGlite behind a Unix socket in the data folder (0700, so no other
 * local user reaches it) and uses ONE pool of one connection, which pg-boss shares:
 * PGlite runs one session, and a second pool was seen to hang.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    // keepAlive: a connection a firewall or NAT silently dropped is noticed instead of hanging.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, keepAlive: true });
    survivesDisconnects(pool);
    const { db, observeQueries } = observedKysely(pool);
    return { db, pool, embedded: false, observeQueries, close: () => db.destroy() };
  }

  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // Before PGlite opens the files: a second process on them would damage the data.
  const lock = lockDataDir(options.dataDir);
  try {
    return await openEmbedded(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openEmbedded(options: DatabaseOptions, lock: DataDirLock): Promise<Database> {
  const pgliteDir = path.join(options.dataDir, 'pglite');
  const settings = { extensions, postgresqlconf: embeddedSettings.join('\n') };
  const lite = options.snapshot
    ? await PGlite.create({ loadDataDir: options.snapshot, ...settings })
    : await PGlite.create({ dataDir: pgliteDir, ...settings });
  const socketDir = path.join(options.dataDir, 'socket');
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  // We hold the lock, so a socket file here is left over from a process that was killed
  // (kill -9, OOM, power cut); listening on it would fail with EADDRINUSE.
  rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({ db: lite, path: socketPath });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  survivesDisconnects(pool);
  const { db, observeQueries } = observedKysely(pool);
  return {
    db,
    pool,
    embedded: true,
    observeQueries,
    async close() {
      await db.destroy();
      await server.stop();
      await lite.close();
      lock.release();
    },
  };
}

/**
 * A server that restarts or closes connections (57P01, a failover, a network cut) must not end the
 * process. pg emits 'error' on a client whose socket ends; pg-pool listens only while the client is
 * idle, so a client checked out at that moment (in a transaction, or rolling one back) emitted it
 * with no listener: Node's "Unhandled 'error' event". Every client now keeps a listener; the query
 * in flight fails on its own (the request answers 503), and pg-pool drops the broken client when it
 * comes back, so new connections are made once the server is there again.
 */
function survivesDisconnects(pool: pg.Pool): void {
  let lastReport = 0;
  const report = (error: Error) => {
    // One line per outage is enough; every request that fails says so in its own log line.
    if (Date.now() - lastReport < 10_000) return;
    lastReport = Date.now();
    console.error(`Datenbankverbindung unterbrochen: ${error.message}`);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
}

/** A data-folder snapshot of an embedded database (to clone a migrated template in tests). */
export async function snapshotEmbedded(dataDir: string): Promise<Blob> {
  const lite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions });
  const blob = await lite.dumpDataDir('none');
  await lite.close();
  return blob;
}
