import type { PDFFont } from 'pdf-lib';
import { csvDocument } from '../../platform/export/csv.js';
import { drawLine, embedUnicodeFonts, lineWidth } from './pdf-text.js';
import { textDirection, type Locale } from '../../platform/i18n/i18n.js';
import { exportMessages } from './exports.messages.js';
import type { Participant } from './provider.service.js';

/** Participant lists as CSV (Excel-friendly) and as a printable PDF (a Unicode font, see pdf-text.ts), in the exporter's language. */

const headerKeys = ['lastName', 'firstName', 'age', 'needs', 'contact', 'photos', 'status'] as const;
const headersIn = (locale: Locale) => headerKeys.map((key) => exportMessages(locale)(`participants.${key}`));
const rowIn = (locale: Locale) => {
  const t = exportMessages(locale);
  return (p: Participant) => [
    p.lastName,
    p.firstName,
    String(p.age),
    p.needs,
    p.contact,
    t(p.photoConsent ? 'participants.yes' : 'participants.no'),
    t(p.status === 'accepted' ? 'participants.accepted' : 'participants.offered'),
  ];
};

/** Semicolon-separated with a BOM, as German Excel expects (platform/export/csv.ts). */
export function participantsCsv(list: Participant[], locale: Locale): string {
  return csvDocument([headersIn(locale), ...list.map(rowIn(locale))]);
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.replace(/[\r\n\t]+/g, ' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (lineWidth(next, font, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A4 landscape, one row per child, columns wrapped; title and date range on every page. Names in any script; right to left in Arabic. */
export async function participantsPdf(title: string, subtitle: string, list: Participant[], locale: Locale): Promise<Uint8Array> {
  // Loaded when first needed: pdf-lib and fontkit cost a start ~0.4 s and ~40 MB that few processes ever use.
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const t = exportMessages(locale);
  pdf.setTitle(t('participants.title', { title }));
  pdf.setLanguage(locale);
  const headers = headersIn(locale);
  const row = rowIn(locale);
  const { regular: font, bold } = await embedUnicodeFonts(pdf);
  const widths = [110, 90, 40, 190, 200, 70, 60];
  const size = 9;
  const lineHeight = 12;
  const [left, right] = [40, 802];
  // Right to left, the first column stands at the right and each text ends at its column's right edge.
  const rtl = textDirection(locale) === 'rtl';
  const columnStart = widths.map((_, i) => {
    const before = widths.slice(0, i).reduce((sum, w) => sum + w, 0);
    return rtl ? right - before - (widths[i] as number) : left + before;
  });
  const draw = (text: string, at: { x: number; width: number; y: number; size: number; font: PDFFont }) =>
    drawLine(page, text, { ...at, x: rtl ? at.x + at.width - lineWidth(text, at.font, at.size) : at.x });
  const full = { x: left, width: right - left };
  let page = pdf.addPage([842, 595]);
  let y = 0;
  const startPage = () => {
    draw(title, { ...full, y: 550, size: 14, font: bold });
    draw(subtitle, { ...full, y: 532, size: 10, font });
    headers.forEach((h, i) => draw(h, { x: columnStart[i] as number, width: (widths[i] as number) - 6, y: 505, size, font: bold }));
    page.drawLine({ start: { x: left, y: 500 }, end: { x: right, y: 500 }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
    y = 486;
  };
  startPage();
  for (const p of list) {
    const cells = row(p).map((text, i) => wrap(text, font, size, (widths[i] as number) - 6));
    const height = Math.max(...cells.map((c) => c.length)) * lineHeight + 4;
    if (y - height < 40) {
      page = pdf.addPage([842, 595]);
      startPage();
    }
    cells.forEach((lines, i) => {
      const x = rtl ? (columnStart[i] as number) + 6 : (columnStart[i] as number);
      lines.forEach((line, k) => draw(line, { x, width: (widths[i] as number) - 6, y: y - k * lineHeight, size, font }));
    });
    y -= height;
  }
  if (list.length === 0) draw(t('participants.none'), { ...full, y, size, font });
  return pdf.save();
}
