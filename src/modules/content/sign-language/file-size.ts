import { intlLocale, numberFormat, type Locale } from '../../../platform/i18n/i18n.js';

/** "13 kB", "4,2 MB": a file's size as people read it, in their language. */
export function fileSize(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024);
  return numberFormat(intlLocale[locale], { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: megabytes ? 1 : 0 }).format(value);
}
