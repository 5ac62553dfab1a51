import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../db/executor.js';
import type { SubscriberStatus } from '../../db/tables/newsletter.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import { subscriptionMail } from './emails/subscription-mails.js';
import { confirmLinkHours, confirmToken, manageToken, parseConfirmToken, parseManageToken, verifyConfirm, verifyManage } from './links.js';
import { pendingDays, unsubscribedDays } from './newsletter.privacy.js';
import { clearErrorsOfExpired, skipQueuedOf } from './deliveries.repository.js';
import { consentVersion, newsletterTopics, subscribeMessages } from './subscribe.messages.js';
import {
  claimMailWindow,
  confirmSubscriber,
  deleteExpiredPending,
  deleteExpiredUnsubscribed,
  findSubscriber,
  insertPendingIfNew,
  lockSubscriber,
  lockSubscriberByEmail,
  markUnsubscribed,
  renewSignup,
  setPreferences,
} from './subscribers.repository.js';

/** At most one mail about a subscription (confirmation or notice) per address in this window. */
export const mailWindowMinutes = 15;

export const signupLimits = {
  ip: { bucket: 'newsletter-signup:ip', max: 20, windowSeconds: 3600 },
  address: { bucket: 'newsletter-signup:address', max: 5, windowSeconds: 3600 },
};

export interface SignupInput {
  email: string;
  locale: Locale;
  topics: string[];
  district?: string;
}

export interface Preferences {
  locale: Locale;
  topics: string[];
  district?: string;
}

export interface ManagedSubscriber {
  id: string;
  email: string;
  status: SubscriberStatus;
  locale: Locale;
  topics: string[];
  district: string | null;
}

export type ConfirmOutcome = { kind: 'confirmed'; manageToken: string } | { kind: 'expired' } | { kind: 'invalid' };

const newLinkKey = () => randomBytes(16).toString('base64url');

export function cleanTopics(topics: string[]): string[] {
  return [...new Set(topics.filter((t) => (newsletterTopics as readonly string[]).includes(t)))];
}

