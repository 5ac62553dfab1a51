import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Executor } from '../../db/executor.js';
import type { NotificationCadence } from '../../db/tables/notifications.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../audit/audit.js';
import { hmac, safeEqual } from '../auth/tokens.js';
import type { CityProfile } from '../city.js';
import { storedLocale, type Locale } from '../i18n/i18n.js';
import type { Jobs } from '../jobs/jobs.js';
import { classifySmtpError } from '../mail/bulk.js';
import type { Mail, Mailer } from '../mail/mailer.js';
import { addDays, fromLocal, todayIn, weekdayOf } from '../time/berlin.js';
import { notificationMail } from './notification-mail.js';
import { notificationMessages } from './notifications.messages.js';
import * as repo from './notifications.repository.js';
import { isAllowedSubscription, sendPush, type PushSend, type PushSubscriptionInput } from './push.js';

/*
 * The platform's notification service — every module tells people things through it.
 *
 * notify(trx, …) writes, in the caller's transaction, one outbox row per recipient, item and channel
 * (UNIQUE (recipient_id, item_key, channel): the same event told twice queues nothing more), in the
 * cadence the person chose for this kind: immediately, in the daily or weekly digest (at their hour,
 * Europe/Berlin), or never — and a push row where they also want push and have a device. The content is
 * rendered then, in the person's language, by the module that knows the event.
 *
 * Delivery (jobs `notifications.dispatch`, every minute and queued with each event, and
 * `notifications.digest`, every 5 minutes) follows the newsletter's rule:
 *   1. claim rows: UPDATE … SET state = 'sending' on a FOR UPDATE SKIP LOCKED selection (a digest locks
 *      the person first), committed BEFORE any SMTP or push traffic — two runs never take the same row;
 *   2. send (the platform mail's transport, or Web Push);
 *   3. record 'sent', or 'failed' (a temporary SMTP refusal waits for the next run, three tries at most).
 * A crash between 1 and 3 leaves rows 'sending': they may have arrived. After 15 minutes the next run
 * marks them 'unclear' and never sends them again by itself (better one missing than one twice); staff
 * see them under /verwaltung/benachrichtigungen and may send one again on purpose.
 */

export const dispatchJob = 'notifications.dispatch';
export const digestJob = 'notifications.digest';
/** A claimed row older than this without an outcome was interrupted. SMTP's own timeouts are shorter. */
export const interruptedAfterSeconds = 15 * 60;
/** Rows claimed per dispatch round. */
const dispatchBatch = 100;
const maxAttempts = 3;
/** Digests built at the same time by one run (each holds a database connection while it claims). */
const digestConcurrency = 4;

export type Cadence = NotificationCadence;

/** A kind of notification a module sends, as people see it on the settings page. */
export interface NotificationKind {
  /** '<module>.<what>', e.g. 'network.post'. */
  kind: string;
  /** Whom it goes to: the prefix of the recipients' ids ('user' for accounts, 'council-member', …). */
  audience: string;
  /** The heading it is listed under on the settings page (the module's name). */
  section(locale: Locale): string;
  label(locale: Locale): string;
  /** What a person who chose nothing gets. */
  cadence: Cadence;
  /** Also by push unless the person says otherwise (they still need a device). */
  push?: boolean;
  /** False for what only makes sense at once (a reminder the day before): no digest is offered. */
  digest?: boolean;
  /** Whether the settings page offers it to this account (the network's kinds: only to partners and staff). */
  offeredTo?(userId: string): Promise<boolean>;
}

/** What the recipient reads, in their language. Links are absolute; the push url is a path on this site. */
export interface NotificationContent {
  subject: string;
  /** A whole letter in the module's own words (its greeting and signature): used instead of ours and `lines`. */
  letter?: string;
  lines?: string[];
  links?: { label: string; url: string }[];
  calendar?: Mail['calendar'];
  push?: { title: string; body: string; url: string };
}

export type RecipientRef = { userId: string } | { id: string; email: string; locale: string };

export interface Recipient {
  id: string;
  userId: string | null;
  email: string;
  locale: Locale;
}

export interface Notice {
  kind: string;
  /** Names the event for this kind: the same key twice for one person queues nothing more. */
  itemKey: string;
  /** What the rows belong to (a group, a registration): cancel({ scope }) withdraws what waits. */
  scope?: string;
  /** Not before this moment (a reminder the day before). */
  notBefore?: Date;
  to: readonly RecipientRef[];
  content(recipient: Recipient): NotificationContent;
}

