import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './processes.js';

/**
 * A PostgreSQL 15 cluster of its own for a test that stops and restarts the server: made with
 * Debian's initdb/pg_ctl in a temp folder, on its own port, so the machine's server is left alone.
 */

const run = promisify(execFile);
const binDir = '/usr/lib/postgresql/15/bin';

/** Debian's PostgreSQL 15 server binaries (package postgresql-15); CI and the dev machine have them. */
export const postgresBinariesPresent = existsSync(path.join(binDir, 'initdb')) && existsSync(path.join(binDir, 'pg_ctl'));

const isRoot = process.getuid?.() === 0;

/** initdb refuses to run as root: then the cluster belongs to the `postgres` OS user. */
async function asOwner(command: string, args: string[]): Promise<string> {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, command), ...args]] : [path.join(binDir, command), args];
  const { stdout } = await run(file, argv, { cwd: '/', timeout: 120_000 });
  return stdout;
}

/** A folder the postgres user can reach: TMPDIR when others may enter it (CI's is private), else /tmp. */
function baseDir(): string {
  const dir = tmpdir();
  return statSync(dir).mode & 0o001 ? dir : '/tmp';
}

export interface ThrowawayCluster {
  /** postgres://…/postgres on 127.0.0.1 and the cluster's own port. */
  readonly url: string;
  /** `pg_ctl restart -m fast`: every connection is cut (57P01), the server comes back. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createCluster(): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(baseDir(), 'frh-pg-'));
  if (isRoot) {
    const owner = await postgresIds();
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // TCP on 127.0.0.1 only (no Unix socket, so no path to share). fsync off: the test restarts the
  // server, it does not cut the machine's power, and the page cache survives a server restart.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  const pgCtl = (...args: string[]) => asOwner('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '120', ...args]);
  await pgCtl('-o', options, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => void (await pgCtl('-m', 'fast', 'restart')),
    stop: async () => void (await pgCtl('-m', 'fast', 'stop')),
    start: async () => void (await pgCtl('-o', options, 'start')),
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}
