import type { PushSubscription, RequestOptions } from 'web-push';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { sharedSecret } from '../auth/secrets.js';

/**
 * Web Push (RFC 8030/8291/8292) through the `web-push` library, for every module. The VAPID key pair is
 * made by the first process that needs it and kept in platform_secrets, so every process signs with the
 * same key and subscriptions survive restarts. Its id is still 'appointments-vapid': the appointments'
 * push reminder made it first, and browsers bind each subscription to the key it was made with.
 */
export const vapidSecretId = 'appointments-vapid';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const cache = new WeakMap<object, Promise<VapidKeys>>();

/** web-push is loaded with the first push, not at every start (most processes never send one). */
const webPush = async () => (await import('web-push')).default;

export function vapidKeys(deps: { db: Kysely<DB> }): Promise<VapidKeys> {
  let keys = cache.get(deps.db);
  if (!keys) {
    keys = webPush()
      .then((webpush) => sharedSecret(deps.db, vapidSecretId, JSON.stringify(webpush.generateVAPIDKeys())))
      .then((value) => JSON.parse(value) as VapidKeys);
    keys.catch(() => cache.delete(deps.db));
    cache.set(deps.db, keys);
  }
  return keys;
}

/**
 * "Where allowed": only the push services of the browsers (Chrome/Android, Firefox, Safari, Edge). The
 * server posts to the endpoint a browser hands in, so any other address is refused: push must not
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

/** The push service a device uses, for the settings page ("Chrome, Android" and the like). */
export function pushServiceName(endpoint: string): string {
  const host = /^https:\/\/([^/]+)/.exec(endpoint)?.[1] ?? '';
  if (host === 'fcm.googleapis.com') return 'Google (Chrome, Android)';
  if (host.endsWith('mozilla.com')) return 'Mozilla (Firefox)';
  if (host === 'web.push.apple.com') return 'Apple (Safari, iPhone, iPad)';
  if (host.endsWith('notify.windows.com')) return 'Microsoft (Edge)';
  return host;
}

export type PushSend = (subscription: PushSubscription, payload: string, options: RequestOptions) => Promise<unknown>;

/** What a push message says: no personal data beyond what the notification needs. */
export interface PushMessage {
  title: string;
  body: string;
  /** A path on this site, opened when the notification is tapped. */
  url: string;
  lang: string;
}

/** What became of one message to one device: gone = the push service says the subscription no longer exists (404/410). */
export type PushOutcome = 'sent' | 'gone' | 'failed';

/** Sends one message to one device, signed with the stored VAPID key. Never throws. */
export async function sendPush(
  deps: { db: Kysely<DB>; contactEmail: string },
  subscription: PushSubscriptionInput,
  message: PushMessage,
  options: { ttlSeconds: number; urgency?: 'normal' | 'high' },
  send?: PushSend,
): Promise<PushOutcome> {
  const keys = await vapidKeys(deps);
  send ??= (await webPush()).sendNotification;
  try {
    await send({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(message), {
      vapidDetails: { subject: `mailto:${deps.contactEmail}`, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: options.ttlSeconds,
      urgency: options.urgency ?? 'normal',
    });
    return 'sent';
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    return status === 404 || status === 410 ? 'gone' : 'failed';
  }
}
