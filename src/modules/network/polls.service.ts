import type { NetworkRsvp } from '../../db/tables/network.js';
import type { Actor } from '../../platform/auth/roles.js';
import { notFound } from '../../platform/http/errors.js';
import * as meetings from './meetings.repository.js';
import type { NetworkContext } from './network.context.js';
import { meetingPath, pollPath } from './network.paths.js';
import { authorize, canContribute, canLead } from './network.policy.js';
import * as repo from './network.repository.js';

/** Date polls: members answer yes / if need be / no per suggestion; the lead's choice becomes a meeting. */
export function createPollService(ctx: NetworkContext) {
  const { db } = ctx;

  async function pollPage(actor: Actor, id: string) {
    const poll = await meetings.findPoll(db, id);
    if (!poll) throw notFound('Umfrage');
    const { standing: s } = await ctx.visibleGroup(actor, poll.group_slug);
    authorize(canContribute(actor, s));
    const options = (await meetings.pollOptions(db, id, actor.id)).map((o) => ({ ...o, yes: Number(o.yes), maybe: Number(o.maybe), no: Number(o.no) }));
    // The best date: the most "yes", then the most "if need be", then the earliest.
    const best = [...options].sort((a, b) => b.yes - a.yes || b.maybe - a.maybe || a.starts_at.getTime() - b.starts_at.getTime())[0];
    return { poll, options, bestId: best && best.yes + best.maybe > 0 ? best.id : null, isLead: canLead(actor, s) };
  }

  return {
    pollPage,

    /** A lead asks the group for a date: members answer yes / if need be / no for each option. */
    async createPoll(actor: Actor, slug: string, input: { title: string; place: string; durationMinutes: number; options: Date[] }): Promise<string> {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      return db.transaction().execute(async (trx) => {
        const id = await meetings.insertPoll(
          trx,
          { group_id: group.id, title: input.title, place: input.place, duration_minutes: input.durationMinutes, created_by: actor.id },
          input.options,
        );
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await ctx.notify(trx, others, { key: `poll:${id}`, kind: 'poll', groupId: group.id, title: input.title, link: pollPath(id) });
        return id;
      });
    },

    async vote(actor: Actor, id: string, answers: Map<string, NetworkRsvp>) {
      const view = await pollPage(actor, id);
      if (view.poll.closed_at) throw notFound('Umfrage');
      await db.transaction().execute(async (trx) => {
        for (const option of view.options) {
          const answer = answers.get(option.id);
          if (answer) await meetings.putVote(trx, option.id, actor.id, answer);
        }
      });
    },

    /** The lead picks a date: it becomes a meeting (invitations go out) and the poll closes, once. */
    async decidePoll(actor: Actor, id: string, optionId: string): Promise<string> {
      const view = await pollPage(actor, id);
      authorize(view.isLead);
      const option = view.options.find((o) => o.id === optionId);
      if (!option || view.poll.closed_at) throw notFound('Umfrage');
      return db.transaction().execute(async (trx) => {
        const meetingId = await meetings.insertMeeting(trx, {
          group_id: view.poll.group_id,
          title: view.poll.title,
          starts_at: option.starts_at,
          ends_at: new Date(option.starts_at.getTime() + view.poll.duration_minutes * 60_000),
          place: view.poll.place,
          video_url: null,
          agenda: '',
          created_by: actor.id,
        });
        if (!(await meetings.closePoll(trx, id, meetingId))) throw notFound('Umfrage');
        await ctx.notify(trx, await repo.memberIds(trx, view.poll.group_id), {
          key: `meeting:${meetingId}:0`,
          kind: 'meeting',
          groupId: view.poll.group_id,
          title: view.poll.title,
          link: meetingPath(meetingId),
        });
        return meetingId;
      });
    },
  };
}
