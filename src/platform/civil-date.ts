/*
 * Calendar dates ('YYYY-MM-DD') typed by people or put in addresses. Only years a family portal can
 * mean are accepted: far beyond them, date arithmetic leaves what Date and PostgreSQL can hold
 * (9999-12-31 plus a day is year 10000), and no event or holiday lies there anyway.
 */
export const earliestYear = 1900;
export const latestYear = 2200;

/** The date when it is a real day ('2026-02-29' is not) between 1900 and 2200, else null. */
export function parseCivilDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < earliestYear || year > latestYear) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : null;
}

export const isCivilDate = (value: string): boolean => parseCivilDate(value) !== null;
