import { sql } from 'kysely';
import type { AppDeps } from '../../../platform/deps.js';
import { berlinDay } from '../survey.repository.js';
import { demoChannels, demoSurveyDefinition } from './demo-survey.js';
import { generateAnswers, prng } from './generate.js';

export const demoSurveySlug = 'familienfreundliches-hamm';

/** The demo survey, open, with its channels and a few hundred generated responses (batch inserts). */
export async function seedDemoSurvey(deps: AppDeps, responses = 320): Promise<boolean> {
  const { db, city } = deps;
  const existing = await db.selectFrom('survey_surveys').select('id').where('slug', '=', demoSurveySlug).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const survey = await trx
      .insertInto('survey_surveys')
      .values({
        slug: demoSurveySlug,
        title: demoSurveyDefinition.title.de,
        status: 'open',
        opens_on: sql<string>`current_date - 21` as unknown as string,
        closes_on: sql<string>`current_date + 60` as unknown as string,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('survey_versions')
      .values({ survey_id: survey.id, version: 1, definition: JSON.stringify(demoSurveyDefinition), frozen_at: new Date() })
      .execute();
    const channels = await trx
      .insertInto('survey_channels')
      .values(demoChannels.map((c) => ({ survey_id: survey.id, ...c })))
      .returning('id')
      .execute();
    const random = prng(20261125);
    const today = new Date(`${berlinDay()}T12:00:00Z`);
    const rows = Array.from({ length: responses }, () => {
      const daysAgo = Math.floor(random() * 21);
      const day = new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const channel = random() < 0.1 ? null : channels[Math.floor(Math.pow(random(), 0.8) * channels.length)]!.id;
      return {
        survey_id: survey.id,
        version: 1,
        channel_id: channel,
        answered_on: day,
        answers: JSON.stringify(generateAnswers(demoSurveyDefinition, city.districts, random)),
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('survey_responses')
        .values(rows.slice(i, i + 200))
        .execute();
  });
  return true;
}
