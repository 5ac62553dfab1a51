import { describe, expect, it } from 'vitest';
import { personalAreas, shouldCache } from './cache-rules.js';

const origin = 'https://familien.example';
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${origin}${path}`, { headers });
const answer = (headers: Record<string, string>, status = 200) => new Response('…', { status, headers });
const publicAnswer = () => answer({ 'cache-control': 'public, max-age=86400' });

describe('what the service worker may keep', () => {
  it('keeps what the server declared public: assets, and the offline page in a language', () => {
    expect(shouldCache(get('/assets/kern/kern.min.css'), publicAnswer())).toBe(true);
    expect(shouldCache(get('/offline?lang=ar'), answer({ 'cache-control': 'public, no-cache' }))).toBe(true);
  });

  it('never keeps a page that says nothing, private or no-store (every page with a form or a person in it)', () => {
    expect(shouldCache(get('/veranstaltungen'), answer({}))).toBe(false);
    expect(shouldCache(get('/veranstaltungen'), answer({ 'cache-control': 'no-store' }))).toBe(false);
    expect(shouldCache(get('/veranstaltungen'), answer({ 'cache-control': 'private, max-age=60' }))).toBe(false);
    expect(shouldCache(get('/veranstaltungen'), answer({ 'cache-control': 'public, no-store' }))).toBe(false);
    expect(shouldCache(get('/veranstaltungen'), answer({ 'cache-control': 'max-age=3600' }))).toBe(false);
  });

  it('never keeps an answer that sets a cookie', () => {
    expect(shouldCache(get('/assets/app.css'), answer({ 'cache-control': 'public, max-age=60', 'set-cookie': 'frh_csrf=abc; Path=/' }))).toBe(false);
  });

  it.each(personalAreas.flatMap((area) => [area, `${area}/etwas`]))('never keeps anything under %s, even declared public', (path) => {
    expect(shouldCache(get(path), publicAnswer())).toBe(false);
  });

  it('tells a personal area from a path that only begins alike', () => {
    expect(shouldCache(get('/kontoauszug-hilfe'), publicAnswer())).toBe(true);
  });

  it('never keeps a POST answer, an answer to a signed request, or an address with a query (search terms, tokens)', () => {
    expect(shouldCache(new Request(`${origin}/infobrief`, { method: 'POST', body: 'email=a%40b.de' }), publicAnswer())).toBe(false);
    expect(shouldCache(get('/assets/app.css', { authorization: 'Bearer x' }), publicAnswer())).toBe(false);
    expect(shouldCache(get('/suche?q=kita'), publicAnswer())).toBe(false);
    expect(shouldCache(get('/infobrief/bestaetigen?token=geheim'), publicAnswer())).toBe(false);
    expect(shouldCache(get('/offline?lang=de&token=x'), publicAnswer())).toBe(false);
  });

  it('keeps only whole, direct answers: no errors, redirects or partial content', () => {
    expect(shouldCache(get('/assets/app.css'), answer({ 'cache-control': 'public' }, 404))).toBe(false);
    expect(shouldCache(get('/assets/app.css'), answer({ 'cache-control': 'public' }, 206))).toBe(false);
    const headers = new Headers({ 'cache-control': 'public' });
    expect(shouldCache(get('/assets/app.css'), { status: 200, type: 'basic', redirected: true, headers })).toBe(false);
    expect(shouldCache(get('/assets/app.css'), { status: 0, type: 'opaque', redirected: false, headers })).toBe(false);
  });
});
