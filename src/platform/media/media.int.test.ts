import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { multipartBody, useTestApp, Visitor } from '../../../test/support/app.js';
import { testJpeg, testPng } from '../../../test/support/images.js';
import { imageFromForm, imagePath, maxImageBytes, storeImage, validateImage } from './media.js';
import { acceptMultipart } from './uploads.js';

const t = useTestApp();

async function formEcho() {
  const app = Fastify();
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = { id: 'someone', role: 'editor', email: 'redaktion@example.org', displayName: 'Redaktion' };
  });
  acceptMultipart(app, { limits: { files: 1, fields: 10, fieldBytes: 1024 }, who: () => true }, (uploads) =>
    uploads.post('/form', async (req) => {
      const image = imageFromForm(req.body, 'image');
      const fields = req.body as Record<string, unknown>;
      return { title: fields.title, tags: fields.tag, image: image ? { filename: image.filename, problem: validateImage(image) } : null };
    }),
  );
  return app;
}

async function post(files: Parameters<typeof multipartBody>[1], fields: Record<string, string | string[]> = { title: 'Sommerfest' }) {
  const app = await formEcho();
  const { body, contentType } = multipartBody(fields, files);
  const res = await app.inject({ method: 'POST', url: '/form', headers: { 'content-type': contentType }, payload: body });
  await app.close();
  return res.json();
}

describe('image uploads in forms', () => {
  it('gives the handler the text fields as strings and the file as an upload', async () => {
    expect(await post({ image: { filename: 'fest.png', content: testPng(), type: 'image/png' } }, { title: 'Sommerfest', tag: ['a', 'b'] })).toEqual({
      title: 'Sommerfest',
      tags: ['a', 'b'],
      image: { filename: 'fest.png', problem: null },
    });
  });

  it('treats an empty file input as no image', async () => {
    expect((await post({ image: { filename: '', content: Buffer.alloc(0) } })).image).toBeNull();
  });

  it('names the problem with a file that is no image or too large, whatever its name claims', async () => {
    expect((await post({ image: { filename: 'bild.jpg', content: Buffer.from('<svg/>'), type: 'image/jpeg' } })).image.problem).toBe('image.type');
    const huge = Buffer.concat([testPng(), Buffer.alloc(maxImageBytes)]);
    expect((await post({ image: { filename: 'gross.png', content: huge, type: 'image/png' } })).image.problem).toBe('image.size');
  });
});

describe('serving stored images', () => {
  it('serves the image without its metadata, cacheable and inert', async () => {
    const { id } = await storeImage(t.deps.db, { kind: 'upload', filename: 'foto.jpg', bytes: testJpeg(800, 600), tooLarge: false }, null);
    const res = await new Visitor(() => t.app).get(imagePath(id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.rawPayload.toString('latin1')).not.toContain('GPS');
    const row = await t.deps.db.selectFrom('media_images').select(['width', 'height']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ width: 800, height: 600 });
  });

  it('answers 404 for unknown or malformed ids', async () => {
    const v = new Visitor(() => t.app);
    expect((await v.get('/medien/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await v.get('/medien/../../etc/passwd')).statusCode).toBe(404);
    expect((await v.get('/medien/abc')).statusCode).toBe(404);
  });
});
