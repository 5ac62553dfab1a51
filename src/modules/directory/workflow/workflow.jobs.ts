import { storedLocale } from '../../../platform/i18n/i18n.js';
import type { AppDeps } from '../../../platform/deps.js';
import { job, type JobDefinition } from '../../../platform/modules/manifest.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { queueDigestMail, reminderMail, staleMail, type EntryLine } from './emails/workflow-emails.js';
import { berlinDate, daysBefore, monthsBefore } from './workflow.dates.js';
import { paths } from './workflow.paths.js';
import {
  confirmedEditors,
  markReminded,
  markStale,
  reachableMembers,
  servicesCheckedBefore,
  waitingRevisions,
  type CheckedServiceRow,
} from './workflow.checks.repository.js';

/**
 * Daily jobs that keep the directory honest: providers are reminded to check entries not checked
 * for 12 months (again after 30 days at the earliest), and entries not checked for 18 months are
 * flagged to the editors. Selection is pure and takes `now`, so tests can fix the date.
 */

export const reminderJob = 'directory.check-reminders';
export const staleJob = 'directory.stale-flags';
export const queueDigestJob = 'directory.queue-digest';
export const reminderMonths = 12;
export const staleMonths = 18;
export const reminderPauseDays = 30;

type JobDeps = Pick<AppDeps, 'db' | 'mail' | 'city' | 'config' | 'review'>;

/** The facts the selection needs about one published service. */
export interface CheckFacts {
  /** assured_date, YYYY-MM-DD, or null when never checked. */
  assuredDate: string | null;
  publishedAt: Date;
  reminderSentAt: Date | null;
  staleFlaggedAt: Date | null;
}

/** The last time someone vouched for the entry: the check date, else the day it was published. */
export const lastChecked = (facts: Pick<CheckFacts, 'assuredDate' | 'publishedAt'>): string => facts.assuredDate ?? berlinDate(facts.publishedAt);

/** Not checked for more than 12 months, and no reminder within the last 30 days. */
export function isDueForReminder(facts: CheckFacts, now: Date): boolean {
  const overdue = lastChecked(facts) < monthsBefore(berlinDate(now), reminderMonths);
  return overdue && (!facts.reminderSentAt || facts.reminderSentAt < daysBefore(now, reminderPauseDays));
}

/** Not checked for more than 18 months and not flagged yet. */
export function isNewlyStale(facts: CheckFacts, now: Date): boolean {
  return !facts.staleFlaggedAt && lastChecked(facts) < monthsBefore(berlinDate(now), staleMonths);
}

type Row = CheckedServiceRow;
const factsOf = (r: Row): CheckFacts => ({
  assuredDate: r.assured_date,
  publishedAt: r.published_at,
  reminderSentAt: r.check_reminder_sent_at,
  staleFlaggedAt: r.stale_flagged_at,
});
const localeOf = (value: string): Locale => storedLocale(value);

function line(deps: JobDeps, r: Row): EntryLine {
  return {
    entry: r.name,
    organization: r.organization_name,
    lastChecked: r.assured_date ?? undefined,
    link: `${deps.config.publicUrl}${paths.edit('service', r.organization_id, r.id)}`,
  };
}

/** One mail per member of an organisation with due entries, listing all of them; returns what was sent. */
export async function sendCheckReminders(deps: JobDeps, now: Date): Promise<{ mails: number; entries: number }> {
  const { db, mail, city } = deps;
  const due = (await servicesCheckedBefore(db, monthsBefore(berlinDate(now), reminderMonths))).filter((r) => isDueForReminder(factsOf(r), now));
  if (!due.length) return { mails: 0, entries: 0 };
  const members = await reachableMembers(db, [...new Set(due.map((r) => r.organization_id))]);
  const perUser = new Map<string, { email: string; name: string; locale: Locale; entries: Row[] }>();
  for (const m of members) {
    const person = perUser.get(m.id) ?? { email: m.email, name: m.display_name, locale: localeOf(m.locale), entries: [] };
    person.entries.push(...due.filter((r) => r.organization_id === m.organization_id));
    perUser.set(m.id, person);
  }
  // Entries of organisations without members stay due; the editors' flag catches them later.
  const reminded = due.filter((r) => members.some((m) => m.organization_id === r.organization_id));
  await db.transaction().execute(async (trx) => {
    for (const person of perUser.values()) {
      await mail.enqueue(
        trx,
        reminderMail({
          to: person.email,
          locale: person.locale,
          name: person.name,
          portalName: city.portalName,
          editorsEmail: city.editorsEmail,
          entries: person.entries.map((r) => line(deps, r)),
        }),
      );
    }
    if (reminded.length)
      await markReminded(
        trx,
        reminded.map((r) => r.id),
        now,
      );
  });
  return { mails: perUser.size, entries: reminded.length };
}

