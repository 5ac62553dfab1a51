/** The shape of a survey version (stored as jsonb) and the pure rules about it. */

/** Languages a survey can be written in; "ls" is Leichte Sprache (German). */
export const surveyLanguages = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl', 'ls'] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];
export const languageNames: Record<SurveyLanguage, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
  pl: 'Polski',
  ls: 'Leichte Sprache',
};
/** The HTML lang attribute of a survey language. */
export const htmlLang: Record<SurveyLanguage, string> = { de: 'de', en: 'en', tr: 'tr', ar: 'ar', uk: 'uk', ru: 'ru', pl: 'pl', ls: 'de' };
/** Arabic runs right to left, every other survey language left to right; said explicitly, as the page around may differ. */
export const htmlDir = (language: SurveyLanguage): 'ltr' | 'rtl' => (language === 'ar' ? 'rtl' : 'ltr');

export function isSurveyLanguage(value: unknown): value is SurveyLanguage {
  return typeof value === 'string' && (surveyLanguages as readonly string[]).includes(value);
}

/** A text in German and, optionally, other languages. */
export type Texts = { de: string } & Partial<Record<Exclude<SurveyLanguage, 'de'>, string>>;

export const questionTypes = ['single', 'multiple', 'rating5', 'grade6', 'likert', 'scale10', 'yesno', 'number', 'text', 'longtext', 'district'] as const;
export type QuestionType = (typeof questionTypes)[number];

export interface Choice {
  value: string;
  text: Texts;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: Texts;
  hint?: Texts;
  required: boolean;
  /** single and multiple */
  options?: Choice[];
  /** multiple: offer "Sonstiges" with a text field */
  other?: boolean;
  /** likert: the statements, each rated on the same five-point scale */
  statements?: Choice[];
  /** number */
  min?: number;
  max?: number;
  /** Show only if the answer to an earlier question (an earlier page, or higher up on the same page) is one of these values. */
  showIf?: { question: string; values: string[] };
}

export interface SurveyPage {
  id: string;
  title: Texts;
  questions: Question[];
}

export interface SurveyDefinition {
  title: Texts;
  intro: Texts;
  pages: SurveyPage[];
}

export type Answers = Record<string, string | string[]>;

/** The text in the wanted language; Leichte Sprache falls back to German, others to German. */
export function inLanguage(texts: Texts | undefined, language: SurveyLanguage): string {
  if (!texts) return '';
  return texts[language]?.trim() || texts.de;
}

export const likertValues = ['1', '2', '3', '4', '5'] as const;
export const yesNoValues = ['ja', 'nein'] as const;

/** The answer categories of a closed question (for one matrix statement the likert scale). */
export function categoriesOf(question: Question, districts: readonly string[]): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return (question.options ?? []).map((o) => o.value);
    case 'rating5':
    case 'likert':
      return [...likertValues];
    case 'grade6':
      return ['1', '2', '3', '4', '5', '6'];
    case 'scale10':
      return Array.from({ length: 11 }, (_, i) => String(i));
    case 'yesno':
      return [...yesNoValues];
    case 'district':
      return [...districts];
    case 'number': {
      const min = question.min ?? 0;
      const max = question.max ?? 10;
      return max - min <= 20 ? Array.from({ length: max - min + 1 }, (_, i) => String(min + i)) : [];
    }
    default:
      return [];
  }
}

export const isTextQuestion = (q: Question) => q.type === 'text' || q.type === 'longtext';
/** Questions whose mean means something (ordered numeric scales). */
export const hasMean = (q: Question) => ['rating5', 'grade6', 'scale10', 'number', 'likert'].includes(q.type);

/** One answer key per analysable variable: matrices give one key per statement. */
export interface Variable {
  key: string;
  question: Question;
  statement?: Choice;
  categories: string[];
  multi: boolean;
}

