import { strToU8, zipSync } from 'fflate';

/** Small but well-formed documents for upload tests. */

/** A one-page PDF showing `text`. */
export function testPdf(text = 'Protokoll der Sitzung'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An OpenDocument text with one paragraph. */
export function testOdt(text = 'Konzeptskizze'): Buffer {
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(
        `<?xml version="1.0"?><office:document-content><office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
      ),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
    }),
  );
}

/** A Word document (Office Open XML) with one paragraph; `macro` adds a VBA project (a .docm). */
export function testDocx(text = 'Einladung', options: { macro?: boolean } = {}): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`),
      ...(options.macro ? { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) } : {}),
    }),
  );
}
