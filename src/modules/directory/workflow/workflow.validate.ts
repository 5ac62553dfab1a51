import type { FieldErrors } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { workflowFieldMessages } from './workflow.fields.messages.js';

/** Submitted form fields, strings only (unticked checkboxes are missing). */
export type FormValues = Record<string, string>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()/\-–]{5,30}$/;

/** Keeps the strings of a parsed form body (repeated fields keep their first value). */
export function formStrings(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (key === '_csrf') continue;
      if (typeof value === 'string') values[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') values[key] = value[0];
    }
  }
  return values;
}

/** "12,50", "12.50", "12 €" → 12.5; undefined when it is not a plain amount with at most two decimals. */
export function parseEuros(input: string): number | undefined {
  const cleaned = input.replace(/\s|€|EUR/gi, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** "51,68" or "51.68" → 51.68 */
export function parseDecimal(input: string): number | undefined {
  const cleaned = input.trim().replace(',', '.');
  return /^-?\d{1,3}(\.\d{1,8})?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** Amount for a form field: 12.5 → "12,50" in German, "12.50" in English. */
export function formatEuros(amount: number, locale: Locale): string {
  const text = amount.toFixed(2);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/**
 * Reads and checks form fields one by one, collecting one German (or English) message per field.
 * Each check returns the clean value, or undefined when the field is empty or wrong.
 */
export class FormReader {
  readonly errors: FieldErrors = {};
  readonly t: ReturnType<typeof workflowFieldMessages>;

  constructor(
    readonly values: FormValues,
    readonly locale: Locale,
  ) {
    this.t = workflowFieldMessages(locale);
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(name: string, message: string): undefined {
    this.errors[name] ??= message;
    return undefined;
  }

  /** The trimmed value; line breaks as LF (browsers send a text area's line breaks as CR LF). */
  raw(name: string): string {
    return (this.values[name] ?? '').replace(/\r\n?/g, '\n').trim();
  }

  checked(name: string): boolean {
    return name in this.values && this.values[name] !== '';
  }

  /** Text up to `max` characters; `required` is the message shown when it is empty. */
  text(name: string, label: string, options: { required?: string; max?: number } = {}): string | undefined {
    const value = this.raw(name);
    if (!value) return options.required ? this.fail(name, options.required) : undefined;
    const max = options.max ?? 500;
    if (value.length > max) return this.fail(name, this.t('error.tooLong', { label, max }));
    return value;
  }

  email(name: string, label: string): string | undefined {
    const value = this.text(name, label, { max: 254 });
    if (value && !emailPattern.test(value)) return this.fail(name, this.t('error.email', { label }));
    return value;
  }

  /** A web address; "www.beispiel.de" becomes "https://www.beispiel.de". */
  url(name: string, label: string): string | undefined {
    const value = this.text(name, label, { max: 500 });
    if (!value) return undefined;
    const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const parsed = new URL(candidate);
      if (!parsed.hostname.includes('.') || /\s/.test(value)) throw new Error('no host');
      return parsed.toString();
    } catch {
      return this.fail(name, this.t('error.url', { label }));
    }
  }

  phone(name: string, label: string): string | undefined {
    const value = this.text(name, label, { max: 40 });
    if (value && (!phonePattern.test(value) || (value.match(/\d/g) ?? []).length < 5)) return this.fail(name, this.t('error.phone', { label }));
    return value;
  }

  integer(name: string, label: string, min: number, max: number): number | undefined {
    const value = this.raw(name);
    if (!value) return undefined;
    const n = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max)) return this.fail(name, this.t('error.integer', { label, min, max }));
    return n;
  }

  euros(name: string, label: string): number | undefined {
    const value = this.raw(name);
    if (!value) return undefined;
    const amount = parseEuros(value);
    if (amount === undefined || amount <= 0) return this.fail(name, this.t('error.euros', { label }));
    return amount;
  }

  decimal(name: string, label: string, min: number, max: number): number | undefined {
    const value = this.raw(name);
    if (!value) return undefined;
    const n = parseDecimal(value);
    if (n === undefined || n < min || n > max) return this.fail(name, this.t('error.decimal', { label, min, max }));
    return n;
  }

  /** One of the given options, or the `required` message. */
  choice(name: string, options: readonly string[], required: string): string | undefined {
    const value = this.raw(name);
    return options.includes(value) ? value : this.fail(name, required);
  }
}
