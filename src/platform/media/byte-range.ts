/** The bytes `start` to `end` (both included) of a resource, as a Range header asks for them. */
export interface ByteRange {
  start: number;
  end: number;
}

const single = /^bytes=[ \t]*(\d{0,15})[ \t]*-[ \t]*(\d{0,15})[ \t]*$/i;

/**
 * Reads a Range header (RFC 9110, section 14) for a resource of `size` bytes. A video player asks for
 * one range at a time; several ranges, another unit or a malformed header give null, and the whole
 * resource is sent, as the RFC allows. 'unsatisfiable' is a range that starts beyond the end (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? single.exec(header) : null;
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // "bytes=-500": the last 500 bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
