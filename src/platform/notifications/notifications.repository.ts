import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NotificationCadence, NotificationChannel } from '../../db/tables/notifications.js';

const newKey = () => randomBytes(16).toString('base64url');
export const userRecipient = (userId: string) => `user:${userId}`;

/**
 * Makes sure every account has its recipient row (copying address and language), and brings address
 * and language up to date where they changed. An unchanged row is not written, so a notification does
 * not lock the rows of everyone it tells.
 */
export async function ensureUserRecipients(trx: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...new Set(userIds)].sort();
  await trx
    .insertInto('notification_recipients')
    .columns(['id', 'user_id', 'email', 'locale', 'link_key'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select([
          sql<string>`'user:' || users.id`.as('id'),
          'users.id as user_id',
          'users.email',
          'users.locale',
          sql<string>`replace(gen_random_uuid()::text, '-', '')`.as('link_key'),
        ])
        .where('users.id', 'in', ids),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await sql`UPDATE notification_recipients r SET email = u.email, locale = u.locale
    FROM users u WHERE r.user_id = u.id AND u.id IN (${sql.join(ids)}) AND (r.email <> u.email OR r.locale <> u.locale)`.execute(trx);
}

/** A person a module knows by address only ('council-member:<id>'): created or brought up to date. */
export async function ensureKeyedRecipient(trx: Executor, r: { id: string; email: string; locale: string }): Promise<void> {
  await trx
    .insertInto('notification_recipients')
    .values({ id: r.id, email: r.email, locale: r.locale, link_key: newKey() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .updateTable('notification_recipients')
    .set({ email: r.email, locale: r.locale })
    .where('id', '=', r.id)
    .where((eb) => eb.or([eb('email', '<>', r.email), eb('locale', '<>', r.locale)]))
    .execute();
}

export function findRecipients(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notification_recipients')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export function findRecipient(db: Executor, id: string) {
  return db.selectFrom('notification_recipients').selectAll().where('id', '=', id).executeTakeFirst();
}

export function preferencesOf(db: Executor, recipientIds: readonly string[], kinds?: readonly string[]) {
  if (recipientIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('notification_preferences')
    .select(['recipient_id', 'kind', 'cadence', 'push'])
    .where('recipient_id', 'in', [...recipientIds]);
  if (kinds) q = q.where('kind', 'in', [...kinds]);
  return q.execute();
}

export async function setPreference(trx: Executor, recipientId: string, kind: string, cadence: NotificationCadence, push: boolean): Promise<void> {
  await trx
    .insertInto('notification_preferences')
    .values({ recipient_id: recipientId, kind, cadence, push })
    .onConflict((oc) => oc.columns(['recipient_id', 'kind']).doUpdateSet({ cadence, push, updated_at: new Date() }))
    .execute();
}

export async function setDigestHour(trx: Executor, recipientId: string, hour: number): Promise<void> {
  await trx.updateTable('notification_recipients').set({ digest_hour: hour }).where('id', '=', recipientId).execute();
}

/** Recipients (of these) with at least one device that takes push messages. */
export async function withDevices(db: Executor, recipientIds: readonly string[]): Promise<Set<string>> {
  if (recipientIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_push_subscriptions')
    .select('recipient_id')
    .distinct()
    .where('recipient_id', 'in', [...recipientIds])
    .execute();
  return new Set(rows.map((r) => r.recipient_id));
}

export interface OutboxRow {
  recipient_id: string;
  kind: string;
  item_key: string;
  channel: NotificationChannel;
  cadence: Exclude<NotificationCadence, 'never'>;
  scope: string | null;
  content: string;
  not_before: Date;
}

/** One row per recipient, item and channel: what is there already stays as it is. Returns the rows written. */
export async function queue(trx: Executor, rows: OutboxRow[]): Promise<{ cadence: string; channel: string }[]> {
  if (rows.length === 0) return [];
  return trx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['recipient_id', 'item_key', 'channel']).doNothing())
    .returning(['cadence', 'channel'])
    .execute();
}

/** Withdraws what has not gone out yet (a cancelled registration's reminder, a removed member's news). */
export async function cancelQueued(
  trx: Executor,
  where: { scope?: string; itemKey?: string; recipientId?: string; kind?: string; channel?: NotificationChannel },
): Promise<number> {
  let q = trx.updateTable('notifications').set({ state: 'cancelled' }).where('state', '=', 'queued');
  if (where.scope !== undefined) q = q.where('scope', '=', where.scope);
  if (where.itemKey !== undefined) q = q.where('item_key', '=', where.itemKey);
  if (where.recipientId !== undefined) q = q.where('recipient_id', '=', where.recipientId);
  if (where.kind !== undefined) q = q.where('kind', '=', where.kind);
  if (where.channel !== undefined) q = q.where('channel', '=', where.channel);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const claimedColumns = ['id', 'recipient_id', 'kind', 'item_key', 'channel', 'content', 'attempts', 'created_at'] as const;

/**
 * Claims due "immediately" rows: FOR UPDATE SKIP LOCKED, so a second run at the same time takes other
 * rows (or none). The claim commits before anything is sent: a crash after it leaves the rows "sending".
 */
export function claimImmediate(db: Executor, limit: number) {
  return db
    .updateTable('notifications')
    .set({ state: 'sending', claimed_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notifications')
        .select('id')
        .where('state', '=', 'queued')
        .where('cadence', '=', 'immediate')
        .where('not_before', '<=', sql<Date>`now()`)
        .orderBy('not_before')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('state', '=', 'queued')
    .returning([...claimedColumns])
    .execute();
}

/** Recipients with digest rows of this cadence waiting: their digest hour, and what their mail needs (address, language, key). */
export function digestCandidates(db: Executor, cadence: 'daily' | 'weekly') {
  return db
    .selectFrom('notifications as n')
    .innerJoin('notification_recipients as r', 'r.id', 'n.recipient_id')
    .select(['r.id', 'r.digest_hour', 'r.user_id', 'r.email', 'r.locale', 'r.link_key'])
    .distinct()
    .where('n.state', '=', 'queued')
    .where('n.cadence', '=', cadence)
    .execute();
}

/**
 * Locks the recipient (NO KEY UPDATE SKIP LOCKED: another run building this person's digest has it;
 * new notifications, which only take a key-share lock, go on) and claims their waiting digest rows
 * from before the digest's moment, under one batch id — one statement, so the lock lasts exactly as long
 * as the claim (and a row another run claimed meanwhile is checked again and skipped). Nothing when
 * another run has the person.
 */
export function claimDigest(db: Executor, recipientId: string, cadence: 'daily' | 'weekly', moment: Date, batchId: string) {
  return db
    .with('locked', (qb) => qb.selectFrom('notification_recipients').select('id').where('id', '=', recipientId).forNoKeyUpdate().skipLocked())
    .updateTable('notifications')
    .set({ state: 'sending', claimed_at: sql<Date>`now()`, batch_id: batchId, attempts: sql<number>`attempts + 1` })
    .where('recipient_id', 'in', (eb) => eb.selectFrom('locked').select('locked.id'))
    .where('state', '=', 'queued')
    .where('cadence', '=', cadence)
    .where('created_at', '<=', moment)
    .where('not_before', '<=', sql<Date>`now()`)
    .returning([...claimedColumns])
    .execute();
}

/** The outcome is known: sent. An "unclear" row whose send finished late is recorded as sent too. */
export async function markSent(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ state: 'sent', sent_at: sql<Date>`now()`, error: null })
    .where('id', 'in', [...ids])
    .where('state', 'in', ['sending', 'unclear'])
    .execute();
}

/** A refusal: permanent ones (and the last attempt) fail for good; a temporary one waits for the next run. */
export async function markFailed(db: Executor, ids: readonly string[], reason: string, retry: boolean): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ state: retry ? 'queued' : 'failed', error: reason.slice(0, 500), ...(retry ? { claimed_at: null, batch_id: null } : {}) })
    .where('id', 'in', [...ids])
    .where('state', '=', 'sending')
    .execute();
}

/**
 * Rows a run claimed and never recorded (it crashed, or the machine went down, in the middle of SMTP or
 * push): they may have arrived. They become "unclear" and are never sent again by themselves.
 */
export async function markInterrupted(db: Executor, olderThanSeconds: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ state: 'unclear', error: 'Versand unterbrochen; ob die Nachricht ankam, ist unbekannt.' })
    .where('state', '=', 'sending')
    .where('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function devicesOf(db: Executor, recipientId: string) {
  return db
    .selectFrom('notification_push_subscriptions')
    .select(['id', 'endpoint', 'p256dh', 'auth', 'created_at'])
    .where('recipient_id', '=', recipientId)
    .orderBy('created_at')
    .execute();
}

