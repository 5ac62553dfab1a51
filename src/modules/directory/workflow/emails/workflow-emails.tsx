import type { DirectoryEntity } from '../../../../db/types.js';
import { formatCivilDate, type Locale } from '../../../../platform/i18n/i18n.js';
import { MailLayout } from '../../../../platform/mail/mail-layout.js';
import type { Mail } from '../../../../platform/mail/mailer.js';
import { workflowMailMessages } from './workflow-emails.messages.js';

/** Mails of the directory workflow, each as plain text and accessible HTML. */

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
  entity: DirectoryEntity;
  organization: string;
  reason?: string;
  link: string;
}

export interface EntryLine {
  entry: string;
  organization: string;
  /** YYYY-MM-DD or undefined (never checked). */
  lastChecked?: string;
  link: string;
}

const dateText = (value: string | undefined, locale: Locale, never: string) => {
  if (!value) return never;
  return formatCivilDate(value, locale);
};

function render(
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
  const t = workflowMailMessages(input.locale);
  const vars = {
    entry: input.entry,
    entity: t(`entity.${input.entity}`),
    organization: input.organization,
    portal: input.portalName,
    editors: input.editorsEmail,
  };
  const kind = input.decision;
  return render({
    ...input,
    subject: t(`${kind}.subject`, vars),
    before: [t('greeting', { name: input.name }), t(`${kind}.body`, vars)],
    quote: kind === 'rejected' && input.reason ? { label: t('rejected.reason'), text: input.reason } : undefined,
    action: { label: t(`${kind}.action`), link: input.link },
    after: [...(kind === 'rejected' ? [t('rejected.after', vars)] : []), t('signature', vars)],
  });
}

/** To a member of an organisation: entries not checked for 12 months, with links. */
export function reminderMail(input: Common & { name: string; entries: EntryLine[] }): Mail {
  const t = workflowMailMessages(input.locale);
  const vars = { portal: input.portalName, editors: input.editorsEmail };
  return render({
    ...input,
    subject: t('reminder.subject', vars),
    before: [t('greeting', { name: input.name }), t('reminder.body')],
    lines: input.entries.map((e) => ({
      text: t('reminder.entry', { entry: e.entry, organization: e.organization, date: dateText(e.lastChecked, input.locale, t('never')) }),
      link: e.link,
    })),
    after: [t('reminder.after', vars), t('signature', vars)],
  });
}

/** To the editors: entries newly flagged as not checked for 18 months. */
export function staleMail(input: Common & { entries: EntryLine[]; queueLink: string }): Mail {
  const t = workflowMailMessages(input.locale);
  const vars = { portal: input.portalName, count: input.entries.length };
  return render({
    ...input,
    subject: t('stale.subject', vars),
    before: [t('greetingTeam'), t('stale.body')],
    lines: input.entries.map((e) => ({
      text: t('reminder.entry', { entry: e.entry, organization: e.organization, date: dateText(e.lastChecked, input.locale, t('never')) }),
      link: e.link,
    })),
    action: { label: t('stale.action'), link: input.queueLink },
    after: [t('signature', vars)],
  });
}

/** To the editors: what was submitted for review in the last 24 hours. */
export function queueDigestMail(
  input: Common & {
    entries: { entry: string; entity: 'organization' | 'location' | 'service'; organization: string; link: string }[];
    waiting: number;
    queueLink: string;
  },
): Mail {
  const t = workflowMailMessages(input.locale);
  const vars = { portal: input.portalName, count: input.entries.length, waiting: input.waiting };
  return render({
    ...input,
    subject: t('digest.subject', vars),
    before: [t('greetingTeam'), t('digest.body', vars)],
    lines: input.entries.map((e) => ({
      text: t('digest.entry', { entry: e.entry, entity: t(`entity.${e.entity}`), organization: e.organization }),
      link: e.link,
    })),
    action: { label: t('stale.action'), link: input.queueLink },
    after: [t('signature', vars)],
  });
}
