import type { Locale } from '../i18n/i18n.js';
import { MailLayout } from '../mail/mail-layout.js';
import type { Mail } from '../mail/mailer.js';
import { reviewMessages } from './review.messages.js';

/** The review workflow's mail to the author, as plain text and accessible HTML; `renderMail` also shapes the modules' workflow mails. */

interface Common {
  to: string;
  locale: Locale;
  portalName: string;
  editorsEmail: string;
}

export interface DecisionMail extends Common {
  name: string;
  decision: 'approved' | 'rejected';
  entry: string;
  /** What it is, in the author's language ("Angebot"). */
  entity: string;
  organization: string;
  reason?: string;
  link: string;
}

export function renderMail(
  input: Common & {
    subject: string;
    before: string[];
    lines?: { text: string; link: string }[];
    quote?: { label: string; text: string };
    action?: { label: string; link: string };
    after: string[];
  },
): Mail {
  const { subject, before, lines = [], quote, action, after } = input;
  const text = [
    ...before,
    ...(quote ? [`${quote.label}\n${quote.text}`] : []),
    ...(lines.length ? [lines.map((l) => `- ${l.text}\n  ${l.link}`).join('\n')] : []),
    ...(action ? [`${action.label}:\n${action.link}`] : []),
    ...after,
  ].join('\n\n');
  const html = (
    <MailLayout locale={input.locale} title={subject} portalName={input.portalName}>
      {before.map((p) => (
        <p safe>{p}</p>
      ))}
      {quote ? (
        <>
          <p safe>{quote.label}</p>
          <blockquote style="white-space: pre-wrap;" safe>
            {quote.text}
          </blockquote>
        </>
      ) : (
        ''
      )}
      {lines.length ? (
        <ul>
          {lines.map((l) => (
            <li>
              <a href={l.link} safe>
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {action ? (
        <p>
          <a href={action.link} style="font-weight: bold;" safe>
            {action.label}
          </a>
        </p>
      ) : (
        ''
      )}
      {after.map((p) => (
        <p style="white-space: pre-line;" safe>
          {p}
        </p>
      ))}
    </MailLayout>
  ) as string;
  return { to: input.to, subject, text, html };
}

/** To the author: the proposal was approved or rejected (with the editors' reason). */
export function decisionMail(input: DecisionMail): Mail {
  const t = reviewMessages(input.locale);
  const vars = {
    entry: input.entry,
    entity: input.entity,
    organization: input.organization,
    portal: input.portalName,
    editors: input.editorsEmail,
  };
  const kind = input.decision;
  return renderMail({
    ...input,
    subject: t(`${kind}.subject`, vars),
    before: [t('greeting', { name: input.name }), t(`${kind}.body`, vars)],
    quote: kind === 'rejected' && input.reason ? { label: t('rejected.reason'), text: input.reason } : undefined,
    action: { label: t(`${kind}.action`), link: input.link },
    after: [...(kind === 'rejected' ? [t('rejected.after', vars)] : []), t('signature', vars)],
  });
}
