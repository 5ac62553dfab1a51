import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { parseForm } from './forms.js';

const schema = Type.Object({
  firstName: Type.String({ minLength: 2, maxLength: 40 }),
  district: Type.Union([Type.Literal('mitte'), Type.Literal('heessen')]),
  email: Type.String({ format: 'email' }),
});
const labels = { firstName: 'Vorname', district: 'Stadtbezirk', email: 'E-Mail-Adresse' };

describe('parseForm words each problem as a whole sentence, whatever the label', () => {
  it('in German', () => {
    const missing = parseForm(schema, { email: 'kein-at' }, labels, 'de');
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.errors).toEqual({
      firstName: 'Füllen Sie das Feld „Vorname“ aus.',
      district: 'Wählen Sie bei „Stadtbezirk“ eine Antwort aus.',
      email: 'Prüfen Sie „E-Mail-Adresse“: Die Angabe hat nicht die erwartete Form.',
    });
    const long = parseForm(schema, { firstName: 'x'.repeat(41), district: 'mitte', email: 'a@b.de' }, labels, 'de');
    expect(long.ok ? {} : long.errors).toEqual({ firstName: '„Vorname“ darf höchstens 40 Zeichen lang sein.' });
  });

  it('with the field’s own sentences where the form gives them', () => {
    const own = {
      ...labels,
      firstName: { label: 'Vorname', required: 'Geben Sie Ihren Vornamen ein.' },
      email: { label: 'E-Mail-Adresse', format: 'Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.' },
    };
    const result = parseForm(schema, { email: 'kein-at', district: 'mitte' }, own, 'de');
    expect(result.ok ? {} : result.errors).toEqual({
      firstName: 'Geben Sie Ihren Vornamen ein.',
      email: 'Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.',
    });
    // A problem the form has no sentence for still gets the general one.
    const long = parseForm(schema, { firstName: 'x'.repeat(41), district: 'mitte', email: 'a@b.de' }, own, 'de');
    expect(long.ok ? {} : long.errors).toEqual({ firstName: '„Vorname“ darf höchstens 40 Zeichen lang sein.' });
  });

  it('in English, with the plural the number needs', () => {
    const short = parseForm(Type.Object({ code: Type.String({ minLength: 1, maxLength: 1 }) }), { code: 'ab' }, { code: 'Code' }, 'en');
    expect(short.ok ? {} : short.errors).toEqual({ code: '“Code” must be 1 character or fewer.' });
    const missing = parseForm(schema, { district: 'mitte', email: 'a@b.de' }, { ...labels, firstName: 'First name' }, 'en');
    expect(missing.ok ? {} : missing.errors).toEqual({ firstName: 'Fill in “First name”.' });
  });
});