export interface DeliveryOptions {
  /** Tests: the push transport (the real library builds and encrypts the request). */
  send?: PushSend;
  interruptedAfterSeconds?: number;
  /** Tests and the bench: claim, then stop as if the process died before sending. */
  crashAfterClaim?: boolean;
}

export type Notifications = ReturnType<typeof createNotifications>;

export function createNotifications(deps: { db: Kysely<DB>; config: Config; city: CityProfile; jobs: Jobs; mail: Mailer }) {
  const { db, config, city, jobs, mail } = deps;
  const kinds = new Map<string, NotificationKind>();
  const url = (path: string) => `${config.publicUrl}${path}`;
  const sign = (purpose: string, recipientId: string, what: string, linkKey: string) =>
    hmac(config.sessionSecret, `notifications|${purpose}|${recipientId}|${what}|${linkKey}`).slice(0, 43);
  const token = (purpose: string, r: { id: string; link_key: string }, what: string) => `${r.id}~${what}~${sign(purpose, r.id, what, r.link_key)}`;

  const kindOf = (kind: string) => {
    const found = kinds.get(kind);
    if (!found) throw new Error(`unknown notification kind "${kind}"`);
    return found;
  };
  const audienceOf = (recipientId: string) => recipientId.slice(0, recipientId.indexOf(':'));
  const view = (r: { id: string; user_id: string | null; email: string; locale: string }): Recipient => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    locale: storedLocale(r.locale),
  });

  function manageLinks(r: { id: string; link_key: string }, what: string) {
    const unsubscribe = encodeURIComponent(token('unsubscribe', r, what));
    return {
      unsubscribe: {
        page: url(`/benachrichtigungen/abbestellen?token=${unsubscribe}`),
        oneClick: url(`/benachrichtigungen/abbestellen/ein-klick?token=${unsubscribe}`),
        digest: what === 'daily' || what === 'weekly',
      },
      settings: r.id.startsWith('user:')
        ? url('/benachrichtigungen')
        : url(`/benachrichtigungen?token=${encodeURIComponent(token('settings', r, 'settings'))}`),
    };
  }

  /** The effective choice of each recipient for one kind. */
  async function choices(executor: Executor, recipientIds: string[], kind: NotificationKind) {
    const stored = new Map((await repo.preferencesOf(executor, recipientIds, [kind.kind])).map((p) => [p.recipient_id, p]));
    return (id: string) => {
      const p = stored.get(id);
      let cadence: Cadence = p?.cadence ?? kind.cadence;
      if (kind.digest === false && (cadence === 'daily' || cadence === 'weekly')) cadence = 'immediate';
      return { cadence, push: p ? p.push : (kind.push ?? false) };
    };
  }

  async function recipientsFor(trx: Executor, to: readonly RecipientRef[]) {
    const userIds: string[] = [];
    const ids: string[] = [];
    for (const ref of to) {
      if ('userId' in ref) {
        userIds.push(ref.userId);
        ids.push(repo.userRecipient(ref.userId));
      } else {
        await repo.ensureKeyedRecipient(trx, ref);
        ids.push(ref.id);
      }
    }
    await repo.ensureUserRecipients(trx, userIds);
    return repo.findRecipients(trx, [...new Set(ids)]);
  }

  async function notify(trx: Executor, notice: Notice): Promise<number> {
    const kind = kindOf(notice.kind);
    if (notice.to.length === 0) return 0;
    const recipients = await recipientsFor(trx, notice.to);
    const ids = recipients.map((r) => r.id);
    const choiceOf = await choices(trx, ids, kind);
    const devices = await repo.withDevices(
      trx,
      ids.filter((id) => choiceOf(id).push),
    );
    const notBefore = notice.notBefore ?? new Date();
    const rows: repo.OutboxRow[] = [];
    for (const r of recipients) {
      const choice = choiceOf(r.id);
      const byPush = choice.push && devices.has(r.id);
      if (choice.cadence === 'never' && !byPush) continue;
      const content = JSON.stringify(notice.content(view(r)));
      const base = { recipient_id: r.id, kind: kind.kind, item_key: notice.itemKey, scope: notice.scope ?? null, content, not_before: notBefore };
      if (choice.cadence !== 'never') rows.push({ ...base, channel: 'mail', cadence: choice.cadence });
      if (byPush) rows.push({ ...base, channel: 'push', cadence: 'immediate' });
    }
    const written = await repo.queue(trx, rows);
    if (written.some((w) => w.cadence === 'immediate') && notBefore.getTime() <= Date.now()) await jobs.send(trx, dispatchJob, {});
    return written.length;
  }

  /** Sends one claimed mail or push row; returns nothing, records the outcome. */
  async function deliver(row: Awaited<ReturnType<typeof repo.claimImmediate>>[number], recipient: Recipient & { link_key: string }, options: DeliveryOptions) {
    const content = row.content as NotificationContent;
    if (row.channel === 'push') {
      const devices = await repo.devicesOf(db, recipient.id);
      const message = content.push ?? { title: content.subject, body: '', url: '/' };
      let sent = false;
      for (const device of devices) {
        const outcome = await sendPush(
          { db, contactEmail: city.familyOffice.email },
          device,
          { ...message, lang: recipient.locale },
          { ttlSeconds: 24 * 3600 },
          options.send,
        );
        if (outcome === 'gone') await repo.forgetEndpoint(db, device.endpoint);
        sent ||= outcome === 'sent';
      }
      if (sent) await repo.markSent(db, [row.id]);
      else await repo.markFailed(db, [row.id], devices.length ? 'Der Push-Dienst nahm die Mitteilung nicht an.' : 'Kein Gerät für Push-Mitteilungen.', false);
      return;
    }
    const message = notificationMail({
      to: recipient.email,
      locale: recipient.locale,
      portalName: city.portalName,
      subject: content.subject,
      lines: content.lines ?? [],
      letter: content.letter,
      links: content.links ?? [],
      manage: manageLinks(recipient, row.kind),
      calendar: content.calendar,
    });
    await mailOnce([row], message);
  }

  /** Hands one mail (for one row, or a digest's rows) to the transport and records what became of it. */
  async function mailOnce(rows: readonly { id: string; attempts: number }[], message: Mail) {
    const ids = rows.map((r) => r.id);
    try {
      await mail.deliver(message);
      await repo.markSent(db, ids);
    } catch (error) {
      const { permanent, reason } = classifySmtpError(error);
      await repo.markFailed(db, ids, reason, !permanent && rows.every((r) => r.attempts < maxAttempts));
    }
  }

  async function recipientsById(ids: string[]) {
    return new Map((await repo.findRecipients(db, [...new Set(ids)])).map((r) => [r.id, { ...view(r), link_key: r.link_key }]));
  }

  /** Sends every due "immediately" row, each at most once even when runs overlap. Returns how many rows it claimed. */
  async function dispatch(options: DeliveryOptions = {}): Promise<number> {
    await repo.markInterrupted(db, options.interruptedAfterSeconds ?? interruptedAfterSeconds);
    let claimedTotal = 0;
    for (;;) {
      const claimed = await repo.claimImmediate(db, dispatchBatch);
      if (claimed.length === 0) return claimedTotal;
      claimedTotal += claimed.length;
      if (options.crashAfterClaim) return claimedTotal;
      const recipients = await recipientsById(claimed.map((c) => c.recipient_id));
      for (const row of claimed) {
        const recipient = recipients.get(row.recipient_id);
        if (recipient) await deliver(row, recipient, options);
      }
    }
  }

  /** The moment of a person's last digest at or before `now`: today (or Monday) at their hour, Europe/Berlin. */
  function digestMoment(now: Date, hour: number, cadence: 'daily' | 'weekly'): Date {
    const time = `${String(hour).padStart(2, '0')}:00`;
    const today = todayIn(now);
    const back = cadence === 'daily' ? 0 : weekdayOf(today) - 1;
    const moment = fromLocal(addDays(today, -back), time);
    return moment.getTime() <= now.getTime() ? moment : fromLocal(addDays(today, -back - (cadence === 'daily' ? 1 : 7)), time);
  }

  /**
   * One digest mail per person whose digest time has come, with everything that waited for it. Returns
   * the number of mails. Two runs at once: the person's row is the lock, the second skips them.
   */
  async function sendDigests(cadence: 'daily' | 'weekly', now = new Date(), options: DeliveryOptions = {}): Promise<number> {
    await repo.markInterrupted(db, options.interruptedAfterSeconds ?? interruptedAfterSeconds);
    const candidates = await repo.digestCandidates(db, cadence);
    let mails = 0;
    // A few people at a time (each one's row is their lock, so they never meet): a digest waits mostly for
    // the database and the mail transport, and 5,000 one after the other took minutes.
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < candidates.length; i = next++) if (await digestFor(candidates[i]!, cadence, now, options)) mails++;
    };
    await Promise.all(Array.from({ length: Math.min(digestConcurrency, candidates.length) }, worker));
    return mails;
  }

  /** One person's digest, if their moment has come and another run does not have them: true when a mail went to the transport. */
  async function digestFor(
    candidate: Awaited<ReturnType<typeof repo.digestCandidates>>[number],
    cadence: 'daily' | 'weekly',
    now: Date,
    options: DeliveryOptions,
  ): Promise<boolean> {
    const moment = digestMoment(now, candidate.digest_hour, cadence);
    const claimed = await repo.claimDigest(db, candidate.id, cadence, moment, randomUUID());
    if (claimed.length === 0 || options.crashAfterClaim) return false;
    const recipient = { ...view(candidate), link_key: candidate.link_key };
    const t = notificationMessages(recipient.locale);
    claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.item_key.localeCompare(b.item_key));
    const sections = new Map<string, { label: string; url: string }[]>();
    for (const row of claimed) {
      const content = row.content as NotificationContent;
      const section = kinds.get(row.kind)?.section(recipient.locale) ?? '';
      const list = sections.get(section) ?? [];
      list.push({ label: content.subject, url: content.links?.[0]?.url ?? url('/') });
      sections.set(section, list);
    }
    const links = [...sections.values()].flat();
    await mailOnce(
      claimed,
      notificationMail({
        to: recipient.email,
        locale: recipient.locale,
        portalName: city.portalName,
        subject: t(cadence === 'daily' ? 'digest.daily.subject' : 'digest.weekly.subject', { count: claimed.length }),
        lines: [t('digest.intro', { count: claimed.length })],
        links,
        manage: manageLinks(recipient, cadence),
      }),
    );
    return true;
  }

  /** The person behind a signed link (settings or unsubscribe), or null. */
  async function fromToken(purpose: 'settings' | 'unsubscribe', value: string | undefined) {
    const [id, what, sig, extra] = (value ?? '').split('~');
    if (extra !== undefined || !id || !what || !sig || id.length > 80 || what.length > 80) return null;
    const r = await repo.findRecipient(db, id);
    if (!r || !safeEqual(sig, sign(purpose, id, what, r.link_key))) return null;
    return { recipient: r, what };
  }

  /** The kinds a person can set, each with their choice. */
  async function preferences(recipientId: string) {
    const r = await repo.findRecipient(db, recipientId);
    if (!r) return null;
    const offered = await Promise.all(
      [...kinds.values()].map(async (k) => k.audience === audienceOf(recipientId) && (!k.offeredTo || !r.user_id || (await k.offeredTo(r.user_id)))),
    );
    const own = [...kinds.values()].filter((_, i) => offered[i]);
    const stored = new Map((await repo.preferencesOf(db, [recipientId])).map((p) => [p.kind, p]));
    return {
      recipient: view(r),
      digestHour: r.digest_hour,
      kinds: own.map((k) => ({
        kind: k,
        cadence: stored.get(k.kind)?.cadence ?? k.cadence,
        push: stored.get(k.kind)?.push ?? k.push ?? false,
      })),
      devices: await repo.devicesOf(db, recipientId),
    };
  }

  /** Saves a person's choices; what waits in a channel they switched off is withdrawn. */
  async function savePreferences(recipientId: string, input: { digestHour: number; kinds: Record<string, { cadence: Cadence; push: boolean }> }) {
    await db.transaction().execute(async (trx) => {
      await repo.setDigestHour(trx, recipientId, input.digestHour);
      for (const [name, choice] of Object.entries(input.kinds)) {
        const kind = kinds.get(name);
        if (!kind || kind.audience !== audienceOf(recipientId)) continue;
        const cadence = kind.digest === false && (choice.cadence === 'daily' || choice.cadence === 'weekly') ? 'immediate' : choice.cadence;
        await repo.setPreference(trx, recipientId, name, cadence, choice.push);
        if (cadence === 'never') await repo.cancelQueued(trx, { recipientId, kind: name, channel: 'mail' });
        if (!choice.push) await repo.cancelQueued(trx, { recipientId, kind: name, channel: 'push' });
      }
    });
  }

  return {
    /** A module lists the kinds it sends (once, when it is built). */
    define(...list: NotificationKind[]) {
      for (const k of list) kinds.set(k.kind, k);
    },
    kinds: () => [...kinds.values()],
    notify,
    /** Withdraws what has not gone out yet: a scope (a group, a registration), one item, or one person's rows of it. */
    cancel: (trx: Executor, where: { scope?: string; itemKey?: string; userId?: string; recipientId?: string }) =>
      repo.cancelQueued(trx, { scope: where.scope, itemKey: where.itemKey, recipientId: where.userId ? repo.userRecipient(where.userId) : where.recipientId }),
    dispatch,
    sendDigests,
    digestMoment,
    /** The recipient id of an account, its row created on first use. */
    async userRecipient(userId: string): Promise<string> {
      await repo.ensureUserRecipients(db, [userId]);
      return repo.userRecipient(userId);
    },
    /** A person a module knows by address only: their row created or brought up to date. */
    async keyedRecipient(ref: { id: string; email: string; locale: string }): Promise<string> {
      await repo.ensureKeyedRecipient(db, ref);
      return ref.id;
    },
    /** The signed address of a person's settings page (for those without an account). */
    async settingsUrl(recipientId: string): Promise<string | null> {
      const r = await repo.findRecipient(db, recipientId);
      return r ? manageLinks(r, 'settings').settings : null;
    },
    settingsToken: async (recipientId: string) => {
      const r = await repo.findRecipient(db, recipientId);
      return r ? token('settings', r, 'settings') : null;
    },
    fromToken,
    preferences,
    savePreferences,
    /** One click (RFC 8058): no more mails of this kind (or of this digest). True when the link was good. */
    async unsubscribe(value: string | undefined): Promise<boolean> {
      const found = await fromToken('unsubscribe', value);
      if (!found) return false;
      const { recipient, what } = found;
      const prefs = await preferences(recipient.id);
      if (!prefs) return false;
      await db.transaction().execute(async (trx) => {
        for (const p of prefs.kinds) {
          if (what === 'daily' || what === 'weekly' ? p.cadence !== what : p.kind.kind !== what) continue;
          await repo.setPreference(trx, recipient.id, p.kind.kind, 'never', p.push);
          await repo.cancelQueued(trx, { recipientId: recipient.id, kind: p.kind.kind, channel: 'mail' });
        }
      });
      return true;
    },
    /** Sets one cadence for several kinds of a person (push choices stay); mails of them that wait are withdrawn when it is "never". */
    async setCadence(recipientId: string, kindNames: readonly string[], cadence: Cadence): Promise<void> {
      const prefs = await preferences(recipientId);
      if (!prefs) return;
      await db.transaction().execute(async (trx) => {
        for (const p of prefs.kinds.filter((k) => kindNames.includes(k.kind.kind))) {
          await repo.setPreference(trx, recipientId, p.kind.kind, cadence, p.push);
          if (cadence === 'never') await repo.cancelQueued(trx, { recipientId, kind: p.kind.kind, channel: 'mail' });
        }
      });
    },
    kindLabel: (what: string, locale: Locale) => kinds.get(what)?.label(locale) ?? null,
    /** Keeps a device's push subscription for a person; false for an address that is no browser's push service. */
    async subscribePush(recipientId: string, input: PushSubscriptionInput): Promise<boolean> {
      if (!isAllowedSubscription(input)) return false;
      await repo.saveDevice(db, recipientId, input);
      return true;
    },
    removeDevice: (recipientId: string, id: string) => repo.removeDevice(db, recipientId, id),
    needingAttention: () => repo.needingAttention(db),
    countsByState: () => repo.countsByState(db),
    /** Staff send an unclear or failed delivery once more, on purpose (in the audit log). */
    requeue: (id: string, actorId: string) =>
      db.transaction().execute(async (trx) => {
        const ok = await repo.requeue(trx, id);
        if (!ok) return false;
        await jobs.send(trx, dispatchJob, {});
        await recordAudit(trx, { actorId, action: 'notification.resent', subjectType: 'notification', subjectId: id });
        return true;
      }),
  };
}
