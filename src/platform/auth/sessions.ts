import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Executor } from '../../db/executor.js';
import type { Actor } from './roles.js';
import { hashToken, newToken } from './tokens.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export const sessionSettings = (config: Config): SessionSettings => ({
  idleMinutes: config.sessionIdleMinutes,
  absoluteHours: config.sessionAbsoluteHours,
});

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export async function createSession(db: Executor, userId: string, settings: SessionSettings): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + settings.absoluteHours * 3_600_000) })
    .execute();
  return token;
}

/** A valid session: its user, and when it was last seen and ends (epoch ms). */
export interface FoundSession {
  readonly actor: Actor;
  lastSeenAt: number;
  readonly expiresAt: number;
}

/** The session with this token hash, or null when it is unknown, idle too long or past its absolute end. */
export async function findSession(db: Executor, idHash: string, settings: SessionSettings): Promise<FoundSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.role', 'users.email', 'users.display_name', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${settings.idleMinutes})`)
    .executeTakeFirst();
  if (!row) return null;
  return {
    actor: { id: row.id, role: row.role, email: row.email, displayName: row.display_name },
    lastSeenAt: row.last_seen_at.getTime(),
    expiresAt: row.expires_at.getTime(),
  };
}

/** Reading a page should not always write: a session is touched at most once a minute. */
const touchIntervalMs = 60_000;

/** Marks the session as seen now, when it was last marked more than a minute ago. */
export async function touchSessionIfDue(db: Executor, idHash: string, session: FoundSession, now = Date.now()): Promise<void> {
  if (now - session.lastSeenAt <= touchIntervalMs) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .execute();
  session.lastSeenAt = now;
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

export async function destroyAllSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, settings: SessionSettings): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', sql<Date>`now()`), eb('last_seen_at', '<', sql<Date>`now() - make_interval(mins => ${settings.idleMinutes})`)]))
    .execute();
}
