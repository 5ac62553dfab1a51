import { describe, expect, it } from 'vitest';
import { testPng } from '../../../test/support/images.js';
import { testMp4, testWebm } from '../../../test/support/videos.js';
import { videoTypeOf } from './video-format.js';

describe('videoTypeOf', () => {
  it('recognises MP4 and WebM by their bytes', () => {
    expect(videoTypeOf(testMp4())).toBe('video/mp4');
    expect(videoTypeOf(testWebm())).toBe('video/webm');
  });

  it('refuses relatives that browsers do not play as video: QuickTime, HEIC photos, Matroska', () => {
    expect(videoTypeOf(testMp4(64, 'qt  '))).toBeNull();
    expect(videoTypeOf(testMp4(64, 'heic'))).toBeNull();
    expect(videoTypeOf(testWebm('matroska'))).toBeNull();
  });

  it('refuses cut-off files and what only pretends to be a video', () => {
    const mp4 = testMp4();
    expect(videoTypeOf(mp4.subarray(0, mp4.length - 1))).toBeNull();
    expect(videoTypeOf(Buffer.concat([mp4, Buffer.from('xyz')]))).toBeNull();
    expect(videoTypeOf(testWebm().subarray(0, 20))).toBeNull();
    expect(videoTypeOf(testPng())).toBeNull();
    expect(videoTypeOf(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(videoTypeOf(Buffer.alloc(0))).toBeNull();
    expect(videoTypeOf(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x00]))).toBeNull();
  });
});
