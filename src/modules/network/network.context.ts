import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/executor.js';
import type { NetworkRsvp } from '../../db/tables/network.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/roles.js';
import { hmac } from '../../platform/auth/tokens.js';
import { AppError, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.js';
import { appointmentIcs as calendarInvitation } from '../../platform/mail/ics.js';
import { networkMailMessages } from './emails/network-mails.messages.js';
import { findMentions } from './mentions.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { networkMessages } from './network.messages.js';
import type { NetworkNotificationKind } from './network.notifications.js';
import { groupScope, meetingPath } from './network.paths.js';
import { authorize, canSeeGroup, isNetworkPerson, type GroupStanding } from './network.policy.js';
import * as repo from './network.repository.js';

/**
 * What every part of the network's service shares: who stands where in a group, the group as the actor
 * may see it, signed links, and telling members about something (through the platform's notifications).
 */

export const newKey = () => randomBytes(16).toString('base64url');
export const fieldError = (fields: FieldErrors) => new AppError('validation_failed', Object.values(fields)[0] ?? '', { fields });
/** A one-line summary of a text, for a notification's subject. */
export const summary = (body: string) => body.replace(/\s+/g, ' ').trim().slice(0, 80);

/** What happened, as the mail names it; several events share one kind of notification (what people choose). */
export type NetworkEvent =
  'post' | 'mention' | 'reply' | 'document' | 'poll' | 'meeting' | 'meeting_changed' | 'meeting_cancelled' | 'task' | 'task_due' | 'request' | 'report';
const kindOfEvent: Record<NetworkEvent, NetworkNotificationKind> = {
  post: 'post',
  mention: 'mention',
  reply: 'reply',
  document: 'document',
  poll: 'poll',
  meeting: 'meeting',
  meeting_changed: 'meeting',
  meeting_cancelled: 'meeting',
  task: 'task',
  task_due: 'task',
  request: 'request',
  report: 'report',
};

/** A signed link for one person and purpose; the person's (or group's) key makes it revocable. */
export function sign(secret: string, purpose: string, parts: string[]): string {
  return hmac(secret, `network|${purpose}|${parts.join('|')}`).slice(0, 43);
}

export type NetworkContext = ReturnType<typeof createNetworkContext>;

export function createNetworkContext(deps: AppDeps) {
  const { db, config, city } = deps;
  const secret = () => config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;
  const host = () => new URL(config.publicUrl).hostname || 'localhost';

  async function standing(executor: Executor, actor: Actor | null, group: { id: string; access: GroupStanding['access'] }): Promise<GroupStanding> {
    return { access: group.access, membership: actor ? await repo.membership(executor, group.id, actor.id) : undefined };
  }

  /** Partners and staff; and anyone who is a member of a group (the family council's members in theirs). */
  async function authorizeNetworkPerson(actor: Actor): Promise<void> {
    const userId = actor.id;
    if (isNetworkPerson(actor)) return;
    authorize((await repo.groupsOf(db, userId)).some((g) => g.state === 'member'));
  }

  /** The group as the actor may see it: a private group is "not found" to those outside it. */
  async function visibleGroup(actor: Actor | null, slug: string) {
    const group = await repo.findGroupBySlug(db, slug);
    if (!group) throw notFound('Gruppe');
    const s = await standing(db, actor, group);
    if (!canSeeGroup(actor, s)) {
      if (!isNetworkPerson(actor)) authorize(false);
      throw notFound('Gruppe');
    }
    return { group, standing: s };
  }

  const rsvpToken = (meetingId: string, userId: string, linkKey: string) => `${meetingId}.${userId}.${sign(secret(), 'rsvp', [meetingId, userId, linkKey])}`;

  function itemLine(locale: Locale, n: { kind: NetworkEvent; subject: string; groupName: string }) {
    return networkMailMessages(locale)(`kind.${n.kind}`, { title: n.subject, group: n.groupName });
  }

  /** The invitation, update or cancellation of a meeting, with its iCalendar part and RSVP links. */
  function meetingContent(meeting: MeetingRow, cancel: boolean, person: { id: string; email: string; display_name: string; locale: Locale; linkKey: string }) {
    const t = networkMailMessages(person.locale);
    const where = [meeting.place, meeting.video_url ?? ''].filter(Boolean).join(' · ');
    const rsvp = (answer: NetworkRsvp) =>
      url(`${meetingPath(meeting.id)}/antwort?token=${encodeURIComponent(rsvpToken(meeting.id, person.id, person.linkKey))}&antwort=${answer}`);
    const lines = [t('meeting.when', { when: formatDateTime(meeting.starts_at, person.locale) }), ...(where ? [t('meeting.where', { where })] : [])];
    if (!cancel) lines.push(t('meeting.rsvp'));
    const open = { label: t('open'), url: url(meetingPath(meeting.id)) };
    return {
      lines,
      links: cancel
        ? [open]
        : [
            { label: t('meeting.rsvp.yes'), url: rsvp('yes') },
            { label: t('meeting.rsvp.maybe'), url: rsvp('maybe') },
            { label: t('meeting.rsvp.no'), url: rsvp('no') },
            open,
          ],
      calendar: {
        method: cancel ? ('CANCEL' as const) : ('REQUEST' as const),
        content: calendarInvitation({
          uid: `netzwerk-${meeting.id}@${host()}`,
          sequence: meeting.sequence,
          method: cancel ? 'CANCEL' : 'REQUEST',
          start: meeting.starts_at,
          end: meeting.ends_at,
          summary: meeting.title,
          description: `${meeting.agenda}\n\n${url(meetingPath(meeting.id))}`.trim(),
          location: where,
          organizerEmail: config.mailFrom.replace(/^.*<|>.*$/g, ''),
          organizerName: city.portalName,
          attendeeEmail: person.email,
          attendeeName: person.display_name,
          attendeeStatus: 'NEEDS-ACTION',
          now: new Date(),
        }),
      },
    };
  }

  /**
   * Tells each recipient once per item, in the cadence and channels they chose for this kind
   * (platform/notifications), in the caller's transaction. The same item told twice adds nothing; a
   * mention and a new post share the item, so nobody gets both.
   */
  async function notify(
    trx: Executor,
    recipients: string[],
    item: { key: string; kind: NetworkEvent; groupId: string; title: string; link: string },
  ): Promise<void> {
    const unique = [...new Set(recipients)];
    if (unique.length === 0) return;
    const groupName = (await repo.findGroupById(trx, item.groupId))?.name ?? '';
    const meetingId = item.kind.startsWith('meeting') ? (item.key.split(':')[1] ?? '') : '';
    const meeting = uuidPattern.test(meetingId) ? await findMeeting(trx, meetingId) : undefined;
    const people = meeting ? new Map((await repo.contacts(trx, unique)).map((p) => [p.id, p])) : new Map<string, { display_name: string }>();
    const linkKeys = meeting ? new Map((await repo.settingsFor(trx, unique, newKey)).map((s) => [s.user_id, s.link_key])) : new Map<string, string>();
    await deps.notifications.notify(trx, {
      kind: `network.${kindOfEvent[item.kind]}`,
      itemKey: item.key,
      scope: groupScope(item.groupId),
      to: unique.map((userId) => ({ userId })),
      content: (r) => {
        const subject = itemLine(r.locale, { kind: item.kind, subject: item.title, groupName });
        const push = { title: city.portalName, body: subject, url: item.link };
        if (meeting && r.userId) {
          const person = {
            id: r.userId,
            email: r.email,
            display_name: people.get(r.userId)?.display_name ?? '',
            locale: r.locale,
            linkKey: linkKeys.get(r.userId) ?? '',
          };
          return { ...meetingContent(meeting, item.kind === 'meeting_cancelled', person), subject, push };
        }
        return { subject, links: [{ label: networkMailMessages(r.locale)('open'), url: url(item.link) }], push };
      },
    });
  }

  /** The members a text mentions; an unknown name is a 422 naming it. */
  async function checkedMentions(body: string, groupId: string, locale: Locale): Promise<string[]> {
    const found = findMentions(body, await repo.memberNames(db, groupId));
    if (found.unknown.length > 0) throw fieldError({ body: networkMessages(locale)('mention.unknown', { name: found.unknown[0]! }) });
    return found.ids;
  }

  return { deps, db, secret, url, host, standing, authorizeNetworkPerson, visibleGroup, notify, checkedMentions };
}
