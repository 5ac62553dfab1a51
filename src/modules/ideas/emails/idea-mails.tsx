import type { Locale } from '../../../platform/i18n/i18n.js';
import { MailLayout } from '../../../platform/mail/mail-layout.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { ideaMailMessages } from './idea-mails.messages.js';

interface Parts {
  to: string;
  locale: Locale;
  portalName: string;
  subject: string;
  /** Paragraphs before the link. */
  body: string[];
  /** A quoted text (an answer, an update), kept with its line breaks. */
  quote?: string;
  action?: { label: string; url: string };
  after?: string[];
  /** One-click unsubscribe from this idea (RFC 8058 headers too). */
  unsubscribe?: { page: string; oneClick: string };
}

/** One mail of the module, as text and accessible HTML. */
export function ideaMail(p: Parts): Mail {
  const t = ideaMailMessages(p.locale);
  const signature = t('signature', { portal: p.portalName });
  const text = [
    t('greeting'),
    ...p.body,
    ...(p.quote ? [p.quote] : []),
    ...(p.action ? [`${p.action.label}:\n${p.action.url}`] : []),
    ...(p.after ?? []),
    signature,
    ...(p.unsubscribe ? [t('unsubscribe', { link: p.unsubscribe.page })] : []),
  ].join('\n\n');
  const html = (
    <MailLayout locale={p.locale} title={p.subject} portalName={p.portalName}>
      <p safe>{t('greeting')}</p>
      {p.body.map((line) => (
        <p safe>{line}</p>
      ))}
      {p.quote ? (
        <blockquote style="white-space: pre-line;" safe>
          {p.quote}
        </blockquote>
      ) : (
        ''
      )}
      {p.action ? (
        <p>
          <a href={p.action.url} style="font-weight: bold;" safe>
            {p.action.label}
          </a>
        </p>
      ) : (
        ''
      )}
      {(p.after ?? []).map((line) => (
        <p safe>{line}</p>
      ))}
      <p safe>{signature}</p>
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
  return { to: p.to, subject: p.subject, text, html, headers };
}
