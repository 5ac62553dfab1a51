import type { Locale } from '../../../platform/i18n/i18n.js';
import { MailLayout } from '../../../platform/mail/mail-layout.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { networkMailMessages } from './network-mails.messages.js';

interface Parts {
  to: string;
  locale: Locale;
  portalName: string;
  subject: string;
  /** Paragraphs before the links. */
  body: string[];
  links: { label: string; url: string }[];
  /** One-click unsubscribe (RFC 8058 headers too) and the settings page. */
  unsubscribe?: { page: string; oneClick: string; settings: string };
  calendar?: Mail['calendar'];
}

/** One mail of the network, as text and accessible HTML. */
export function networkMail(p: Parts): Mail {
  const t = networkMailMessages(p.locale);
  const signature = t('signature', { portal: p.portalName });
  const text = [
    t('greeting'),
    ...p.body,
    ...p.links.map((l) => `${l.label}:\n${l.url}`),
    signature,
    ...(p.unsubscribe ? [t('settings', { link: p.unsubscribe.settings }), t('unsubscribe', { link: p.unsubscribe.page })] : []),
  ].join('\n\n');
  const html = (
    <MailLayout locale={p.locale} title={p.subject} portalName={p.portalName}>
      <p safe>{t('greeting')}</p>
      {p.body.map((line) => (
        <p style="white-space: pre-line;" safe>
          {line}
        </p>
      ))}
      {p.links.map((l) => (
        <p>
          <a href={l.url} style="font-weight: bold;" safe>
            {l.label}
          </a>
        </p>
      ))}
      <p style="white-space: pre-line;" safe>
        {signature}
      </p>
      {p.unsubscribe ? (
        <p style="font-size: 14px;">
          <a href={p.unsubscribe.page} safe>
            {t('unsubscribe.html')}
          </a>
        </p>
      ) : (
        ''
      )}
    </MailLayout>
  ) as string;
  const headers = p.unsubscribe ? { 'List-Unsubscribe': `<${p.unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined;
  return { to: p.to, subject: p.subject, text, html, headers, calendar: p.calendar };
}
