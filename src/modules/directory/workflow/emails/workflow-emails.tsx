import { formatCivilDate, type Locale } from '../../../../platform/i18n/i18n.js';
import { renderMail as render } from '../../../../platform/review/review-emails.js';
import type { Mail } from '../../../../platform/mail/mailer.js';
import { workflowMailMessages } from './workflow-emails.messages.js';

/** Mails of the directory workflow, each as plain text and accessible HTML (the decision mail is the review workflow's: platform/review/). */

interface Common {
  to: string;
  locale: Locale;
  portalName: string;
  editorsEmail: string;
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
    /** `entity`: what it is, in the recipient's language (the review workflow's label of the kind). */
    entries: { entry: string; entity: string; organization: string; link: string }[];
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
      text: t('digest.entry', { entry: e.entry, entity: e.entity, organization: e.organization }),
      link: e.link,
    })),
    action: { label: t('stale.action'), link: input.queueLink },
    after: [t('signature', vars)],
  });
}