export async function saveDevice(db: Executor, recipientId: string, s: { endpoint: string; p256dh: string; auth: string }): Promise<void> {
  // One device, one row: subscribing again (or for another person on a shared device) moves it.
  await db
    .insertInto('notification_push_subscriptions')
    .values({ recipient_id: recipientId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet({ recipient_id: recipientId, p256dh: s.p256dh, auth: s.auth }))
    .execute();
}

export async function removeDevice(db: Executor, recipientId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('notification_push_subscriptions').where('id', '=', id).where('recipient_id', '=', recipientId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function forgetEndpoint(db: Executor, endpoint: string): Promise<void> {
  await db.deleteFrom('notification_push_subscriptions').where('endpoint', '=', endpoint).execute();
}

/** What needs a person's eye: deliveries that failed or whose outcome is unclear, newest first. */
export function needingAttention(db: Executor, limit = 200) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('notification_recipients as r', 'r.id', 'n.recipient_id')
    .select(['n.id', 'n.kind', 'n.channel', 'n.state', 'n.error', 'n.claimed_at', 'n.created_at', 'n.content', 'r.email'])
    .where('n.state', 'in', ['unclear', 'failed'])
    .orderBy('n.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countsByState(db: Executor) {
  const rows = await db
    .selectFrom('notifications')
    .select(['state', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)])) as Record<string, number>;
}

/** Staff decided to send an unclear or failed delivery once more. */
export async function requeue(db: Executor, id: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ state: 'queued', cadence: 'immediate', not_before: sql<Date>`now()`, claimed_at: null, batch_id: null, error: null })
    .where('id', '=', id)
    .where('state', 'in', ['unclear', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
