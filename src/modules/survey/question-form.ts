import { randomBytes } from 'node:crypto';
import type { FieldErrors } from '../../platform/http/errors.js';
import {
  categoriesOf,
  conditionOrderProblem,
  findQuestion,
  questionTypes,
  surveyLanguages,
  type Choice,
  type Question,
  type QuestionType,
  type SurveyDefinition,
  type Texts,
} from './survey.definition.js';

/** The editor's question form as plain strings, both ways. */
export function questionToForm(q: Question, pageIndex: number): Record<string, string> {
  const values: Record<string, string> = { id: q.id, page: String(pageIndex + 1), type: q.type, hint_de: q.hint?.de ?? '' };
  const choices = q.type === 'likert' ? q.statements : q.options;
  for (const lang of surveyLanguages) {
    values[`text_${lang}`] = q.text[lang] ?? '';
    values[`options_${lang}`] = (choices ?? []).map((c) => c.text[lang] ?? '').join('\n');
  }
  if (q.required) values.required = 'ja';
  if (q.other) values.other = 'ja';
  if (q.min !== undefined) values.min = String(q.min);
  if (q.max !== undefined) values.max = String(q.max);
  if (q.showIf) {
    values.showIfQuestion = q.showIf.question;
    values.showIfValues = q.showIf.values.join(', ');
  }
  return values;
}

const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((l) => l.trim());

/** Reads and checks the question form; errors are in German (the editor's working language). */
export function questionFromForm(
  values: Record<string, string>,
  definition: SurveyDefinition,
  districts: readonly string[],
): { ok: true; question: Question; pageIndex: number } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const type = values.type as QuestionType;
  if (!questionTypes.includes(type)) errors.type = 'Wählen Sie die Art der Frage.';
  const pageIndex = Number.parseInt(values.page ?? '', 10) - 1;
  if (!definition.pages[pageIndex]) errors.page = 'Wählen Sie eine Seite.';
  const text: Texts = { de: (values.text_de ?? '').trim() };
  if (!text.de) errors.text_de = 'Geben Sie den Fragetext auf Deutsch ein.';
  else if (text.de.length > 400) errors.text_de = 'Der Fragetext darf höchstens 400 Zeichen lang sein.';
  for (const lang of surveyLanguages) if (lang !== 'de' && values[`text_${lang}`]?.trim()) text[lang] = values[`text_${lang}`]!.trim().slice(0, 400);
  const existing = values.id ? findQuestion(definition, values.id)?.question : undefined;
  if (values.id && !existing) errors.page = 'Diese Frage gibt es nicht mehr.';
  const id = existing?.id ?? `q${randomBytes(3).toString('hex')}`;
  const question: Question = { id, type, text, required: values.required === 'ja' };
  if (values.hint_de?.trim()) question.hint = { de: values.hint_de.trim().slice(0, 300) };

  if (type === 'single' || type === 'multiple' || type === 'likert') {
    const german = lines(values.options_de).filter(Boolean);
    if (german.length < (type === 'likert' ? 1 : 2))
      errors.options_de = type === 'likert' ? 'Geben Sie mindestens eine Aussage ein.' : 'Geben Sie mindestens zwei Antwortmöglichkeiten ein, eine pro Zeile.';
    const old = (type === 'likert' ? existing?.statements : existing?.options) ?? [];
    const translations = Object.fromEntries(surveyLanguages.map((lang) => [lang, lines(values[`options_${lang}`])]));
    const choices: Choice[] = german.map((de, i) => {
      const texts: Texts = { de: de.slice(0, 200) };
      for (const lang of surveyLanguages) if (lang !== 'de' && translations[lang]![i]) texts[lang] = translations[lang]![i].slice(0, 200);
      // Keep the stored value of an option at the same position, so earlier answers still count.
      return { value: old[i]?.value ?? `${type === 'likert' ? 's' : 'o'}${i + 1}`, text: texts };
    });
    if (type === 'likert') question.statements = choices;
    else question.options = choices;
    if (type === 'multiple' && values.other === 'ja') question.other = true;
  }
  if (type === 'number') {
    const min = values.min?.trim() ? Number(values.min) : 0;
    const max = values.max?.trim() ? Number(values.max) : 20;
    if (!Number.isInteger(min)) errors.min = 'Geben Sie eine ganze Zahl ein.';
    if (!Number.isInteger(max) || max < min) errors.max = 'Geben Sie eine ganze Zahl ein, die nicht kleiner als die kleinste Zahl ist.';
    question.min = min;
    question.max = max;
  }
  if (values.showIfQuestion) {
    const target = findQuestion(definition, values.showIfQuestion);
    const wanted = (values.showIfValues ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!target) errors.showIfQuestion = 'Diese Frage gibt es nicht.';
    // Same page is fine when the condition's question stands higher up (saveQuestion checks the order).
    else if (target.pageIndex > pageIndex || target.question.id === values.id) errors.showIfQuestion = conditionOrderProblem;
    else {
      const allowed = categoriesOf(target.question, districts);
      if (wanted.length === 0 || wanted.some((v) => !allowed.includes(v)))
        errors.showIfValues = `Geben Sie Antworten der gewählten Frage an: ${allowed.join(', ')}.`;
    }
    question.showIf = { question: values.showIfQuestion, values: wanted };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, question, pageIndex };
}
