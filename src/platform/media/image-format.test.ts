import { describe, expect, it } from 'vitest';
import { testJpeg, testPng } from '../../../test/support/images.js';
import { cleanImage } from './image-format.js';

describe('cleanImage', () => {
  it('reads a PNG by its bytes, keeps its size and drops text metadata', () => {
    const clean = cleanImage(testPng(4, 3, 'Erika Mustermann'))!;
    expect(clean).toMatchObject({ type: 'image/png', width: 4, height: 3 });
    expect(clean.bytes.toString('latin1')).not.toContain('Mustermann');
    expect(clean.bytes.toString('latin1')).toContain('IDAT');
  });

  it('removes EXIF location and comments from a JPEG but keeps its orientation', () => {
    const clean = cleanImage(testJpeg(640, 480))!;
    expect(clean).toMatchObject({ type: 'image/jpeg', width: 640, height: 480 });
    const text = clean.bytes.toString('latin1');
    expect(text).not.toContain('GPS');
    expect(text).toContain('Exif');
    const orientationAt = clean.bytes.indexOf(Buffer.from([0x01, 0x12, 0x00, 0x03]));
    expect(clean.bytes.readUInt16BE(orientationAt + 8)).toBe(6);
    expect(clean.bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('refuses what only pretends to be an image', () => {
    expect(cleanImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(cleanImage(Buffer.from('GIF89a'))).toBeNull();
    expect(cleanImage(testPng().subarray(0, 30))).toBeNull();
    expect(cleanImage(testJpeg().subarray(0, 20))).toBeNull();
  });

  it('reads a lossless WebP and drops its EXIF chunk', () => {
    const vp8l = Buffer.alloc(5);
    vp8l.writeUInt8(0x2f, 0);
    vp8l.writeUInt32LE((10 - 1) | ((20 - 1) << 14), 1);
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const body = Buffer.concat([chunk('VP8L', vp8l), chunk('EXIF', Buffer.from('GPS secret'))]);
    const riff = Buffer.alloc(12);
    riff.write('RIFF', 0, 'latin1');
    riff.writeUInt32LE(body.length + 4, 4);
    riff.write('WEBP', 8, 'latin1');
    const clean = cleanImage(Buffer.concat([riff, body]))!;
    expect(clean).toMatchObject({ type: 'image/webp', width: 10, height: 20 });
    expect(clean.bytes.toString('latin1')).not.toContain('GPS');
    expect(clean.bytes.readUInt32LE(4)).toBe(clean.bytes.length - 8);
  });
});
