import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { createBulkTransport } from '../../platform/mail/bulk.js';
import { personalise, renderIssueTemplate } from './emails/issue-mail.js';
import { resolveContent, type Composition, type IssueContent } from './issue-content.js';
import { deliveryProblems, deliveryProgress, queueDeliveries, requeueUnknown } from './deliveries.repository.js';
import {
  dueScheduledIssueIds,
  findIssue,
  insertIssue,
  listIssues,
  listSentIssues,
  lockIssueStatus,
  resumeSending,
  scheduleIssue,
  setIssueTotal,
  stalledIssueIds,
  startIssue,
  unscheduleIssue,
  updateDraft,
  type Issue,
} from './issues.repository.js';
import { can } from './newsletter.policy.js';
import { recentPublicNews } from './news.repository.js';
import { runSending, sendIssueJob, type SendOptions } from './sending.js';
import { subscriberCounts } from './subscribers.repository.js';

export interface IssueInput {
  subject: string;
  intro: string;
  composition: Composition;
}

export const maxTestAddresses = 5;

const alreadySent = () => new AppError('conflict', 'Diese Ausgabe wird schon verschickt oder ist verschickt. Niemand bekommt sie ein zweites Mal.');

/** Issues: compose, preview, test, schedule or send now, follow the progress. */
export function createIssueService(deps: AppDeps, sendOptions: SendOptions = {}) {
  const { db, config, city, jobs, mail } = deps;
  const archiveUrl = (id: string) => `${config.publicUrl}/infobrief/archiv/${id}`;

  async function get(id: string): Promise<Issue> {
    const issue = await findIssue(db, id);
    if (!issue) throw notFound('Ausgabe');
    return issue;
  }

  /** Frozen content once sending started; until then what it would be now. */
  async function contentOf(issue: Issue): Promise<IssueContent> {
    return issue.frozen ?? resolveContent(db, config.publicUrl, issue);
  }

  /** Freezes the content and writes one delivery row per confirmed subscriber; refuses a second start. */
  async function startSending(actorId: string | null, id: string, onlyDue = false): Promise<number> {
    const issue = await get(id);
    const content = await resolveContent(db, config.publicUrl, issue);
    return db.transaction().execute(async (trx) => {
      if (!(await startIssue(trx, id, content, onlyDue))) throw alreadySent();
      const total = await queueDeliveries(trx, id);
      await setIssueTotal(trx, id, total);
      await jobs.send(trx, sendIssueJob, { issueId: id });
      await recordAudit(trx, {
        actorId,
        action: 'newsletter.issue_sending_started',
        subjectType: 'newsletter_issue',
        subjectId: id,
        details: { subject: issue.subject, total },
      });
      return total;
    });
  }

  return {
    async overview(actor: Actor) {
      ensure(can(actor, 'issue.compose'));
      return { issues: await listIssues(db), counts: await subscriberCounts(db) };
    },
    async get(actor: Actor, id: string) {
      ensure(can(actor, 'issue.compose'));
      return get(id);
    },
    async newsChoices(actor: Actor) {
      ensure(can(actor, 'issue.compose'));
      return recentPublicNews(db, 30);
    },
    async create(actor: Actor, input: IssueInput): Promise<string> {
      ensure(can(actor, 'issue.compose'));
      return db.transaction().execute(async (trx) => {
        const id = await insertIssue(trx, input, actor.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'newsletter.issue_created',
          subjectType: 'newsletter_issue',
          subjectId: id,
          details: { subject: input.subject },
        });
        return id;
      });
    },
    async update(actor: Actor, id: string, input: IssueInput): Promise<void> {
      ensure(can(actor, 'issue.compose'));
      await get(id);
      if (!(await updateDraft(db, id, input))) throw alreadySent();
    },
    async preview(actor: Actor, id: string): Promise<{ issue: Issue; content: IssueContent }> {
      ensure(can(actor, 'issue.compose'));
      const issue = await get(id);
      return { issue, content: await contentOf(issue) };
    },
    /** Sends the issue as it would look now to a few chosen addresses, marked [TEST], through the normal mail queue. */
    async testSend(actor: Actor, id: string, addresses: string[]): Promise<void> {
      ensure(can(actor, 'issue.compose'));
      const issue = await get(id);
      const content = await contentOf(issue);
      const template = renderIssueTemplate(content, 'de', { portalName: city.portalName, archiveUrl: archiveUrl(id), test: true });
      // A test mail must not unsubscribe anyone: its links go to the sign-up page.
      const links = { manage: `${config.publicUrl}/infobrief`, oneClick: `${config.publicUrl}/infobrief` };
      await db.transaction().execute(async (trx) => {
        for (const to of addresses) {
          const m = personalise(template, to, links);
          await mail.enqueue(trx, { to, subject: m.subject, text: m.text, html: m.html });
        }
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'newsletter.issue_test_sent',
          subjectType: 'newsletter_issue',
          subjectId: id,
          details: { recipients: addresses.length },
        });
      });
    },
    async schedule(actor: Actor, id: string, at: Date): Promise<void> {
      ensure(can(actor, 'issue.send'));
      await get(id);
      await db.transaction().execute(async (trx) => {
        if (!(await scheduleIssue(trx, id, at))) throw alreadySent();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'newsletter.issue_scheduled',
          subjectType: 'newsletter_issue',
          subjectId: id,
          details: { at: at.toISOString() },
        });
      });
    },
    /** Back to a draft; only a scheduled issue that has not started. */
    async unschedule(actor: Actor, id: string): Promise<void> {
      ensure(can(actor, 'issue.send'));
      await get(id);
      await db.transaction().execute(async (trx) => {
        if (!(await unscheduleIssue(trx, id))) throw alreadySent();
        await recordAudit(trx, { actorId: actor.id, action: 'newsletter.issue_unscheduled', subjectType: 'newsletter_issue', subjectId: id });
      });
    },
    async sendNow(actor: Actor, id: string): Promise<number> {
      ensure(can(actor, 'issue.send'));
      return startSending(actor.id, id);
    },
    /**
     * An editor's explicit decision after a crash: send the "unknown" deliveries again. Some of
     * them did arrive, so those people get a second copy — the page says so before the click.
     */
    async resendUnknown(actor: Actor, id: string): Promise<number> {
      ensure(can(actor, 'issue.send'));
      await get(id);
      return db.transaction().execute(async (trx) => {
        const status = await lockIssueStatus(trx, id);
        if (status !== 'sending' && status !== 'sent') return 0;
        const n = await requeueUnknown(trx, id);
        if (n === 0) return 0;
        await resumeSending(trx, id);
        await jobs.send(trx, sendIssueJob, { issueId: id });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'newsletter.issue_unknown_resent',
          subjectType: 'newsletter_issue',
          subjectId: id,
          details: { deliveries: n },
        });
        return n;
      });
    },
    async progress(actor: Actor, id: string) {
      ensure(can(actor, 'issue.send'));
      const issue = await get(id);
      return { issue, progress: await deliveryProgress(db, id), problems: await deliveryProblems(db, id) };
    },

    /** The worker's part: one slice of sending; a continuation job carries on. */
    async handleSendJob(data: { issueId: string }): Promise<void> {
      const transport = createBulkTransport({ config, db });
      try {
        const result = await runSending({ db, config, portalName: city.portalName, transport }, data.issueId, sendOptions);
        if (result === 'continue') await jobs.send(db, sendIssueJob, data);
      } finally {
        transport.close();
      }
    },

    /** Every minute: start due scheduled issues and resume sending whose run died (lease ran out). */
    async tick(): Promise<void> {
      for (const id of await dueScheduledIssueIds(db)) {
        try {
          await startSending(null, id, true);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'conflict')) throw error;
        }
      }
      for (const id of await stalledIssueIds(db)) await jobs.send(db, sendIssueJob, { issueId: id });
    },

    archive: () => listSentIssues(db),
    async archived(id: string): Promise<Issue | null> {
      const issue = await findIssue(db, id);
      // The mail links here ("read in the browser"), so the page exists from the first mail on;
      // the archive list shows finished issues only.
      return issue && issue.frozen && (issue.finishedAt || issue.status === 'sending') ? issue : null;
    },
  };
}

export type IssueService = ReturnType<typeof createIssueService>;
