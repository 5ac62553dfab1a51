import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { multipartBody, useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { createSubscriber } from '../../../test/support/newsletter.js';
import { signupLimits } from './subscriptions.service.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const db = () => t.deps.db;

async function mailsTo(email: string) {
  await t.runJobs();
  return db().selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}
const subscriberOf = (email: string) => db().selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
function confirmLink(text: string): string {
  const match = /https?:\/\/\S+(\/infobrief\/bestaetigen\?token=\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no confirmation link in:\n${text}`);
  return match[1];
}

describe('double opt-in', () => {
  it('signs up as pending, mails a link without advertising, and one GET confirms with the consent proof kept', async () => {
    const v = visitor();
    const email = 'Mutter.Beispiel@Example.org';
    const res = await v.submit('/infobrief', '/infobrief', { email, locale: 'de', topic_gesundheit: 'ja', district: 'Uentrop', consent: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/infobrief/danke');
    const pending = await subscriberOf('mutter.beispiel@example.org');
    expect(pending).toMatchObject({ status: 'pending', topics: ['gesundheit'], district: 'Uentrop', consent_version: '2026-11-v1', confirmed_at: null });
    expect(pending!.consent_text).toContain('Familieninfobrief');

    const [mail, ...more] = await mailsTo('mutter.beispiel@example.org');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung zum Familieninfobrief');
    expect(mail!.text_body).not.toMatch(/Veranstaltung|Angebot|Neuigkeit/);
    expect(mail!.text_body).toContain('den Familieninfobrief vom Familienrathaus Hamm');
    expect(mail!.text_body).toContain('Ihr Team vom Familienrathaus Hamm');
    expect(mail!.text_body).not.toContain('von Familienrathaus');
    const link = confirmLink(mail!.text_body);

    const first = await v.get(link);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Anmeldung bestätigt');
    const confirmed = await subscriberOf('mutter.beispiel@example.org');
    expect(confirmed!.status).toBe('confirmed');
    expect(confirmed!.confirmed_at).toBeInstanceOf(Date);
    expect(confirmed!.signed_up_at.getTime()).toBeLessThanOrEqual(confirmed!.confirmed_at!.getTime());

    // A double click (or a link scanner first) changes nothing and shows the same page.
    const second = await v.get(link);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Anmeldung bestätigt');
    expect((await subscriberOf('mutter.beispiel@example.org'))!.confirmed_at!.getTime()).toBe(confirmed!.confirmed_at!.getTime());
  });

  it('shows a clear page for a tampered or expired link and confirms nothing', async () => {
    const s = await createSubscriber(t, { status: 'pending' });
    const tampered = s.confirmToken().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const bad = await visitor().get(`/infobrief/bestaetigen?token=${encodeURIComponent(tampered)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Der Bestätigungs-Link ist ungültig');
    const expired = await visitor().get(`/infobrief/bestaetigen?token=${encodeURIComponent(s.confirmToken(new Date(Date.now() - 1000)))}`);
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('Der Bestätigungs-Link ist abgelaufen');
    const garbage = await visitor().get('/infobrief/bestaetigen?token=%3Cscript%3E');
    expect(garbage.statusCode).toBe(400);
    expect((await subscriberOf(s.email))!.status).toBe('pending');
  });

  it('answers the same for new, pending and confirmed addresses, and mails one address at most once per window', async () => {
    const known = await createSubscriber(t, { status: 'confirmed' });
    const answers = [];
    for (const email of ['ganz.neu@example.org', known.email, 'ganz.neu@example.org', known.email]) {
      const res = await visitor().submit('/infobrief', '/infobrief', { email, locale: 'de', consent: 'ja' });
      answers.push([res.statusCode, res.headers.location]);
    }
    expect(new Set(answers.map(String)).size).toBe(1);
    const toNew = await mailsTo('ganz.neu@example.org');
    expect(toNew).toHaveLength(1);
    const toKnown = await mailsTo(known.email);
    expect(toKnown).toHaveLength(1);
    expect(toKnown[0]!.subject).toBe('Sie sind schon für den Familieninfobrief angemeldet');
    // The confirmed subscription is untouched by the stranger's sign-up.
    expect((await subscriberOf(known.email))!.status).toBe('confirmed');

    // After the window, a repeated sign-up mails again (the same still-valid link).
    await db()
      .updateTable('newsletter_subscribers')
      .set({ confirmation_sent_at: sql`now() - interval '1 hour'` })
      .where('email', '=', 'ganz.neu@example.org')
      .execute();
    await visitor().submit('/infobrief', '/infobrief', { email: 'ganz.neu@example.org', locale: 'en', consent: 'ja' });
    const again = await mailsTo('ganz.neu@example.org');
    expect(again).toHaveLength(2);
    expect(again[1]!.subject).toBe('Please confirm your family newsletter subscription');
  });

  it('lets people choose the language of the mails apart from the page, and says the issues are German', async () => {
    const v = visitor();
    const german = await v.get('/infobrief');
    expect(german.body).toContain('Der Infobrief selbst erscheint auf Deutsch.');
    // The page's language is chosen unless the person picks another.
    expect(german.body).toMatch(/<option value="de" selected/);
    expect(german.body).toContain('<option value="uk">Українська</option>');
    await v.submit('/infobrief', '/infobrief', { email: 'ukrainian.reader@example.org', locale: 'uk', consent: 'ja' });
    expect(await subscriberOf('ukrainian.reader@example.org')).toMatchObject({ status: 'pending', locale: 'uk' });
    expect((await mailsTo('ukrainian.reader@example.org'))[0]!.subject, 'the mail speaks Ukrainian').toMatch(/^[^a-zA-Z]*[А-ЯІЇЄа-яіїє]/);
    await v.get('/sprache/en?zurueck=/infobrief');
    expect((await v.get('/infobrief')).body).toContain('The newsletter itself is written in German.');
    // A missing or forged locale is the page's language.
    const res = await v.submit('/infobrief', '/infobrief', { email: 'english.reader@example.org', locale: 'fr', consent: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(await subscriberOf('english.reader@example.org')).toMatchObject({ status: 'pending', locale: 'en' });
    expect((await mailsTo('english.reader@example.org'))[0]!.subject).toBe('Please confirm your family newsletter subscription');
  });

  it('re-renders the form with errors and kept values for a bad address or missing consent', async () => {
    const res = await visitor().submit('/infobrief', '/infobrief', { email: 'keine-adresse', locale: 'de', topic_freizeit: 'ja' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Fehler: ');
    expect(res.body).toContain('href="#email"');
    expect(res.body).toContain('Bestätigen Sie, dass Sie den Infobrief bekommen möchten.');
    expect(res.body).toContain('Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.');
    expect(res.body).toContain('value="keine-adresse"');
    expect(res.body).toMatch(/id="topic_freizeit" name="topic_freizeit" value="ja" checked/);
    expect(await subscriberOf('keine-adresse')).toBeUndefined();
  });

  it('limits sign-ups per address and per IP', async () => {
    const v = visitor();
    const statuses: number[] = [];
    for (let i = 0; i <= signupLimits.address.max; i++) {
      statuses.push((await v.submit('/infobrief', '/infobrief', { email: 'oft@example.org', locale: 'de', consent: 'ja' })).statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await mailsTo('oft@example.org')).toHaveLength(1);

    const sameIp = visitor();
    let last = 0;
    for (let i = 0; i < signupLimits.ip.max + 1; i++)
      last = (await sameIp.submit('/infobrief', '/infobrief', { email: `ip${i}@example.org`, locale: 'de', consent: 'ja' })).statusCode;
    expect(last).toBe(429);
  });

  it('purges unconfirmed sign-ups after 7 days but keeps confirmed ones', async () => {
    const old = await createSubscriber(t, { status: 'pending' });
    const fresh = await createSubscriber(t, { status: 'pending' });
    const oldConfirmed = await createSubscriber(t, { status: 'confirmed' });
    await db()
      .updateTable('newsletter_subscribers')
      .set({ signed_up_at: sql`now() - interval '8 days'` })
      .where('id', 'in', [old.id, oldConfirmed.id])
      .execute();
    await t.deps.jobs.send(db(), 'newsletter.purge-subscribers', {});
    await t.runJobs();
    expect(await subscriberOf(old.email)).toBeUndefined();
    expect(await subscriberOf(fresh.email)).toBeDefined();
    expect(await subscriberOf(oldConfirmed.email)).toBeDefined();
  });
});

describe('the footer box', () => {
  it('sits in the footer of every page as a labelled form that signs up like the full one', async () => {
    const v = visitor();
    await v.get('/sprache/en?zurueck=/');
    const footer = (page: string) => /<footer[\s\S]*<\/footer>/.exec(page)?.[0] ?? '';
    for (const path of ['/angebote', '/veranstaltungen']) expect(footer((await v.get(path)).body)).toContain('id="nl-box-email"');
    const html = footer((await v.get('/')).body);
    expect(html).toContain('<label class="kern-label" for="nl-box-email">Email address</label>');
    expect(html).toContain('<input type="hidden" name="locale" value="en"/>');
    const fields = Object.fromEntries([...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const res = await v.post('/infobrief', { ...fields, email: 'aus.dem.fuss@example.org', consent: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(await subscriberOf('aus.dem.fuss@example.org')).toMatchObject({ status: 'pending', locale: 'en' });
  });
});

describe('preferences and unsubscribing', () => {
  it('changes preferences through the personal link and refuses a tampered one', async () => {
    const s = await createSubscriber(t);
    const v = visitor();
    const page = await v.get(`/infobrief/einstellungen?token=${encodeURIComponent(s.manageToken)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.email);
    const saved = await v.submit(`/infobrief/einstellungen?token=${encodeURIComponent(s.manageToken)}`, '/infobrief/einstellungen', {
      token: s.manageToken,
      locale: 'en',
      topic_ferien: 'ja',
      district: 'Heessen',
    });
    expect(saved.statusCode).toBe(303);
    expect(await subscriberOf(s.email)).toMatchObject({ locale: 'en', topics: ['ferien'], district: 'Heessen' });
    const forged = await visitor().get(`/infobrief/einstellungen?token=${encodeURIComponent(s.manageToken.slice(0, -2) + 'xx')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.body).not.toContain(s.email);
  });

  it('unsubscribes in one step with the button, and the link is dead afterwards', async () => {
    const s = await createSubscriber(t);
    const v = visitor();
    const url = `/infobrief/abmelden?token=${encodeURIComponent(s.manageToken)}`;
    const res = await v.submit(url, '/infobrief/abmelden', { token: s.manageToken });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sie sind abgemeldet');
    expect(await subscriberOf(s.email)).toMatchObject({ status: 'unsubscribed', topics: [], district: null });
    expect((await v.get(url)).statusCode).toBe(400);
  });

  it('unsubscribes by RFC 8058 one-click POST without cookies or CSRF token, twice without error', async () => {
    const s = await createSubscriber(t);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/infobrief/abmelden/ein-klick?token=${encodeURIComponent(s.manageToken)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
    const first = await post();
    expect(first.statusCode).toBe(200);
    expect((await subscriberOf(s.email))!.status).toBe('unsubscribed');
    expect((await post()).statusCode).toBe(200);
    const opened = await visitor().get(`/infobrief/abmelden/ein-klick?token=${encodeURIComponent(s.manageToken)}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/infobrief/abmelden?token=${encodeURIComponent(s.manageToken)}`);
    // Some mail clients post multipart/form-data (RFC 8058 allows both encodings).
    const multi = await createSubscriber(t);
    const { body, contentType } = multipartBody({ 'List-Unsubscribe': 'One-Click' }, {});
    const viaMultipart = await t.app.inject({
      method: 'POST',
      url: `/infobrief/abmelden/ein-klick?token=${encodeURIComponent(multi.manageToken)}`,
      headers: { 'content-type': contentType },
      payload: body,
    });
    expect(viaMultipart.statusCode).toBe(200);
    expect((await subscriberOf(multi.email))!.status).toBe('unsubscribed');
    const other = await createSubscriber(t);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/infobrief/abmelden/ein-klick?token=kaputt',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await subscriberOf(other.email))!.status).toBe('confirmed');
  });

  it('lets an unsubscribed address subscribe again, pending until confirmed anew', async () => {
    const s = await createSubscriber(t, { status: 'unsubscribed' });
    // A fresh visitor: never one whose address an earlier test ran into the per-IP limit.
    const signup = await visitor().submit('/infobrief', '/infobrief', { email: s.email, locale: 'de', consent: 'ja' });
    expect(signup.statusCode, signup.body).toBe(303);
    expect((await subscriberOf(s.email))!.status).toBe('pending');
    const [mail] = await mailsTo(s.email);
    expect((await visitor().get(confirmLink(mail!.text_body))).statusCode).toBe(200);
    expect((await subscriberOf(s.email))!.status).toBe('confirmed');
  });

  it('exports and erases the subscription with the account of the same address', async () => {
    const user = await createUser(t, { email: 'konto.abo@example.org' });
    await createSubscriber(t, { email: 'konto.abo@example.org' });
    expect((await t.deps.privacy.exportFor(db(), user)).familieninfobrief).toEqual([
      expect.objectContaining({ email: 'konto.abo@example.org', status: 'confirmed', consent_version: 'test' }),
    ]);
    await db()
      .transaction()
      .execute((trx) => t.deps.privacy.erase(trx, user));
    expect(await subscriberOf('konto.abo@example.org')).toBeUndefined();
  });
});
