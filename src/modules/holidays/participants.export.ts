import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { csvDocument } from '../../platform/export/csv.js';
import { drawLine, embedUnicodeFonts, lineWidth } from './pdf-text.js';
import type { Locale } from '../../platform/i18n/i18n.js';
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

/** A4 landscape, one row per child, columns wrapped; title and date range on every page. Names in any script. */
export async function participantsPdf(title: string, subtitle: string, list: Participant[], locale: Locale): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(exportMessages(locale)('participants.title', { title }));
  pdf.setLanguage(locale);
  const headers = headersIn(locale);
  const row = rowIn(locale);
  const { regular: font, bold } = await embedUnicodeFonts(pdf);
  const widths = [110, 90, 40, 190, 200, 70, 60];
  const size = 9;
  const lineHeight = 12;
  let page = pdf.addPage([842, 595]);
  let y = 0;
  const startPage = () => {
    drawLine(page, title, { x: 40, y: 550, size: 14, font: bold });
    drawLine(page, subtitle, { x: 40, y: 532, size: 10, font });
    let x = 40;
    headers.forEach((h, i) => {
      drawLine(page, h, { x, y: 505, size, font: bold });
      x += widths[i] as number;
    });
    page.drawLine({ start: { x: 40, y: 500 }, end: { x: 802, y: 500 }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
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
    let x = 40;
    cells.forEach((lines, i) => {
      lines.forEach((line, k) => drawLine(page, line, { x, y: y - k * lineHeight, size, font }));
      x += widths[i] as number;
    });
    y -= height;
  }
  if (list.length === 0) drawLine(page, 'Noch keine Teilnehmenden.', { x: 40, y, size, font });
  return pdf.save();
}
