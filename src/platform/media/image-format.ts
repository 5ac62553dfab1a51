/**
 * Recognises JPEG, PNG and WebP by their bytes (never by the file name or the browser's claim),
 * reads the size, and removes metadata: phone photos carry GPS positions, camera serials and
 * names in EXIF/XMP/IPTC. Only a JPEG's orientation survives, so photos are not shown sideways.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface CleanImage {
  type: ImageType;
  width: number;
  height: number;
  bytes: Buffer;
}

/** Returns the cleaned image, or null when the bytes are not a well-formed JPEG, PNG or WebP. */
export function cleanImage(bytes: Buffer): CleanImage | null {
  try {
    if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return cleanJpeg(bytes);
    if (bytes.subarray(0, 8).equals(pngSignature)) return cleanPng(bytes);
    if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return cleanWebp(bytes);
  } catch {
    // A truncated or malformed file reads past its end: it is not an image we accept.
  }
  return null;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readRange(bytes: Buffer, start: number, length: number): Buffer {
  if (start < 0 || length < 0 || start + length > bytes.length) throw new RangeError('truncated image');
  return bytes.subarray(start, start + length);
}

// --- JPEG -------------------------------------------------------------------------------------

const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function cleanJpeg(bytes: Buffer): CleanImage | null {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let width = 0;
  let height = 0;
  let orientation = 1;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xd9) break;
    const length = readRange(bytes, offset + 2, 2).readUInt16BE(0);
    const segment = readRange(bytes, offset, length + 2);
    if (marker === 0xda) {
      // Start of scan: the compressed data runs to the end; nothing after it carries metadata we read.
      kept.push(bytes.subarray(offset));
      offset = bytes.length;
      break;
    }
    if (startOfFrame.has(marker)) {
      height = segment.readUInt16BE(5);
      width = segment.readUInt16BE(7);
    }
    if (marker === 0xe1 && segment.toString('latin1', 4, 10) === 'Exif\0\0') orientation = exifOrientation(segment.subarray(10)) ?? orientation;
    const isMetadata =
      marker === 0xe1 || marker === 0xed || marker === 0xfe || (marker === 0xe2 && !segment.toString('latin1', 4, 16).startsWith('ICC_PROFILE'));
    if (!isMetadata) kept.push(segment);
    offset += length + 2;
  }
  if (!width || !height) return null;
  if (orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return { type: 'image/jpeg', width, height, bytes: Buffer.concat(kept) };
}

/** Orientation (tag 0x0112) from a TIFF structure inside EXIF, if present and sane. */
function exifOrientation(tiff: Buffer): number | null {
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? readRange(tiff, at, 2).readUInt16LE(0) : readRange(tiff, at, 2).readUInt16BE(0));
  const u32 = (at: number) => (little ? readRange(tiff, at, 4).readUInt32LE(0) : readRange(tiff, at, 4).readUInt32BE(0));
  const ifd = u32(4);
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** A minimal EXIF segment holding nothing but the orientation. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const header = Buffer.alloc(10);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(2 + 6 + tiff.length, 2);
  header.write('Exif\0\0', 4, 'latin1');
  return Buffer.concat([header, tiff]);
}

// --- PNG --------------------------------------------------------------------------------------

/** Chunks needed to show the image as intended; text, EXIF and time chunks are dropped. */
const pngKeep = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);

function cleanPng(bytes: Buffer): CleanImage | null {
  const kept: Buffer[] = [pngSignature];
  let offset = 8;
  let width = 0;
  let height = 0;
  let ended = false;
  while (offset < bytes.length && !ended) {
    const length = readRange(bytes, offset, 4).readUInt32BE(0);
    const type = readRange(bytes, offset + 4, 4).toString('latin1');
    const chunk = readRange(bytes, offset, length + 12);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(8);
      height = chunk.readUInt32BE(12);
    }
    if (pngKeep.has(type)) kept.push(chunk);
    ended = type === 'IEND';
    offset += length + 12;
  }
  if (!ended || !width || !height) return null;
  return { type: 'image/png', width, height, bytes: Buffer.concat(kept) };
}

// --- WebP -------------------------------------------------------------------------------------

function cleanWebp(bytes: Buffer): CleanImage | null {
  const kept: Buffer[] = [];
  let offset = 12;
  let width = 0;
  let height = 0;
  let extended: Buffer | null = null;
  const end = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  while (offset + 8 <= end) {
    const type = bytes.toString('latin1', offset, offset + 4);
    const size = readRange(bytes, offset + 4, 4).readUInt32LE(0);
    const chunk = Buffer.from(readRange(bytes, offset, 8 + size + (size % 2)));
    if (type === 'VP8X') {
      width = chunk.readUIntLE(12, 3) + 1;
      height = chunk.readUIntLE(15, 3) + 1;
      extended = chunk;
    } else if (type === 'VP8 ' && !width) {
      width = chunk.readUInt16LE(14) & 0x3fff;
      height = chunk.readUInt16LE(16) & 0x3fff;
    } else if (type === 'VP8L' && !width) {
      const bits = chunk.readUInt32LE(9);
      width = (bits & 0x3fff) + 1;
      height = ((bits >> 14) & 0x3fff) + 1;
    }
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(chunk);
    offset += 8 + size + (size % 2);
  }
  if (!width || !height) return null;
  // The extended header announces EXIF and XMP chunks; they are gone now.
  if (extended) extended[8] = extended[8]! & ~0x0c;
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { type: 'image/webp', width, height, bytes: Buffer.concat([header, body]) };
}
