import type { Locale } from '../../../platform/i18n/i18n.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { MailLayout } from '../../../platform/mail/mail-layout.js';
import { accountMailMessages } from './account-emails.messages.js';

type MailKind = 'confirm' | 'exists' | 'loginLink' | 'reset' | 'passwordChanged' | 'deleted';

interface MailInput {
  to: string;
  locale: Locale;
  name: string;
  portalName: string;
  /** The one link the mail is about, if any. */
  link?: string;
}

/** Renders one of the account mails as plain text and accessible HTML. */
export function accountMail(kind: MailKind, input: MailInput): Mail {
  const t = accountMailMessages(input.locale);
  const subject = t(`${kind}.subject`, { portal: input.portalName });
  const paragraphs = [t('greeting', { name: input.name }), t(`${kind}.body`, { portal: input.portalName })];
  const closing = [t(`${kind}.after`), t('signature', { portal: input.portalName })];
  const text = [...paragraphs, ...(input.link ? [`${t(`${kind}.action`)}:\n${input.link}`] : []), ...closing].join('\n\n');
  const html = (
    <MailLayout locale={input.locale} title={subject} portalName={input.portalName}>
      {paragraphs.map((p) => (
        <p safe>{p}</p>
      ))}
      {input.link ? (
        <p>
          <a href={input.link} style="font-weight: bold;" safe>
            {t(`${kind}.action`)}
          </a>
        </p>
      ) : (
        ''
      )}
      {closing.map((p) => (
        <p safe>{p}</p>
      ))}
    </MailLayout>
  ) as string;
  return { to: input.to, subject, text, html };
}
