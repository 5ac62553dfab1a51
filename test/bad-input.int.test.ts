import { describe, expect, it } from 'vitest';
import { multipartBody, useTestApp, Visitor } from './support/app.js';
import { signedInVisitor } from './support/auth.js';
import { buildSurvey } from './support/survey.js';

/*
 * The defects of issue 11 (items 4 and 5): bad input answered with 500, and multipart bodies read
 * on every route. Each answer must be a 4xx with a clear message, or the input ignored.
 */
const t = useTestApp();

const expectClientError = (res: { statusCode: number; body: string }, what: string) =>
  expect(`${what}: ${res.statusCode >= 400 && res.statusCode < 500 ? '4xx' : res.statusCode}`).toBe(`${what}: 4xx`);

describe('a NUL byte in the address', () => {
  it('is refused with 400 and a plain-German page, or code bad_request under /api', async () => {
    const survey = await buildSurvey(t, { channels: ['Kita'] });
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const anonymous = new Visitor(() => t.app);
    for (const url of ['/angebote?q=%00', `/mitmachen/befragung/${survey.slug}?kanal=%00`, '/suche?q=a%00b']) {
      const res = await anonymous.get(url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.body).toContain('Steuerzeichen');
    }
    for (const url of ['/admin/benutzer?q=%00', '/admin/protokoll?aktion=%00']) expect([url, (await admin.get(url)).statusCode]).toEqual([url, 400]);
    for (const url of ['/api/hsds/services?search=%00', '/api/hsds/organizations?search=%00']) {
      const res = await anonymous.get(url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.code).toBe('bad_request');
    }
  });
});

describe('a NUL byte in a form', () => {
  it('is refused with 400 before anything is stored (news title and body)', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const fields = { title: 'Neuigkeit\u0000mit Null', teaser: 'Ein Kurztext, lang genug.', body: 'Text\u0000', publishedAt: '' };
    const res = await editor.submitMultipart('/verwaltung/neuigkeiten/neu', '/verwaltung/neuigkeiten/neu', fields);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Steuerzeichen');
    const urlencoded = await editor.submit('/konto', '/konto/profil', { displayName: 'Null\u0000Byte', locale: 'de' });
    expect(urlencoded.statusCode).toBe(400);
  });
});

describe('far-away dates in the calendar filters', () => {
  it('are dropped with a hint on the page and ignored in the feeds', async () => {
    const anonymous = new Visitor(() => t.app);
    for (const query of ['von=9999-12-31', 'bis=9999-12-31', 'von=0001-01-01', 'von=2026-01-01&bis=9999-12-31']) {
      for (const path of ['/veranstaltungen', '/veranstaltungen.ics', '/veranstaltungen.rss', '/veranstaltungen.atom']) {
        const res = await anonymous.get(`${path}?${query}`);
        expect([path, query, res.statusCode]).toEqual([path, query, 200]);
      }
    }
    const page = await anonymous.get('/veranstaltungen?von=9999-12-31');
    expect(page.body).toContain('9999-12-31');
  });
});

describe('a repeated parameter', () => {
  it('counts once, with its first value', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    for (const url of ['/admin/benutzer?q=1&q=2', '/admin/protokoll?aktion=1&aktion=2', '/veranstaltungen?von=2026-01-01&von=x', '/angebote?q=a&q=b']) {
      expect([url, (await admin.get(url)).statusCode]).toEqual([url, 200]);
    }
  });
});

describe('multipart bodies', () => {
  const post = (url: string, contentType: string, payload: Buffer | string, visitor = new Visitor(() => t.app)) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType },
      cookies: Object.fromEntries(visitor.cookies),
      payload,
      remoteAddress: visitor.ip,
    });

  it('malformed ones are refused with a 4xx, on a form route and on an upload route', async () => {
    const { body, contentType } = multipartBody({ page: '/', description: 'Etwas ist kaputt' }, {});
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const cases: [string, string, Buffer | string][] = [
      ['no boundary', 'multipart/form-data', body],
      ['wrong boundary', 'multipart/form-data; boundary=anders', body],
      ['truncated', contentType, body.subarray(0, body.length - 30)],
      ['garbage', contentType, 'kein multipart'],
    ];
    for (const url of ['/barriere-melden', '/verwaltung/neuigkeiten/neu']) {
      for (const [what, type, payload] of cases) expectClientError(await post(url, type, payload, editor), `${url}: ${what}`);
    }
  });

  it('are parsed only on upload routes, and only for people who may upload there', async () => {
    const { body, contentType } = multipartBody(
      { email: 'a@example.org', password: 'x'.repeat(20) },
      { image: { filename: 'a.png', content: Buffer.alloc(1024) } },
    );
    const login = await post('/anmelden', contentType, body);
    expect(login.statusCode).toBe(415);
    expect(login.body).toContain('Formular');
    expect((await post('/verwaltung/neuigkeiten/neu', contentType, body)).statusCode).toBe(401);
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await post('/verwaltung/neuigkeiten/neu', contentType, body, family)).statusCode).toBe(403);
  });

  it('bodies over the small default limit are refused with 413 outside the upload routes', async () => {
    const res = await post('/anmelden', 'application/x-www-form-urlencoded', `email=${'a'.repeat(300 * 1024)}`);
    expect(res.statusCode).toBe(413);
  });
});
