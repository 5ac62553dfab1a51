import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerHtmlReply } from './html-reply.js';

describe('reply.html', () => {
  it('sends a page in any script as UTF-8 with the exact length, from plain and async components', async () => {
    const app = Fastify({ logger: false });
    registerHtmlReply(app);
    const page = '<!doctype html><html lang="ar" dir="rtl"><p>مرحبا بكم في بيت العائلة — Yılmaz</p></html>';
    app.get('/plain', (_req, reply) => reply.html(page));
    app.get('/async', async (_req, reply) => reply.html(Promise.resolve(page)));
    for (const url of ['/plain', '/async']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toBe(page);
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(page, 'utf8'));
    }
    await app.close();
  });
});
