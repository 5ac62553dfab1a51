import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/executor.js';
import type { NetworkRsvp, NetworkVisibility } from '../../db/tables/network.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/roles.js';
import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import { AppError, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.js';
import { documentExtension, recogniseDocument, type DocumentType } from '../../platform/media/document-format.js';
import { documentText } from '../../platform/media/document-text.js';
import { storeImage, validateImage } from '../../platform/media/media.js';
import type { UploadedFile } from '../../platform/media/uploaded-file.js';
import { appointmentIcs as calendarInvitation } from '../../platform/mail/ics.js';
import { sentIssueSummaries } from '../newsletter/index.js';
import { calendarFeed } from './calendar-feed.js';
import { networkMail } from './emails/network-mails.js';
import { networkMailMessages } from './emails/network-mails.messages.js';
import { findMentions } from './mentions.js';
import { networkMessages } from './network.messages.js';
import { networkKindNames, type NetworkNotificationKind } from './network.notifications.js';
import { authorize, canContribute, canLead, canReadDocument, canSeeGroup, isNetworkPerson, isStaff, type GroupStanding } from './network.policy.js';
import * as repo from './network.repository.js';

export const extractJob = 'network.extract-text';
export const remindJob = 'network.task-reminders';

export const groupPath = (slug: string) => `/netzwerk/gruppen/${slug}`;
export const documentPath = (id: string) => `/netzwerk/dokumente/${id}`;
export const meetingPath = (id: string) => `/netzwerk/termine/${id}`;
export const pollPath = (id: string) => `/netzwerk/umfragen/${id}`;

const newKey = () => randomBytes(16).toString('base64url');
const fieldError = (fields: FieldErrors) => new AppError('validation_failed', Object.values(fields)[0] ?? '', { fields });

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
/** The rows of one group: a member who leaves or is removed hears nothing more that waits from it. */
export const groupScope = (groupId: string) => `network-group:${groupId}`;

export interface GroupInput {
  name: string;
  access: 'open' | 'closed' | 'private';
  topic: string;
  publicResults: string;
  leadOrganizationId: string | null;
}

/** Addresses under /netzwerk/gruppen/ that are pages, not groups. */
const reservedSlugs = new Set(['neu']);

/** "AG Mobilität & Spielräume" → "ag-mobilitaet-spielraeume". */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'gruppe';
}

export interface MeetingInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
}

/** A signed link for one person and purpose; the person's settings key makes it revocable. */
function sign(secret: string, purpose: string, parts: string[]): string {
  return hmac(secret, `network|${purpose}|${parts.join('|')}`).slice(0, 43);
}

export type NetworkService = ReturnType<typeof createNetworkService>;

