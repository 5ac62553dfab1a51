import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';

// Small limits, so a test reaches them quickly: 3 failures per account and source, 6 per source, 8 per account.
const t = useTestApp({ RATE_LIMIT_AUTH_MAX: '3', RATE_LIMIT_AUTH_SOURCE_MAX: '6', RATE_LIMIT_AUTH_ACCOUNT_MAX: '8' });
const password = 'das richtige lange Passwort';
let sources = 0;
/** A visitor from an address of its own (TEST-NET-2), or from the address given. */
const from = (ip = `198.51.100.${++sources}`) => new Visitor(() => t.app, ip);
const login = (v: Visitor, email: string, pw: string) => v.submit('/anmelden', '/anmelden', { email, password: pw });
const wrongTimes = async (v: Visitor, email: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await login(v, email, `falsch geraten ${i}`)).statusCode);
  return statuses;
};

async function signInByLink(v: Visitor, email: string, pickMail: (links: string[]) => string = (links) => links.at(-1)!): Promise<number> {
  await t.runJobs();
  const mails = await t.deps.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('recipient', '=', email)
    .where('subject', '=', 'Ihr Anmelde-Link')
    .orderBy('created_at')
    .execute();
  const links = mails.map((m) => /\/anmelden\/link\/einloesen\?token=([A-Za-z0-9_%-]+)/.exec(m.text_body)![1]!);
  const token = decodeURIComponent(pickMail(links));
  const used = await v.submit(`/anmelden/link/einloesen?token=${encodeURIComponent(token)}`, '/anmelden/link/einloesen', { token });
  return used.statusCode;
}

describe('password guessing locks out the guesser, not the account (ASVS V6.3)', () => {
  it('refuses the source that guessed, even with the right password, while the owner signs in from another', async () => {
    const owner = await createUser(t, { password });
    const attacker = from();
    expect(await wrongTimes(attacker, owner.email, 3)).toEqual([422, 422, 422]);

    const refused = await login(attacker, owner.email, password);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toContain('Zu viele Versuche');
    expect(refused.body).toContain('href="/anmelden/link"');

    const home = from();
    expect((await login(home, owner.email, password)).statusCode).toBe(303);
    expect((await home.get('/konto')).statusCode).toBe(200);
  });

  it('lets the owner in by email link from the locked source, even when someone else asks for a link too', async () => {
    const owner = await createUser(t, { password });
    const shared = from();
    await wrongTimes(shared, owner.email, 3);
    expect((await login(shared, owner.email, password)).statusCode).toBe(429);

    expect((await shared.submit('/anmelden/link', '/anmelden/link', { email: owner.email })).statusCode).toBe(200);
    // Someone else asking for a link for the address afterwards must not spoil the owner's.
    expect((await from().submit('/anmelden/link', '/anmelden/link', { email: owner.email })).statusCode).toBe(200);
    expect(await signInByLink(shared, owner.email, (links) => links[0]!)).toBe(303);
    expect((await shared.get('/konto')).statusCode).toBe(200);
  });

  it('counts failures per source across accounts', async () => {
    const accounts = await Promise.all(Array.from({ length: 7 }, () => createUser(t, { password })));
    const sprayer = from();
    const statuses: number[] = [];
    for (const account of accounts) statuses.push((await login(sprayer, account.email, 'Sommer2026!')).statusCode);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 429]);
    // The seventh account itself is not locked: its owner still gets in.
    expect((await login(from(), accounts[6]!.email, password)).statusCode).toBe(303);
  });

  it('stops many sources at the much higher per-account ceiling, while the email link still works', async () => {
    const owner = await createUser(t, { password });
    const statuses = [
      ...(await wrongTimes(from(), owner.email, 3)),
      ...(await wrongTimes(from(), owner.email, 3)),
      ...(await wrongTimes(from(), owner.email, 3)),
    ];
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 422, 422, 429]);

    const home = from();
    expect((await login(home, owner.email, password)).statusCode).toBe(429);
    expect((await home.submit('/anmelden/link', '/anmelden/link', { email: owner.email })).statusCode).toBe(200);
    expect(await signInByLink(home, owner.email)).toBe(303);
    expect((await home.get('/konto')).statusCode).toBe(200);
  });

  it('forgets the failures from a source once the right password comes from it', async () => {
    const owner = await createUser(t, { password });
    const v = from();
    expect(await wrongTimes(v, owner.email, 2)).toEqual([422, 422]);
    expect((await login(v, owner.email, password)).statusCode).toBe(303);
    expect(await wrongTimes(v, owner.email, 4)).toEqual([422, 422, 422, 429]);
  });

  it('counts an IPv6 source by its /64 network, where one connection can pick any address', async () => {
    const owner = await createUser(t, { password });
    expect(await wrongTimes(from('2001:db8:7:1::a'), owner.email, 3)).toEqual([422, 422, 422]);
    expect((await login(from('2001:db8:7:1:ffff::b'), owner.email, password)).statusCode).toBe(429);
    expect((await login(from('2001:db8:7:2::a'), owner.email, password)).statusCode).toBe(303);
  });
});