/** Flags entries not checked for 18 months and sends one summary to the editors' address and each editor. */
export async function flagStaleEntries(deps: JobDeps, now: Date): Promise<{ mails: number; entries: number }> {
  const { db, mail, city, config } = deps;
  const stale = (await servicesCheckedBefore(db, monthsBefore(berlinDate(now), staleMonths))).filter((r) => isNewlyStale(factsOf(r), now));
  if (!stale.length) return { mails: 0, entries: 0 };
  const recipients = await editorRecipients(deps);
  await db.transaction().execute(async (trx) => {
    await markStale(
      trx,
      stale.map((r) => r.id),
      now,
    );
    for (const [to, locale] of recipients) {
      await mail.enqueue(
        trx,
        staleMail({
          to,
          locale,
          portalName: city.portalName,
          editorsEmail: city.editorsEmail,
          entries: stale.map((r) => line(deps, r)),
          queueLink: `${config.publicUrl}${paths.queue}`,
        }),
      );
    }
  });
  return { mails: recipients.size, entries: stale.length };
}

/** The editors' shared address and every editor and admin, each once, in their language. */
async function editorRecipients({ db, city }: JobDeps): Promise<Map<string, Locale>> {
  const editors = await confirmedEditors(db);
  const recipients = new Map<string, Locale>([[city.editorsEmail.toLowerCase(), 'de']]);
  for (const e of editors) if (!recipients.has(e.email.toLowerCase())) recipients.set(e.email.toLowerCase(), localeOf(e.locale));
  return recipients;
}

/**
 * Each morning, one mail to the editors about what was submitted for review in the last 24 hours
 * (and how many wait in all); no mail when nothing new came in.
 */
export async function sendQueueDigest(deps: JobDeps, now: Date): Promise<{ mails: number; entries: number }> {
  const { db, mail, city, config } = deps;
  const waiting = await waitingRevisions(db);
  const since = new Date(now.getTime() - 24 * 3600_000);
  const fresh = waiting.filter((r) => r.submitted_at && r.submitted_at > since && r.submitted_at <= now);
  if (!fresh.length) return { mails: 0, entries: 0 };
  const recipients = await editorRecipients(deps);
  await db.transaction().execute(async (trx) => {
    for (const [to, locale] of recipients) {
      const entries = fresh.map((r) => ({
        entry: (r.data as { name?: string }).name ?? '',
        entity: deps.review.of(r.entity_type).label(locale),
        organization: r.organization_name,
        link: `${config.publicUrl}${paths.review(r.id)}`,
      }));
      await mail.enqueue(
        trx,
        queueDigestMail({
          to,
          locale,
          portalName: city.portalName,
          editorsEmail: city.editorsEmail,
          entries,
          waiting: waiting.length,
          queueLink: `${config.publicUrl}${paths.queue}`,
        }),
      );
    }
  });
  return { mails: recipients.size, entries: fresh.length };
}

/** The jobs to run every morning (Europe/Berlin). */
export function workflowJobs(deps: JobDeps): JobDefinition[] {
  return [
    job(queueDigestJob, async () => void (await sendQueueDigest(deps, new Date())), { cron: '0 7 * * *' }),
    job(reminderJob, async () => void (await sendCheckReminders(deps, new Date())), { cron: '15 6 * * *' }),
    job(staleJob, async () => void (await flagStaleEntries(deps, new Date())), { cron: '20 6 * * *' }),
  ];
}
