import type { Answers, Question, SurveyPage } from './survey.definition.js';
import { answerKeys, categoriesOf, dependsOnSamePage, isVisible } from './survey.definition.js';

/** Why an answer does not fit; the page turns the code into words. */
export type AnswerProblem = 'required' | 'choice' | 'number' | 'range' | 'tooLong' | 'otherText';

/** Field name (and id of the first input) of an answer key: "a_q3", "a_q7_s2". */
export const fieldName = (key: string) => `a_${key.replace('.', '_')}`;

export const maxTextLength = { text: 200, longtext: 2000, other: 200 } as const;

function list(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string');
  return typeof raw === 'string' ? [raw] : [];
}

function single(raw: unknown): string | undefined {
  const values = list(raw)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length === 1 ? values[0] : values.length > 1 ? '\u0000many' : undefined;
}

export interface PageResult {
  answers: Answers;
  /** Field name → problem, in the order of the questions. */
  problems: Record<string, AnswerProblem>;
}

/**
 * Reads the answers of one page from a form body and checks each against its question:
 * values must be among the offered ones, numbers in range, texts not too long. Hidden
 * questions (their condition is not met by the answers before them, on earlier pages or
 * higher up on this page) are ignored.
 */
export function readPage(questions: Question[], body: Record<string, unknown>, earlier: Answers, districts: readonly string[], validate: boolean): PageResult {
  const answers: Answers = {};
  const problems: Record<string, AnswerProblem> = {};
  const fail = (key: string, problem: AnswerProblem) => {
    if (validate && !problems[fieldName(key)]) problems[fieldName(key)] = problem;
  };
  // What this page held before does not count: its conditions see the answers in this body.
  const known: Answers = { ...earlier };
  for (const q of questions) for (const key of answerKeys(q)) delete known[key];
  for (const q of questions) {
    if (!isVisible(q, { ...known, ...answers })) continue;
    const categories = categoriesOf(q, districts);
    switch (q.type) {
      case 'multiple': {
        const chosen = [...new Set(list(body[fieldName(q.id)]))];
        const other = single(body[fieldName(`${q.id}.other`)]);
        if (chosen.some((v) => !categories.includes(v) && !(q.other && v === 'other'))) {
          fail(q.id, 'choice');
          break;
        }
        if (chosen.length > 0) answers[q.id] = chosen;
        if (q.other && chosen.includes('other')) {
          if (!other) fail(`${q.id}.other`, 'otherText');
          else if (other.length > maxTextLength.other) fail(`${q.id}.other`, 'tooLong');
          else answers[`${q.id}.other`] = other;
        }
        if (q.required && chosen.length === 0) fail(q.id, 'required');
        break;
      }
      case 'likert': {
        for (const s of q.statements ?? []) {
          const key = `${q.id}.${s.value}`;
          const value = single(body[fieldName(key)]);
          if (value === undefined) {
            if (q.required) fail(key, 'required');
          } else if (!categories.includes(value)) fail(key, 'choice');
          else answers[key] = value;
        }
        break;
      }
      case 'text':
      case 'longtext': {
        const value = single(body[fieldName(q.id)]);
        if (value === undefined) {
          if (q.required) fail(q.id, 'required');
        } else if (value.length > maxTextLength[q.type]) {
          fail(q.id, 'tooLong');
          if (!validate) answers[q.id] = value.slice(0, maxTextLength[q.type]);
        } else answers[q.id] = value;
        break;
      }
      case 'number': {
        const value = single(body[fieldName(q.id)]);
        if (value === undefined) {
          if (q.required) fail(q.id, 'required');
        } else if (!/^-?\d{1,6}$/.test(value)) fail(q.id, 'number');
        else {
          const n = Number(value);
          if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) fail(q.id, 'range');
          else answers[q.id] = String(n);
        }
        break;
      }
      default: {
        const value = single(body[fieldName(q.id)]);
        if (value === undefined) {
          if (q.required) fail(q.id, 'required');
        } else if (!categories.includes(value)) fail(q.id, 'choice');
        else answers[q.id] = value;
      }
    }
  }
  return { answers, problems };
}

/**
 * The questions of a page that the answers just given make visible but that the respondent has
 * not been offered yet (the page showed them hidden, and no script revealed them): the page must
 * show them before the survey moves on. `offered` are the ids the form reports as shown.
 */
export function questionsNotOffered(page: SurveyPage, answers: Answers, offered: readonly string[]): Question[] {
  return page.questions.filter((q) => dependsOnSamePage(q, page) && isVisible(q, answers) && !offered.includes(q.id));
}

/** The ids of the questions a page's form reports as shown (field "gezeigt"). */
export function offeredIds(body: Record<string, unknown>): string[] {
  return list(body[offeredField]);
}

/** Field of the marker each same-page conditional question carries while it is shown. */
export const offeredField = 'gezeigt';
