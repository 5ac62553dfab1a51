import { sql } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import { variablesOf, type SurveyDefinition } from './survey.definition.js';
import { listChannels } from './survey.repository.js';
import type { Dashboard } from './results.service.js';
import type { Cell } from './xlsx.js';

/** Aggregates as rows: one row per question and category, hidden counts as "–". */
export function aggregateRows(dashboard: Dashboard): Cell[][] {
  const rows: Cell[][] = [['Frage', 'Schlüssel', 'Antwort', 'Anzahl', 'Mittelwert']];
  for (const d of dashboard.distributions) {
    d.variable.categories.forEach((c, i) => {
      rows.push([d.variable.label, d.variable.key, c.label, d.counts[i] ?? '–', i === 0 && d.mean !== null ? Math.round(d.mean * 100) / 100 : null]);
    });
  }
  rows.push(['Antworten insgesamt', '', '', dashboard.total, null]);
  return rows;
}

/**
 * Anonymised raw answers for analysts: a random row order, the channel, the month only (not the
 * day), closed answers only — no free text, no "other" text, no id.
 */
export async function rawRows({ db, city }: AppDeps, surveyId: string, definition: SurveyDefinition): Promise<Cell[][]> {
  const variables = variablesOf(definition, city.districts);
  const channels = new Map((await listChannels(db, surveyId)).map((c) => [c.id, c.name]));
  const rows = await db
    .selectFrom('survey_responses')
    .select(['channel_id', sql<string>`to_char(answered_on, 'YYYY-MM')`.as('month'), 'answers'])
    .where('survey_id', '=', surveyId)
    .orderBy(sql`random()`)
    .execute();
  const out: Cell[][] = [['Verteilweg', 'Monat', ...variables.map((v) => v.key)]];
  for (const r of rows) {
    const answers = r.answers;
    out.push([
      r.channel_id ? (channels.get(r.channel_id) ?? '') : 'Direkter Link',
      r.month,
      ...variables.map((v) => {
        const value = answers[v.key];
        return Array.isArray(value) ? value.join('|') : (value ?? null);
      }),
    ]);
  }
  return out;
}
