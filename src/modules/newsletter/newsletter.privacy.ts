import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

export const purgeSubscribersJob = 'newsletter.purge-subscribers';
/** Unconfirmed sign-ups are deleted after this many days. */
export const pendingDays = 7;
/** Unsubscribed addresses are kept this long (proof of withdrawal), then deleted. */
export const unsubscribedDays = 30;

/**
 * Subscriptions are not tied to accounts; they are found by the account's email address, so
 * "download my data" and "delete my account" cover the newsletter too.
 */
export const newsletterPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'familieninfobrief',
    table: 'newsletter_subscribers',
    subject: { email: 'email' },
    purpose: 'Adresse für den Familieninfobrief (bestätigt per Double-Opt-in)',
    columns: {
      locale: 'Sprache',
      topics: 'gewählte Themen',
      district: 'gewählter Stadtbezirk',
      status: 'angemeldet, bestätigt oder abgemeldet',
      consent_text: 'Wortlaut der Einwilligung',
      consent_version: 'Fassung der Einwilligung',
      signed_up_at: 'Nachweis der Anmeldung',
      confirmed_at: 'Nachweis der Bestätigung',
      unsubscribed_at: 'Nachweis des Widerrufs',
      suppressed_at: 'Zustellung dauerhaft gescheitert',
      suppressed_reason: 'Antwort des Mailservers dazu',
    },
    onErase: 'delete',
    retention: {
      rule: `unbestätigt ${pendingDays} Tage nach der Anmeldung; nach der Abmeldung ${unsubscribedDays} Tage (Nachweis des Widerrufs)`,
      job: purgeSubscribersJob,
    },
  },
  {
    name: 'familieninfobrief_zustellungen',
    table: 'newsletter_deliveries',
    subject: { via: 'subscriber_id', of: 'familieninfobrief' },
    purpose: 'welche Ausgabe an die Adresse ging (niemand bekommt eine Ausgabe doppelt)',
    columns: { error: 'Antwort des Mailservers bei einem Fehler (kann die Adresse nennen)' },
    context: [{ as: 'ausgabe', from: 'newsletter_issues', select: 'subject', by: 'issue_id' }, 'state', 'sent_at'],
    onErase: 'unlink',
    retention: { rule: 'der Bezug zur Adresse so lange wie die Anmeldung, danach nur anonyme Zählung', job: purgeSubscribersJob },
  },
  {
    name: 'neuigkeiten_verfasst',
    table: 'news_posts',
    subject: { user: 'author_id' },
    purpose: 'wer eine Neuigkeit verfasst hat (Redaktion)',
    columns: {},
    context: ['title', 'published_at', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Neuigkeit besteht' },
  },
  {
    name: 'infobrief_ausgaben',
    table: 'newsletter_issues',
    subject: { user: 'created_by' },
    purpose: 'wer eine Ausgabe des Familieninfobriefs angelegt hat (Redaktion)',
    columns: {},
    context: ['subject', 'status', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Ausgabe besteht' },
  },
];
