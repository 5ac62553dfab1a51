import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testDocx, testOdt, testPdf } from '../../../test/support/documents.js';
import { testJpeg, testPng } from '../../../test/support/images.js';
import { recogniseDocument } from './document-format.js';

describe('documents recognised by their bytes', () => {
  it('accepts PDF, Word, OpenDocument and images', () => {
    expect(recogniseDocument(testPdf())?.type).toBe('application/pdf');
    expect(recogniseDocument(testDocx())?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(recogniseDocument(testOdt())?.type).toBe('application/vnd.oasis.opendocument.text');
    expect(recogniseDocument(testPng())?.type).toBe('image/png');
  });

  it('keeps no photo metadata', () => {
    const jpeg = testJpeg(64, 48, 'GPS 51.6739N 7.8159E');
    const found = recogniseDocument(jpeg)!;
    expect(found.type).toBe('image/jpeg');
    expect(found.bytes.toString('latin1')).not.toContain('GPS 51.6739N');
  });

  it('refuses disguised, cut-off and macro files', () => {
    expect(recogniseDocument(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(recogniseDocument(Buffer.from('%PDF-1.4 cut off here'))).toBeNull();
    expect(recogniseDocument(testPdf().subarray(0, 200))).toBeNull();
    expect(recogniseDocument(testDocx('x', { macro: true }))).toBeNull();
    expect(recogniseDocument(testDocx().subarray(0, 60))).toBeNull();
    // A ZIP of anything else (a renamed archive) is not a document.
    expect(recogniseDocument(Buffer.from(zipSync({ 'evil.exe': strToU8('MZ') })))).toBeNull();
    // An OLE file (legacy .doc) is refused.
    expect(recogniseDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBeNull();
  });
});
