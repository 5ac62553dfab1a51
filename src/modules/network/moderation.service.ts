import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import * as feed from './feed.repository.js';
import * as moderation from './moderation.repository.js';
import { moderationMessages } from './moderation.messages.js';
import { fieldError, type NetworkContext } from './network.context.js';
import { authorize, canLead, isNetworkPerson, isStaff } from './network.policy.js';
import * as repo from './network.repository.js';

export const retentionJob = 'network.retention';
/** Posts and documents deleted per statement, so that one clean-up never holds long locks. */
const retentionBatch = 2000;

/**
 * Keeping a group's feed in order: leads (and staff) work through reported posts (done, or hidden from
 * the feed), and each group keeps posts and documents only as long as its lead set (a nightly job deletes
 * older ones). Every decision is in the audit log.
 */
export function createModerationService(ctx: NetworkContext) {
  const { db } = ctx;

  /** The groups whose reports the actor works through: those they lead, or every group for staff. */
  async function ledGroups(actor: Actor): Promise<string[] | 'all'> {
    const userId = actor.id;
    authorize(isNetworkPerson(actor));
    if (isStaff(actor)) return 'all';
    return (await repo.groupsOf(db, userId)).filter((g) => g.state === 'member' && g.role === 'lead').map((g) => g.id);
  }

  /** A post and the actor's right to decide on it (leads of its group, staff). */
  async function postToDecide(actor: Actor, postId: string) {
    const post = await feed.findPost(db, postId);
    if (!post) throw notFound('Beitrag');
    const { group, standing } = await ctx.visibleGroup(actor, post.group_slug);
    authorize(canLead(actor, standing));
    return { post, group };
  }

  return {
    /** How many reported posts wait for the actor (0 for those who lead no group). */
    async openReportCount(actor: Actor): Promise<number> {
      if (!isNetworkPerson(actor)) return 0;
      return moderation.openReportCount(db, await ledGroups(actor));
    },

    /** The reported posts to work through, each with its reports, and the hidden posts (to show again). */
    async reportsPage(actor: Actor) {
      const groups = await ledGroups(actor);
      authorize(groups === 'all' || groups.length > 0);
      const [reports, hidden] = await Promise.all([moderation.openReports(db, groups), moderation.hiddenPosts(db, groups)]);
      const posts = new Map<string, { post: Omit<(typeof reports)[number], 'id' | 'reason' | 'created_at' | 'reporter'>; reports: typeof reports }>();
      for (const r of reports) {
        const entry = posts.get(r.post_id) ?? { post: r, reports: [] };
        entry.reports.push(r);
        posts.set(r.post_id, entry);
      }
      return { open: [...posts.values()], hidden, everyGroup: groups === 'all' };
    },

    /** Marks the post's reports done; with `hide` the post leaves the feed (kept, to be shown again). */
    async resolveReports(actor: Actor, postId: string, hide: boolean): Promise<void> {
      const { post, group } = await postToDecide(actor, postId);
      await db.transaction().execute(async (trx) => {
        const handled = await moderation.handleReports(trx, post.id);
        const hidden = hide && (await moderation.setHidden(trx, post.id, true));
        if (handled === 0 && !hidden) return;
        await recordAudit(trx, {
          actorId: actor.id,
          action: hidden ? 'network.post_hidden' : 'network.report_handled',
          subjectType: 'network_post',
          subjectId: post.id,
          details: { group: group.name, reports: handled },
        });
      });
    },

    /** A hidden post comes back into the feed. */
    async showPost(actor: Actor, postId: string): Promise<void> {
      const { post, group } = await postToDecide(actor, postId);
      await db.transaction().execute(async (trx) => {
        if (!(await moderation.setHidden(trx, post.id, false))) return;
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'network.post_shown',
          subjectType: 'network_post',
          subjectId: post.id,
          details: { group: group.name },
        });
      });
    },

    /** The lead (or staff) sets how many months the group keeps posts and documents; empty keeps them. */
    async setRetention(actor: Actor, slug: string, input: string, locale: Locale): Promise<void> {
      const { group, standing } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, standing));
      const text = input.trim();
      const months = text === '' ? null : /^\d{1,3}$/.test(text) ? Number(text) : NaN;
      if (months !== null && !(months >= 1 && months <= 240)) throw fieldError({ months: moderationMessages(locale)('retention.months.format') });
      if (months === group.retention_months) return;
      await db.transaction().execute(async (trx) => {
        await moderation.setRetention(trx, group.id, months);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'network.retention_changed',
          subjectType: 'network_group',
          subjectId: group.id,
          details: { group: group.name, months: months ?? 0 },
        });
      });
    },

    /**
     * The nightly clean-up: posts older than their group's retention (with comments, history, reports and
     * attachment links) and documents unchanged for that long (with every version) are deleted, in small
     * batches; the audit log says per group how many. Returns the totals.
     */
    async applyRetention(now = new Date()): Promise<{ posts: number; documents: number }> {
      const perGroup = new Map<string, { posts: number; documents: number }>();
      const count = (groupIds: string[], what: 'posts' | 'documents') => {
        for (const id of groupIds) {
          const entry = perGroup.get(id) ?? { posts: 0, documents: 0 };
          entry[what]++;
          perGroup.set(id, entry);
        }
        return groupIds.length;
      };
      for (const what of ['posts', 'documents'] as const) {
        const remove = what === 'posts' ? moderation.deleteExpiredPosts : moderation.deleteExpiredDocuments;
        let deleted: number;
        do deleted = count(await db.transaction().execute((trx) => remove(trx, now, retentionBatch)), what);
        while (deleted === retentionBatch);
      }
      let totals = { posts: 0, documents: 0 };
      for (const [groupId, deleted] of perGroup) {
        const group = await repo.findGroupById(db, groupId);
        await recordAudit(db, {
          actorId: null,
          action: 'network.retention_applied',
          subjectType: 'network_group',
          subjectId: groupId,
          details: { group: group?.name ?? '', ...deleted },
        });
        totals = { posts: totals.posts + deleted.posts, documents: totals.documents + deleted.documents };
      }
      return totals;
    },
  };
}
