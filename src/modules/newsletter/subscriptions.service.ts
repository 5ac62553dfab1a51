import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import type { SubscriberStatus } from '../../db/tables/newsletter.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import { subscriptionMail } from './emails/subscription-mails.js';
import { confirmLinkHours, confirmToken, manageToken, parseConfirmToken, parseManageToken, verifyConfirm, verifyManage } from './links.js';
import { pendingDays, unsubscribedDays } from './newsletter.privacy.js';
import { consentVersion, newsletterTopics, subscribeMessages } from './subscribe.messages.js';

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

  async function mailIfDue(
    trx: Transaction<DB>,
    row: { id: string; email: string; locale: string; link_key: string; confirmation_sent_at: Date | null },
    kind: 'confirm' | 'exists',
  ) {
    // Repeated sign-ups must never flood an inbox: one mail per address per window.
    const due = await trx
      .updateTable('newsletter_subscribers')
      .set({ confirmation_sent_at: sql`now()` })
      .where('id', '=', row.id)
      .where((eb) =>
        eb.or([eb('confirmation_sent_at', 'is', null), eb('confirmation_sent_at', '<', sql<Date>`now() - make_interval(mins => ${mailWindowMinutes})`)]),
      )
      .returning('id')
      .executeTakeFirst();
    if (!due) return;
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
      const consentText = subscribeMessages(input.locale)('consent.text', { city: city.name });
      const prefs = {
        locale: input.locale,
        topics: cleanTopics(input.topics),
        district: input.district && city.districts.includes(input.district) ? input.district : null,
      };
      await db.transaction().execute(async (trx) => {
        // Insert or lock the one row of this address; concurrent sign-ups serialise on it.
        await trx
          .insertInto('newsletter_subscribers')
          .values({
            email,
            ...prefs,
            status: 'pending',
            link_key: newLinkKey(),
            consent_text: consentText,
            consent_version: consentVersion,
            signed_up_at: new Date(),
          })
          .onConflict((oc) => oc.column('email').doNothing())
          .execute();
        const row = await trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).forUpdate().executeTakeFirstOrThrow();
        if (row.status === 'confirmed') return mailIfDue(trx, row, 'exists');
        // Pending or unsubscribed: (again) pending with the newest consent; nothing is mailed but the confirmation.
        await trx
          .updateTable('newsletter_subscribers')
          .set({
            ...prefs,
            status: 'pending',
            consent_text: consentText,
            consent_version: consentVersion,
            signed_up_at: row.status === 'pending' ? row.signed_up_at : new Date(),
            confirmed_at: null,
            unsubscribed_at: null,
            updated_at: sql`now()`,
          })
          .where('id', '=', row.id)
          .execute();
        await mailIfDue(trx, { ...row, locale: prefs.locale }, 'confirm');
      });
    },

    /** One GET on the link confirms; a second click finds it confirmed and says so again. */
    async confirm(token: string): Promise<ConfirmOutcome> {
      const parsed = parseConfirmToken(token);
      if (!parsed) return { kind: 'invalid' };
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('newsletter_subscribers').selectAll().where('id', '=', parsed.subscriberId).forUpdate().executeTakeFirst();
        if (!row || row.status === 'unsubscribed') return { kind: 'invalid' } as const;
        const check = verifyConfirm(secret, token, row.link_key, new Date());
        if (check.kind === 'invalid') return { kind: 'invalid' } as const;
        const done = { kind: 'confirmed', manageToken: manageToken(secret, row.id, row.link_key) } as const;
        if (row.status === 'confirmed') return done;
        if (check.kind === 'expired') return { kind: 'expired' } as const;
        await trx
          .updateTable('newsletter_subscribers')
          .set({ status: 'confirmed', confirmed_at: sql`now()`, suppressed_at: null, suppressed_reason: null, updated_at: sql`now()` })
          .where('id', '=', row.id)
          .execute();
        return done;
      });
    },

    /** The subscriber behind a personal link, or null when the link is not (or no longer) valid. */
    async byManageToken(token: string): Promise<ManagedSubscriber | null> {
      const parsed = parseManageToken(token);
      if (!parsed) return null;
      const row = await db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', parsed.subscriberId).executeTakeFirst();
      if (!row || row.status === 'unsubscribed' || !verifyManage(secret, token, row.link_key)) return null;
      return { id: row.id, email: row.email, status: row.status, locale: isLocale(row.locale) ? row.locale : 'de', topics: row.topics, district: row.district };
    },

    async updatePreferences(token: string, prefs: Preferences): Promise<boolean> {
      const subscriber = await this.byManageToken(token);
      if (!subscriber) return false;
      await db
        .updateTable('newsletter_subscribers')
        .set({
          locale: prefs.locale,
          topics: cleanTopics(prefs.topics),
          district: prefs.district && city.districts.includes(prefs.district) ? prefs.district : null,
          updated_at: sql`now()`,
        })
        .where('id', '=', subscriber.id)
        .where('status', '!=', 'unsubscribed')
        .execute();
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
        const row = await trx
          .selectFrom('newsletter_subscribers')
          .select(['id', 'status', 'link_key'])
          .where('id', '=', parsed.subscriberId)
          .forUpdate()
          .executeTakeFirst();
        if (!row || row.status === 'unsubscribed' || !verifyManage(secret, token, row.link_key)) return false;
        await trx
          .updateTable('newsletter_subscribers')
          .set({
            status: 'unsubscribed',
            unsubscribed_at: sql`now()`,
            link_key: newLinkKey(),
            topics: [],
            district: null,
            confirmation_sent_at: null,
            updated_at: sql`now()`,
          })
          .where('id', '=', row.id)
          .execute();
        // Deliveries of an issue still being sent skip this address.
        await trx
          .updateTable('newsletter_deliveries')
          .set({ state: 'skipped', error: 'abgemeldet' })
          .where('subscriber_id', '=', row.id)
          .where('state', '=', 'queued')
          .execute();
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
      await sql`
        UPDATE newsletter_deliveries SET error = NULL
         WHERE error IS NOT NULL AND subscriber_id IN (
           SELECT id FROM newsletter_subscribers
            WHERE (status = 'pending' AND signed_up_at < now() - make_interval(days => ${pendingDays}))
               OR (status = 'unsubscribed' AND unsubscribed_at < now() - make_interval(days => ${unsubscribedDays})))`.execute(db);
      const pending = await db
        .deleteFrom('newsletter_subscribers')
        .where('status', '=', 'pending')
        .where('signed_up_at', '<', sql<Date>`now() - make_interval(days => ${pendingDays})`)
        .executeTakeFirst();
      const unsubscribed = await db
        .deleteFrom('newsletter_subscribers')
        .where('status', '=', 'unsubscribed')
        .where('unsubscribed_at', '<', sql<Date>`now() - make_interval(days => ${unsubscribedDays})`)
        .executeTakeFirst();
      return { pending: Number(pending.numDeletedRows), unsubscribed: Number(unsubscribed.numDeletedRows) };
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
