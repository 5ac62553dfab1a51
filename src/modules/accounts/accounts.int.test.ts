import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { cookieNames } from '../../platform/http/context.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const sessionCookie = () => cookieNames(t.deps.config).session;

async function lastMailTo(email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at', 'desc').executeTakeFirst();
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in mail:\n${text}`);
  return `${path}?token=${match[1]}`;
}

describe('registration and email confirmation', () => {
  it('registers, mails a confirmation link, confirms and then logs in', async () => {
    const v = visitor();
    const email = 'neu.anmeldung@example.org';
    const res = await v.submit('/registrieren', '/registrieren', { displayName: 'Mia', email, password: 'Sonnenblumen am Kanal', privacy: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/registrieren/bestaetigen');

    const mail = await lastMailTo(email);
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail?.text_body).toContain('Guten Tag Mia');

    const before = await v.submit('/anmelden', '/anmelden', { email, password: 'Sonnenblumen am Kanal' });
    expect(before.statusCode).toBe(422);
    expect(before.body).toContain('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse');

    const confirmed = await v.get(linkIn(mail!.text_body, '/konto/bestaetigen'));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('E-Mail-Adresse bestätigt');

    const login = await v.submit('/anmelden', '/anmelden', { email, password: 'Sonnenblumen am Kanal' });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/konto');
    const account = await v.get('/konto');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('neu.anmeldung@example.org');
    expect(account.body).toContain('Datenschutzhinweise');
  });

  it('gives the same answer for an address that already has an account, and mails its owner instead', async () => {
    const existing = await createUser(t, { email: 'schon.da@example.org' });
    const res = await visitor().submit('/registrieren', '/registrieren', {
      displayName: 'X',
      email: existing.email,
      password: 'ein ganz anderes Passwort',
      privacy: 'ja',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/registrieren/bestaetigen');
    expect((await lastMailTo(existing.email))?.subject).toBe('Sie haben schon ein Konto');
    const users = await t.deps.db.selectFrom('users').select('id').where('email', '=', existing.email).execute();
    expect(users).toHaveLength(1);
  });

  it('refuses a common password and a short one with field errors, keeping the other values', async () => {
    const common = await visitor().submit('/registrieren', '/registrieren', {
      displayName: 'Ben',
      email: 'ben@example.org',
      password: 'password1',
      privacy: 'ja',
    });
    expect(common.statusCode).toBe(422);
    expect(common.body).toContain('<title>Fehler: ');
    expect(common.body).toContain('sehr verbreitet');
    expect(common.body).toContain('value="ben@example.org"');
    expect(common.body).toContain('href="#password"');

    const short = await visitor().submit('/registrieren', '/registrieren', { displayName: 'Ben', email: 'ben@example.org', password: 'kurz', privacy: 'ja' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('mindestens 8 Zeichen');
  });

  it('requires the privacy notice to be acknowledged and a valid email', async () => {
    const res = await visitor().submit('/registrieren', '/registrieren', { displayName: 'Ben', email: 'kein-at-zeichen', password: 'lange genug und selten' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#privacy"');
    expect(res.body).toContain('href="#email"');
    expect(res.body).toContain('Bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.');
  });

  it('rejects a confirmation link that is unknown', async () => {
    const res = await visitor().get('/konto/bestaetigen?token=ungueltigerTokenDerNichtExistiert123');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dieser Link gilt nicht mehr');
  });
});

describe('password login, sessions and logout', () => {
  it('says the same for a wrong password and an unknown address', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const wrong = await visitor().submit('/anmelden', '/anmelden', { email: user.email, password: 'falsches Passwort hier' });
    const unknown = await visitor().submit('/anmelden', '/anmelden', { email: 'niemand@example.org', password: 'falsches Passwort hier' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('E-Mail-Adresse oder Passwort ist falsch.');
      expect(res.body).toContain('data-error-summary');
    }
  });

  it('gives a new session id at login and ends the old session', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const v = visitor();
    await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier' });
    const first = v.cookies.get(sessionCookie());
    expect(first).toBeTruthy();
    await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier' });
    const second = v.cookies.get(sessionCookie());
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const stale = visitor();
    stale.cookies.set(sessionCookie(), first!);
    expect((await stale.get('/konto')).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const v = visitor();
    const res = await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier' });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${sessionCookie()}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('invalidates the session on the server at logout', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const v = visitor();
    await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier' });
    const token = v.cookies.get(sessionCookie())!;
    const out = await v.submit('/konto', '/abmelden', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/anmelden?hinweis=abgemeldet');

    const replay = visitor();
    replay.cookies.set(sessionCookie(), token);
    const res = await replay.get('/konto');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Bitte melden Sie sich an');
  });

  it('ends a session that was idle too long', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const v = visitor();
    await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier' });
    await t.deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 2 * 3_600_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await v.get('/konto')).statusCode).toBe(401);
  });

  it('sends a visitor back to where they were going after login', async () => {
    const user = await createUser(t, { password: 'richtiges Passwort hier' });
    const v = visitor();
    const res = await v.submit('/anmelden?zurueck=/konto/loeschen', '/anmelden', {
      email: user.email,
      password: 'richtiges Passwort hier',
      zurueck: '//evil.example/',
    });
    expect(res.headers.location).toBe('/');
    const ok = await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'richtiges Passwort hier', zurueck: '/konto/loeschen' });
    expect(ok.headers.location).toBe('/konto/loeschen');
  });
});

describe('one-time login link', () => {
  it('mails a link; opening it shows a button, pressing it logs in once', async () => {
    const user = await createUser(t);
    const v = visitor();
    const asked = await v.submit('/anmelden/link', '/anmelden/link', { email: user.email });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Wenn es ein Konto mit dieser E-Mail-Adresse gibt');

    const mail = await lastMailTo(user.email);
    expect(mail?.subject).toBe('Ihr Anmelde-Link');
    const url = linkIn(mail!.text_body, '/anmelden/link/einloesen');
    const token = new URL(url, 'http://x').searchParams.get('token')!;

    const page = await v.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jetzt anmelden');
    const again = await v.get(url);
    expect(again.statusCode).toBe(200);

    const used = await v.submit(url, '/anmelden/link/einloesen', { token });
    expect(used.statusCode).toBe(303);
    expect((await v.get('/konto')).statusCode).toBe(200);

    const reuse = await visitor().submit('/anmelden', '/anmelden/link/einloesen', { token });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.body).toContain('abgelaufen oder wurde schon benutzt');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = await t.deps.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await visitor().submit('/anmelden/link', '/anmelden/link', { email: 'unbekannt@example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Wenn es ein Konto mit dieser E-Mail-Adresse gibt');
    await t.runJobs();
    const after = await t.deps.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('forgotten password', () => {
  it('resets the password with the mailed link, ends all sessions and the new password works', async () => {
    const user = await createUser(t, { password: 'altes langes Passwort' });
    const loggedIn = visitor();
    await loggedIn.submit('/anmelden', '/anmelden', { email: user.email, password: 'altes langes Passwort' });
    expect((await loggedIn.get('/konto')).statusCode).toBe(200);

    const v = visitor();
    await v.submit('/passwort-vergessen', '/passwort-vergessen', { email: user.email });
    const mail = await lastMailTo(user.email);
    expect(mail?.subject).toBe('Neues Passwort festlegen');
    const url = linkIn(mail!.text_body, '/passwort-neu');
    const token = new URL(url, 'http://x').searchParams.get('token')!;

    const weak = await v.submit(url, '/passwort-neu', { token, password: '12345678' });
    expect(weak.statusCode).toBe(422);
    const done = await v.submit(url, '/passwort-neu', { token, password: 'neues langes Passwort' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/anmelden?hinweis=passwort');

    expect((await loggedIn.get('/konto')).statusCode).toBe(401);
    const oldLogin = await visitor().submit('/anmelden', '/anmelden', { email: user.email, password: 'altes langes Passwort' });
    expect(oldLogin.statusCode).toBe(422);
    const newLogin = await visitor().submit('/anmelden', '/anmelden', { email: user.email, password: 'neues langes Passwort' });
    expect(newLogin.statusCode).toBe(303);
    expect((await lastMailTo(user.email))?.subject).toBe('Ihr Passwort wurde geändert');
  });
});

describe('rate limits', () => {
  it('answers 429 in German after too many login attempts for one address from one source', async () => {
    const user = await createUser(t);
    const v = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < t.deps.config.rateLimitMax + 1; i++) {
      statuses.push((await v.submit('/anmelden', '/anmelden', { email: user.email, password: `falsch ${i} Versuch` })).statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true);
    const last = await v.submit('/anmelden', '/anmelden', { email: user.email, password: 'auch falsch jetzt' });
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.body).toContain('Zu viele Versuche');
  });
});

describe('CSRF', () => {
  it('refuses a form post without a valid token with 403', async () => {
    const v = visitor();
    await v.get('/anmelden');
    const res = await v.post('/anmelden', { email: 'a@example.org', password: 'irgendwas langes' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formular abgelaufen');
    const forged = await v.post('/anmelden', { _csrf: 'gefälscht', email: 'a@example.org', password: 'irgendwas langes' });
    expect(forged.statusCode).toBe(403);
  });
});
