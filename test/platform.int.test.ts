import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requestContext } from '../src/platform/http/context.js';
import { versionReader } from '../src/platform/http/versions.js';
import { installErrorHandlers } from '../src/platform/http/error-handler.js';
import { registerSecurityHeaders } from '../src/platform/http/security.js';
import { registerHtmlReply } from '../src/platform/http/html-reply.js';
import { useTestApp, Visitor } from './support/app.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('portal shell', () => {
  it('shows the start page with the city, the navigation, search, skip link and footer', async () => {
    const res = await visitor().get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="de" dir="ltr"');
    expect(res.body).toContain('Familienrathaus Hamm');
    for (const label of ['Angebote', 'Veranstaltungen', 'Ferien', 'Infobrief', 'Neuigkeiten', 'Mitmachen', 'Netzwerk', 'Jugend &amp; Beruf', 'Arbeitgeber']) {
      expect(res.body).toContain(`>${label}</a>`);
    }
    expect(res.body).toContain('href="#inhalt"');
    expect(res.body).toContain('action="/suche"');
    for (const link of ['/impressum', '/datenschutz', '/barrierefreiheit', '/leichte-sprache', '/gebaerdensprache', '/barriere-melden?seite=%2F']) {
      expect(res.body).toContain(`href="${link}"`);
    }
  });

  it('references no other site from its pages', async () => {
    const res = await visitor().get('/');
    const own = t.deps.config.publicUrl;
    const external = [...res.body.matchAll(/(?:src|href)="((?:https?:)?\/\/[^"]+)"/g)].map((m) => m[1]!).filter((url) => !url.startsWith(`${own}/`));
    expect(external).toEqual([]);
  });

  it('switches to English and back, staying on the same page', async () => {
    const v = visitor();
    const switched = await v.get('/sprache/en?zurueck=%2Fanmelden');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/anmelden');
    const english = await v.get('/anmelden');
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('Log in');
    expect(english.body).toContain('href="/sprache/de?zurueck=%2Fanmelden"');
    await v.get('/sprache/de?zurueck=%2F');
    expect((await v.get('/')).body).toContain('Willkommen im Familienrathaus');
  });

  it('offers every language named in itself, in the header of every page', async () => {
    const res = await visitor().get('/veranstaltungen');
    for (const [code, name] of Object.entries({ de: 'Deutsch', en: 'English', tr: 'Türkçe', ar: 'العربية', uk: 'Українська', ru: 'Русский', pl: 'Polski' })) {
      expect(res.body).toMatch(new RegExp(`href="/sprache/${code}\\?zurueck=%2Fveranstaltungen"[^>]*lang="${code}"[^>]*>${name}</a>`));
    }
  });

  it('greets a first visit in the language of the browser, and the choice with the switch wins over it', async () => {
    const v = visitor();
    const turkish = await v.get('/', { 'accept-language': 'tr-TR,tr;q=0.9,de;q=0.8' });
    expect(turkish.body).toContain('<html lang="tr" dir="ltr"');
    expect(turkish.headers.vary).toContain('Accept-Language');
    expect((await v.get('/', { 'accept-language': 'fr-FR,ar;q=0.8,de;q=0.5' })).body).toContain('<html lang="ar" dir="rtl"');
    expect((await v.get('/', { 'accept-language': 'fr-FR,es;q=0.8' })).body).toContain('<html lang="de" dir="ltr"');
    await v.get('/sprache/uk?zurueck=%2F');
    expect((await v.get('/', { 'accept-language': 'tr' })).body).toContain('<html lang="uk"');
  });

  it('links each page to itself in every language (hreflang), and such a link shows that language', async () => {
    const res = await visitor().get('/angebote?q=kita');
    const origin = t.deps.config.publicUrl;
    for (const code of ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl']) {
      expect(res.body).toContain(`<link rel="alternate" hreflang="${code}" href="${origin}/angebote?q=kita&lang=${code}"/>`);
    }
    expect(res.body).toContain(`<link rel="alternate" hreflang="x-default" href="${origin}/angebote?q=kita"/>`);
    const polish = await visitor().get('/angebote?q=kita&lang=pl');
    expect(polish.body).toContain('<html lang="pl"');
  });

  it('never redirects to another site after switching language', async () => {
    for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await visitor().get(`/sprache/en?zurueck=${encodeURIComponent(target)}`);
      expect(res.headers.location).toBe('/');
    }
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document and a local docs page', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/konto']));
    const docs = await visitor().get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/v1/konto');
  });
});

describe('security headers and error pages', () => {
  it('are sent on pages, the 404 page and API answers', async () => {
    const page = await visitor().get('/');
    expectSecurityHeaders(page.headers);
    const missing = await visitor().get('/gibt-es-nicht');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Seite nicht gefunden');
    expect(missing.body).toContain('id="inhalt"');
    expectSecurityHeaders(missing.headers);
    const api = await visitor().get('/api/v1/gibt-es-nicht');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'Seite nicht gefunden' } });
    expectSecurityHeaders(api.headers);
  });

  it('shows a 500 page in the layout without any internal detail', async () => {
    const app = Fastify({ logger: false });
    registerSecurityHeaders(app, t.deps.config);
    await app.register(formbody);
    registerHtmlReply(app);
    await app.register(requestContext, { config: t.deps.config, db: t.deps.db, versions: versionReader(t.deps.db) });
    installErrorHandlers(app, t.deps.city);
    app.get('/kaputt', async () => {
      throw new Error('geheimes Detail aus der Datenbank');
    });
    app.get('/api/kaputt', async () => {
      throw new Error('geheimes Detail aus der Datenbank');
    });
    const page = await app.inject('/kaputt');
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Ein Fehler ist aufgetreten');
    expect(page.body).not.toContain('geheimes Detail');
    expect(page.body).not.toMatch(/at .*\.ts:\d+/);
    expectSecurityHeaders(page.headers);
    const api = await app.inject('/api/kaputt');
    expect(api.statusCode).toBe(500);
    expect(api.json()).toEqual({ error: { code: 'internal', message: 'Ein Fehler ist aufgetreten' } });
    await app.close();
  });
});

describe('mail and jobs', () => {
  it('puts mail into the outbox and an .eml file, with a plain-text part', async () => {
    await t.deps.db
      .transaction()
      .execute((trx) => t.deps.mail.enqueue(trx, { to: 'outbox@example.org', subject: 'Probe', text: 'Nur Text', html: '<p>HTML</p>' }));
    await t.runJobs();
    const row = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', 'outbox@example.org').executeTakeFirstOrThrow();
    expect(row.text_body).toBe('Nur Text');
    const file = path.join(t.deps.config.dataDir, 'outbox', `${row.id}.eml`);
    expect(existsSync(file)).toBe(true);
    const eml = readFileSync(file, 'utf8');
    expect(eml).toContain('Subject: Probe');
    expect(eml).toContain('Content-Type: text/plain');
    expect(eml).toContain('Content-Type: text/html');
  });

  it('never runs a job that was enqueued in a transaction that rolled back', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await t.deps.mail.enqueue(trx, { to: 'rollback@example.org', subject: 'Darf nie ankommen', text: 'x' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await t.runJobs();
    const rows = await t.deps.db.selectFrom('mail_outbox').select('id').where('recipient', '=', 'rollback@example.org').execute();
    expect(rows).toHaveLength(0);
  });
});
