/**
 * CSV as German spreadsheets read it: semicolons, CRLF, a BOM so Excel takes UTF-8, RFC 4180
 * quoting. A cell starting with = + - @, a tab or a carriage return is what spreadsheets run as a
 * formula (CSV injection, OWASP): it gets an apostrophe first. The one place this rule lives.
 */

export type CsvValue = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text, never run. */
export function defuseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One cell: defused, then quoted where the format needs it (separator, quote, line break, edge spaces). */
export function csvCell(value: CsvValue): string {
  const text = defuseFormula(value === null || value === undefined ? '' : String(value));
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]): string => `${cells.map(csvCell).join(';')}\r\n`;

/** The byte-order mark that opens every file, so a streamed export can send it first. */
export const csvStart = '\uFEFF';

/** A whole file: BOM, then one line per row. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return csvStart + rows.map(csvLine).join('');
}
