import type { Executor } from '../../db/executor.js';

/** Channels (Verteilwege): each has its own link, so answers can be counted by where they came from. */

/** The id of a survey's channel by its slug, or undefined. */
export async function findChannelId(db: Executor, surveyId: string, channelSlug: string): Promise<string | undefined> {
  const row = await db.selectFrom('survey_channels').select('id').where('survey_id', '=', surveyId).where('slug', '=', channelSlug).executeTakeFirst();
  return row?.id;
}

/** Whether the survey with this slug has a channel with this slug. */
export async function channelExists(db: Executor, surveySlug: string, channelSlug: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_channels as c')
    .innerJoin('survey_surveys as s', 's.id', 'c.survey_id')
    .select('c.id')
    .where('s.slug', '=', surveySlug)
    .where('c.slug', '=', channelSlug)
    .executeTakeFirst();
  return !!row;
}

export async function channelNameTaken(db: Executor, surveyId: string, name: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_channels').select('id').where('survey_id', '=', surveyId).where('name', '=', name).executeTakeFirst());
}

export async function insertChannel(db: Executor, channel: { survey_id: string; slug: string; name: string }): Promise<void> {
  await db.insertInto('survey_channels').values(channel).execute();
}
