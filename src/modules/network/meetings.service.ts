import type { NetworkRsvp } from '../../db/tables/network.js';
import type { Actor } from '../../platform/auth/roles.js';
import { safeEqual } from '../../platform/auth/tokens.js';
import { notFound } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { attachmentMessages } from './attachments.messages.js';
import * as docs from './documents.repository.js';
import * as meetings from './meetings.repository.js';
import { fieldError, sign, type NetworkContext } from './network.context.js';
import { networkMessages } from './network.messages.js';
import { groupPath, meetingPath } from './network.paths.js';
import { authorize, canContribute, canLead, canSeeGroup } from './network.policy.js';
import * as repo from './network.repository.js';

export const remindJob = 'network.task-reminders';

export interface MeetingInput {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
}

/** Meetings with invitations (iCalendar), answers by page or signed link, minutes and action items. */
export function createMeetingService(ctx: NetworkContext) {
  const { db } = ctx;

  /** The meeting and the actor's standing in its group (a private group's meeting is "not found" to outsiders). */
  async function visibleMeeting(actor: Actor, id: string) {
    const meeting = await meetings.findMeeting(db, id);
    if (!meeting) throw notFound('Termin');
    const { standing } = await ctx.visibleGroup(actor, meeting.group_slug);
    return { meeting, standing };
  }

  /** The person behind an RSVP link from a mail, while they are still a member; null when the link is not valid. */
  async function rsvpLink(meetingId: string, token: string) {
    const [id, userId, sig, extra] = token.split('.');
    if (extra !== undefined || id !== meetingId || !userId || !sig || !uuidPattern.test(userId)) return null;
    const setting = await repo.findSetting(db, userId);
    if (!setting || !safeEqual(sig, sign(ctx.secret(), 'rsvp', [meetingId, userId, setting.link_key]))) return null;
    const meeting = await meetings.findMeeting(db, meetingId);
    if (!meeting || meeting.cancelled_at) return null;
    const member = await repo.membership(db, meeting.group_id, userId);
    return member?.state === 'member' ? { meeting, userId } : null;
  }

  return {
    rsvpLink,

    /** The day before a task is due its owner is reminded, once (the reminder's item key is the task's). */
    async remindDueTasks(now = new Date()): Promise<number> {
      const tasks = await meetings.tasksDueOn(db, addDays(todayIn(now), 1));
      await db.transaction().execute(async (trx) => {
        for (const task of tasks) {
          await ctx.notify(trx, [task.owner_id!], {
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

    async createMeeting(actor: Actor, slug: string, input: MeetingInput): Promise<string> {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      return db.transaction().execute(async (trx) => {
        const id = await meetings.insertMeeting(trx, {
          group_id: group.id,
          title: input.title,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          place: input.place,
          video_url: input.videoUrl,
          agenda: input.agenda,
          created_by: actor.id,
        });
        await ctx.notify(trx, await repo.memberIds(trx, group.id), {
          key: `meeting:${id}:0`,
          kind: 'meeting',
          groupId: group.id,
          title: input.title,
          link: meetingPath(id),
        });
        return id;
      });
    },

    async meetingPage(actor: Actor, id: string) {
      const { meeting, standing } = await visibleMeeting(actor, id);
      authorize(canContribute(actor, standing));
      const isLead = canLead(actor, standing);
      const [rsvps, tasks, members, agenda, documents] = await Promise.all([
        meetings.meetingRsvps(db, id),
        meetings.meetingTasks(db, id),
        repo.groupMembers(db, meeting.group_id),
        meetings.agendaItems(db, id),
        isLead ? docs.documentChoices(db, meeting.group_id) : Promise.resolve([]),
      ]);
      return {
        meeting,
        rsvps,
        tasks,
        agenda,
        /** The group's documents a lead may attach to an agenda item. */
        documents,
        members: members.filter((m) => m.state === 'member'),
        mine: rsvps.find((r) => r.id === actor.id)?.answer,
        isLead,
      };
    },

    /** The lead adds an agenda item: what, who presents it, and a document of the group to go with it. */
    async addAgendaItem(actor: Actor, meetingId: string, input: { title: string; presenter: string; documentId: string | null }, locale: Locale) {
      const { meeting, standing } = await visibleMeeting(actor, meetingId);
      authorize(canLead(actor, standing));
      if (input.documentId && (await docs.findDocument(db, input.documentId))?.group_id !== meeting.group_id)
        throw fieldError({ agendaDocument: attachmentMessages(locale)('agenda.documentField.unknown') });
      await db
        .transaction()
        .execute((trx) => meetings.addAgendaItem(trx, meeting.id, { title: input.title, presenter: input.presenter, document_id: input.documentId }));
    },

    async removeAgendaItem(actor: Actor, meetingId: string, itemId: string) {
      const { meeting, standing } = await visibleMeeting(actor, meetingId);
      authorize(canLead(actor, standing));
      if (!(await meetings.removeAgendaItem(db, meeting.id, itemId))) throw notFound('Tagesordnungspunkt');
    },

    async updateMeeting(actor: Actor, id: string, input: MeetingInput) {
      const { meeting, standing } = await visibleMeeting(actor, id);
      if (meeting.cancelled_at) throw notFound('Termin');
      authorize(canLead(actor, standing));
      await db.transaction().execute(async (trx) => {
        await meetings.updateMeeting(trx, id, {
          title: input.title,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          place: input.place,
          video_url: input.videoUrl,
          agenda: input.agenda,
        });
        await ctx.notify(trx, await repo.memberIds(trx, meeting.group_id), {
          key: `meeting:${id}:${meeting.sequence + 1}`,
          kind: 'meeting_changed',
          groupId: meeting.group_id,
          title: input.title,
          link: meetingPath(id),
        });
      });
    },

    async cancelMeeting(actor: Actor, id: string) {
      const { meeting, standing } = await visibleMeeting(actor, id);
      authorize(canLead(actor, standing));
      await db.transaction().execute(async (trx) => {
        if (!(await meetings.cancelMeeting(trx, id))) return;
        await ctx.notify(trx, await repo.memberIds(trx, meeting.group_id), {
          key: `meeting:${id}:${meeting.sequence + 1}`,
          kind: 'meeting_cancelled',
          groupId: meeting.group_id,
          title: meeting.title,
          link: meetingPath(id),
        });
      });
    },

    async rsvp(actor: Actor, id: string, answer: NetworkRsvp) {
      const { meeting, standing } = await visibleMeeting(actor, id);
      if (meeting.cancelled_at) throw notFound('Termin');
      authorize(canContribute(actor, standing));
      await meetings.putRsvp(db, id, actor.id, answer);
    },

    async rsvpByLink(meetingId: string, token: string, answer: NetworkRsvp): Promise<boolean> {
      const found = await rsvpLink(meetingId, token);
      if (!found) return false;
      await meetings.putRsvp(db, meetingId, found.userId, answer);
      return true;
    },

    async saveMinutes(actor: Actor, id: string, minutes: string) {
      const { standing } = await visibleMeeting(actor, id);
      authorize(canLead(actor, standing));
      await meetings.saveMinutes(db, id, minutes);
    },

    /** An action item from a meeting; its owner is told once. */
    async addTask(actor: Actor, meetingId: string, input: { title: string; ownerId: string | null; dueOn: string | null }, locale: Locale) {
      const { meeting, standing } = await visibleMeeting(actor, meetingId);
      authorize(canLead(actor, standing));
      if (input.ownerId && (await repo.membership(db, meeting.group_id, input.ownerId))?.state !== 'member')
        throw fieldError({ owner: networkMessages(locale)('task.owner.notMember') });
      await db.transaction().execute(async (trx) => {
        const id = await meetings.insertTask(trx, {
          group_id: meeting.group_id,
          meeting_id: meetingId,
          title: input.title,
          owner_id: input.ownerId,
          due_on: input.dueOn,
        });
        if (input.ownerId && input.ownerId !== actor.id)
          await ctx.notify(trx, [input.ownerId], {
            key: `task:${id}`,
            kind: 'task',
            groupId: meeting.group_id,
            title: input.title,
            link: meetingPath(meetingId),
          });
      });
    },

    async setTaskDone(actor: Actor, taskId: string, done: boolean) {
      const task = await meetings.findTask(db, taskId);
      if (!task) throw notFound('Aufgabe');
      const group = await repo.findGroupById(db, task.group_id);
      if (!group) throw notFound('Aufgabe');
      const s = await ctx.standing(db, actor, group);
      if (!canSeeGroup(actor, s)) throw notFound('Aufgabe');
      authorize(task.owner_id === actor.id ? canContribute(actor, s) : canLead(actor, s));
      await meetings.setTaskStatus(db, taskId, done ? 'done' : 'open');
      return task.meeting_id ? meetingPath(task.meeting_id) : groupPath(group.slug);
    },
  };
}