export function variablesOf(definition: SurveyDefinition, districts: readonly string[]): Variable[] {
  const out: Variable[] = [];
  for (const q of allQuestions(definition)) {
    if (isTextQuestion(q)) continue;
    if (q.type === 'likert') {
      for (const s of q.statements ?? [])
        out.push({ key: `${q.id}.${s.value}`, question: q, statement: s, categories: categoriesOf(q, districts), multi: false });
    } else {
      out.push({ key: q.id, question: q, categories: categoriesOf(q, districts), multi: q.type === 'multiple' });
    }
  }
  return out;
}

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((p) => p.questions);
}

export function findQuestion(definition: SurveyDefinition, id: string): { question: Question; pageIndex: number } | null {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const question = page.questions.find((q) => q.id === id);
    if (question) return { question, pageIndex };
  }
  return null;
}

/** Whether a question is shown, given the answers so far (conditions look at earlier questions only). */
export function isVisible(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  const values = Array.isArray(given) ? given : given === undefined ? [] : [given];
  return values.some((v) => question.showIf!.values.includes(v));
}

/** Whether the question's condition looks at a question on the same page (so the page changes while it is answered). */
export function dependsOnSamePage(question: Question, page: SurveyPage): boolean {
  return !!question.showIf && page.questions.some((q) => q.id === question.showIf!.question);
}

/** Indexes of pages with at least one visible question. */
export function visiblePages(definition: SurveyDefinition, answers: Answers): number[] {
  return definition.pages.flatMap((page, i) => (page.questions.some((q) => isVisible(q, answers)) ? [i] : []));
}

/** Drops answers to questions that the other answers hide, and unknown keys. */
export function cleanAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of allQuestions(definition)) {
    if (!isVisible(q, out)) continue;
    for (const key of answerKeys(q)) if (answers[key] !== undefined) out[key] = answers[key]!;
  }
  return out;
}

/** The keys under which a question's answers are stored. */
export function answerKeys(q: Question): string[] {
  if (q.type === 'likert') return (q.statements ?? []).map((s) => `${q.id}.${s.value}`);
  if (q.type === 'multiple' && q.other) return [q.id, `${q.id}.other`];
  return [q.id];
}

/** Languages in which every text of the survey is there (German always). */
export function completeLanguages(definition: SurveyDefinition): SurveyLanguage[] {
  return surveyLanguages.filter((lang) => {
    if (lang === 'de') return true;
    const texts: (Texts | undefined)[] = [definition.title, definition.intro];
    for (const p of definition.pages) {
      texts.push(p.title);
      for (const q of p.questions) {
        texts.push(q.text);
        // Leichte Sprache may keep German answer options; other languages need them translated.
        if (lang !== 'ls') for (const c of [...(q.options ?? []), ...(q.statements ?? [])]) texts.push(c.text);
      }
    }
    return texts.every((t) => !t || (t[lang] ?? '').trim() !== '');
  });
}

export const movedAboveCondition = 'Eine Frage mit Bedingung muss unter der Frage stehen, von der sie abhängt.';
export const conditionOrderProblem =
  'Die Bedingung muss sich auf eine Frage weiter vorn beziehen: auf einer früheren Seite oder weiter oben auf derselben Seite.';

/** Problems that make a definition unusable (checked when editors save and before opening). */
export function definitionProblems(definition: SurveyDefinition): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const page of definition.pages) {
    for (const q of page.questions) {
      if (seen.has(q.id)) problems.push(`Die Kennung ${q.id} kommt zweimal vor.`);
      if ((q.type === 'single' || q.type === 'multiple') && (q.options ?? []).length < 2) problems.push(`Frage ${q.id}: mindestens zwei Antwortmöglichkeiten.`);
      if (q.type === 'likert' && (q.statements ?? []).length < 1) problems.push(`Frage ${q.id}: mindestens eine Aussage.`);
      // Earlier in reading order: a respondent answers the condition before meeting the question.
      if (q.showIf && !seen.has(q.showIf.question)) problems.push(`Frage ${q.id}: ${conditionOrderProblem}`);
      seen.add(q.id);
    }
  }
  if (definition.pages.length === 0 || allQuestions(definition).length === 0) problems.push('Die Befragung hat noch keine Fragen.');
  return problems;
}
