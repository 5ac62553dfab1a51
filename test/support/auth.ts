import { hash } from '@node-rs/argon2';
import type { Role } from '../../src/db/types.js';
import { cookieNames } from '../../src/platform/http/context.js';
import { createSession, sessionSettings } from '../../src/platform/auth/sessions.js';
import type { TestApp } from './app.js';
import { Visitor } from './app.js';

let counter = 0;

/** Writes a confirmed user with the given role straight into the database. */
export async function createUser(t: TestApp, overrides: { role?: Role; email?: string; password?: string; displayName?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `person${counter}-${Date.now()}@example.org`;
  const user = await t.deps.db
    .insertInto('users')
    .values({
      email,
      display_name: overrides.displayName ?? `Testperson ${counter}`,
      role: overrides.role ?? 'family',
      password_hash: await hash(overrides.password ?? 'ein langes Testpasswort'),
      email_confirmed_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return user;
}

/** A visitor already signed in as a new user with this role (skips the login form). */
export async function signedInVisitor(t: TestApp, role: Role = 'family') {
  const user = await createUser(t, { role });
  const visitor = new Visitor(() => t.app);
  const token = await createSession(t.deps.db, user.id, sessionSettings(t.deps.config));
  visitor.cookies.set(cookieNames(t.deps.config).session, token);
  return { visitor, user };
}
