import type { NotificationKind } from '../../platform/notifications/notifications.js';
import { councilMessages } from './council.messages.js';

/** Members are known by address, not by account: 'council-member:<id of their accepted application>'. */
export const memberRecipient = (m: { member_id: string; email: string; locale: string }) => ({
  id: `council-member:${m.member_id}`,
  email: m.email,
  locale: m.locale,
});
/** What waits for one registration goes when it is cancelled. */
export const registrationScope = (registrationId: string) => `council-registration:${registrationId}`;

/** What the council tells its members through the platform's notification service: at once, by mail and (where allowed) push. */
export const councilKinds: NotificationKind[] = (['moved-up', 'reminder'] as const).map((k) => ({
  kind: `council.${k}`,
  audience: 'council-member',
  section: (locale) => councilMessages(locale)('notify.section'),
  label: (locale) => councilMessages(locale)(`notify.kind.${k}`),
  cadence: 'immediate',
  digest: false,
}));
