/** Caption files (WebVTT) beside a video: a few kilobytes of text; this is plenty. */
export const maxCaptionBytes = 512 * 1024;

export type CaptionsProblem = 'captions.size' | 'captions.encoding' | 'captions.header' | 'captions.cues';

const header = /^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/;
const timing = /(?:^|\n)[ \t]*(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}/;

/**
 * Reads a WebVTT file: UTF-8 (a byte-order mark is dropped), starting with "WEBVTT", with at least one
 * cue. Line breaks come back as "\n". A NUL character counts as broken encoding: no text column keeps it.
 */
export function readCaptions(bytes: Buffer): { ok: true; text: string } | { ok: false; problem: CaptionsProblem } {
  if (bytes.length > maxCaptionBytes) return { ok: false, problem: 'captions.size' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'captions.encoding' };
  }
  if (text.includes('\0')) return { ok: false, problem: 'captions.encoding' };
  text = text.replace(/\r\n?/g, '\n');
  if (!header.test(text)) return { ok: false, problem: 'captions.header' };
  if (!timing.test(text)) return { ok: false, problem: 'captions.cues' };
  return { ok: true, text };
}
