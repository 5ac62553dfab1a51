import { defineMessages, type Locale } from '../i18n/i18n.js';

/**
 * The one reader of dates typed into forms: German "4.5.2017" / "04.05.2017" or ISO "2017-05-04",
 * to a civil date "2017-05-04". Two-digit years are refused rather than guessed (is "17" 1917 or
 * 2017 on a birth certificate?).
 */

export const civilYears = { min: 1900, max: 2100 } as const;

export type CivilDateProblem = 'format' | 'shortYear' | 'impossible' | 'range';
export type CivilDateReading = { ok: true; date: string } | { ok: false; problem: CivilDateProblem };

const german = /^(\d{1,2})\.(\d{1,2})\.(\d+)$/;
const iso = /^(\d{4,})-(\d{1,2})-(\d{1,2})$/;
const isoExact = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a typed date; spaces anywhere are ignored ("04. 05. 2017"). */
export function readCivilDate(raw: string): CivilDateReading {
  const value = raw.replace(/\s+/g, '');
  const parts = german.exec(value);
  const isoParts = parts ? null : iso.exec(value);
  const [day, month, year] = parts ? [parts[1]!, parts[2]!, parts[3]!] : isoParts ? [isoParts[3]!, isoParts[2]!, isoParts[1]!] : [];
  if (!day || !month || !year) return { ok: false, problem: 'format' };
  if (year.length < 4) return { ok: false, problem: year.length === 2 ? 'shortYear' : 'format' };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < civilYears.min || y > civilYears.max) return { ok: false, problem: 'range' };
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return { ok: false, problem: 'impossible' };
  return { ok: true, date: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** True for a real civil date written "YYYY-MM-DD" within the accepted years. */
export const isCivilDate = (value: string): boolean => isoExact.test(value) && readCivilDate(value).ok;

/** "2017-05-04" → "04.05.2017", the way a stored date is shown for editing; anything else as it is. */
export const showCivilDate = (value: string): string => (isCivilDate(value) ? `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}` : value);

const messages = defineMessages(
  'platform/time/civil-date',
  {
    hint: 'Format: TT.MM.JJJJ, zum Beispiel 04.05.2017',
    format: 'Geben Sie „{label}“ als Datum im Format TT.MM.JJJJ an, zum Beispiel 04.05.2017.',
    shortYear: 'Geben Sie bei „{label}“ das Jahr vierstellig an, zum Beispiel 04.05.2017.',
    impossible: '„{label}“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.',
    range: '„{label}“: Das Jahr muss zwischen {min} und {max} liegen.',
  },
  {
    hint: 'Format: DD.MM.YYYY, for example 04.05.2017',
    format: 'Enter “{label}” as a date in the form DD.MM.YYYY, for example 04.05.2017.',
    shortYear: 'Enter the year of “{label}” with four digits, for example 04.05.2017.',
    impossible: '“{label}”: this day does not exist. Check the day and the month.',
    range: '“{label}”: the year must be between {min} and {max}.',
  },
);

/** The hint every date field shows. */
export const civilDateHint = (locale: Locale): string => messages(locale)('hint');

/** The error for a date that could not be read, naming the field. */
export const civilDateError = (problem: CivilDateProblem, label: string, locale: Locale): string =>
  messages(locale)(problem, { label, min: String(civilYears.min), max: String(civilYears.max) });
