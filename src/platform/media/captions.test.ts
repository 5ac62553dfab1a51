import { describe, expect, it } from 'vitest';
import { testCaptions } from '../../../test/support/videos.js';
import { maxCaptionBytes, readCaptions } from './captions.js';

const problemOf = (bytes: Buffer) => {
  const read = readCaptions(bytes);
  return read.ok ? null : read.problem;
};

describe('readCaptions', () => {
  it('reads a WebVTT file in UTF-8, with or without byte-order mark and Windows line breaks', () => {
    expect(readCaptions(testCaptions('Schön, dass Sie da sind.'))).toEqual({
      ok: true,
      text: 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nSchön, dass Sie da sind.\n',
    });
    const windows = Buffer.from('\ufeffWEBVTT - Familienbüro\r\n\r\n01:02.500 --> 01:04.000 line:0\r\nHallo\r\n', 'utf8');
    expect(readCaptions(windows)).toEqual({ ok: true, text: 'WEBVTT - Familienbüro\n\n01:02.500 --> 01:04.000 line:0\nHallo\n' });
  });

  it('names what is wrong with a file that is no WebVTT', () => {
    expect(problemOf(Buffer.from('1\n00:00:00,000 --> 00:00:04,000\nSubRip\n'))).toBe('captions.header');
    expect(problemOf(Buffer.from('WEBVTTX\n\n00:00.000 --> 00:04.000\nText\n'))).toBe('captions.header');
    expect(problemOf(Buffer.from('WEBVTT\n\nNOTE nur eine Notiz\n'))).toBe('captions.cues');
    expect(problemOf(Buffer.from('WEBVTT\n\n00:00.000 --> 00:04.000\nGr\xfc\xdfe\n', 'latin1'))).toBe('captions.encoding');
    expect(problemOf(Buffer.from('WEBVTT\n\n00:00.000 --> 00:04.000\nA\0B\n'))).toBe('captions.encoding');
    expect(problemOf(Buffer.concat([testCaptions(), Buffer.alloc(maxCaptionBytes)]))).toBe('captions.size');
  });
});
