import { describe, expect, it } from 'vitest';
import { demoSurveyDefinition } from '../seed/demo-survey.js';
import { findQuestion, type Question } from '../survey.definition.js';
import { surveyMessages } from '../survey.messages.js';
import { QuestionFields } from './question-fields.js';

const render = (question: Question, language: 'de' | 'en' | 'tr') =>
  String(<QuestionFields question={question} answers={{}} errors={{}} language={language} districts={[]} t={surveyMessages('de')} />);

describe('the ends of a 0–10 scale', () => {
  it('are named once and the same in question and hint ("auf jeden Fall", not also "voll und ganz")', () => {
    const recommend = findQuestion(demoSurveyDefinition, 'empfehlung')!.question;
    const html = render(recommend, 'de');
    expect(html).toContain('0 = gar nicht, 10 = auf jeden Fall');
    expect(html).not.toContain('voll und ganz');
    expect(html.match(/10 = /g)).toHaveLength(1);
  });

  it('fall back to the general hint without an own one, and in a language the own hint is not written in', () => {
    const plain: Question = { id: 'x', type: 'scale10', text: { de: 'Wie gern?' }, required: false };
    expect(render(plain, 'de')).toContain('0 = gar nicht, 10 = voll und ganz');
    const germanHintOnly: Question = { ...plain, hint: { de: '0 = nie, 10 = immer' } };
    expect(render(germanHintOnly, 'de')).not.toContain('voll und ganz');
    expect(render(germanHintOnly, 'tr')).toContain('0 = nie, 10 = immer 0 = gar nicht, 10 = voll und ganz');
  });
});
