/**
 * Recognises MP4 and WebM by their bytes (never by the file name or the browser's claim): the two
 * formats every current browser plays in a <video> element. Anything else, QuickTime .mov and
 * HEIC photos (which share MP4's box structure) included, is refused.
 */
export type VideoType = 'video/mp4' | 'video/webm';

/** The video's type, or null when the bytes are not a well-formed MP4 or WebM. */
export function videoTypeOf(bytes: Buffer): VideoType | null {
  try {
    if (bytes.toString('latin1', 4, 8) === 'ftyp') return isMp4(bytes) ? 'video/mp4' : null;
    if (bytes.subarray(0, 4).equals(ebmlMagic)) return isWebm(bytes) ? 'video/webm' : null;
  } catch {
    // A length pointing past the end: a cut-off or made-up file.
  }
  return null;
}

// --- MP4 (ISO base media file format) ---------------------------------------------------------

/** Major brands of MP4 video; "qt  " (QuickTime), "heic", "avif" and friends are not among them. */
const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'msdh', 'mmp4']);

/** The top-level boxes must follow each other to the last byte, starting with "ftyp", with a "moov" (the index) and an "mdat" (the media). */
function isMp4(bytes: Buffer): boolean {
  if (!mp4Brands.has(bytes.toString('latin1', 8, 12))) return false;
  const seen = new Set<string>();
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return false;
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return false;
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      size = Number(bytes.readBigUInt64BE(offset + 8));
    } else if (size === 0) {
      size = bytes.length - offset; // "to the end of the file"
    }
    if (size < 8 || offset + size > bytes.length) return false;
    seen.add(type);
    offset += size;
  }
  return seen.has('moov') && seen.has('mdat');
}

// --- WebM (Matroska with DocType "webm") ------------------------------------------------------

const ebmlMagic = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const docTypeId = 0x4282;
const segmentId = 0x18538067;

/** An EBML variable-length number: its length is the count of leading zero bits plus one. */
function vint(bytes: Buffer, offset: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = bytes[offset];
  if (first === undefined || first === 0) throw new RangeError('bad EBML number');
  const length = Math.clz32(first) - 23;
  if (offset + length > bytes.length) throw new RangeError('truncated EBML number');
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[offset + i]!;
    allOnes &&= bytes[offset + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** The EBML header says DocType "webm", and the Segment (the video itself) follows it. */
function isWebm(bytes: Buffer): boolean {
  const headerSize = vint(bytes, 4, false);
  if (headerSize.unknown) return false;
  const headerEnd = 4 + headerSize.length + headerSize.value;
  if (headerEnd > bytes.length) return false;
  let docType = '';
  for (let offset = 4 + headerSize.length; offset < headerEnd;) {
    const id = vint(bytes, offset, true);
    const size = vint(bytes, offset + id.length, false);
    const dataStart = offset + id.length + size.length;
    if (size.unknown || dataStart + size.value > headerEnd) return false;
    if (id.value === docTypeId) docType = bytes.toString('latin1', dataStart, dataStart + size.value).replace(/\0+$/, '');
    offset = dataStart + size.value;
  }
  return docType === 'webm' && headerEnd < bytes.length && vint(bytes, headerEnd, true).value === segmentId;
}
