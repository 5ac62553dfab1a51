import type { PersonalDataDeclaration } from '../privacy/declarations.js';

/** Days a notification is kept after it was created (its outcome for staff, the person's export). */
export const notificationRetentionDays = 90;

/** The notification service's tables (platform/notifications): whom to tell, how, on which devices, and each delivery. */
export const notificationPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'benachrichtigungen_empfaenger',
    table: 'notification_recipients',
    subject: { email: 'email' },
    purpose: 'wohin und in welcher Sprache Benachrichtigungen gehen (Konto oder Adresse aus einem Modul, z. B. Familienbeirat)',
    columns: { user_id: 'das Konto, zu dem die Adresse gehört', link_key: 'Schlüssel der Einstellungs- und Abmelde-Links' },
    notExported: ['link_key'],
    context: ['locale', 'digest_hour', 'created_at'],
    onErase: 'delete',
    retention: { rule: 'solange das Konto oder die Mitgliedschaft besteht; mit dem Konto gelöscht' },
  },
  {
    name: 'benachrichtigungen_einstellungen',
    table: 'notification_preferences',
    subject: { via: 'recipient_id', of: 'benachrichtigungen_empfaenger' },
    purpose: 'wie die Person welche Art von Nachricht bekommen möchte (sofort, Tages- oder Wochenübersicht, nie; Push)',
    columns: {},
    context: ['kind', 'cadence', 'push', 'updated_at'],
    onErase: 'delete',
    retention: { rule: 'mit dem Empfänger' },
  },
  {
    name: 'benachrichtigungen_geraete',
    table: 'notification_push_subscriptions',
    subject: { via: 'recipient_id', of: 'benachrichtigungen_empfaenger' },
    purpose: 'Push-Mitteilungen an ein Gerät (Adresse beim Push-Dienst des Browsers und ihre Schlüssel)',
    columns: { endpoint: 'Adresse beim Push-Dienst', p256dh: 'öffentlicher Schlüssel des Geräts', auth: 'Geheimnis des Geräts' },
    notExported: ['p256dh', 'auth'],
    context: ['created_at'],
    onErase: 'delete',
    retention: { rule: 'bis die Person das Gerät entfernt oder der Push-Dienst es als erloschen meldet (404/410)' },
  },
  {
    name: 'benachrichtigungen',
    table: 'notifications',
    subject: { via: 'recipient_id', of: 'benachrichtigungen_empfaenger' },
    purpose: 'jede Nachricht genau einmal zustellen (sofort, in einer Übersicht oder per Push) und festhalten, was aus ihr wurde',
    columns: { content: 'Inhalt der Nachricht (Betreff, Links, Kalendereintrag)', error: 'Grund eines Fehlschlags' },
    notExported: ['content'],
    context: ['kind', 'channel', 'cadence', 'state', 'created_at', 'sent_at'],
    onErase: 'delete',
    retention: {
      rule: `${notificationRetentionDays} Tage nach dem Entstehen`,
      sweep: { days: notificationRetentionDays, after: 'created_at' },
    },
  },
];
