import { dateFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { toLocal, zone } from '../../../platform/time/berlin.js';
import { eventsMessages } from '../events.messages.js';
import type { RecurrenceRule } from '../recurrence.js';

/** Dates and times as people in Germany read them, always in Berlin time. */

const formatter = (locale: Locale, options: Intl.DateTimeFormatOptions) => dateFormat(intlLocale[locale], { timeZone: zone, ...options });

/** "Samstag, 28. November 2026" for a local date. */
export function longDate(date: string, locale: Locale): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** "28.11.2026". */
export function shortDate(date: string, locale: Locale): string {
  return formatter(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** "November 2026" for 'YYYY-MM'. */
export function monthName(month: string, locale: Locale): string {
  return formatter(locale, { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
}

export const weekdayShort = (locale: Locale, isoDay: number) => formatter(locale, { weekday: 'short' }).format(new Date(Date.UTC(2024, 0, isoDay, 12)));
export const weekdayLong = (locale: Locale, isoDay: number) => formatter(locale, { weekday: 'long' }).format(new Date(Date.UTC(2024, 0, isoDay, 12)));

/** The time part of an occurrence: "10:00 bis 12:00 Uhr", "ganztägig", or with dates when it spans days. */
export function timeRange(o: { start: Date; end: Date | null; allDay: boolean }, locale: Locale): string {
  const t = eventsMessages(locale);
  const s = toLocal(o.start);
  if (o.allDay) {
    const lastDay = o.end ? toLocal(new Date(o.end.getTime() - 1)).date : s.date;
    return lastDay === s.date ? t('occ.allDay') : `${t('occ.allDay')}, ${t('occ.until')} ${longDate(lastDay, locale)}`;
  }
  if (!o.end) return t('occ.timeStart', { start: s.time });
  const e = toLocal(o.end);
  if (e.date !== s.date) return t('occ.time', { start: s.time, end: `${longDate(e.date, locale)}, ${e.time}` });
  return t('occ.time', { start: s.time, end: e.time });
}

/** "10:00 bis 12:00 Uhr am Samstag, 28. November 2026". */
export function whenText(o: { start: Date; end: Date | null; allDay: boolean }, locale: Locale): string {
  return `${longDate(toLocal(o.start).date, locale)}, ${timeRange(o, locale)}`;
}

/** "wöchentlich am Samstag, bis 24.12.2026". */
export function ruleText(rule: RecurrenceRule, locale: Locale): string {
  const t = eventsMessages(locale);
  const n = rule.interval;
  const base =
    rule.freq === 'daily'
      ? n > 1
        ? t('rule.dailyN', { n })
        : t('rule.daily')
      : rule.freq === 'weekly'
        ? n > 1
          ? t('rule.weeklyN', { n })
          : t('rule.weekly')
        : n > 1
          ? t('rule.monthlyN', { n })
          : t('rule.monthly');
  const parts = [base];
  if (rule.freq === 'weekly' && rule.byWeekday.length)
    parts.push(
      t('rule.on', {
        days: [...rule.byWeekday]
          .sort()
          .map((d) => weekdayLong(locale, d))
          .join(', '),
      }),
    );
  if (rule.until) parts.push(t('rule.until', { date: shortDate(rule.until, locale) }));
  if (rule.count) parts.push(t('rule.count', { count: rule.count }));
  return parts.join(', ');
}

/** "3 bis 6 Jahre", "ab 12 Jahren" or '' when open. */
export function ageText(min: number | null, max: number | null, locale: Locale): string {
  const t = eventsMessages(locale);
  if (min !== null && max !== null) return t('tag.age', { min, max });
  if (min !== null) return t('tag.ageFrom', { min });
  if (max !== null) return t('tag.ageTo', { max });
  return '';
}
