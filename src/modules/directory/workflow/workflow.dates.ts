/** Civil dates in Europe/Berlin for "last checked" and the reminder jobs (pure). */

import { todayIn } from '../../../platform/time/berlin.js';

/** The calendar date in Berlin at this instant, YYYY-MM-DD. */
export const berlinDate = (at: Date): string => todayIn(at);

/** The same day `months` months earlier; the 31st becomes the last day of a shorter month. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const daysBefore = (at: Date, days: number): Date => new Date(at.getTime() - days * 86_400_000);
