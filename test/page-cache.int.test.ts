import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { useTestApp, Visitor } from './support/app.js';
import { destroyAllSessions } from '../src/platform/auth/sessions.js';
import { signedInVisitor } from './support/auth.js';
import { queriesOf } from './support/queries.js';
import { createNewsPost } from './support/newsletter.js';

const t = useTestApp();

describe('the page cache', () => {
  it('gives anonymous visitors the same page again, with every security header, and 304 when unchanged', async () => {
    const first = await new Visitor(() => t.app).get('/neuigkeiten');
    const second = await new Visitor(() => t.app).get('/neuigkeiten');
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    for (const res of [first, second]) {
      expect(res.headers['cache-control']).toBe('public, no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers.vary).toBe('Cookie, Accept-Language');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(second.headers.etag).toBe(first.headers.etag);
    const revalidated = await new Visitor(() => t.app).get('/neuigkeiten', { 'if-none-match': String(first.headers.etag) });
    expect([revalidated.statusCode, revalidated.body]).toEqual([304, '']);
  });

  it('shows a new news post on the very next request', async () => {
    await new Visitor(() => t.app).get('/neuigkeiten');
    await createNewsPost(t, { title: 'Neue Kita in Heessen eröffnet' });
    const next = await new Visitor(() => t.app).get('/neuigkeiten');
    expect(next.body).toContain('Neue Kita in Heessen eröffnet');
  });

  it('keeps languages apart', async () => {
    const german = await new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'de' });
    const turkish = await new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'tr' });
    expect(german.body).toContain('lang="de"');
    expect(turkish.body).toContain('lang="tr"');
    expect(turkish.headers['content-language']).toBe('tr');
  });

  it('never serves a signed-in page to others, nor a cached page to the signed-in', async () => {
    await new Visitor(() => t.app).get('/neuigkeiten'); // cached for anonymous visitors
    const { visitor } = await signedInVisitor(t, 'family');
    const mine = await visitor.get('/neuigkeiten');
    expect(mine.body).toContain('action="/abmelden"');
    expect(mine.headers['cache-control']).toBe('no-store');
    const anonymous = await new Visitor(() => t.app).get('/neuigkeiten');
    expect(anonymous.body).not.toContain('action="/abmelden"');
  });

  it('keeps no page that carries a form token', async () => {
    const visitor = new Visitor(() => t.app);
    const first = await visitor.get('/barriere-melden');
    const second = await new Visitor(() => t.app).get('/barriere-melden');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(second.body).not.toBe(first.body);
  });

  it('costs a cached page one query (the content version) and no session lookup', async () => {
    for (const path of ['/', '/neuigkeiten', '/infobrief/archiv', '/veranstaltungen', '/angebote']) {
      await new Visitor(() => t.app).get(path);
      const queries = await queriesOf(t, () => new Visitor(() => t.app).get(path));
      expect([path, queries.length, queries[0]]).toEqual([path, 1, expect.stringContaining('content_versions')]);
    }
  });

  it('renders a page in a fixed number of queries, none of them for a session', async () => {
    // Each page's count as measured today: a new query per page is a change someone should notice.
    const expected: Record<string, number> = { '/': 2, '/neuigkeiten': 3, '/infobrief/archiv': 2, '/veranstaltungen': 3, '/angebote': 3 };
    for (const [path, count] of Object.entries(expected)) {
      await createNewsPost(t); // a change, so the page is rendered again
      const queries = await queriesOf(t, () => new Visitor(() => t.app).get(path));
      expect([path, queries.length]).toEqual([path, count]);
      expect(queries.some((q) => q.includes('sessions'))).toBe(false);
    }
  });

  it('renders a page in Arabic in as many queries as in German while nothing is translated, and shows a translation at once', async () => {
    const post = await createNewsPost(t, { title: 'Sommerfest im Maxipark' });
    await new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'tr' }); // learns which languages have translations
    const arabic = await queriesOf(t, () => new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'ar' }));
    const german = await queriesOf(t, () => new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'de' }));
    expect(arabic.length).toBe(german.length);
    expect(arabic.some((q) => q.includes('content_translations'))).toBe(false);

    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const path = `/uebersetzungen/neuigkeit/${post.id}/ar`;
    const saved = await editor.submit(path, path, { title: 'احتفال صيفي في ماكسي بارك', teaser: 'الجميع مدعوون.', body: 'برنامج للأطفال.' });
    expect(saved.statusCode).toBe(303);
    const translated = await new Visitor(() => t.app).get('/neuigkeiten', { 'accept-language': 'ar' });
    expect(translated.body).toContain('احتفال صيفي في ماكسي بارك');
  });
});

