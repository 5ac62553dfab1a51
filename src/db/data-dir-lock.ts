import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Another live process holds the embedded data folder; the message names it. */
export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): void;
}

/**
 * One process per embedded data folder: PGlite runs inside the process, and a second one on the
 * same files would damage them. The holder's PID is kept in DATA_DIR/portal.pid. A file left
 * behind by a process that is gone (kill -9, OOM kill, power cut) is taken over without asking.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'portal.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        if (pidIn(file) === process.pid) rmSync(file, { force: true });
      };
      // Also when the process ends without closing the database (process.exit, an uncaught error).
      process.once('exit', release);
      return {
        release() {
          process.removeListener('exit', release);
          release();
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = pidIn(file);
    // Our own PID in the file is stale too: in a container the portal is PID 1 after every restart.
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new DataDirInUseError(
        `Der Datenordner ${dataDir} wird schon von einem laufenden Familienrathaus benutzt (Prozess ${holder}). ` +
          `Beenden Sie diesen Prozess zuerst (kill ${holder}) oder starten Sie mit einem anderen DATA_DIR.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new Error(`${file}: could not take the lock`);
}

function pidIn(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // After a reboot the number may belong to some other program: only a Node process counts.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (not Linux): trust the signal check
  }
}
