import { describe, expect, it } from 'vitest';
import { everyTypeDefinition } from '../../../test/support/survey.js';
import { demoSurveyDefinition } from './seed/demo-survey.js';
import { questionsNotOffered, readPage } from './survey.answers.js';
import { cleanAnswers, completeLanguages, definitionProblems, htmlDir, visiblePages, type Question } from './survey.definition.js';

const districts = ['Hamm-Mitte', 'Pelkum'];
const q = (question: Partial<Question> & Pick<Question, 'type'>): Question => ({ id: 'x', text: { de: 'Frage' }, required: true, ...question });
const read = (question: Question, body: Record<string, unknown>) => readPage([question], body, {}, districts, true);

describe('every question type accepts what fits and refuses what does not', () => {
  const cases: [Question, unknown, unknown][] = [
    [
      q({
        type: 'single',
        options: [
          { value: 'a', text: { de: 'A' } },
          { value: 'b', text: { de: 'B' } },
        ],
      }),
      'b',
      'c',
    ],
    [q({ type: 'rating5' }), '5', '6'],
    [q({ type: 'grade6' }), '6', '0'],
    [q({ type: 'scale10' }), '0', '11'],
    [q({ type: 'yesno' }), 'nein', 'vielleicht'],
    [q({ type: 'district' }), 'Pelkum', 'Atlantis'],
    [q({ type: 'number', min: 0, max: 10 }), '7', '11'],
    [q({ type: 'number', min: 0, max: 10 }), '0', '2,5'],
  ];
  for (const [question, good, bad] of cases) {
    it(`${question.type}: ${String(good)} fits, ${String(bad)} does not`, () => {
      expect(read(question, { a_x: good })).toEqual({ answers: { x: good }, problems: {} });
      expect(Object.values(read(question, { a_x: bad }).problems)).toHaveLength(1);
      expect(read(question, {}).problems).toEqual({ a_x: 'required' });
      // Two values for a one-answer question do not fit.
      expect(read(question, { a_x: [good, good === '0' ? '1' : '0'] }).problems).toHaveProperty('a_x');
    });
  }

  it('multiple choice with "other": values must be offered, "other" needs its text', () => {
    const question = q({
      type: 'multiple',
      other: true,
      required: false,
      options: [
        { value: 'a', text: { de: 'A' } },
        { value: 'b', text: { de: 'B' } },
      ],
    });
    expect(read(question, { a_x: ['a', 'b'] }).answers).toEqual({ x: ['a', 'b'] });
    expect(read(question, { a_x: ['a', 'z'] }).problems).toEqual({ a_x: 'choice' });
    expect(read(question, { a_x: ['other'] }).problems).toEqual({ a_x_other: 'otherText' });
    expect(read(question, { a_x: ['other'], a_x_other: 'Oma' }).answers).toEqual({ x: ['other'], 'x.other': 'Oma' });
    expect(read(question, {})).toEqual({ answers: {}, problems: {} });
  });

  it('likert matrix: each statement on the five-point scale', () => {
    const question = q({
      type: 'likert',
      statements: [
        { value: 's1', text: { de: 'S1' } },
        { value: 's2', text: { de: 'S2' } },
      ],
    });
    expect(read(question, { a_x_s1: '1', a_x_s2: '5' }).answers).toEqual({ 'x.s1': '1', 'x.s2': '5' });
    expect(read(question, { a_x_s1: '1', a_x_s2: '6' }).problems).toEqual({ a_x_s2: 'choice' });
    expect(read(question, { a_x_s1: '1' }).problems).toEqual({ a_x_s2: 'required' });
  });

  it('short and long texts have a length limit', () => {
    expect(read(q({ type: 'text' }), { a_x: 'Ein Satz.' }).answers).toEqual({ x: 'Ein Satz.' });
    expect(read(q({ type: 'text' }), { a_x: 'x'.repeat(201) }).problems).toEqual({ a_x: 'tooLong' });
    expect(read(q({ type: 'longtext' }), { a_x: 'x'.repeat(2000) }).problems).toEqual({});
    expect(read(q({ type: 'longtext' }), { a_x: '   ' }).problems).toEqual({ a_x: 'required' });
  });

  it('without validation (going back, "later") keeps what fits and reports nothing', () => {
    expect(readPage([q({ type: 'rating5' })], { a_x: '9' }, {}, districts, false)).toEqual({ answers: {}, problems: {} });
  });
});

