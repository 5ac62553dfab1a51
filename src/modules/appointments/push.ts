import type { AppDeps } from '../../platform/deps.js';
import { storedLocale } from '../../platform/i18n/i18n.js';
import { isAllowedSubscription, sendPush, type PushSend, type PushSubscriptionInput } from '../../platform/notifications/push.js';
import { appointmentMessages } from './appointments.messages.js';
import { claimDuePushReminders, clearPushSubscription, savePushSubscription } from './appointments.repository.js';
import { linkToken, whenText } from './appointments.service.js';

/**
 * The optional push reminder 2 hours before an appointment. Keys, the check of the browser's address and
 * the sending are the platform's (platform/notifications/push.ts); the subscription stays on the booking,
 * because people book without an account and the reminder belongs to that one appointment.
 */
export { vapidKeys, vapidSecretId, type PushSend } from '../../platform/notifications/push.js';
export const pushReminderJob = 'appointments.push-reminders';
/** How long before the appointment the push reminder goes out. */
export const pushLeadMinutes = 120;

/** Keeps the subscription on a confirmed booking whose push reminder has not gone out; false otherwise. */
export async function subscribeToPushReminder(deps: Pick<AppDeps, 'db'>, bookingId: string, input: PushSubscriptionInput): Promise<boolean> {
  if (!isAllowedSubscription(input)) return false;
  return !!(await savePushSubscription(deps.db, bookingId, input));
}

/**
 * Sends the push reminders that are due, each at most once: a booking is claimed (push_sent_at set, in
 * the same UPDATE that finds it) and committed before anything is sent, so two runs never both send it,
 * and a cancelled or moved booking (no longer 'confirmed') is never claimed. A send that fails is not
 * repeated; a subscription the push service says is gone (404/410) is removed.
 */
export async function sendDuePushReminders(deps: AppDeps, send?: PushSend): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await claimDuePushReminders(deps.db, pushLeadMinutes);
    for (const row of claimed) {
      if (!row.push_endpoint || !row.push_p256dh || !row.push_auth) continue;
      const locale = storedLocale(row.locale);
      const t = appointmentMessages(locale);
      const when = whenText(row.starts_at, locale);
      const outcome = await sendPush(
        { db: deps.db, contactEmail: deps.city.familyOffice.email },
        { endpoint: row.push_endpoint, p256dh: row.push_p256dh, auth: row.push_auth },
        {
          title: t('push.notification.title'),
          body: t('push.notification.body', { service: row.service_name ?? '', time: when.time }),
          url: `/termine/buchung?token=${encodeURIComponent(linkToken(deps, row.ical_uid))}`,
          lang: locale,
        },
        { ttlSeconds: pushLeadMinutes * 60, urgency: 'high' },
        send,
      );
      if (outcome === 'sent') sent += 1;
      if (outcome === 'gone') await clearPushSubscription(deps.db, row.id);
    }
    if (claimed.length === 0) return sent;
  }
}
