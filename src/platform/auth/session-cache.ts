import type { Versions } from '../../db/content-version.js';
import type { Executor } from '../../db/executor.js';
import type { Actor } from './roles.js';
import { findSession, type FoundSession, type SessionSettings, touchSessionIfDue } from './sessions.js';
import { hashToken } from './tokens.js';

interface KeptSession {
  readonly session: FoundSession;
  readonly versions: Versions;
}

const sameVersions = (a: Versions, b: Versions) => a.content === b.content && a.private === b.private;

/**
 * Sessions this process has found valid, so a signed-in request need not look its session up again.
 *
 * A kept session counts only while both versions (db/content-version.ts) are what they were when it
 * was looked up: signing out, a password change, a new role or any other write to accounts moves one
 * of them, in every process on the database, and the next request looks the session up afresh. The
 * versions are read before the lookup, so a write between the two is never missed. Idle and absolute
 * ends are checked against the clock; the touch stays once a minute. Nothing here is needed by another
 * process: losing it costs one query per session.
 */
export class SessionCache {
  private readonly kept = new Map<string, KeptSession>();

  constructor(
    private readonly db: Executor,
    private readonly settings: SessionSettings,
    private readonly maxEntries = 10_000,
  ) {}

  /** The session's user, or null. `versions` is what this request read after it arrived; null looks it up. */
  async resume(token: string, versions: Versions | null, now = Date.now()): Promise<Actor | null> {
    const idHash = hashToken(token);
    const kept = this.kept.get(idHash);
    if (kept && versions && sameVersions(kept.versions, versions) && this.stillValid(kept.session, now)) {
      await touchSessionIfDue(this.db, idHash, kept.session, now);
      return kept.session.actor;
    }
    if (kept) this.kept.delete(idHash);
    const session = await findSession(this.db, idHash, this.settings);
    if (!session) return null;
    await touchSessionIfDue(this.db, idHash, session, now);
    if (versions) this.keep(idHash, { session, versions });
    return session.actor;
  }

  get size(): number {
    return this.kept.size;
  }

  private stillValid(session: FoundSession, now: number): boolean {
    return session.expiresAt > now && session.lastSeenAt > now - this.settings.idleMinutes * 60_000;
  }

  private keep(idHash: string, entry: KeptSession): void {
    this.kept.set(idHash, entry);
    if (this.kept.size <= this.maxEntries) return;
    const oldest = this.kept.keys().next();
    if (!oldest.done) this.kept.delete(oldest.value);
  }
}