describe('conditions and languages', () => {
  it('a page whose questions are all hidden is skipped, and hidden answers are dropped', () => {
    expect(visiblePages(everyTypeDefinition, { kita: 'nein' })).toEqual([0, 1]);
    const onlyConditional = {
      ...everyTypeDefinition,
      pages: [everyTypeDefinition.pages[0]!, { ...everyTypeDefinition.pages[1]!, questions: [everyTypeDefinition.pages[1]!.questions[0]!] }],
    };
    expect(visiblePages(onlyConditional, { kita: 'nein' })).toEqual([0]);
    expect(visiblePages(onlyConditional, { kita: 'ja' })).toEqual([0, 1]);
    expect(cleanAnswers(everyTypeDefinition, { kita: 'nein', kitanote: '1', unbekannt: 'x' })).toEqual({ kita: 'nein' });
  });

  it('offers only languages in which every text is there', () => {
    expect(completeLanguages(everyTypeDefinition)).toEqual(['de', 'en', 'ls']);
  });

  it('the demo survey is complete in all eight survey languages, Arabic, Russian and Polish included', () => {
    expect(completeLanguages(demoSurveyDefinition)).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl', 'ls']);
    expect(htmlDir('ar')).toBe('rtl');
    expect(htmlDir('ru')).toBe('ltr');
  });

  it('a condition must point to a question further up: an earlier page or higher up on the same page', () => {
    const broken = structuredClone(everyTypeDefinition);
    broken.pages[0]!.questions[0]!.showIf = { question: 'kita', values: ['ja'] };
    expect(definitionProblems(everyTypeDefinition)).toEqual([]);
    expect(definitionProblems(broken)[0]).toContain('weiter vorn');
    const samePage = structuredClone(everyTypeDefinition);
    samePage.pages[0]!.questions[2]!.showIf = { question: 'kita', values: ['ja'] };
    expect(definitionProblems(samePage)).toEqual([]);
    // The demo survey asks its Kita follow-ups on the Kita question's page.
    expect(definitionProblems(demoSurveyDefinition)).toEqual([]);
  });
});

describe('a follow-up question on the same page', () => {
  const kita = q({ id: 'kita', type: 'yesno' });
  const followUp = q({ id: 'zufrieden', type: 'rating5', showIf: { question: 'kita', values: ['ja'] } });
  const page = { id: 'p', title: { de: 'Kita' }, questions: [kita, followUp] };

  it('counts with the answer given on the page, not the one the draft had', () => {
    expect(readPage(page.questions, { a_kita: 'ja', a_zufrieden: '4' }, {}, districts, true)).toEqual({
      answers: { kita: 'ja', zufrieden: '4' },
      problems: {},
    });
    expect(readPage(page.questions, { a_kita: 'ja' }, {}, districts, true).problems).toEqual({ a_zufrieden: 'required' });
    // The draft said "ja", the page now says "nein": the follow-up is hidden, its answer ignored.
    expect(readPage(page.questions, { a_kita: 'nein', a_zufrieden: '4' }, { kita: 'ja', zufrieden: '2' }, districts, true)).toEqual({
      answers: { kita: 'nein' },
      problems: {},
    });
  });

  it('is reported as not yet offered until the form says it was shown', () => {
    expect(questionsNotOffered(page, { kita: 'ja' }, []).map((x) => x.id)).toEqual(['zufrieden']);
    expect(questionsNotOffered(page, { kita: 'ja' }, ['zufrieden'])).toEqual([]);
    expect(questionsNotOffered(page, { kita: 'nein' }, [])).toEqual([]);
    // A condition on an earlier page was settled before the page was shown.
    expect(questionsNotOffered({ ...page, questions: [followUp] }, { kita: 'ja' }, [])).toEqual([]);
  });
});
