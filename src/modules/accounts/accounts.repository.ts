import { sql } from 'kysely';
import { containsPattern } from '../../db/like.js';
import type { Role, TokenPurpose } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

/** Every query of the accounts module. Functions take an executor: the db or the caller's transaction. */

export const findUserByEmail = (db: Executor, email: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();

export const findUserById = (db: Executor, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Executor, values: { email: string; displayName: string; passwordHash: string; locale: string }) =>
  db
    .insertInto('users')
    .values({ email: values.email, display_name: values.displayName, password_hash: values.passwordHash, locale: values.locale })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateUser = (
  db: Executor,
  id: string,
  changes: Partial<{ display_name: string; locale: string; password_hash: string; role: Role; email_confirmed_at: Date; last_login_at: Date }>,
) =>
  db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();

export const countAdmins = async (db: Executor) =>
  (
    await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow()
  ).n;

export const insertToken = (db: Executor, values: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date }) =>
  db
    .insertInto('auth_tokens')
    .values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt })
    .execute();

/** Marks the token used and returns its user, atomically: a token works exactly once. */
export const consumeToken = (db: Executor, tokenHash: string, purpose: TokenPurpose) =>
  db
    .updateTable('auth_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();

export const findValidToken = (db: Executor, tokenHash: string, purpose: TokenPurpose) =>
  db
    .selectFrom('auth_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();

export const invalidateTokens = (db: Executor, userId: string, purpose: TokenPurpose) =>
  db
    .updateTable('auth_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();

export const insertConsent = (db: Executor, values: { userId: string; purpose: string; textVersion: string; text: string }) =>
  db.insertInto('consents').values({ user_id: values.userId, purpose: values.purpose, text_version: values.textVersion, text: values.text }).execute();

export const listConsents = (db: Executor, userId: string) =>
  db.selectFrom('consents').select(['purpose', 'text_version', 'text', 'given_at', 'withdrawn_at']).where('user_id', '=', userId).orderBy('given_at').execute();

export const listMemberships = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.kind', 'memberships.created_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();

export const addMembership = (db: Executor, userId: string, organizationId: string) =>
  db
    .insertInto('memberships')
    .values({ user_id: userId, organization_id: organizationId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const removeMembership = (db: Executor, userId: string, organizationId: string) =>
  db.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst();

export const listOrganizations = (db: Executor) => db.selectFrom('organizations').select(['id', 'name', 'kind']).orderBy('name').execute();

export const findOrganization = (db: Executor, id: string) =>
  db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();

export const insertOrganization = (db: Executor, name: string, kind: 'provider' | 'partner' | 'city') =>
  db.insertInto('organizations').values({ name, kind }).returning(['id', 'name', 'kind']).executeTakeFirstOrThrow();

export const listEditorEmails = async (db: Executor) =>
  (await db.selectFrom('users').select('email').where('role', 'in', ['editor', 'admin']).where('email_confirmed_at', 'is not', null).execute()).map(
    (r) => r.email,
  );

export interface UserSearch {
  query?: string;
  role?: Role;
  limit: number;
  offset: number;
}

/** Admin list: search by name or email, newest first, with the total for paging. */
export async function searchUsers(db: Executor, search: UserSearch) {
  let q = db.selectFrom('users');
  if (search.query) {
    const pattern = containsPattern(search.query);
    q = q.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  if (search.role) q = q.where('role', '=', search.role);
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'email', 'display_name', 'role', 'email_confirmed_at', 'created_at', 'last_login_at'])
      .orderBy('created_at', 'desc')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
