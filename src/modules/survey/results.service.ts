import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { aggregateRows, rawRows } from './exports.js';
import { isTextQuestion, hasMean, allQuestions, inLanguage, variablesOf, type SurveyDefinition, type Variable } from './survey.definition.js';
import { countAnswers, countCombinations, countRecruitment, insertRollups, lockRolledUpUntil, type Dimension } from './rollups.repository.js';
import { listResponsesForExport, responseExists } from './responses.repository.js';
import { surveyPolicy, type SurveyAction } from './survey.policy.js';
import {
  berlinDay,
  countResponses,
  findSurvey,
  findSurveyBySlug,
  listChannels,
  listLiveSurveyIds,
  listPublicSurveys,
  loadDefinition,
  takesAnswers,
  type SurveyRow,
} from './survey.repository.js';
import { deleteTextPicks, insertTextPick, listFreeTexts } from './text-picks.repository.js';
import { listDefinitions } from './versions.repository.js';
import { minCellCount, protectCube, valueAt } from '../../platform/statistics/suppression.js';
import type { Cell } from './xlsx.js';
import type { CrossTab, Dashboard, Distribution, ResultVariable } from './results.types.js';

export const channelKey = '_kanal';

/** Turns raw answers into protected tables; every number shown passes through suppression.ts. */
export function createResultsService({ db, city }: AppDeps) {
  const noAnswer = 'Keine Angabe';

  async function variables(survey: SurveyRow) {
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const channels = await listChannels(db, survey.id);
    const channel: ResultVariable = {
      key: channelKey,
      label: 'Verteilweg',
      categories: [...channels.map((c) => ({ value: c.id, label: c.name })), { value: null, label: 'Direkter Link' }],
      multi: false,
      numeric: false,
    };
    const list: ResultVariable[] = variablesOf(definition, city.districts).map((v: Variable) => {
      const labels: Record<string, string> = {};
      for (const o of v.question.options ?? []) labels[o.value] = o.text.de;
      if (v.question.type === 'yesno') Object.assign(labels, { ja: 'Ja', nein: 'Nein' });
      return {
        key: v.key,
        label: v.statement ? `${v.question.text.de} – ${v.statement.text.de}` : v.question.text.de,
        categories: [...v.categories.map((c) => ({ value: c, label: labels[c] ?? c })), { value: null, label: noAnswer }],
        multi: v.multi,
        numeric: hasMean(v.question),
      };
    });
    return { definition, channel, list: list.filter((v) => v.categories.length > 1) };
  }

  /**
   * Sums up the days that can no longer change into survey_rollups (responses are immutable and
   * carry their day; the last two days stay live, so a submission around midnight is never missed).
   * Returns the day up to which the rollup goes. Concurrent callers wait on the survey row.
   */
  async function rollUp(surveyId: string, now = new Date()): Promise<string> {
    const cutoff = berlinDay(new Date(now.getTime() - 2 * 86_400_000));
    const versions = await listDefinitions(db, surveyId);
    // Closed answers of every version (free texts are never rolled up: they stay with their response).
    const keys = [...new Set(versions.flatMap((definition) => variablesOf(definition, city.districts).map((x) => x.key)))];
    return db.transaction().execute(async (trx) => {
      const from = (await lockRolledUpUntil(trx, surveyId)) ?? '1900-01-01';
      if (from >= cutoff) return from;
      await insertRollups(trx, surveyId, { from, until: cutoff }, keys, channelKey);
      return cutoff;
    });
  }

  async function total(surveyId: string): Promise<number> {
    return countResponses(db, surveyId);
  }

  /** Every question's distribution, the mean where it makes sense, and recruitment per week and channel. */
  async function dashboard(survey: SurveyRow): Promise<Dashboard> {
    const { list, channel } = await variables(survey);
    const keys = list.map((v) => v.key);
    const until = await rollUp(survey.id);
    const [grouped, recruitment] = await Promise.all([countAnswers(db, survey.id, keys, until), countRecruitment(db, survey.id, channelKey, until)]);
    const n = recruitment.reduce((sum, r) => sum + r.n, 0);
    const byKey = new Map<string, Map<string, number>>();
    for (const row of grouped) {
      const m = byKey.get(row.key) ?? new Map<string, number>();
      byKey.set(row.key, m);
      if (row.value.startsWith('[')) {
        // Multiple choice: the group is a combination; count each option and the people who answered.
        m.set('\u0000answered', (m.get('\u0000answered') ?? 0) + row.n);
        for (const v of JSON.parse(row.value) as string[]) m.set(v, (m.get(v) ?? 0) + row.n);
      } else m.set(row.value, (m.get(row.value) ?? 0) + row.n);
    }
    const distributions = list.map((variable) => distribution(variable, byKey.get(variable.key) ?? new Map<string, number>(), n));
    const weeks = [...new Set(recruitment.map((r) => r.week))].sort();
    const counts = new Array<number>(weeks.length * channel.categories.length).fill(0);
    for (const r of recruitment) {
      const c = channel.categories.findIndex((x) => x.value === r.channel);
      counts[weeks.indexOf(r.week) * channel.categories.length + (c < 0 ? channel.categories.length - 1 : c)]! += r.n;
    }
    const table = protectCube({ sizes: [weeks.length, channel.categories.length], counts });
    const cells = [...weeks.map((_, w) => w), -1].map((w) => [...channel.categories.map((_, c) => c), -1].map((c) => valueAt(table, [w, c])));
    return { total: n, distributions, recruitment: { weeks, channels: channel, cells } };
  }

  function distribution(variable: ResultVariable, counts: Map<string, number>, n: number): Distribution {
    const inner = variable.categories.slice(0, -1);
    if (variable.multi) {
      const answered = counts.get('\u0000answered') ?? 0;
      // Each option is its own yes/no table [chosen, not chosen, no answer] over all respondents.
      // "No answer" appears in every option's table: it is shown only if every table may show it.
      let noAnswerSafe = valueAt(protectCube({ sizes: [2], counts: [answered, n - answered] }), [1]) !== null;
      const shown = inner.map((c) => {
        const chosen = counts.get(c.value!) ?? 0;
        const table = protectCube({ sizes: [3], counts: [chosen, answered - chosen, n - answered] });
        if (valueAt(table, [2]) === null) noAnswerSafe = false;
        return valueAt(table, [0]);
      });
      const noAnswerShown = noAnswerSafe ? n - answered : null;
      return { variable, counts: [...shown, noAnswerShown], mean: null, answered: n - answered >= minCellCount || n === answered ? answered : null };
    }
    const raw = inner.map((c) => counts.get(c.value!) ?? 0);
    const answered = raw.reduce((a, b) => a + b, 0);
    const table = protectCube({ sizes: [raw.length + 1], counts: [...raw, n - answered] });
    const shown = variable.categories.map((_, i) => valueAt(table, [i]));
    let mean: number | null = null;
    // A mean next to hidden cells would let anyone solve for them (two equations, two unknowns):
    // it is shown only when every answer category is shown.
    if (variable.numeric && answered >= minCellCount && shown.slice(0, -1).every((v) => v !== null)) {
      mean = inner.reduce((s, c, i) => s + Number(c.value) * raw[i]!, 0) / answered;
    }
    return { variable, counts: shown, mean, answered: shown[shown.length - 1] === null ? null : answered };
  }

  /** A cross-tabulation, optionally filtered to one category of a third variable; dimensions in canonical order. */
  async function crossTab(survey: SurveyRow, rowKey: string, colKey: string, filter?: { key: string; value: number }): Promise<CrossTab | null> {
    const { list, channel } = await variables(survey);
    const all = [channel, ...list.filter((v) => !v.multi)];
    const find = (key: string) => all.find((v) => v.key === key);
    const rows = find(rowKey);
    const cols = find(colKey);
    const filterVar = filter ? find(filter.key) : undefined;
    if (!rows || !cols || rows === cols || (filter && (!filterVar || filterVar === rows || filterVar === cols))) return null;
    if (filter && (filter.value < 0 || filter.value >= filterVar!.categories.length)) return null;
    const dims = [rows, cols, ...(filterVar ? [filterVar] : [])].sort((a, b) => (a.key < b.key ? -1 : 1));
    const dimension = (v: ResultVariable): Dimension => (v.key === channelKey ? { channel: true } : { key: v.key });
    const grouped = await countCombinations(db, survey.id, dims.map(dimension));
    const sizes = dims.map((d) => d.categories.length);
    const counts = new Array<number>(sizes.reduce((a, b) => a * b, 1)).fill(0);
    const indexOf = (v: ResultVariable, value: string | null) => {
      const i = v.categories.findIndex((c) => c.value === value);
      return i < 0 ? v.categories.length - 1 : i;
    };
    for (const r of grouped) {
      const coords = [r.a, r.b, r.c].slice(0, dims.length).map((value, d) => indexOf(dims[d]!, value));
      const flat = coords.reduce((s, c, d) => s * sizes[d]! + c, 0);
      counts[flat]! += r.n;
    }
    const table = protectCube({ sizes, counts });
    const cells = [...rows.categories.keys(), -1].map((r) =>
      [...cols.categories.keys(), -1].map((c) =>
        valueAt(
          table,
          dims.map((d) => (d === rows ? r : d === cols ? c : filter!.value)),
        ),
      ),
    );
    return { rows, cols, filter: filterVar ? { variable: filterVar, index: filter!.value } : null, cells };
  }

  /** Free-text answers for editors (in random id order, never by time), with the published ones marked. */
  async function texts(survey: SurveyRow, definition: SurveyDefinition, publishedOnly = false) {
    const keys = allQuestions(definition).flatMap((q) =>
      isTextQuestion(q)
        ? [{ key: q.id, label: inLanguage(q.text, 'de') }]
        : q.type === 'multiple' && q.other
          ? [{ key: `${q.id}.other`, label: `${q.text.de} – Sonstiges` }]
          : [],
    );
    const out: { key: string; label: string; answers: { id: string; text: string; published: boolean }[] }[] = [];
    for (const { key, label } of keys) out.push({ key, label, answers: await listFreeTexts(db, survey.id, key, publishedOnly) });
    return out;
  }

  /** Sums up the answers of every survey that has taken any, so the dashboards stay fast. */
  async function rollUpAll(now = new Date()): Promise<void> {
    for (const id of await listLiveSurveyIds(db)) await rollUp(id, now);
  }

  /** The survey, if the actor may do this with it: 403 before 404, so nobody learns which surveys exist. */
  async function surveyFor(actor: Actor, id: string, action: SurveyAction): Promise<SurveyRow> {
    ensure(surveyPolicy.can(actor, action));
    const survey = await findSurvey(db, id);
    if (!survey) throw new AppError('not_found', 'Befragung nicht gefunden');
    return survey;
  }

  /** "Mitmachen": surveys taking answers now, and those with published results. */
  async function publicSurveys() {
    const listed = await listPublicSurveys(db);
    return { open: listed.filter((r) => takesAnswers(r)), published: listed.filter((r) => r.status === 'published') };
  }

  /** The published results of a survey with the free texts editors picked; 404 until they are published. */
  async function publicResults(slug: string) {
    const survey = await findSurveyBySlug(db, slug);
    if (!survey || survey.status !== 'published') throw new AppError('not_found', 'Ergebnisse nicht gefunden');
    const shown = await dashboard(survey);
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    return { title: definition.title.de, dashboard: shown, quotes: await texts(survey, definition, true) };
  }

  /** The aggregates as table rows (hidden cells stay hidden), for editors. */
  async function aggregateExport(actor: Actor, id: string): Promise<{ survey: SurveyRow; rows: Cell[][] }> {
    const survey = await surveyFor(actor, id, 'survey.results');
    return { survey, rows: aggregateRows(await dashboard(survey)) };
  }

  /** Anonymised raw answers, for analysts and admins only; every export is written to the audit log. */
  async function rawExport(actor: Actor, id: string): Promise<{ survey: SurveyRow; rows: Cell[][] }> {
    const survey = await surveyFor(actor, id, 'survey.rawExport');
    const definition = await loadDefinition(db, survey.id, survey.current_version);
    const channels = await listChannels(db, survey.id);
    const rows = rawRows(definition, city.districts, channels, await listResponsesForExport(db, survey.id));
    await recordAudit(db, {
      actorId: actor.id,
      action: 'survey.raw_exported',
      subjectType: 'survey',
      subjectId: survey.id,
      details: { rows: rows.length - 1 },
    });
    return { survey, rows };
  }

  /** Publishes exactly these free-text answers (response id and question key) with the results; picks of other surveys are ignored. */
  async function publishTexts(actor: Actor, surveyId: string, picks: readonly [string, string][]): Promise<void> {
    ensure(surveyPolicy.can(actor, 'survey.edit'));
    await db.transaction().execute(async (trx) => {
      await deleteTextPicks(trx, surveyId);
      for (const [responseId, key] of picks) if (await responseExists(trx, surveyId, responseId)) await insertTextPick(trx, surveyId, responseId, key);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'survey.texts_published',
        subjectType: 'survey',
        subjectId: surveyId,
        details: { count: picks.length },
      });
    });
  }

  return {
    surveyFor,
    variables,
    dashboard,
    crossTab,
    texts,
    total,
    rollUp,
    rollUpAll,
    publicSurveys,
    publicResults,
    aggregateExport,
    rawExport,
    publishTexts,
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
