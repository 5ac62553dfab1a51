import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NewsletterSubscribersTable } from '../../db/tables/newsletter.js';

/** Subscribers of the Familieninfobrief: the double opt-in rows (pending → confirmed → unsubscribed). */

export type SubscriberRow = Selectable<NewsletterSubscribersTable>;

/** What a subscriber chose: language, topics, district. */
export interface SubscriberPrefs {
  locale: string;
  topics: string[];
  district: string | null;
}

/** A sign-up's consent proof. */
export interface Consent {
  consentText: string;
  consentVersion: string;
}

/** Writes a pending row for a new address; an address already known keeps its row untouched. */
export async function insertPendingIfNew(trx: Executor, email: string, prefs: SubscriberPrefs, consent: Consent, linkKey: string): Promise<void> {
  await trx
    .insertInto('newsletter_subscribers')
    .values({
      email,
      ...prefs,
      status: 'pending',
      link_key: linkKey,
      consent_text: consent.consentText,
      consent_version: consent.consentVersion,
      signed_up_at: new Date(),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

/** The row of an address, locked until the transaction ends (concurrent sign-ups serialise on it). */
export async function lockSubscriberByEmail(trx: Executor, email: string): Promise<SubscriberRow> {
  return trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).forUpdate().executeTakeFirstOrThrow();
}

/** A subscriber's row, locked until the transaction ends. */
export async function lockSubscriber(trx: Executor, id: string): Promise<SubscriberRow | undefined> {
  return trx.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findSubscriber(db: Executor, id: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A pending or unsubscribed address signs up (again): pending with the newest preferences and consent. */
export async function renewSignup(trx: Executor, id: string, prefs: SubscriberPrefs, consent: Consent, signedUpAt: Date): Promise<void> {
  await trx
    .updateTable('newsletter_subscribers')
    .set({
      ...prefs,
      status: 'pending',
      consent_text: consent.consentText,
      consent_version: consent.consentVersion,
      signed_up_at: signedUpAt,
      confirmed_at: null,
      unsubscribed_at: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Notes a mail about the subscription as sent now, unless one went out within `windowMinutes`;
 * true when this mail is due.
 */
export async function claimMailWindow(trx: Executor, id: string, windowMinutes: number): Promise<boolean> {
  const due = await trx
    .updateTable('newsletter_subscribers')
    .set({ confirmation_sent_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('confirmation_sent_at', 'is', null), eb('confirmation_sent_at', '<', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)]))
    .returning('id')
    .executeTakeFirst();
  return !!due;
}

/** Confirmed (and no longer suppressed: a new opt-in is a new chance). */
export async function confirmSubscriber(trx: Executor, id: string): Promise<void> {
  await trx
    .updateTable('newsletter_subscribers')
    .set({ status: 'confirmed', confirmed_at: sql`now()`, suppressed_at: null, suppressed_reason: null, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function setPreferences(db: Executor, id: string, prefs: SubscriberPrefs): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({ ...prefs, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '!=', 'unsubscribed')
    .execute();
}

/** Unsubscribed: a new link key voids every personal link, the preferences go at once. */
export async function markUnsubscribed(trx: Executor, id: string, newLinkKey: string): Promise<void> {
  await trx
    .updateTable('newsletter_subscribers')
    .set({
      status: 'unsubscribed',
      unsubscribed_at: sql`now()`,
      link_key: newLinkKey,
      topics: [],
      district: null,
      confirmation_sent_at: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** A permanent delivery failure: the address gets no more issues. */
export async function suppressSubscriber(db: Executor, id: string, reason: string): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({ suppressed_at: sql`now()`, suppressed_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Retention: deletes sign-ups unconfirmed for `days`; returns how many. */
export async function deleteExpiredPending(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where('signed_up_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Retention: deletes addresses unsubscribed for `days`; returns how many. */
export async function deleteExpiredUnsubscribed(db: Executor, days: number): Promise<number> {
  const result = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'unsubscribed')
    .where('unsubscribed_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Counts for the editors (never the addresses); a confirmed but suppressed address counts as "suppressed". */
export async function subscriberCounts(db: Executor): Promise<Record<'pending' | 'confirmed' | 'unsubscribed' | 'suppressed', number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select([
      sql<string>`CASE WHEN suppressed_at IS NOT NULL AND status = 'confirmed' THEN 'suppressed' ELSE status END`.as('k'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .groupBy('k')
    .execute();
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0, suppressed: 0 };
  for (const r of rows) counts[r.k as keyof typeof counts] = Number(r.n);
  return counts;
}
