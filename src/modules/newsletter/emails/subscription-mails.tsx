import type { Locale } from '../../../platform/i18n/i18n.js';
import { MailLayout } from '../../../platform/mail/mail-layout.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { subscriptionMailMessages } from './subscription-mails.messages.js';

/** The confirmation mail (kind "confirm") or the notice to a subscribed address ("exists"): text and HTML. */
export function subscriptionMail(kind: 'confirm' | 'exists', input: { to: string; locale: Locale; portalName: string; link: string }): Mail {
  const t = subscriptionMailMessages(input.locale);
  const subject = t(`${kind}.subject`);
  const body = [t('greeting'), t(`${kind}.body`, { portal: input.portalName })];
  const after = [t(`${kind}.after`), t('signature', { portal: input.portalName })];
  const text = [...body, `${t(`${kind}.action`)}:\n${input.link}`, ...after].join('\n\n');
  const html = (
    <MailLayout locale={input.locale} title={subject} portalName={input.portalName}>
      {body.map((p) => (
        <p safe>{p}</p>
      ))}
      <p>
        <a href={input.link} style="font-weight: bold;" safe>
          {t(`${kind}.action`)}
        </a>
      </p>
      {after.map((p) => (
        <p safe>{p}</p>
      ))}
    </MailLayout>
  ) as string;
  return { to: input.to, subject, text, html };
}
