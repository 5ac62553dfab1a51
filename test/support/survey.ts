import type { SurveyDefinition } from '../../src/modules/survey/survey.definition.js';
import type { TestApp } from './app.js';

let counter = 0;

/** A small survey with one question of every type, a condition and a Leichte Sprache version. */
export const everyTypeDefinition: SurveyDefinition = {
  title: { de: 'Testbefragung', en: 'Test survey', ls: 'Test in Leichter Sprache' },
  intro: { de: 'Eine Befragung für Tests.', en: 'A survey for tests.', ls: 'Ein Test.' },
  pages: [
    {
      id: 'p1',
      title: { de: 'Seite eins', en: 'Page one', ls: 'Seite 1' },
      questions: [
        { id: 'wohnort', type: 'district', text: { de: 'Stadtbezirk', en: 'District', ls: 'Wo wohnen Sie?' }, required: true },
        { id: 'kita', type: 'yesno', text: { de: 'Kita?', en: 'Day care?', ls: 'Kita?' }, required: true },
        { id: 'kinder', type: 'number', text: { de: 'Anzahl Kinder', en: 'Number of children', ls: 'Wie viele Kinder?' }, required: false, min: 0, max: 10 },
        {
          id: 'wege',
          type: 'multiple',
          other: true,
          text: { de: 'Wege', en: 'Ways', ls: 'Wie kommen Sie hin?' },
          required: false,
          options: [
            { value: 'rad', text: { de: 'Rad', en: 'Bike' } },
            { value: 'bus', text: { de: 'Bus', en: 'Bus' } },
          ],
        },
      ],
    },
    {
      id: 'p2',
      title: { de: 'Seite zwei', en: 'Page two', ls: 'Seite 2' },
      questions: [
        {
          id: 'kitanote',
          type: 'grade6',
          text: { de: 'Note für die Kita', en: 'Grade for day care', ls: 'Note Kita' },
          required: true,
          showIf: { question: 'kita', values: ['ja'] },
        },
        { id: 'zufrieden', type: 'rating5', text: { de: 'Zufriedenheit', en: 'Satisfaction', ls: 'Zufrieden?' }, required: true },
        { id: 'empfehlung', type: 'scale10', text: { de: 'Empfehlung', en: 'Recommendation', ls: 'Empfehlen?' }, required: false },
        {
          id: 'aussagen',
          type: 'likert',
          text: { de: 'Aussagen', en: 'Statements', ls: 'Stimmt das?' },
          required: true,
          statements: [
            { value: 'sicher', text: { de: 'Sicher', en: 'Safe' } },
            { value: 'gruen', text: { de: 'Grün', en: 'Green' } },
          ],
        },
        {
          id: 'wunsch',
          type: 'single',
          text: { de: 'Wunsch', en: 'Wish', ls: 'Was wünschen Sie?' },
          required: false,
          options: [
            { value: 'kita', text: { de: 'Kita-Plätze', en: 'Day-care places' } },
            { value: 'spiel', text: { de: 'Spielplätze', en: 'Playgrounds' } },
          ],
        },
        { id: 'kurz', type: 'text', text: { de: 'Ein Satz', en: 'One sentence', ls: 'Ein Satz' }, required: false },
        { id: 'lang', type: 'longtext', text: { de: 'Sonst noch etwas?', en: 'Anything else?', ls: 'Noch etwas?' }, required: false },
      ],
    },
  ],
};

/** Writes a survey straight into the database (status open unless told otherwise). */
export async function buildSurvey(
  t: Pick<TestApp, 'deps'>,
  overrides: {
    definition?: SurveyDefinition;
    status?: 'draft' | 'open' | 'closed' | 'published';
    requiresCode?: boolean;
    channels?: string[];
    codes?: string[];
  } = {},
) {
  counter += 1;
  const db = t.deps.db;
  const slug = `test-${counter}-${Date.now().toString(36)}`;
  const definition = overrides.definition ?? everyTypeDefinition;
  const status = overrides.status ?? 'open';
  const survey = await db
    .insertInto('survey_surveys')
    .values({ slug, title: definition.title.de, status, requires_code: overrides.requiresCode ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_versions')
    .values({ survey_id: survey.id, version: 1, definition: JSON.stringify(definition), frozen_at: status === 'draft' ? null : new Date() })
    .execute();
  const channels: { id: string; slug: string; name: string }[] = [];
  for (const name of overrides.channels ?? []) {
    const channelSlug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    channels.push(
      await db
        .insertInto('survey_channels')
        .values({ survey_id: survey.id, slug: channelSlug, name })
        .returning(['id', 'slug', 'name'])
        .executeTakeFirstOrThrow(),
    );
  }
  if (overrides.codes?.length)
    await db
      .insertInto('survey_access_codes')
      .values(overrides.codes.map((code) => ({ survey_id: survey.id, code })))
      .execute();
  return { id: survey.id, slug, channels };
}
