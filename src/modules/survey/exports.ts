import { variablesOf, type Answers, type SurveyDefinition } from './survey.definition.js';
import type { Dashboard } from './results.types.js';
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
 * Anonymised raw answers for analysts: the responses come in random order with the month only (not
 * the day); a row holds the channel and the closed answers only — no free text, no "other" text, no id.
 */
export function rawRows(
  definition: SurveyDefinition,
  districts: readonly string[],
  channels: readonly { id: string; name: string }[],
  responses: readonly { channel_id: string | null; month: string; answers: Answers }[],
): Cell[][] {
  const variables = variablesOf(definition, districts);
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const out: Cell[][] = [['Verteilweg', 'Monat', ...variables.map((v) => v.key)]];
  for (const r of responses) {
    out.push([
      r.channel_id ? (names.get(r.channel_id) ?? '') : 'Direkter Link',
      r.month,
      ...variables.map((v) => {
        const value = r.answers[v.key];
        return Array.isArray(value) ? value.join('|') : (value ?? null);
      }),
    ]);
  }
  return out;
}
