import type { Executor } from '../../db/executor.js';

/** Consents a person gave (`consents`), with the wording they agreed to. */

export const insertConsent = (db: Executor, values: { userId: string; purpose: string; textVersion: string; text: string }) =>
  db.insertInto('consents').values({ user_id: values.userId, purpose: values.purpose, text_version: values.textVersion, text: values.text }).execute();

export const listConsents = (db: Executor, userId: string) =>
  db.selectFrom('consents').select(['purpose', 'text_version', 'text', 'given_at', 'withdrawn_at']).where('user_id', '=', userId).orderBy('given_at').execute();
