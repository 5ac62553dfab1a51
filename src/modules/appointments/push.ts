import webpush, { type PushSubscription, type RequestOptions } from 'web-push';
import { sharedSecret } from '../../platform/auth/secrets.js';
import type { AppDeps } from '../../platform/deps.js';
import { storedLocale } from '../../platform/i18n/i18n.js';
import { appointmentMessages } from './appointments.messages.js';
import { claimDuePushReminders, clearPushSubscription, savePushSubscription } from './appointments.repository.js';
import { linkToken, whenText } from './appointments.service.js';

/**
 * The optional push reminder 2 hours before an appointment (Web Push, RFC 8030/8291/8292, through the
 * `web-push` library). The VAPID key pair is made by the first process that needs it and kept in
 * platform_secrets, so every process signs with the same key and subscriptions survive restarts.
 */
export const vapidSecretId = 'appointments-vapid';
export const pushReminderJob = 'appointments.push-reminders';
/** How long before the appointment the push reminder goes out. */
export const pushLeadMinutes = 120;

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new WeakMap<object, Promise<VapidKeys>>();

export function vapidKeys(deps: Pick<AppDeps, 'db'>): Promise<VapidKeys> {
  let keys = cache.get(deps.db);
  if (!keys) {
    keys = sharedSecret(deps.db, vapidSecretId, JSON.stringify(webpush.generateVAPIDKeys())).then((value) => JSON.parse(value) as VapidKeys);
    keys.catch(() => cache.delete(deps.db));
    cache.set(deps.db, keys);
  }
  return keys;
}

/**
 * "Where allowed": only the push services of the browsers (Chrome/Android, Firefox, Safari, Edge). The
 * server posts to the endpoint a browser hands in, so any other address is refused: the reminder must not
 * become a way to make this server call arbitrary addresses.
 */
const pushServices = /^https:\/\/(fcm\.googleapis\.com|updates\.push\.services\.mozilla\.com|web\.push\.apple\.com|[a-z0-9-]+\.notify\.windows\.com)\//;
const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export const isAllowedSubscription = (s: PushSubscriptionInput) =>
  s.endpoint.length <= 1000 &&
  pushServices.test(s.endpoint) &&
  base64url.test(s.p256dh) &&
  s.p256dh.length <= 200 &&
  base64url.test(s.auth) &&
  s.auth.length <= 100;

/** Keeps the subscription on a confirmed booking whose push reminder has not gone out; false otherwise. */
export async function subscribeToPushReminder(deps: Pick<AppDeps, 'db'>, bookingId: string, input: PushSubscriptionInput): Promise<boolean> {
  if (!isAllowedSubscription(input)) return false;
  return !!(await savePushSubscription(deps.db, bookingId, input));
}

export type PushSend = (subscription: PushSubscription, payload: string, options: RequestOptions) => Promise<unknown>;

/**
 * Sends the push reminders that are due, each at most once: a booking is claimed (push_sent_at set, in
 * the same UPDATE that finds it) and committed before anything is sent, so two runs never both send it,
 * and a cancelled or moved booking (no longer 'confirmed') is never claimed. A send that fails is not
 * repeated; a subscription the push service says is gone (404/410) is removed.
 */
export async function sendDuePushReminders(deps: AppDeps, send: PushSend = webpush.sendNotification): Promise<number> {
  const keys = await vapidKeys(deps);
  let sent = 0;
  for (;;) {
    const claimed = await claimDuePushReminders(deps.db, pushLeadMinutes);
    for (const row of claimed) {
      if (!row.push_endpoint || !row.push_p256dh || !row.push_auth) continue;
      const locale = storedLocale(row.locale);
      const t = appointmentMessages(locale);
      const when = whenText(row.starts_at, locale);
      const payload = JSON.stringify({
        title: t('push.notification.title'),
        body: t('push.notification.body', { service: row.service_name ?? '', time: when.time }),
        url: `/termine/buchung?token=${encodeURIComponent(linkToken(deps, row.ical_uid))}`,
        lang: locale,
      });
      try {
        await send({ endpoint: row.push_endpoint, keys: { p256dh: row.push_p256dh, auth: row.push_auth } }, payload, {
          vapidDetails: { subject: `mailto:${deps.city.familyOffice.email}`, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: pushLeadMinutes * 60,
          urgency: 'high',
        });
        sent += 1;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) await clearPushSubscription(deps.db, row.id);
      }
    }
    if (claimed.length === 0) return sent;
  }
}
