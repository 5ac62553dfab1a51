import { todayIn } from '../../platform/time/berlin.js';
import { dateFormat, intlLocale, type Locale, numberFormat } from '../../platform/i18n/i18n.js';

/** Formatting of civil dates, daily times and money for the holidays pages, mails and exports. */

const utcNoon = (day: string) => new Date(`${day}T12:00:00Z`);

/** "12. Juli 2027" for a civil date YYYY-MM-DD. */
export const civilDate = (day: string, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(utcNoon(day));

/** "12.–16. Juli 2027", or one date when both are the same. */
export const dateRange = (first: string, last: string, locale: Locale) =>
  first === last ? civilDate(first, locale) : dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).formatRange(utcNoon(first), utcNoon(last));

/** "08:30" for minutes after midnight. */
export const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "45,00 €" for integer cents. */
export const money = (cents: number, locale: Locale) => numberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** "07:30" → 450; null when not a time of day. */
export function parseClock(value: string): number | null {
  const m = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(value.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** "45,50" or "45" (euros) → 4550 cents; null when not an amount. */
export function parseEuros(value: string): number | null {
  const m = /^(\d{1,5})(?:[,.](\d{1,2}))?$/.exec(value.trim().replace(/\s*€$/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Today's civil date in Europe/Berlin (YYYY-MM-DD). */
export const todayInBerlin = (now = new Date()) => todayIn(now);