/** Subscriptions: the double opt-in state machine pending → confirmed → unsubscribed. */
export function createSubscriptionService(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;

  const confirmUrl = (id: string, key: string) =>
    url(`/infobrief/bestaetigen?token=${encodeURIComponent(confirmToken(secret, id, key, new Date(Date.now() + confirmLinkHours * 3600_000)))}`);
  const manageUrl = (id: string, key: string) => url(`/infobrief/einstellungen?token=${encodeURIComponent(manageToken(secret, id, key))}`);

  async function mailIfDue(trx: Executor, row: { id: string; email: string; locale: string; link_key: string }, kind: 'confirm' | 'exists') {
    // Repeated sign-ups must never flood an inbox: one mail per address per window.
    if (!(await claimMailWindow(trx, row.id, mailWindowMinutes))) return;
    const locale = isLocale(row.locale) ? row.locale : 'de';
    const link = kind === 'confirm' ? confirmUrl(row.id, row.link_key) : manageUrl(row.id, row.link_key);
    await mail.enqueue(trx, subscriptionMail(kind, { to: row.email, locale, portalName: city.portalName, link }));
  }

  return {
    /**
     * A sign-up. The answer is the same whatever the state of the address, so the form never
     * reveals who is subscribed; a confirmed subscriber gets a notice instead of a confirmation.
     */
    async signup(input: SignupInput, origin: { ip: string }): Promise<void> {
      const email = input.email.trim().toLowerCase();
      await consumeRateLimit(db, secret, signupLimits.ip, origin.ip);
      await consumeRateLimit(db, secret, signupLimits.address, email);
      const consent = { consentText: subscribeMessages(input.locale)('consent.text', { city: city.name }), consentVersion };
      const prefs = {
        locale: input.locale,
        topics: cleanTopics(input.topics),
        district: input.district && city.districts.includes(input.district) ? input.district : null,
      };
      await db.transaction().execute(async (trx) => {
        // Insert or lock the one row of this address; concurrent sign-ups serialise on it.
        await insertPendingIfNew(trx, email, prefs, consent, newLinkKey());
        const row = await lockSubscriberByEmail(trx, email);
        if (row.status === 'confirmed') return mailIfDue(trx, row, 'exists');
        // Pending or unsubscribed: (again) pending with the newest consent; nothing is mailed but the confirmation.
        await renewSignup(trx, row.id, prefs, consent, row.status === 'pending' ? row.signed_up_at : new Date());
        await mailIfDue(trx, { ...row, locale: prefs.locale }, 'confirm');
      });
    },

    /** One GET on the link confirms; a second click finds it confirmed and says so again. */
    async confirm(token: string): Promise<ConfirmOutcome> {
      const parsed = parseConfirmToken(token);
      if (!parsed) return { kind: 'invalid' };
      return db.transaction().execute(async (trx) => {
        const row = await lockSubscriber(trx, parsed.subscriberId);
        if (!row || row.status === 'unsubscribed') return { kind: 'invalid' } as const;
        const check = verifyConfirm(secret, token, row.link_key, new Date());
        if (check.kind === 'invalid') return { kind: 'invalid' } as const;
        const done = { kind: 'confirmed', manageToken: manageToken(secret, row.id, row.link_key) } as const;
        if (row.status === 'confirmed') return done;
        if (check.kind === 'expired') return { kind: 'expired' } as const;
        await confirmSubscriber(trx, row.id);
        return done;
      });
    },

    /** The subscriber behind a personal link, or null when the link is not (or no longer) valid. */
    async byManageToken(token: string): Promise<ManagedSubscriber | null> {
      const parsed = parseManageToken(token);
      if (!parsed) return null;
      const row = await findSubscriber(db, parsed.subscriberId);
      if (!row || row.status === 'unsubscribed' || !verifyManage(secret, token, row.link_key)) return null;
      return { id: row.id, email: row.email, status: row.status, locale: isLocale(row.locale) ? row.locale : 'de', topics: row.topics, district: row.district };
    },

    async updatePreferences(token: string, prefs: Preferences): Promise<boolean> {
      const subscriber = await this.byManageToken(token);
      if (!subscriber) return false;
      await setPreferences(db, subscriber.id, {
        locale: prefs.locale,
        topics: cleanTopics(prefs.topics),
        district: prefs.district && city.districts.includes(prefs.district) ? prefs.district : null,
      });
      return true;
    },

    /**
     * Unsubscribes in one step. A new link key voids every personal link; preferences go at once,
     * the address after `unsubscribedDays`. Returns false for a link that is not valid (any more).
     */
    async unsubscribe(token: string): Promise<boolean> {
      const parsed = parseManageToken(token);
      if (!parsed) return false;
      return db.transaction().execute(async (trx) => {
        const row = await lockSubscriber(trx, parsed.subscriberId);
        if (!row || row.status === 'unsubscribed' || !verifyManage(secret, token, row.link_key)) return false;
        await markUnsubscribed(trx, row.id, newLinkKey());
        // Deliveries of an issue still being sent skip this address.
        await skipQueuedOf(trx, row.id);
        return true;
      });
    },

    /** The personal links of a subscriber, for the issue mail. */
    links(subscriber: { id: string; link_key: string }) {
      return {
        manage: manageUrl(subscriber.id, subscriber.link_key),
        oneClick: url(`/infobrief/abmelden/ein-klick?token=${encodeURIComponent(manageToken(secret, subscriber.id, subscriber.link_key))}`),
      };
    },

    /** Retention as declared in newsletter.privacy.ts: unconfirmed sign-ups, unsubscribed addresses. */
    async purge(): Promise<{ pending: number; unsubscribed: number }> {
      // SMTP error texts may quote the address: they go with the subscriber.
      await clearErrorsOfExpired(db, { pending: pendingDays, unsubscribed: unsubscribedDays });
      const pending = await deleteExpiredPending(db, pendingDays);
      const unsubscribed = await deleteExpiredUnsubscribed(db, unsubscribedDays);
      return { pending, unsubscribed };
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
