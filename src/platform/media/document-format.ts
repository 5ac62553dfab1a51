import { cleanImage } from './image-format.js';

/**
 * Recognises the documents people share in a working group by their bytes (never by the file name or
 * the browser's claim): PDF, Office Open XML (Word, Excel, PowerPoint), OpenDocument (text, spreadsheet,
 * presentation) and the images of image-format.ts (JPEG, PNG, WebP, stored without their metadata).
 * Legacy binary Office files (.doc, .xls, .ppt) are refused: they are where macros hide, and every
 * current office suite saves the XML formats.
 */
export type DocumentType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/vnd.oasis.opendocument.text'
  | 'application/vnd.oasis.opendocument.spreadsheet'
  | 'application/vnd.oasis.opendocument.presentation'
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp';

export const maxDocumentBytes = 25 * 1024 * 1024;

/** The file ending that goes with each type, for the name a download is saved under. */
export const documentExtension: Record<DocumentType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export interface RecognisedDocument {
  type: DocumentType;
  /** The bytes to store: as uploaded, or for an image without its metadata. */
  bytes: Buffer;
}

/** The document's type and the bytes to keep, or null when the bytes are none of the accepted formats. */
export function recogniseDocument(bytes: Buffer): RecognisedDocument | null {
  try {
    if (bytes.toString('latin1', 0, 5) === '%PDF-') return isPdf(bytes) ? { type: 'application/pdf', bytes } : null;
    if (bytes.toString('latin1', 0, 4) === 'PK\x03\x04') {
      const type = zipDocumentType(bytes);
      return type ? { type, bytes } : null;
    }
  } catch {
    // A length pointing past the end: a cut-off or made-up file.
    return null;
  }
  const image = cleanImage(bytes);
  return image ? { type: image.type, bytes: image.bytes } : null;
}

/** A PDF ends with "%%EOF" (perhaps followed by a line break or a little padding). */
function isPdf(bytes: Buffer): boolean {
  return bytes.toString('latin1', Math.max(0, bytes.length - 1024)).includes('%%EOF');
}

const odfTypes = new Set<DocumentType>([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Reads the ZIP's central directory: OpenDocument names its type in "mimetype", OOXML its parts in folders. */
function zipDocumentType(bytes: Buffer): DocumentType | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (names.includes('mimetype')) {
    // ODF: "mimetype" is the first entry, stored uncompressed, so its text follows its local header.
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    const size = bytes.readUInt32LE(18);
    const mime = bytes.toString('latin1', 30 + nameLength + extraLength, 30 + nameLength + extraLength + Math.min(size, 100));
    return odfTypes.has(mime as DocumentType) && bytes.toString('latin1', 30, 30 + nameLength) === 'mimetype' ? (mime as DocumentType) : null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  // Macro-enabled files (.docm, .xlsm, .pptm) carry a vbaProject part: refused.
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return null;
  if (names.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (names.includes('ppt/presentation.xml')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
}

/** The names in a ZIP's central directory, or null when there is none that fits the file. */
function zipEntryNames(bytes: Buffer): string[] | null {
  const searchFrom = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset + size > end || count === 0) return null;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
