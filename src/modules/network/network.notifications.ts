import type { NotificationKind } from '../../platform/notifications/notifications.js';
import { networkMessages } from './network.messages.js';

/** The kinds of notification the network sends; each person chooses per kind (platform/notifications). */
export const networkNotificationKinds = ['post', 'mention', 'reply', 'document', 'poll', 'meeting', 'task', 'request', 'report'] as const;
export type NetworkNotificationKind = (typeof networkNotificationKinds)[number];
export const networkKindNames = networkNotificationKinds.map((k) => `network.${k}`);

/** The kinds, offered on the settings page to those who work in the network (partners and staff). */
export const networkKinds = (offeredTo: (userId: string) => Promise<boolean>): NotificationKind[] =>
  networkNotificationKinds.map((k) => ({
    kind: `network.${k}`,
    audience: 'user',
    section: (locale) => networkMessages(locale)('notify.section'),
    label: (locale) => networkMessages(locale)(`notify.kind.${k}`),
    cadence: 'immediate',
    offeredTo,
  }));
