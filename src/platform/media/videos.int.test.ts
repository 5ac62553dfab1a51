import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { testCaptions, testMp4, testWebm } from '../../../test/support/videos.js';
import { captionsPath, storeVideo, storeWithNewCaptions, videoPath } from './videos.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const upload = (bytes: Buffer) => ({ kind: 'upload' as const, filename: 'video', bytes, tooLarge: false });
// Larger than one slice the server reads at a time, so a response is put together from several.
const mp4 = testMp4(3 * 1024 * 1024 + 17);
let id = '';

beforeAll(async () => {
  id = (await storeVideo(t.deps.db, upload(mp4), testCaptions().toString('utf8'), null)).id;
});

describe('serving a stored video', () => {
  it('sends the whole video, says it takes range requests, cacheable and inert', async () => {
    const res = await visitor().get(videoPath(id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(mp4.length));
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.rawPayload.equals(mp4)).toBe(true);
  });

  it('answers a range request with 206 and exactly those bytes, so players can seek', async () => {
    const middle = await visitor().get(videoPath(id), { range: 'bytes=1048570-2097160' });
    expect(middle.statusCode).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1048570-2097160/${mp4.length}`);
    expect(middle.headers['content-length']).toBe('1048591');
    expect(middle.rawPayload.equals(mp4.subarray(1048570, 2097161))).toBe(true);

    const tail = await visitor().get(videoPath(id), { range: 'bytes=-100' });
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${mp4.length - 100}-${mp4.length - 1}/${mp4.length}`);
    expect(tail.rawPayload.equals(mp4.subarray(-100))).toBe(true);

    const open = await visitor().get(videoPath(id), { range: 'bytes=3145728-' });
    expect(open.statusCode).toBe(206);
    expect(open.rawPayload.equals(mp4.subarray(3145728))).toBe(true);
  });

  it('answers HEAD with the size and no body, as players ask before they fetch', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: videoPath(id) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(mp4.length));
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers a range beyond the end with 416 and the size', async () => {
    const res = await visitor().get(videoPath(id), { range: `bytes=${mp4.length}-` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${mp4.length}`);
  });

  it('serves WebM as WebM', async () => {
    const webm = await storeVideo(t.deps.db, upload(testWebm()), testCaptions().toString('utf8'), null);
    const res = await visitor().get(videoPath(webm.id), { range: 'bytes=0-3' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-type']).toBe('video/webm');
    expect(res.rawPayload).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  });
});

describe('serving captions', () => {
  it('sends the WebVTT text with its type, so the player shows it', async () => {
    const res = await visitor().get(captionsPath(id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.body).toBe(testCaptions().toString('utf8'));
  });

  it('gives new captions a new address and keeps the video bytes', async () => {
    const copy = await storeWithNewCaptions(t.deps.db, id, 'WEBVTT\n\n00:00.000 --> 00:01.000\nNeu\n', null);
    expect(copy.id).not.toBe(id);
    expect((await visitor().get(captionsPath(copy.id))).body).toContain('Neu');
    expect((await visitor().get(videoPath(copy.id))).rawPayload.equals(mp4)).toBe(true);
    expect((await visitor().get(captionsPath(id))).body).toContain('Willkommen');
  });
});

describe('unknown videos', () => {
  it('answer 404, whatever the id looks like', async () => {
    const v = visitor();
    for (const path of [
      '/medien/videos/00000000-0000-4000-8000-000000000000',
      '/medien/videos/abc',
      '/medien/videos/00000000-0000-4000-8000-000000000000/untertitel.vtt',
    ]) {
      expect((await v.get(path)).statusCode, path).toBe(404);
    }
  });
});
