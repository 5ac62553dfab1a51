import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testDocx, testOdt, testPdf } from '../../../test/support/documents.js';
import { documentText } from './document-text.js';

describe('the text of a document, for the search', () => {
  it('reads OpenDocument, Word and PDF', () => {
    expect(documentText('application/vnd.oasis.opendocument.text', testOdt('Randzeitenbetreuung &amp; Tagespflege'))).toBe('Randzeitenbetreuung & Tagespflege');
    expect(documentText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', testDocx('Einladung zum Familientag'))).toBe(
      'Einladung zum Familientag',
    );
    expect(documentText('application/pdf', testPdf('Protokoll der Sitzung'))).toBe('Protokoll der Sitzung');
  });

  it('inflates compressed PDF content and reads TJ arrays, escapes and umlauts', () => {
    const content = Buffer.from('BT /F1 12 Tf 72 720 Td [(Sch) 10 (ulweg) -300 (f\\374r Kinder)] TJ ET BT 72 700 Td (\\(Entwurf\\)) Tj ET', 'latin1');
    const stream = deflateSync(content);
    const pdf = Buffer.concat([
      Buffer.from(`%PDF-1.5\n1 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      stream,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    expect(documentText('application/pdf', pdf)).toBe('Schulweg für Kinder\n(Entwurf)');
  });

  it('reads hex strings (as pdf-lib writes text) and leaves out two-byte glyph ids that are no text', () => {
    const content = 'BT /F1 12 Tf <537069656C706CE4747A65> Tj T* [<4B696E646572> -300 (garten)] TJ ET BT <0024004500460047> Tj ET';
    const pdf = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n%%EOF\n`, 'latin1');
    expect(documentText('application/pdf', pdf)).toBe('Spielplätze\nKinder garten');
  });

  it('gives nothing for images and broken files, without throwing', () => {
    expect(documentText('image/png', Buffer.from('x'))).toBe('');
    expect(documentText('application/vnd.oasis.opendocument.text', Buffer.from('PK\x03\x04 kaputt'))).toBe('');
  });
});
