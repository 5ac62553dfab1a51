import type { Locale } from '../../platform/i18n/i18n.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { renderMail } from '../../platform/review/review-emails.js';
import { employersMessages } from './employers.messages.js';

/** To each member of an employer whose measures were not confirmed for 12 months (the reminder job). */
export function confirmationReminderMail(input: {
  to: string;
  locale: Locale;
  name: string;
  organization: string;
  portalName: string;
  editorsEmail: string;
  link: string;
}): Mail {
  const t = employersMessages(input.locale);
  return renderMail({
    ...input,
    subject: t('reminder.subject', { organization: input.organization }),
    before: [t('reminder.greeting', { name: input.name }), t('reminder.body', { organization: input.organization, portal: input.portalName })],
    action: { label: t('reminder.action'), link: input.link },
    after: [t('reminder.signature', { editors: input.editorsEmail })],
  });
}
