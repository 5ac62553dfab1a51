import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { testOdt } from '../../../test/support/documents.js';
import { extractDocumentText } from './text-extraction.js';

/** A PDF of `pages` pages, as pdf-lib writes it (compressed content streams, text as hex strings). */
async function generatedPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage();
    page.drawText(`Seite ${i}: Protokoll der Arbeitsgruppe`, { x: 40, y: 780, size: 12, font });
    page.drawText(i === pages ? 'Beschluss: Die Spielplätze bekommen Sonnensegel.' : `Punkt ${i} der Tagesordnung`, { x: 40, y: 760, size: 12, font });
  }
  return doc.save();
}

describe('reading a document’s text in a worker thread', () => {
  it('reads every page of a generated multi-page PDF, and OpenDocument', async () => {
    const result = await extractDocumentText('application/pdf', await generatedPdf(30));
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : '';
    expect(text).toContain('Seite 1: Protokoll der Arbeitsgruppe');
    expect(text).toContain('Seite 30: Protokoll der Arbeitsgruppe');
    expect(text).toContain('Beschluss: Die Spielplätze bekommen Sonnensegel.');
    expect(await extractDocumentText('application/vnd.oasis.opendocument.text', testOdt('Randzeitenbetreuung'))).toEqual({
      ok: true,
      text: 'Randzeitenbetreuung',
    });
  });

  it('stops a PDF that keeps the parser busy at the time limit, while this thread goes on', async () => {
    // Two million dictionary openings and no stream: the stream search starts over at each one.
    const hostile = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('<<'.repeat(2_000_000)), Buffer.from('\n%%EOF\n')]);
    const extraction = extractDocumentText('application/pdf', hostile, { timeoutMs: 1000, maxHeapMb: 64 });
    // The main thread is not blocked meanwhile: its own work comes first.
    const turn = new Promise((resolve) => setImmediate(() => resolve('this thread went on')));
    expect(await Promise.race([extraction, turn])).toBe('this thread went on');
    expect(await extraction).toEqual({ ok: false, reason: 'timeout' });
  });

  it('stops a PDF whose text outgrows the memory limit', async () => {
    const body = `BT ${'(Sonnensegel) Tj T* '.repeat(1_500_000)} ET`;
    const pdf = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n%%EOF\n`, 'latin1');
    expect(await extractDocumentText('application/pdf', pdf, { timeoutMs: 60_000, maxHeapMb: 16 })).toEqual({ ok: false, reason: 'memory' });
  });

  it('gives no text, and no error, for garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
    expect(await extractDocumentText('application/pdf', garbage)).toEqual({ ok: true, text: '' });
  });
});
