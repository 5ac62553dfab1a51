import { safeEqual } from '../../platform/auth/tokens.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/roles.js';
import { uuidPattern } from '../../platform/http/ids.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { sentIssueSummaries } from '../newsletter/index.js';
import { createCalendarService } from './calendar.service.js';
import { createDocumentService } from './documents.service.js';
import { networkMail } from './emails/network-mails.js';
import { networkMailMessages } from './emails/network-mails.messages.js';
import { createFeedService } from './feed.service.js';
import * as feed from './feed.repository.js';
import { createGroupService } from './groups.service.js';
import * as docs from './documents.repository.js';
import { createMeetingService } from './meetings.service.js';
import * as meetings from './meetings.repository.js';
import * as moderation from './moderation.repository.js';
import { createNetworkContext, newKey, sign } from './network.context.js';
import { networkKindNames } from './network.notifications.js';
import { isNetworkPerson, isStaff } from './network.policy.js';
import * as repo from './network.repository.js';
import { createPollService } from './polls.service.js';
import { createModerationService } from './moderation.service.js';
import * as visits from './visits.repository.js';

export type NetworkService = ReturnType<typeof createNetworkService>;

/**
 * Bündnis-Netzwerk: the public face and a partner's start page here; groups, documents, meetings, polls,
 * the feed and the calendar feeds in their own parts, which share one context (network.context.ts).
 */
export function createNetworkService(deps: AppDeps) {
  const { db, city, mail } = deps;
  const ctx = createNetworkContext(deps);

  const own = {
    /** Whether an account works in the network (partner, editor, admin): its notification kinds concern them. */
    async worksInNetwork(userId: string): Promise<boolean> {
      const role = await repo.roleOf(db, userId);
      return role === 'partner' || role === 'editor' || role === 'admin';
    },

    async publicOverview() {
      const [partners, groups, documents] = await Promise.all([repo.shownPartners(db), repo.visibleGroups(db), docs.publicDocuments(db)]);
      return { partners, groups, documents };
    },

    /** "We want to join": kept for the family office, which gets a mail in the same transaction. */
    async requestPartnership(input: { organization: string; name: string; email: string; message: string }, locale: Locale) {
      await db.transaction().execute(async (trx) => {
        await repo.insertPartnerRequest(trx, {
          organization: input.organization,
          contact_name: input.name,
          email: input.email,
          message: input.message,
          locale,
        });
        const t = networkMailMessages('de');
        await mail.enqueue(
          trx,
          networkMail({
            to: city.familyOffice.email,
            locale: 'de',
            portalName: city.portalName,
            subject: t('request.subject', { organization: input.organization }),
            body: [t('request.body', { name: input.name, organization: input.organization, email: input.email }), input.message],
            links: [],
          }),
        );
      });
    },

    /**
     * The personal start page: my groups, next meetings with my answer, my open tasks, documents new
     * since my last visit, the feed, the Familieninfobrief, groups to join. Three rounds of queries: the
     * visit, everything by the person at once, then the files of the posts shown.
     */
    async myPage(actor: Actor) {
      await ctx.authorizeNetworkPerson(actor);
      const userId = actor.id;
      const staff = isStaff(actor);
      const partner = isNetworkPerson(actor);
      const newSince = await visits.recordVisit(db, userId, newKey);
      const [groups, upcoming, tasks, newDocuments, posts, issues, otherGroups, reports] = await Promise.all([
        repo.groupsOf(db, userId),
        meetings.upcomingMeetingsOf(db, userId, new Date(), 10),
        meetings.openTasksOf(db, userId),
        visits.documentsNewSince(db, userId, newSince),
        feed.feed(db, { memberOf: userId }, 20),
        sentIssueSummaries(db, 5),
        repo.groupsToJoin(db, userId),
        partner ? moderation.openReportCount(db, staff ? 'all' : { leadOf: userId }) : 0,
      ]);
      const leads = staff || (partner && groups.some((g) => g.state === 'member' && g.role === 'lead'));
      const attachments = await feed.attachmentsOf(
        db,
        posts.map((p) => p.id),
      );
      return {
        groups,
        otherGroups,
        meetings: upcoming.map((m) => ({ ...m, answer: m.answer ?? undefined })),
        tasks,
        newSince,
        newDocuments,
        posts,
        attachments,
        /** For leads and staff: reported posts waiting for them (null for everyone else). */
        openReports: leads ? reports : null,
        issues,
        isStaff: staff,
      };
    },

    /** The person behind an unsubscribe link, or null. */
    async unsubscribeSubject(token: string): Promise<string | null> {
      const [userId, sig, extra] = token.split('.');
      if (extra !== undefined || !userId || !sig || !uuidPattern.test(userId)) return null;
      const setting = await repo.findSetting(db, userId);
      return setting && safeEqual(sig, sign(ctx.secret(), 'unsubscribe', [userId, setting.link_key])) ? userId : null;
    },

    async unsubscribe(token: string): Promise<boolean> {
      const userId = await own.unsubscribeSubject(token);
      if (!userId) return false;
      // Links in mails sent before the platform's service: no more mails of any of the network's kinds.
      await deps.notifications.setCadence(await deps.notifications.userRecipient(userId), networkKindNames, 'never');
      return true;
    },
  };

  const documents = createDocumentService(ctx);
  return {
    ...own,
    ...createGroupService(ctx),
    ...documents,
    ...createFeedService(ctx, documents),
    ...createModerationService(ctx),
    ...createMeetingService(ctx),
    ...createPollService(ctx),
    ...createCalendarService(ctx),
  };
}
