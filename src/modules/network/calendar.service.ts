import type { Actor } from '../../platform/auth/roles.js';
import { safeEqual } from '../../platform/auth/tokens.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { calendarFeed } from './calendar-feed.js';
import * as calendars from './calendar.repository.js';
import { newKey, sign, type NetworkContext } from './network.context.js';
import { networkMessages } from './network.messages.js';
import { meetingPath } from './network.paths.js';
import { authorize, canLead } from './network.policy.js';
import * as repo from './network.repository.js';

/** Staff (editors, admins) read every group's feed; partners and members only their groups'. */
const staffRoles = new Set(['editor', 'admin']);
/** Meetings that ended more than this long ago drop out of the feeds. */
const pastDays = 30;

/**
 * Calendar feeds behind secret, revocable addresses: a person's (the meetings of all their groups) and
 * one per group and member (that group's meetings). Calendar apps send no cookies, so the address is the
 * only authority. Every address is signed with the person's key, so "new address" revokes all of that
 * person's feeds; a group's address also with the group's key, which its lead renews to revoke every
 * member's address at once. Each request checks membership anew: whoever leaves or is removed gets
 * nothing more, and a private group's meetings reach only its members.
 */
export function createCalendarService(ctx: NetworkContext) {
  const { db, deps } = ctx;
  const feedPath = (token: string) => `/netzwerk/kalender/${token}.ics`;
  const groupFeedPath = (token: string) => `/netzwerk/kalender/gruppen/${token.replace('.', '/')}.ics`;

  /** The person's key (created on first use); `renew` replaces it. */
  async function personKey(userId: string, renew = false): Promise<string> {
    const owner = await calendars.calendarOwner(db, userId);
    if (owner?.calendar_key && !renew) return owner.calendar_key;
    const key = newKey();
    await calendars.setCalendarKey(db, userId, key, newKey);
    return key;
  }

  const personalToken = (userId: string, key: string) => `${userId}.${sign(ctx.secret(), 'calendar', [userId, key])}`;
  const groupToken = (groupId: string, userId: string, groupKey: string, key: string) =>
    `${groupId}.${userId}.${sign(ctx.secret(), 'group-calendar', [groupId, userId, groupKey, key])}`;

  async function render(scope: { userId: string } | { groupId: string }, name: string): Promise<string> {
    const now = new Date();
    const meetings = await calendars.calendarMeetings(db, scope, new Date(now.getTime() - pastDays * 86_400_000));
    return calendarFeed(meetings, { name: `${deps.city.portalName}: ${name}`, host: ctx.host(), url: (id) => ctx.url(meetingPath(id)), now });
  }

  return {
    /** The addresses of the person's feeds: their own, and one for each group they belong to (keys made on first use). */
    async calendarSettings(actor: Actor) {
      await ctx.authorizeNetworkPerson(actor);
      const key = await personKey(actor.id);
      const groups = (await repo.groupsOf(db, actor.id)).filter((g) => g.state === 'member');
      const feeds = [];
      for (const g of groups) {
        const groupKey = await calendars.groupCalendarKey(db, g.id, newKey(), false);
        feeds.push({
          slug: g.slug,
          name: g.name,
          url: ctx.url(groupFeedPath(groupToken(g.id, actor.id, groupKey!, key))),
          isLead: canLead(actor, { access: g.access, membership: { role: g.role, state: g.state } }),
        });
      }
      return { personal: ctx.url(feedPath(personalToken(actor.id, key))), groups: feeds };
    },

    /** A new key for the person: every address of theirs (personal and groups) stops working at once. */
    async renewCalendar(actor: Actor): Promise<void> {
      await ctx.authorizeNetworkPerson(actor);
      await personKey(actor.id, true);
    },

    /** A lead (or staff) renews the group's key: every member's address for this group stops working at once. */
    async renewGroupCalendar(actor: Actor, slug: string): Promise<void> {
      const { group, standing } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, standing));
      await calendars.groupCalendarKey(db, group.id, newKey(), true);
    },

    /** The personal feed behind a token: the meetings of the groups the person belongs to now; null for a wrong or renewed address. */
    async calendarByToken(token: string): Promise<string | null> {
      const [userId, sig, extra] = token.split('.');
      if (extra !== undefined || !userId || !sig || !uuidPattern.test(userId)) return null;
      const owner = await calendars.calendarOwner(db, userId);
      if (!owner?.calendar_key || !safeEqual(token, personalToken(userId, owner.calendar_key))) return null;
      return render({ userId }, networkMessages('de')('public.title'));
    },

    /** A group's feed behind a token, while the person it was made for is a member (or staff); null otherwise. */
    async groupCalendarByToken(token: string): Promise<string | null> {
      const [groupId, userId, sig, extra] = token.split('.');
      if (extra !== undefined || !groupId || !userId || !sig || !uuidPattern.test(groupId) || !uuidPattern.test(userId)) return null;
      const [group, owner] = await Promise.all([calendars.groupFeedOwner(db, groupId, userId), calendars.calendarOwner(db, userId)]);
      if (!group?.calendar_key || !owner?.calendar_key) return null;
      if (!safeEqual(token, groupToken(groupId, userId, group.calendar_key, owner.calendar_key))) return null;
      if (group.state !== 'member' && !staffRoles.has(owner.role)) return null;
      return render({ groupId }, group.name);
    },
  };
}
