import type { ErasureStep, PersonalDataDeclaration } from '../privacy/declarations.js';
import { deleteOutboxMentioning } from './outbox.js';

/** Days a mail stays in the local outbox (table and .eml file). */
export const outboxRetentionDays = 30;

/** The local outbox: every mail the portal sent without a mail server (development, demo). */
export const outboxPersonalData: PersonalDataDeclaration = {
  name: 'postausgang',
  table: 'mail_outbox',
  subject: { email: 'recipient' },
  purpose: 'Empfängeradresse einer Mail im lokalen Postausgang (nur ohne SMTP_URL; mit Mailserver bleibt er leer)',
  columns: { subject: 'Betreff', text_body: 'Inhalt als Text', html_body: 'Inhalt als HTML' },
  // The texts can hold sign-in, confirmation and unsubscribe links that still work: the person
  // received every mail, the export file should not become a key to the account.
  notExported: ['text_body', 'html_body'],
  context: ['created_at'],
  onErase: 'delete',
  retention: {
    rule: `${outboxRetentionDays} Tage nach dem Versand, die .eml-Kopien in DATA_DIR/outbox mit ihnen`,
    sweep: { days: outboxRetentionDays, after: 'created_at' },
  },
};

/** Mails to others that quote the person's address (the reply address of a barrier report in the editors' notice) go with the account too. */
export const outboxMentionsErased: ErasureStep = {
  preview: async () => [],
  apply: (trx, person) => deleteOutboxMentioning(trx, person.email),
};
