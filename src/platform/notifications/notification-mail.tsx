import type { Locale } from '../i18n/i18n.js';
import { MailLayout } from '../mail/mail-layout.js';
import type { Mail } from '../mail/mailer.js';
import { notificationMessages } from './notifications.messages.js';

export interface MailLinks {
  /** The page behind the unsubscribe link, and the RFC 8058 one-click address for the headers. */
  unsubscribe: { page: string; oneClick: string; digest: boolean };
  settings: string;
}

interface Parts {
  to: string;
  locale: Locale;
  portalName: string;
  subject: string;
  /** Paragraphs before the links. */
  lines: string[];
  /** A whole letter with its own greeting and signature, instead of ours and `lines`. */
  letter?: string;
  links: { label: string; url: string }[];
  manage?: MailLinks;
  calendar?: Mail['calendar'];
}

/** One notification (or one digest) as text and accessible HTML, with the one-click unsubscribe headers. */
export function notificationMail(p: Parts): Mail {
  const t = notificationMessages(p.locale);
  const signature = t('mail.signature', { portal: p.portalName });
  const u = p.manage;
  const footer = u
    ? [t('mail.settings', { link: u.settings }), t(u.unsubscribe.digest ? 'mail.unsubscribe.digest' : 'mail.unsubscribe', { link: u.unsubscribe.page })]
    : [];
  const links = p.links.map((l) => `${l.label}:\n${l.url}`);
  const text = (p.letter ? [p.letter, ...links, ...footer] : [t('mail.greeting'), ...p.lines, ...links, signature, ...footer]).join('\n\n');
  const paragraphs = p.letter ? p.letter.split(/\n{2,}/) : [t('mail.greeting'), ...p.lines];
  const html = (
    <MailLayout locale={p.locale} title={p.subject} portalName={p.portalName}>
      {paragraphs.map((line) => (
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
      {p.letter ? (
        ''
      ) : (
        <p style="white-space: pre-line;" safe>
          {signature}
        </p>
      )}
      {u ? (
        <p style="font-size: 14px;">
          <a href={u.settings} safe>
            {t('mail.settings.html')}
          </a>
          {' · '}
          <a href={u.unsubscribe.page} safe>
            {t(u.unsubscribe.digest ? 'mail.unsubscribe.digest.html' : 'mail.unsubscribe.html')}
          </a>
        </p>
      ) : (
        ''
      )}
    </MailLayout>
  ) as string;
  const headers: Record<string, string> = { 'Content-Language': p.locale };
  if (u) Object.assign(headers, { 'List-Unsubscribe': `<${u.unsubscribe.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  return { to: p.to, subject: p.subject, text, html, headers, calendar: p.calendar };
}
