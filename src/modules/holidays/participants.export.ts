import { PDFDocument, type PDFFont, StandardFonts, rgb } from 'pdf-lib';
import type { Participant } from './provider.service.js';

/** Participant lists as CSV (Excel-friendly) and as a printable PDF with the standard fonts. */

const headers = ['Nachname', 'Vorname', 'Alter', 'Bedürfnisse', 'Notfallkontakt', 'Fotos erlaubt', 'Status'];
const row = (p: Participant) => [p.lastName, p.firstName, String(p.age), p.needs, p.contact, p.photoConsent ? 'ja' : 'nein', p.status === 'accepted' ? 'zugesagt' : 'angeboten'];

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ defused so spreadsheets never run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Semicolon-separated with a BOM, as German Excel expects. */
export function participantsCsv(list: Participant[]): string {
  const lines = [headers, ...list.map(row)].map((cells) => cells.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// The standard PDF fonts use WinAnsi: Latin-1 plus these characters from the 0x80–0x9F block.
const winAnsiExtra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Replaces characters the standard fonts cannot show (German umlauts and ß stay). */
export function winAnsi(text: string): string {
  return [...text.replace(/[\r\n\t]+/g, ' ')].map((ch) => {
    const code = ch.codePointAt(0) as number;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(ch) ? ch : '?';
  }).join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = winAnsi(text).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A4 landscape, one row per child, columns wrapped; title and date range on every page. */
export async function participantsPdf(title: string, subtitle: string, list: Participant[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(`Teilnehmende: ${title}`));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const widths = [110, 90, 40, 200, 200, 60, 60];
  const size = 9;
  const lineHeight = 12;
  let page = pdf.addPage([842, 595]);
  let y = 0;
  const startPage = () => {
    page.drawText(winAnsi(title), { x: 40, y: 550, size: 14, font: bold });
    page.drawText(winAnsi(subtitle), { x: 40, y: 532, size: 10, font });
    let x = 40;
    headers.forEach((h, i) => {
      page.drawText(winAnsi(h), { x, y: 505, size, font: bold });
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
      lines.forEach((line, k) => page.drawText(line, { x, y: y - k * lineHeight, size, font }));
      x += widths[i] as number;
    });
    y -= height;
  }
  if (list.length === 0) page.drawText('Noch keine Teilnehmenden.', { x: 40, y, size, font });
  return pdf.save();
}