/** Bündnis-Netzwerk: public face, groups, documents, meetings, tasks, feed and notifications. */
export function createNetworkService(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = () => config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;

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

  // Notifications (through the platform's notification service) -----------------------------------

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
    const meeting = uuidPattern.test(meetingId) ? await repo.findMeeting(trx, meetingId) : undefined;
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

  const rsvpToken = (meetingId: string, userId: string, linkKey: string) => `${meetingId}.${userId}.${sign(secret(), 'rsvp', [meetingId, userId, linkKey])}`;

  function itemLine(locale: Locale, n: { kind: NetworkEvent; subject: string; groupName: string }) {
    return networkMailMessages(locale)(`kind.${n.kind}`, { title: n.subject, group: n.groupName });
  }

  /** The invitation, update or cancellation of a meeting, with its iCalendar part and RSVP links. */
  function meetingContent(
    meeting: NonNullable<Awaited<ReturnType<typeof repo.findMeeting>>>,
    cancel: boolean,
    person: { id: string; email: string; display_name: string; locale: Locale; linkKey: string },
  ) {
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
          uid: `netzwerk-${meeting.id}@${new URL(config.publicUrl).hostname || 'localhost'}`,
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

  const summary = (body: string) => body.replace(/\s+/g, ' ').trim().slice(0, 80);

  /** The members a text mentions; an unknown name is a 422 naming it. */
  async function checkedMentions(body: string, groupId: string, locale: Locale): Promise<string[]> {
    const found = findMentions(body, await repo.memberNames(db, groupId));
    if (found.unknown.length > 0) throw fieldError({ body: networkMessages(locale)('mention.unknown', { name: found.unknown[0]! }) });
    return found.ids;
  }

  // Documents --------------------------------------------------------------------------------------

  /** A new version, and its text extraction for the search queued in the same transaction. */
  async function addVersionAndIndex(trx: Executor, documentId: string, file: Parameters<typeof repo.addVersion>[2]): Promise<number> {
    const number = await repo.addVersion(trx, documentId, file);
    await deps.jobs.send(trx, extractJob, { documentId, number });
    return number;
  }

  /** The extraction job: reads the version's text and puts it into the search index (if still current). */
  async function extractText(documentId: string, number: number): Promise<boolean> {
    const file = await repo.versionFile(db, documentId, number);
    if (!file) return false;
    return repo.setDocumentText(db, documentId, number, documentText(file.content_type as DocumentType, file.bytes));
  }

  function readUpload(file: UploadedFile | null, locale: Locale, field = 'file'): { type: string; bytes: Buffer; filename: string } {
    const t = networkMessages(locale);
    if (!file) throw fieldError({ [field]: t('document.file.required') });
    if (file.tooLarge) throw fieldError({ [field]: t('document.file.size') });
    const found = recogniseDocument(file.bytes);
    if (!found) throw fieldError({ [field]: t('document.file.type') });
    const base =
      file.filename
        .replace(/[/\\]/g, '_')
        .replace(/\.[A-Za-z0-9]{1,8}$/, '')
        .slice(0, 150) || 'dokument';
    return { type: found.type, bytes: found.bytes, filename: `${base}.${documentExtension[found.type]}` };
  }

  async function readableDocument(actor: Actor | null, id: string) {
    const doc = await repo.findDocument(db, id);
    if (!doc) throw notFound('Dokument');
    const s = await standing(db, actor, { id: doc.group_id, access: doc.group_access });
    if (!canReadDocument(actor, doc.visibility, s)) {
      if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
      throw notFound('Dokument');
    }
    return { doc, standing: s };
  }

  return {
    /** Whether an account works in the network (partner, editor, admin): its notification kinds concern them. */
    async worksInNetwork(userId: string): Promise<boolean> {
      const role = await repo.roleOf(db, userId);
      return role === 'partner' || role === 'editor' || role === 'admin';
    },
    extractText,

    /** The day before a task is due its owner is reminded, once (the reminder's item key is the task's). */
    async remindDueTasks(now = new Date()): Promise<number> {
      const tasks = await repo.tasksDueOn(db, addDays(todayIn(now), 1));
      await db.transaction().execute(async (trx) => {
        for (const task of tasks) {
          await notify(trx, [task.owner_id!], {
            key: `task-due:${task.id}`,
            kind: 'task_due',
            groupId: task.group_id,
            title: task.title,
            link: task.meeting_id ? meetingPath(task.meeting_id) : '/netzwerk/mein',
          });
        }
      });
      return tasks.length;
    },

    /** Documents the person may read that match the words, with the matching passage. */
    async searchDocuments(actor: Actor, query: string) {
      authorize(isNetworkPerson(actor));
      const words = query.trim().slice(0, 200);
      if (!words) return [];
      return repo.searchDocuments(db, words, { userId: actor.id, everything: isStaff(actor) });
    },

    // Public face ------------------------------------------------------------------------------------

    async publicOverview() {
      const [partners, groups, documents] = await Promise.all([repo.shownPartners(db), repo.visibleGroups(db), repo.publicDocuments(db)]);
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

    // Groups -----------------------------------------------------------------------------------------

    async myGroups(actor: Actor) {
      authorize(isNetworkPerson(actor));
      return repo.groupsOf(db, actor.id);
    },

    async groupPage(actor: Actor | null, slug: string) {
      const { group, standing: s } = await visibleGroup(actor, slug);
      const member = canContribute(actor, s);
      const [members, documents, meetings, tasks, posts] = await Promise.all([
        repo.groupMembers(db, group.id),
        member ? repo.groupDocuments(db, group.id) : Promise.resolve([]),
        member ? repo.upcomingMeetings(db, [group.id], new Date(), 5) : Promise.resolve([]),
        member ? repo.groupTasks(db, group.id) : Promise.resolve([]),
        member ? repo.feed(db, [group.id], 20, true) : Promise.resolve([]),
      ]);
      const polls = member ? await repo.openPolls(db, group.id) : [];
      const comments = await repo.commentsOf(
        db,
        posts.map((p) => p.id),
      );
      const revisions = await repo.revisionsOf(
        db,
        posts.filter((p) => p.edited_at).map((p) => p.id),
      );
      return {
        group,
        standing: s,
        comments,
        revisions,
        actorId: actor?.id ?? null,
        polls,
        isMember: member,
        isLead: canLead(actor, s),
        members: member ? members : members.filter((m) => m.state === 'member'),
        documents,
        meetings,
        tasks,
        posts,
      };
    },

    /** Open groups: joined at once; closed: a request the leads hear about; private: only an invitation is accepted. */
    async join(actor: Actor, slug: string): Promise<'member' | 'requested'> {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(isNetworkPerson(actor));
      if (s.membership?.state === 'member') return 'member';
      return db.transaction().execute(async (trx) => {
        if (s.membership?.state === 'invited' || group.access === 'open') {
          await repo.putMembership(trx, group.id, actor.id, 'member');
          return 'member' as const;
        }
        if (group.access === 'private') throw notFound('Gruppe');
        await repo.putMembership(trx, group.id, actor.id, 'requested');
        await notify(trx, await repo.memberIds(trx, group.id, 'lead'), {
          key: `request:${group.id}:${actor.id}`,
          kind: 'request',
          groupId: group.id,
          title: actor.displayName,
          link: `${groupPath(group.slug)}#mitglieder`,
        });
        return 'requested' as const;
      });
    },

    async partnerProfiles(actor: Actor) {
      authorize(isStaff(actor));
      return repo.partnerProfiles(db);
    },

    /** Staff keep the partners' public profiles: short text, contribution, website, logo, shown or not. */
    async savePartnerProfile(
      actor: Actor,
      organizationId: string,
      input: { shortText: string; contribution: string; website: string | null; shown: boolean },
      logo: UploadedFile | null,
      locale: Locale,
    ) {
      authorize(isStaff(actor));
      if (!(await repo.partnerProfiles(db)).some((p) => p.id === organizationId)) throw notFound('Partner');
      if (logo) {
        const problem = validateImage(logo);
        if (problem) throw fieldError({ logo: networkMessages(locale)(problem === 'image.size' ? 'partnerForm.logo.size' : 'partnerForm.logo.type') });
      }
      await db.transaction().execute(async (trx) => {
        const image = logo ? await storeImage(trx, logo, actor.id) : null;
        await repo.savePartnerProfile(trx, organizationId, {
          short_text: input.shortText,
          contribution: input.contribution,
          website: input.website,
          shown: input.shown,
          ...(image ? { logo_image_id: image.id } : {}),
        });
      });
    },

    async organizations() {
      return repo.partnerOrganizations(db);
    },

    /** Staff open a new working group; they lead it until they hand it on. */
    async createGroup(actor: Actor, input: GroupInput, locale: Locale): Promise<string> {
      authorize(isStaff(actor));
      const t = networkMessages(locale);
      if (input.leadOrganizationId && !(await repo.partnerOrganizations(db)).some((o) => o.id === input.leadOrganizationId))
        throw fieldError({ leadOrganization: t('groupForm.leadOrganization.unknown') });
      const base = slugOf(input.name);
      let slug = base;
      for (let n = 2; reservedSlugs.has(slug) || (await repo.slugTaken(db, slug)); n++) slug = `${base}-${n}`;
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertGroup(trx, {
          slug,
          name: input.name,
          kind: 'working',
          access: input.access,
          topic: input.topic,
          public_results: input.publicResults,
          lead_organization_id: input.leadOrganizationId,
        });
        await repo.putMembership(trx, id, actor.id, 'member', 'lead');
        return slug;
      });
    },

    /** Leads and staff keep a group's description, access and public results up to date. */
    async updateGroup(actor: Actor, slug: string, input: GroupInput, locale: Locale) {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      if (group.kind === 'steering' && input.access === 'private') throw fieldError({ access: networkMessages(locale)('groupForm.access.steering') });
      if (input.leadOrganizationId && !(await repo.partnerOrganizations(db)).some((o) => o.id === input.leadOrganizationId))
        throw fieldError({ leadOrganization: networkMessages(locale)('groupForm.leadOrganization.unknown') });
      await db.transaction().execute((trx) =>
        repo.updateGroup(trx, group.id, {
          name: input.name,
          access: input.access,
          topic: input.topic,
          public_results: input.publicResults,
          lead_organization_id: input.leadOrganizationId,
        }),
      );
    },

    async leave(actor: Actor, slug: string) {
      const { group } = await visibleGroup(actor, slug);
      await db.transaction().execute(async (trx) => {
        await repo.removeMembership(trx, group.id, actor.id);
        await deps.notifications.cancel(trx, { scope: groupScope(group.id), userId: actor.id });
      });
    },

    /** A lead accepts a request, or removes a member (who loses access at once). */
    async decide(actor: Actor, slug: string, userId: string, decision: 'accept' | 'remove') {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      await db.transaction().execute(async (trx) => {
        const done = decision === 'accept' ? await repo.acceptRequest(trx, group.id, userId) : await repo.removeMembership(trx, group.id, userId);
        if (!done) throw notFound('Mitglied');
        if (decision === 'remove') await deps.notifications.cancel(trx, { scope: groupScope(group.id), userId });
      });
    },

    /** A lead invites a partner by address; the partner accepts by joining. */
    async invite(actor: Actor, slug: string, email: string, locale: Locale) {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      const user = await repo.userByEmail(db, email);
      if (!user || !(user.role === 'partner' || user.role === 'editor' || user.role === 'admin'))
        throw fieldError({ email: networkMessages(locale)('invite.email.unknown') });
      await db.transaction().execute(async (trx) => {
        await repo.putMembership(trx, group.id, user.id, 'invited');
        await notify(trx, [user.id], {
          key: `invite:${group.id}:${user.id}`,
          kind: 'request',
          groupId: group.id,
          title: actor.displayName,
          link: groupPath(group.slug),
        });
      });
    },

    // Feed ---------------------------------------------------------------------------------------------

    /**
     * A post in the group's feed. Mentioned members hear of it as a mention, the others as a new post:
     * one item key, so nobody gets both. A mention of someone outside the group is refused (422).
     */
    async post(actor: Actor, slug: string, body: string, locale: Locale) {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canContribute(actor, s));
      const mentioned = await checkedMentions(body, group.id, locale);
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertPost(trx, { group_id: group.id, author_id: actor.id, body });
        const title = summary(body);
        const link = `${groupPath(group.slug)}#beitrag-${id}`;
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await notify(
          trx,
          mentioned.filter((m) => m !== actor.id),
          { key: `post:${id}`, kind: 'mention', groupId: group.id, title, link },
        );
        await notify(trx, others, { key: `post:${id}`, kind: 'post', groupId: group.id, title, link });
      });
    },

    /** The lead pins a post to the top of the group's feed, or takes it down again. */
    async togglePin(actor: Actor, postId: string): Promise<string> {
      const post = await repo.findPost(db, postId);
      if (!post) throw notFound('Beitrag');
      const { standing: s } = await visibleGroup(actor, post.group_slug);
      authorize(canLead(actor, s));
      await repo.setPinned(db, post.id, !post.pinned_at);
      return post.group_slug;
    },

    /** The author (or staff) changes a post; the earlier text stays in its edit history for the group. */
    async editPost(actor: Actor, postId: string, body: string, locale: Locale): Promise<string> {
      const post = await repo.findPost(db, postId);
      if (!post) throw notFound('Beitrag');
      const { group, standing: s } = await visibleGroup(actor, post.group_slug);
      authorize(canContribute(actor, s) && (post.author_id === actor.id || isStaff(actor)));
      await checkedMentions(body, group.id, locale);
      if (body === post.body) return post.group_slug;
      await db.transaction().execute((trx) => repo.editPost(trx, post.id, body, actor.id));
      return post.group_slug;
    },

    /** A member reports a post: the group's leads hear of it (once per person and post). */
    async reportPost(actor: Actor, postId: string, reason: string): Promise<string> {
      const post = await repo.findPost(db, postId);
      if (!post) throw notFound('Beitrag');
      const { group, standing: s } = await visibleGroup(actor, post.group_slug);
      authorize(canContribute(actor, s));
      await db.transaction().execute(async (trx) => {
        if (!(await repo.insertReport(trx, post.id, actor.id, reason))) return;
        const leads = (await repo.memberIds(trx, group.id, 'lead')).filter((id) => id !== actor.id);
        await notify(trx, leads, {
          key: `report:${post.id}:${actor.id}`,
          kind: 'report',
          groupId: group.id,
          title: summary(post.body),
          link: `${groupPath(group.slug)}#beitrag-${post.id}`,
        });
      });
      return post.group_slug;
    },

    /** The group of a post the actor may see (for showing a refused comment with its group). */
    async postGroupSlug(actor: Actor, postId: string): Promise<string> {
      const post = await repo.findPost(db, postId);
      if (!post) throw notFound('Beitrag');
      await visibleGroup(actor, post.group_slug);
      return post.group_slug;
    },

    /** A comment on a post: the post's author hears of the reply, mentioned members of the mention (once each). */
    async comment(actor: Actor, postId: string, body: string, locale: Locale) {
      const post = await repo.findPost(db, postId);
      if (!post) throw notFound('Beitrag');
      const { group, standing: s } = await visibleGroup(actor, post.group_slug);
      authorize(canContribute(actor, s));
      const mentioned = await checkedMentions(body, group.id, locale);
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertComment(trx, { post_id: post.id, author_id: actor.id, body });
        const title = summary(body);
        const link = `${groupPath(group.slug)}#beitrag-${post.id}`;
        await notify(
          trx,
          mentioned.filter((m) => m !== actor.id),
          { key: `comment:${id}`, kind: 'mention', groupId: group.id, title, link },
        );
        const members = new Set(await repo.memberIds(trx, group.id));
        if (post.author_id && post.author_id !== actor.id && members.has(post.author_id))
          await notify(trx, [post.author_id], { key: `comment:${id}`, kind: 'reply', groupId: group.id, title, link });
      });
      return post.group_slug;
    },

    // Documents ------------------------------------------------------------------------------------------

    async upload(
      actor: Actor,
      slug: string,
      input: { title: string; description: string; folder: string; visibility: NetworkVisibility; note: string },
      file: UploadedFile | null,
      locale: Locale,
    ): Promise<string> {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canContribute(actor, s));
      const upload = readUpload(file, locale);
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertDocument(trx, {
          group_id: group.id,
          folder: input.folder,
          title: input.title,
          description: input.description,
          visibility: input.visibility,
          created_by: actor.id,
        });
        await addVersionAndIndex(trx, id, {
          filename: upload.filename,
          content_type: upload.type,
          bytes: upload.bytes,
          note: input.note,
          uploaded_by: actor.id,
        });
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await notify(trx, others, { key: `document:${id}`, kind: 'document', groupId: group.id, title: input.title, link: documentPath(id) });
        return id;
      });
    },

    async documentPage(actor: Actor | null, id: string) {
      const { doc, standing: s } = await readableDocument(actor, id);
      return { doc, versions: await repo.documentVersions(db, id), canEdit: canContribute(actor, s) };
    },

    async addVersion(actor: Actor, id: string, note: string, file: UploadedFile | null, locale: Locale): Promise<number> {
      const { doc, standing: s } = await readableDocument(actor, id);
      authorize(canContribute(actor, s));
      const upload = readUpload(file, locale);
      return db
        .transaction()
        .execute((trx) =>
          addVersionAndIndex(trx, doc.id, { filename: upload.filename, content_type: upload.type, bytes: upload.bytes, note, uploaded_by: actor.id }),
        );
    },

    /** An old version becomes the newest again (as a new version: nothing is lost). */
    async restoreVersion(actor: Actor, id: string, number: number, locale: Locale): Promise<number> {
      const { doc, standing: s } = await readableDocument(actor, id);
      authorize(canContribute(actor, s));
      const old = await repo.versionFile(db, doc.id, number);
      if (!old) throw notFound('Version');
      const note = networkMessages(locale)('document.restored.note', { number });
      return db
        .transaction()
        .execute((trx) =>
          addVersionAndIndex(trx, doc.id, { filename: old.filename, content_type: old.content_type, bytes: old.bytes, note, uploaded_by: actor.id }),
        );
    },

    async documentFile(actor: Actor | null, id: string, number: number | undefined) {
      const { doc } = await readableDocument(actor, id);
      const file = await repo.versionFile(db, doc.id, number ?? doc.current_version);
      if (!file) throw notFound('Version');
      return { ...file, visibility: doc.visibility };
    },

    // Meetings and tasks ----------------------------------------------------------------------------------

    async createMeeting(actor: Actor, slug: string, input: MeetingInput): Promise<string> {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertMeeting(trx, {
          group_id: group.id,
          title: input.title,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          place: input.place,
          video_url: input.videoUrl,
          agenda: input.agenda,
          created_by: actor.id,
        });
        await notify(trx, await repo.memberIds(trx, group.id), {
          key: `meeting:${id}:0`,
          kind: 'meeting',
          groupId: group.id,
          title: input.title,
          link: meetingPath(id),
        });
        return id;
      });
    },

    // Date polls ---------------------------------------------------------------------------------------

    /** A lead asks the group for a date: members answer yes / if need be / no for each option. */
    async createPoll(actor: Actor, slug: string, input: { title: string; place: string; durationMinutes: number; options: Date[] }): Promise<string> {
      const { group, standing: s } = await visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertPoll(
          trx,
          { group_id: group.id, title: input.title, place: input.place, duration_minutes: input.durationMinutes, created_by: actor.id },
          input.options,
        );
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await notify(trx, others, { key: `poll:${id}`, kind: 'poll', groupId: group.id, title: input.title, link: pollPath(id) });
        return id;
      });
    },

    async pollPage(actor: Actor, id: string) {
      const poll = await repo.findPoll(db, id);
      if (!poll) throw notFound('Umfrage');
      const { standing: s } = await visibleGroup(actor, poll.group_slug);
      authorize(canContribute(actor, s));
      const options = (await repo.pollOptions(db, id, actor.id)).map((o) => ({ ...o, yes: Number(o.yes), maybe: Number(o.maybe), no: Number(o.no) }));
      // The best date: the most "yes", then the most "if need be", then the earliest.
      const best = [...options].sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.starts_at.getTime() - b.starts_at.getTime())[0];
      return { poll, options, bestId: best && best.yes + best.maybe > 0 ? best.id : null, isLead: canLead(actor, s) };
    },

    async vote(actor: Actor, id: string, answers: Map<string, NetworkRsvp>) {
      const view = await this.pollPage(actor, id);
      if (view.poll.closed_at) throw notFound('Umfrage');
      await db.transaction().execute(async (trx) => {
        for (const option of view.options) {
          const answer = answers.get(option.id);
          if (answer) await repo.putVote(trx, option.id, actor.id, answer);
        }
      });
    },

    /** The lead picks a date: it becomes a meeting (invitations go out) and the poll closes, once. */
    async decidePoll(actor: Actor, id: string, optionId: string): Promise<string> {
      const view = await this.pollPage(actor, id);
      authorize(view.isLead);
      const option = view.options.find((o) => o.id === optionId);
      if (!option || view.poll.closed_at) throw notFound('Umfrage');
      return db.transaction().execute(async (trx) => {
        const meetingId = await repo.insertMeeting(trx, {
          group_id: view.poll.group_id,
          title: view.poll.title,
          starts_at: option.starts_at,
          ends_at: new Date(option.starts_at.getTime() + view.poll.duration_minutes * 60_000),
          place: view.poll.place,
          video_url: null,
          agenda: '',
          created_by: actor.id,
        });
        if (!(await repo.closePoll(trx, id, meetingId))) throw notFound('Umfrage');
        await notify(trx, await repo.memberIds(trx, view.poll.group_id), {
          key: `meeting:${meetingId}:0`,
          kind: 'meeting',
          groupId: view.poll.group_id,
          title: view.poll.title,
          link: meetingPath(meetingId),
        });
        return meetingId;
      });
    },

    async meetingPage(actor: Actor, id: string) {
      const meeting = await repo.findMeeting(db, id);
      if (!meeting) throw notFound('Termin');
      const group = await visibleGroup(actor, meeting.group_slug);
      authorize(canContribute(actor, group.standing));
      const [rsvps, tasks, members] = await Promise.all([repo.meetingRsvps(db, id), repo.meetingTasks(db, id), repo.groupMembers(db, meeting.group_id)]);
      return {
        meeting,
        rsvps,
        tasks,
        members: members.filter((m) => m.state === 'member'),
        mine: rsvps.find((r) => r.id === actor.id)?.answer,
        isLead: canLead(actor, group.standing),
      };
    },

    async updateMeeting(actor: Actor, id: string, input: MeetingInput) {
      const meeting = await repo.findMeeting(db, id);
      if (!meeting || meeting.cancelled_at) throw notFound('Termin');
      const { standing: s } = await visibleGroup(actor, meeting.group_slug);
      authorize(canLead(actor, s));
      await db.transaction().execute(async (trx) => {
        await repo.updateMeeting(trx, id, {
          title: input.title,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          place: input.place,
          video_url: input.videoUrl,
          agenda: input.agenda,
        });
        await notify(trx, await repo.memberIds(trx, meeting.group_id), {
          key: `meeting:${id}:${meeting.sequence + 1}`,
          kind: 'meeting_changed',
          groupId: meeting.group_id,
          title: input.title,
          link: meetingPath(id),
        });
      });
    },

    async cancelMeeting(actor: Actor, id: string) {
      const meeting = await repo.findMeeting(db, id);
      if (!meeting) throw notFound('Termin');
      const { standing: s } = await visibleGroup(actor, meeting.group_slug);
      authorize(canLead(actor, s));
      await db.transaction().execute(async (trx) => {
        if (!(await repo.cancelMeeting(trx, id))) return;
        await notify(trx, await repo.memberIds(trx, meeting.group_id), {
          key: `meeting:${id}:${meeting.sequence + 1}`,
          kind: 'meeting_cancelled',
          groupId: meeting.group_id,
          title: meeting.title,
          link: meetingPath(id),
        });
      });
    },

    async rsvp(actor: Actor, id: string, answer: NetworkRsvp) {
      const meeting = await repo.findMeeting(db, id);
      if (!meeting || meeting.cancelled_at) throw notFound('Termin');
      const { standing: s } = await visibleGroup(actor, meeting.group_slug);
      authorize(canContribute(actor, s));
      await repo.putRsvp(db, id, actor.id, answer);
    },

    /** The person behind an RSVP link from a mail, while they are still a member; null when the link is not valid. */
    async rsvpLink(meetingId: string, token: string) {
      const [id, userId, sig, extra] = token.split('.');
      if (extra !== undefined || id !== meetingId || !userId || !sig || !uuidPattern.test(userId)) return null;
      const setting = await repo.findSetting(db, userId);
      if (!setting || !safeEqual(sig, sign(secret(), 'rsvp', [meetingId, userId, setting.link_key]))) return null;
      const meeting = await repo.findMeeting(db, meetingId);
      if (!meeting || meeting.cancelled_at) return null;
      const member = await repo.membership(db, meeting.group_id, userId);
      return member?.state === 'member' ? { meeting, userId } : null;
    },

    async rsvpByLink(meetingId: string, token: string, answer: NetworkRsvp): Promise<boolean> {
      const found = await this.rsvpLink(meetingId, token);
      if (!found) return false;
      await repo.putRsvp(db, meetingId, found.userId, answer);
      return true;
    },

    async saveMinutes(actor: Actor, id: string, minutes: string) {
      const meeting = await repo.findMeeting(db, id);
      if (!meeting) throw notFound('Termin');
      const { standing: s } = await visibleGroup(actor, meeting.group_slug);
      authorize(canLead(actor, s));
      await repo.saveMinutes(db, id, minutes);
    },

    /** An action item from a meeting; its owner is told once. */
    async addTask(actor: Actor, meetingId: string, input: { title: string; ownerId: string | null; dueOn: string | null }, locale: Locale) {
      const meeting = await repo.findMeeting(db, meetingId);
      if (!meeting) throw notFound('Termin');
      const { standing: s } = await visibleGroup(actor, meeting.group_slug);
      authorize(canLead(actor, s));
      if (input.ownerId && (await repo.membership(db, meeting.group_id, input.ownerId))?.state !== 'member')
        throw fieldError({ owner: networkMessages(locale)('task.owner.notMember') });
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertTask(trx, {
          group_id: meeting.group_id,
          meeting_id: meetingId,
          title: input.title,
          owner_id: input.ownerId,
          due_on: input.dueOn,
        });
        if (input.ownerId && input.ownerId !== actor.id)
          await notify(trx, [input.ownerId], { key: `task:${id}`, kind: 'task', groupId: meeting.group_id, title: input.title, link: meetingPath(meetingId) });
      });
    },

    async setTaskDone(actor: Actor, taskId: string, done: boolean) {
      const task = await repo.findTask(db, taskId);
      if (!task) throw notFound('Aufgabe');
      const group = await repo.findGroupById(db, task.group_id);
      if (!group) throw notFound('Aufgabe');
      const s = await standing(db, actor, group);
      if (!canSeeGroup(actor, s)) throw notFound('Aufgabe');
      authorize(task.owner_id === actor.id ? canContribute(actor, s) : canLead(actor, s));
      await repo.setTaskStatus(db, taskId, done ? 'done' : 'open');
      return task.meeting_id ? meetingPath(task.meeting_id) : groupPath(group.slug);
    },

    // The personal start page ---------------------------------------------------------------------------

    async myPage(actor: Actor) {
      await authorizeNetworkPerson(actor);
      const groups = await repo.groupsOf(db, actor.id);
      const memberOf = groups.filter((g) => g.state === 'member').map((g) => g.id);
      const [meetings, tasks, posts, issues, allGroups] = await Promise.all([
        repo.upcomingMeetings(db, memberOf, new Date(), 10),
        repo.openTasksOf(db, actor.id),
        repo.feed(db, memberOf, 20),
        sentIssueSummaries(db, 5),
        repo.visibleGroups(db),
      ]);
      const answers = new Map(
        (
          await repo.rsvpsOf(
            db,
            actor.id,
            meetings.map((m) => m.id),
          )
        ).map((r) => [r.meeting_id, r.answer]),
      );
      const mine = new Set(groups.map((g) => g.id));
      return {
        groups,
        otherGroups: allGroups.filter((g) => !mine.has(g.id)),
        meetings: meetings.map((m) => ({ ...m, answer: answers.get(m.id) })),
        tasks,
        posts,
        issues,
        isStaff: isStaff(actor),
      };
    },

    // The personal calendar feed ------------------------------------------------------------------------

    /** The feed's address (created on first use), or with `renew` a new one: the old address stops working at once. */
    async calendarUrl(actor: Actor, renew = false): Promise<string> {
      await authorizeNetworkPerson(actor);
      const owner = await repo.calendarOwner(db, actor.id);
      let key = owner?.calendar_key ?? null;
      if (!key || renew) {
        key = newKey();
        await repo.setCalendarKey(db, actor.id, key, newKey);
      }
      return url(`/netzwerk/kalender/${actor.id}.${sign(secret(), 'calendar', [actor.id, key])}.ics`);
    },

    /** The feed behind a token: the meetings of the groups the person belongs to now; null for a wrong or renewed address. */
    async calendarByToken(token: string): Promise<string | null> {
      const [userId, sig, extra] = token.split('.');
      if (extra !== undefined || !userId || !sig || !uuidPattern.test(userId)) return null;
      const owner = await repo.calendarOwner(db, userId);
      if (!owner?.calendar_key || !safeEqual(sig, sign(secret(), 'calendar', [userId, owner.calendar_key]))) return null;
      if (!(owner.role === 'partner' || owner.role === 'editor' || owner.role === 'admin')) return null;
      const now = new Date();
      const meetings = await repo.calendarMeetings(db, userId, new Date(now.getTime() - 30 * 86_400_000));
      return calendarFeed(meetings, {
        name: `${city.portalName}: ${networkMessages('de')('public.title')}`,
        host: new URL(config.publicUrl).hostname || 'localhost',
        url: (id) => url(meetingPath(id)),
        now,
      });
    },

    /** The person behind an unsubscribe link, or null. */
    async unsubscribeSubject(token: string): Promise<string | null> {
      const [userId, sig, extra] = token.split('.');
      if (extra !== undefined || !userId || !sig || !uuidPattern.test(userId)) return null;
      const setting = await repo.findSetting(db, userId);
      return setting && safeEqual(sig, sign(secret(), 'unsubscribe', [userId, setting.link_key])) ? userId : null;
    },

    async unsubscribe(token: string): Promise<boolean> {
      const userId = await this.unsubscribeSubject(token);
      if (!userId) return false;
      // Links in mails sent before the platform's service: no more mails of any of the network's kinds.
      await deps.notifications.setCadence(await deps.notifications.userRecipient(userId), networkKindNames, 'never');
      return true;
    },
  };
}
