import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { cookieNames } from './context.js';

const t = useTestApp();
const csrfCookie = () => cookieNames(t.deps.config).csrf;

/** A login form post with a valid token, sent with the headers a browser would add. */
async function loginPost(headers: Record<string, string>) {
  const v = new Visitor(() => t.app);
  const token = csrfTokenOf((await v.get('/anmelden')).body);
  return t.app.inject({
    method: 'POST',
    url: '/anmelden',
    remoteAddress: v.ip,
    cookies: Object.fromEntries(v.cookies),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams({ _csrf: token, email: 'niemand@example.org', password: 'ein falsches Passwort' }).toString(),
  });
}

describe('forms of a signed-in person carry a token bound to the session', () => {
  it('refuses a token that belongs to another browser, even with that browser’s CSRF cookie planted', async () => {
    const attacker = new Visitor(() => t.app);
    const attackerToken = csrfTokenOf((await attacker.get('/anmelden')).body);
    const { visitor: victim } = await signedInVisitor(t);
    victim.cookies.set(csrfCookie(), attacker.cookies.get(csrfCookie())!);

    const forged = await victim.post('/konto/profil', { _csrf: attackerToken, displayName: 'Vom Angreifer', locale: 'de' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Formular abgelaufen');

    const own = await victim.submit('/konto', '/konto/profil', { displayName: 'Selbst geändert', locale: 'de' });
    expect(own.statusCode).toBe(303);
  });

  it('refuses a token from another session of the same browser', async () => {
    const { visitor } = await signedInVisitor(t);
    const before = csrfTokenOf((await visitor.get('/konto')).body);
    const { visitor: other } = await signedInVisitor(t);
    visitor.cookies.set(cookieNames(t.deps.config).session, other.cookies.get(cookieNames(t.deps.config).session)!);
    expect((await visitor.post('/konto/profil', { _csrf: before, displayName: 'Falsche Sitzung', locale: 'de' })).statusCode).toBe(403);
  });
});

describe('state-changing requests from other sites', () => {
  it('are refused with a German page, even with a valid token', async () => {
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://angreifer.example' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const res = await loginPost(headers);
      expect([headers, res.statusCode]).toEqual([headers, 403]);
      expect(res.body).toContain('Diese Anfrage kam von einer anderen Website');
    }
  });

  it('pass when the browser says they come from this site, or says nothing', async () => {
    const sameSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { origin: new URL(t.deps.config.publicUrl).origin },
      { origin: 'http://localhost:80' },
      {},
    ];
    for (const headers of sameSite) {
      const res = await loginPost(headers);
      expect([headers, res.statusCode]).toEqual([headers, 422]);
    }
  });

  it('answer the API with a stable code, while mail clients may still unsubscribe with one click', async () => {
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/befragungen/gibt-es-nicht/antworten',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ error: { code: 'cross_site' } });

    const oneClick = await t.app.inject({
      method: 'POST',
      url: '/infobrief/abmelden/ein-klick?token=unbekannt',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(400);
  });
});