describe('signed-in pages kept per session', () => {
  it('gives the same session its account page again for one query, and no one else', async () => {
    const anna = await signedInVisitor(t, 'family');
    const ben = await signedInVisitor(t, 'family');
    const first = await anna.visitor.get('/konto');
    const queries = await queriesOf(t, () => anna.visitor.get('/konto'));
    expect([queries.length, queries[0]]).toEqual([1, expect.stringContaining('private_versions')]);
    const second = await anna.visitor.get('/konto');
    expect(second.body).toBe(first.body);
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.headers.etag).toBeUndefined();
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");

    const bens = await ben.visitor.get('/konto');
    expect(bens.body).toContain(ben.user.display_name);
    expect(bens.body).not.toContain(anna.user.display_name);
  });

  it('shows a changed name and a new consent on the next request', async () => {
    const { visitor, user } = await signedInVisitor(t, 'family');
    await visitor.get('/konto');
    const saved = await visitor.submit('/konto', '/konto/profil', { displayName: 'Ayşe Yılmaz', locale: 'de' });
    expect(saved.statusCode).toBe(303);
    expect((await visitor.get('/konto')).body).toContain('Ayşe Yılmaz');

    await t.deps.db
      .insertInto('consents')
      .values({ user_id: user.id, purpose: 'newsletter', text_version: 'v-test', text: 'Ich möchte den Familieninfobrief bekommen.' })
      .execute();
    expect((await visitor.get('/konto')).body).toContain('Ich möchte den Familieninfobrief bekommen.');
  });

  it('never shows the kept page once the session has ended elsewhere', async () => {
    const { visitor, user } = await signedInVisitor(t, 'family');
    expect((await visitor.get('/konto')).statusCode).toBe(200);
    await destroyAllSessions(t.deps.db, user.id); // "sign out everywhere", from another device
    const after = await visitor.get('/konto');
    expect(after.statusCode).toBe(401);
    expect(after.body).not.toContain(user.display_name);
  });

  it('shuts the review queue at once for an editor who lost the role', async () => {
    const { visitor, user } = await signedInVisitor(t, 'editor');
    expect((await visitor.get('/verwaltung/pruefung')).statusCode).toBe(200);
    await t.deps.db.updateTable('users').set({ role: 'family' }).where('id', '=', user.id).execute();
    expect((await visitor.get('/verwaltung/pruefung')).statusCode).toBe(403);
  });
});

describe('two web processes on one database', () => {
  let other: FastifyInstance;
  beforeAll(async () => {
    // A second app with its own page cache on the same database, as a second process would have.
    other = await buildApp(t.deps, t.booted.modules);
    await other.ready();
  });
  afterAll(() => other.close());

  it('both show an editor’s change on their next request', async () => {
    const here = new Visitor(() => t.app);
    const there = new Visitor(() => other);
    await here.get('/neuigkeiten');
    await there.get('/neuigkeiten');
    await createNewsPost(t, { title: 'Familienfest im Maxipark' });
    expect((await here.get('/neuigkeiten')).body).toContain('Familienfest im Maxipark');
    expect((await there.get('/neuigkeiten')).body).toContain('Familienfest im Maxipark');
  });

  it('both end a session that was signed out in the other', async () => {
    // The same browser's requests land on either process.
    const { visitor: here, user } = await signedInVisitor(t, 'family');
    const there = new Visitor(() => other);
    for (const [name, value] of here.cookies) there.cookies.set(name, value);
    expect((await here.get('/konto')).body).toContain(user.display_name);
    expect((await there.get('/konto')).body).toContain(user.display_name);
    expect((await there.submit('/konto', '/abmelden', {})).statusCode).toBe(303);
    const after = await here.get('/konto'); // the old cookie, as a copy of it would be sent
    expect(after.statusCode).toBe(401);
    expect(after.body).not.toContain(user.display_name);
  });
});
