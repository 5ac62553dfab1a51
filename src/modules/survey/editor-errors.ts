import type { FieldErrors } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { conditionOrderProblem, movedAboveCondition } from './survey.definition.js';

/**
 * The editors' form errors are written in German where they arise (services, form readers);
 * this gives their English wording for the English interface. Unknown texts stay German.
 */
const english: Record<string, string> = {
  'Wählen Sie die Art der Frage.': 'Choose the type of question.',
  'Wählen Sie eine Seite.': 'Choose a page.',
  'Geben Sie den Fragetext auf Deutsch ein.': 'Enter the question text in German.',
  'Der Fragetext darf höchstens 400 Zeichen lang sein.': 'The question text must be 400 characters or fewer.',
  'Diese Frage gibt es nicht mehr.': 'This question no longer exists.',
  'Geben Sie mindestens eine Aussage ein.': 'Enter at least one statement.',
  'Geben Sie mindestens zwei Antwortmöglichkeiten ein, eine pro Zeile.': 'Enter at least two answer options, one per line.',
  'Geben Sie eine ganze Zahl ein.': 'Enter a whole number.',
  'Geben Sie eine ganze Zahl ein, die nicht kleiner als die kleinste Zahl ist.': 'Enter a whole number that is not smaller than the smallest number.',
  'Diese Frage gibt es nicht.': 'This question does not exist.',
  [conditionOrderProblem]: 'The condition must refer to a question further up: on an earlier page or higher up on the same page.',
  [movedAboveCondition]: 'A question with a condition must stay below the question it depends on.',
  'Geben Sie den Titel auf Deutsch ein.': 'Enter the title in German.',
  'Geben Sie einen Titel für die Seite ein.': 'Enter a title for the page.',
  'Geben Sie einen Namen ein (höchstens 100 Zeichen).': 'Enter a name (100 characters or fewer).',
  'Geben Sie eine Zahl von 1 bis 500 ein.': 'Enter a number from 1 to 500.',
  'Diese Adresse ist schon vergeben.': 'This address is already taken.',
  'Das Ende liegt vor dem Beginn.': 'The end is before the start.',
  'Diesen Verteilweg gibt es schon.': 'This channel already exists.',
  'Eine andere Frage hängt von dieser Frage ab.': 'Another question depends on this question.',
  'Dieser Schritt passt nicht zum Stand der Befragung.': 'This step does not fit the status of the survey.',
  'Die Befragung hat noch keine Fragen.': 'The survey has no questions yet.',
};

/** Field errors in the interface language. */
export function localiseErrors(errors: FieldErrors | undefined, locale: Locale): FieldErrors | undefined {
  if (!errors || locale === 'de') return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [
      field,
      english[text] ??
        (text.startsWith('Geben Sie Antworten der gewählten Frage an:')
          ? text.replace('Geben Sie Antworten der gewählten Frage an:', 'Enter answers of the chosen question:')
          : text),
    ]),
  );
}
