import { sql } from 'kysely';
import { containsPattern } from '../../db/like.js';
import type { Role } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';

/** Accounts in `users`: lookup, changes, the admin list. Functions take an executor: the db or the caller's transaction. */

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
