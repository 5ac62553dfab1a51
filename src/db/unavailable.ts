/**
 * Whether an error means "the database cannot be reached right now" (restart, failover, network),
 * as opposed to a bug or a bad query: such a request answers 503 and may be tried again.
 */

/** SQLSTATEs of a server that is going away or not yet there. Class 08: connection exceptions. */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors while connecting to or talking with the server. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** pg and pg-pool say these in words only (no code). */
const driverMessages = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, syscall, message, cause, errors } = error as ErrorLike;
  if (typeof code === 'string') {
    if (unavailableStates.has(code) || code.startsWith('08') || socketCodes.has(code)) return true;
    // The Unix socket of a server that is down (its file is gone).
    if (code === 'ENOENT' && syscall === 'connect') return true;
  }
  if (typeof message === 'string' && driverMessages.some((m) => message.startsWith(m))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * For the web and worker processes: a promise nobody awaits that fails because the database is
 * away must not end the process (pg-boss does not await marking a finished job complete; the job
 * then runs again after it expires). Any other unhandled rejection still ends it, as Node would.
 */
export function surviveDatabaseOutages(): void {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      console.error(`Datenbank nicht erreichbar: ${reason instanceof Error ? reason.message : String(reason)}`);
      return;
    }
    console.error(reason);
    process.exit(1);
  });
}
