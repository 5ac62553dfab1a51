import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { DocumentType } from './document-format.js';

/**
 * The text of a document recognised by document-format.ts, for the full-text search: pure JavaScript
 * (fflate and Node's zlib), no poppler or LibreOffice. OpenDocument and Office Open XML are read from
 * their XML; a PDF from the text operators of its (Flate-compressed or plain) content streams, which
 * covers PDFs written with the standard fonts and simple encodings (not CID fonts without a ToUnicode
 * map). Images have no text. At most `maxTextLength` characters are kept: a 200-page report has about 600,000.
 */
export const maxTextLength = 1_000_000;

export function documentText(type: DocumentType, bytes: Buffer): string {
  try {
    const text =
      type === 'application/pdf'
        ? pdfText(bytes)
        : type.startsWith('image/')
          ? ''
          : type.startsWith('application/vnd.oasis.opendocument.')
            ? xmlText(zipParts(bytes, (name) => name === 'content.xml'))
            : xmlText(zipParts(bytes, (name) => officeTextPart.test(name)));
    return text
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
      .slice(0, maxTextLength);
  } catch {
    // A document whose text cannot be read is still a document: it is found by its title.
    return '';
  }
}

/** The parts of Word, PowerPoint and Excel files that hold their text. */
const officeTextPart = /^(word\/document\.xml|ppt\/slides\/slide\d+\.xml|xl\/sharedStrings\.xml)$/;

function zipParts(bytes: Buffer, wanted: (name: string) => boolean): string {
  const files = unzipSync(new Uint8Array(bytes), { filter: (file) => wanted(file.name) && file.originalSize < 50 * 1024 * 1024 });
  return Object.keys(files)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => strFromU8(files[name]!))
    .join('\n');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Paragraphs and cells become lines; tags go; entities are decoded. */
function xmlText(xml: string): string {
  return xml
    .replace(/<\/(text:p|text:h|w:p|a:p|si)>|<(text:line-break|w:br|text:tab|w:tab)\b[^>]*\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
    );
}

/** The most one compressed stream of a PDF may inflate to; what goes beyond is skipped. */
const maxInflatedStream = 32 * 1024 * 1024;

/** Text shown by the Tj, TJ, ' and " operators of every content stream. */
function pdfText(bytes: Buffer): string {
  const source = bytes.toString('latin1');
  const out: string[] = [];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(source); match; match = streamPattern.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const dict = match[1] ?? '';
    if (/\/Subtype\s*\/Image|\/Type\s*\/XObject/.test(dict) && !/\/Subtype\s*\/Form/.test(dict)) continue;
    let data = bytes.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        // A small stream may inflate to gigabytes (a "zip bomb"): one stream gives at most this much.
        data = inflateSync(data, { maxOutputLength: maxInflatedStream });
      } catch {
        continue;
      }
    } else if (/\/Filter/.test(dict)) continue;
    out.push(contentText(data.toString('latin1')));
    streamPattern.lastIndex = end;
  }
  return out.filter(Boolean).join('\n');
}

/** Reads the strings of text-showing operators in one content stream; BT … ET blocks become lines. */
function contentText(content: string): string {
  if (!/\bBT\b/.test(content)) return '';
  const lines: string[] = [];
  let line = '';
  const token = /\((?:\\[^]|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[(?:\((?:\\[^]|[^\\)])*\)|[^\]])*\]\s*TJ|\bET\b|\bT\*|\bTd\b|\bTD\b/g;
  for (let m = token.exec(content); m; m = token.exec(content)) {
    const t = m[0];
    if (t === 'ET' || t === 'T*' || t === 'Td' || t === 'TD') {
      if (line.trim()) lines.push(line.trim());
      line = '';
    } else if (t.startsWith('[')) {
      for (const part of t.matchAll(/\((?:\\[^]|[^\\)])*\)|<[0-9A-Fa-f\s]*>|-?\d+(?:\.\d+)?/g)) {
        if (part[0].startsWith('(')) line += pdfString(part[0]);
        else if (part[0].startsWith('<')) line += hexString(part[0]);
        else if (Number(part[0]) < -200) line += ' ';
      }
    } else {
      line += t.startsWith('<') ? hexString(t) : pdfString(t);
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join('\n');
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** A literal string "(…)" with its escapes, in WinAnsi (Latin-1 for the letters people write). */
function pdfString(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|[^])/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? (e === '\n' ? '' : e))));
}

/**
 * A hex string "<48616C6C6F>" (pdf-lib and many other writers show text this way), in WinAnsi. Two-byte
 * glyph ids of CID fonts decode to control characters: those strings say nothing readable and are left out.
 */
function hexString(literal: string): string {
  const digits = literal.slice(1, -1).replace(/\s+/g, '');
  const text = Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex').toString('latin1');
  return /[\x00-\x08\x0e-\x1f]/.test(text) ? '' : text;
}
