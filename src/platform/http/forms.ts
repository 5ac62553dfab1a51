import type { Static, TObject } from '@sinclair/typebox';
import { FormatRegistry, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { defineMessages, type Locale } from '../i18n/i18n.js';
import { civilDateError, isCivilDate, readCivilDate, type CivilDateProblem } from '../time/civil-date.js';
import { AppError, type FieldErrors } from './errors.js';
import { uuidPattern } from './ids.js';

// Deliberately loose: the confirmation mail is the real check of an address.
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => uuidPattern.test(value));
if (!FormatRegistry.Has('civil-date')) FormatRegistry.Set('civil-date', isCivilDate);
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));

// The label is quoted, so the sentence stays grammatical whatever the field is called
// ("Füllen Sie „Vorname“ aus." rather than "Geben Sie Vorname ein.").
const formMessages = defineMessages(
  'platform/http/forms',
  {
    required: 'Füllen Sie das Feld „{label}“ aus.',
    tooShort: '„{label}“ muss mindestens {limit} Zeichen lang sein.',
    tooLong: '„{label}“ darf höchstens {limit} Zeichen lang sein.',
    format: 'Prüfen Sie „{label}“: Die Angabe hat nicht die erwartete Form.',
    choice: 'Wählen Sie bei „{label}“ eine Antwort aus.',
  },
  {
    required: 'Fill in “{label}”.',
    tooShort: '“{label}” must be at least {limit, plural, one {# character} other {# characters}} long.',
    tooLong: '“{label}” must be {limit, plural, one {# character} other {# characters}} or fewer.',
    format: 'Check “{label}”: it is not in the expected form.',
    choice: 'Choose an answer for “{label}”.',
  },
);

/** A date field: typed as TT.MM.JJJJ (or ISO), handed to the route as "YYYY-MM-DD". */
export const CivilDate = () => Type.String({ format: 'civil-date' });

/**
 * How messages name a field: its label (quoted into a general sentence), or the field's own whole
 * sentences for the problems it can have — "Geben Sie Ihre E-Mail-Adresse ein." reads better, and
 * translates better, than any sentence built around a label.
 */
export type FieldWords = string | FieldSentences;
export interface FieldSentences {
  label: string;
  required?: string;
  format?: string;
  tooShort?: string;
  tooLong?: string;
  choice?: string;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Form fields arrive as strings (or missing, for unticked checkboxes); keep only the strings. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && key !== '_csrf') values[key] = value;
    }
  }
  return values;
}

/**
 * Checks a submitted form against the route's TypeBox schema and words each problem in German
 * (or English) with the field's label. Strings are trimmed; empty optional fields become absent;
 * `CivilDate()` fields are read as typed (TT.MM.JJJJ or ISO) and handed on as YYYY-MM-DD.
 */
export function parseForm<S extends TObject>(schema: S, body: unknown, labels: Record<string, FieldWords>, locale: Locale): FormResult<Static<S>> {
  const values = formValues(body);
  const candidate: Record<string, string> = {};
  const dateProblems = new Map<string, CivilDateProblem>();
  for (const [key, value] of Object.entries(values)) {
    if (!(key in schema.properties)) continue;
    const trimmed = key.toLowerCase().includes('password') ? value : value.trim();
    if (trimmed === '') continue;
    candidate[key] = trimmed;
    if ((schema.properties[key] as { format?: string }).format !== 'civil-date') continue;
    const reading = readCivilDate(trimmed);
    if (reading.ok) candidate[key] = reading.date;
    else dateProblems.set(key, reading.problem);
  }
  const submitted = new Map(Object.entries(candidate));
  if (Value.Check(schema, candidate)) return { ok: true, value: candidate };

  const t = formMessages(locale);
  const errors: FieldErrors = {};
  for (const error of Value.Errors(schema, candidate)) {
    // A missing required field is reported at its own path ("/email"), like every other error.
    const name = error.path.replace(/^\//, '').split('/')[0] || '_form';
    if (errors[name]) continue;
    const words = labels[name] ?? name;
    const label = typeof words === 'string' ? words : words.label;
    const own: Partial<FieldSentences> = typeof words === 'string' ? {} : words;
    const fieldSchema = schema.properties[name] as { minLength?: number; maxLength?: number; enum?: unknown[]; anyOf?: unknown[] } | undefined;
    const value = submitted.get(name);
    const dateProblem = dateProblems.get(name);
    if (dateProblem) errors[name] = civilDateError(dateProblem, label, locale);
    else if (value === undefined)
      errors[name] = fieldSchema?.anyOf || fieldSchema?.enum ? (own.choice ?? t('choice', { label })) : (own.required ?? t('required', { label }));
    else if (fieldSchema?.minLength !== undefined && value.length < fieldSchema.minLength)
      errors[name] = own.tooShort ?? t('tooShort', { label, limit: fieldSchema.minLength });
    else if (fieldSchema?.maxLength !== undefined && value.length > fieldSchema.maxLength)
      errors[name] = own.tooLong ?? t('tooLong', { label, limit: fieldSchema.maxLength });
    else errors[name] = fieldSchema?.anyOf || fieldSchema?.enum ? (own.choice ?? t('choice', { label })) : (own.format ?? t('format', { label }));
  }
  return { ok: false, errors, values };
}

/** Runs a service call for a form; a validation AppError with field errors comes back as errors to show in the form. */
export async function attempt<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors }> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields) return { ok: false, errors: error.details.fields };
    throw error;
  }
}
