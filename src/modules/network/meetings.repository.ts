import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NetworkRsvp } from '../../db/tables/network.js';

/** Queries of the network's meetings: answers, action items, date polls. */

const meetingColumns = [
  'mt.id',
  'mt.group_id',
  'mt.title',
  'mt.starts_at',
  'mt.ends_at',
  'mt.place',
  'mt.video_url',
  'mt.agenda',
  'mt.minutes',
  'mt.sequence',
  'mt.cancelled_at',
] as const;

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & object;

export function findMeeting(db: Executor, id: string) {
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([...meetingColumns, 'g.slug as group_slug', 'g.name as group_name'])
    .where('mt.id', '=', id)
    .executeTakeFirst();
}

export async function insertMeeting(
  trx: Executor,
  input: { group_id: string; title: string; starts_at: Date; ends_at: Date; place: string; video_url: string | null; agenda: string; created_by: string },
): Promise<string> {
  return (await trx.insertInto('network_meetings').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a meeting and raises its SEQUENCE (calendars then take the update). */
export async function updateMeeting(
  trx: Executor,
  id: string,
  input: { title: string; starts_at: Date; ends_at: Date; place: string; video_url: string | null; agenda: string },
): Promise<void> {
  await trx
    .updateTable('network_meetings')
    .set({ ...input, sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .execute();
}

export async function cancelMeeting(trx: Executor, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('network_meetings')
    .set({ cancelled_at: new Date(), sequence: sql`sequence + 1` })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function saveMinutes(trx: Executor, id: string, minutes: string): Promise<void> {
  await trx.updateTable('network_meetings').set({ minutes }).where('id', '=', id).execute();
}

export function upcomingMeetings(db: Executor, groupIds: string[], from: Date, limit = 10) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .select([...meetingColumns, 'g.slug as group_slug', 'g.name as group_name'])
    .where('mt.group_id', 'in', groupIds)
    .where('mt.ends_at', '>=', from)
    .where('mt.cancelled_at', 'is', null)
    .orderBy('mt.starts_at')
    .limit(limit)
    .execute();
}

/** The next meetings of the groups a person belongs to now, with the person's answer (the start page). */
export function upcomingMeetingsOf(db: Executor, userId: string, from: Date, limit = 10) {
  return db
    .selectFrom('network_meetings as mt')
    .innerJoin('network_groups as g', 'g.id', 'mt.group_id')
    .innerJoin('network_group_members as m', (join) => join.onRef('m.group_id', '=', 'mt.group_id').on('m.user_id', '=', userId).on('m.state', '=', 'member'))
    .leftJoin('network_rsvps as r', (join) => join.onRef('r.meeting_id', '=', 'mt.id').on('r.user_id', '=', userId))
    .select([...meetingColumns, 'g.slug as group_slug', 'g.name as group_name', 'r.answer'])
    .where('mt.ends_at', '>=', from)
    .where('mt.cancelled_at', 'is', null)
    .orderBy('mt.starts_at')
    .limit(limit)
    .execute();
}

export function meetingRsvps(db: Executor, meetingId: string) {
  return db
    .selectFrom('network_rsvps as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name', 'r.answer'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('u.display_name')
    .execute();
}

export async function putRsvp(trx: Executor, meetingId: string, userId: string, answer: NetworkRsvp): Promise<void> {
  await trx
    .insertInto('network_rsvps')
    .values({ meeting_id: meetingId, user_id: userId, answer })
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ answer, answered_at: new Date() }))
    .execute();
}

export async function insertTask(
  trx: Executor,
  input: { group_id: string; meeting_id: string | null; title: string; owner_id: string | null; due_on: string | null },
) {
  return (await trx.insertInto('network_tasks').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

export function findTask(db: Executor, id: string) {
  return db.selectFrom('network_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setTaskStatus(trx: Executor, id: string, status: 'open' | 'done'): Promise<void> {
  await trx.updateTable('network_tasks').set({ status }).where('id', '=', id).execute();
}

const taskColumns = [
  't.id',
  't.title',
  't.due_on',
  't.status',
  't.owner_id',
  't.meeting_id',
  'g.slug as group_slug',
  'g.name as group_name',
  'u.display_name as owner',
] as const;

export function groupTasks(db: Executor, groupId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.group_id', '=', groupId)
    .where('t.status', '=', 'open')
    .orderBy(sql`t.due_on IS NULL`)
    .orderBy('t.due_on')
    .execute();
}

export function meetingTasks(db: Executor, meetingId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.meeting_id', '=', meetingId)
    .orderBy('t.created_at')
    .execute();
}

export function openTasksOf(db: Executor, userId: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select(taskColumns)
    .where('t.owner_id', '=', userId)
    .where('t.status', '=', 'open')
    .orderBy(sql`t.due_on IS NULL`)
    .orderBy('t.due_on')
    .execute();
}

/** Open tasks with an owner that fall due on this day (Berlin date), for the reminder the day before. */
export function tasksDueOn(db: Executor, day: string) {
  return db
    .selectFrom('network_tasks as t')
    .innerJoin('network_group_members as m', (join) => join.onRef('m.group_id', '=', 't.group_id').onRef('m.user_id', '=', 't.owner_id'))
    .select(['t.id', 't.group_id', 't.title', 't.owner_id', 't.meeting_id'])
    .where('t.due_on', '=', day)
    .where('t.status', '=', 'open')
    .where('m.state', '=', 'member')
    .execute();
}

// Date polls -------------------------------------------------------------------------------------------

export async function insertPoll(
  trx: Executor,
  input: { group_id: string; title: string; place: string; duration_minutes: number; created_by: string },
  options: Date[],
): Promise<string> {
  const { id } = await trx.insertInto('network_polls').values(input).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('network_poll_options')
    .values(options.map((starts_at) => ({ poll_id: id, starts_at })))
    .execute();
  return id;
}

export function findPoll(db: Executor, id: string) {
  return db
    .selectFrom('network_polls as p')
    .innerJoin('network_groups as g', 'g.id', 'p.group_id')
    .select(['p.id', 'p.group_id', 'p.title', 'p.place', 'p.duration_minutes', 'p.meeting_id', 'p.closed_at', 'g.slug as group_slug', 'g.name as group_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** The options with their counts and this person's answers. */
export async function pollOptions(db: Executor, pollId: string, userId: string) {
  return db
    .selectFrom('network_poll_options as o')
    .leftJoin('network_poll_votes as v', 'v.option_id', 'o.id')
    .select(['o.id', 'o.starts_at'])
    .select((eb) => [
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'yes').as('yes'),
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'maybe').as('maybe'),
      eb.fn.count<string>('v.user_id').filterWhere('v.answer', '=', 'no').as('no'),
      eb.fn.max<string | null>(sql`CASE WHEN v.user_id = ${userId} THEN v.answer END`).as('mine'),
    ])
    .where('o.poll_id', '=', pollId)
    .groupBy(['o.id', 'o.starts_at'])
    .orderBy('o.starts_at')
    .execute();
}

export async function putVote(trx: Executor, optionId: string, userId: string, answer: NetworkRsvp): Promise<void> {
  await trx
    .insertInto('network_poll_votes')
    .values({ option_id: optionId, user_id: userId, answer })
    .onConflict((oc) => oc.columns(['option_id', 'user_id']).doUpdateSet({ answer }))
    .execute();
}

/** Closes the poll once (the first decision wins); false when it was closed already. */
export async function closePoll(trx: Executor, pollId: string, meetingId: string): Promise<boolean> {
  const result = await trx
    .updateTable('network_polls')
    .set({ closed_at: new Date(), meeting_id: meetingId })
    .where('id', '=', pollId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function openPolls(db: Executor, groupId: string) {
  return db
    .selectFrom('network_polls')
    .select(['id', 'title', 'created_at'])
    .where('group_id', '=', groupId)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

// Agenda items ------------------------------------------------------------------------------------

/** A meeting's agenda items in order, with the document each one brings (if it still exists). */
export function agendaItems(db: Executor, meetingId: string) {
  return db
    .selectFrom('network_agenda_items as i')
    .leftJoin('network_documents as d', 'd.id', 'i.document_id')
    .select(['i.id', 'i.position', 'i.title', 'i.presenter', 'd.id as document_id', 'd.title as document_title'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .execute();
}

/** Adds an item at the end (numbered under the meeting's row lock, so two leads adding at once get two numbers). */
export async function addAgendaItem(
  trx: Executor,
  meetingId: string,
  input: { title: string; presenter: string; document_id: string | null },
): Promise<string> {
  await trx.selectFrom('network_meetings').select('id').where('id', '=', meetingId).forUpdate().executeTakeFirstOrThrow();
  const last = await trx
    .selectFrom('network_agenda_items')
    .select((eb) => eb.fn.max<number | null>('position').as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('network_agenda_items')
    .values({ meeting_id: meetingId, position: (last.n ?? 0) + 1, ...input })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function removeAgendaItem(trx: Executor, meetingId: string, itemId: string): Promise<boolean> {
  const result = await trx.deleteFrom('network_agenda_items').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
