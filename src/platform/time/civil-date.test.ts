import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { civilDateError, isCivilDate, readCivilDate, showCivilDate } from './civil-date.js';
import { CivilDate, parseForm } from '../http/forms.js';

describe('readCivilDate reads the ways people write a date', () => {
  it.each([
    ['4.5.2017', '2017-05-04'],
    ['04.05.2017', '2017-05-04'],
    ['2017-05-04', '2017-05-04'],
    ['  04.05.2017 ', '2017-05-04'],
    ['04. 05. 2017', '2017-05-04'],
    ['29.02.2024', '2024-02-29'],
  ])('%s → %s', (typed, date) => expect(readCivilDate(typed)).toEqual({ ok: true, date }));

  it.each([
    ['31.02.2017', 'impossible'],
    ['29.02.2023', 'impossible'],
    ['04.13.2017', 'impossible'],
    ['00.05.2017', 'impossible'],
    ['2017-02-30', 'impossible'],
    ['04.05.17', 'shortYear'],
    ['04.05.1850', 'range'],
    ['31.12.9999', 'range'],
    ['9999-12-31', 'range'],
    ['4 Mai 2017', 'format'],
    ['05/04/2017', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (typed, problem) => expect(readCivilDate(typed)).toEqual({ ok: false, problem }));
});

describe('a date field in a form', () => {
  const schema = Type.Object({ birthDate: CivilDate() });
  const labels = { birthDate: 'Geburtsdatum' };

  it('hands the route an ISO date, whichever way it was typed', () => {
    expect(parseForm(schema, { birthDate: '4.5.2017' }, labels, 'de')).toEqual({ ok: true, value: { birthDate: '2017-05-04' } });
    expect(parseForm(schema, { birthDate: '2017-05-04' }, labels, 'de')).toEqual({ ok: true, value: { birthDate: '2017-05-04' } });
  });

  it('names the problem in the error summary and keeps what was typed', () => {
    const result = parseForm(schema, { birthDate: '31.02.2017' }, labels, 'de');
    expect(result).toEqual({
      ok: false,
      errors: { birthDate: '„Geburtsdatum“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.' },
      values: { birthDate: '31.02.2017' },
    });
    const far = parseForm(schema, { birthDate: '01.01.3017' }, labels, 'de');
    expect(far.ok ? {} : far.errors).toEqual({ birthDate: '„Geburtsdatum“: Das Jahr muss zwischen 1900 und 2100 liegen.' });
    const word = parseForm(schema, { birthDate: 'gestern' }, labels, 'de');
    expect(word.ok ? {} : word.errors).toEqual({ birthDate: civilDateError('format', 'Geburtsdatum', 'de') });
    const missing = parseForm(schema, {}, labels, 'de');
    expect(missing.ok ? {} : missing.errors).toEqual({ birthDate: 'Füllen Sie das Feld „Geburtsdatum“ aus.' });
  });
});

it('shows a stored date as TT.MM.JJJJ and anything else as typed', () => {
  expect(showCivilDate('2017-05-04')).toBe('04.05.2017');
  expect(showCivilDate('31.02.2017')).toBe('31.02.2017');
  expect(showCivilDate('')).toBe('');
});

describe('isCivilDate, for dates in addresses and feeds', () => {
  it('refuses days that do not exist, far years and other shapes', () => {
    for (const value of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '9999-12-31',
      '0001-01-01',
      '1899-12-31',
      '+10000-01-01',
      '2026-1-1',
      ' 2026-01-01',
      '2026-01-01T00:00',
      '',
    ]) {
      expect([value, isCivilDate(value)]).toEqual([value, false]);
    }
    expect(isCivilDate('2028-02-29')).toBe(true);
  });
});
