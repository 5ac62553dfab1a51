import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { easyLanguagePages } from './content.schemas.js';
import { seedContentPages } from './index.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const h1Of = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '';
const articleOf = (html: string) => /<article[^>]*>/.exec(html)?.[0] ?? '';

beforeAll(async () => {
  await seedContentPages(t.deps.db, t.deps.city);
});

describe('pages in Leichte Sprache', () => {
  it('are linked from the foot of every page, with KERN’s icons for Leichte Sprache and Gebärdensprache', async () => {
    for (const path of ['/', '/angebote', '/impressum', '/leichte-sprache/angebote']) {
      const res = await visitor().get(path);
      expect(res.body, path).toMatch(
        /<a class="kern-link" href="\/leichte-sprache"><span class="kern-icon kern-icon--easy-language" aria-hidden="true"><\/span><span class="icon-link__text">Leichte Sprache<\/span><\/a>/,
      );
      expect(res.body, path).toContain(
        '<span class="kern-icon kern-icon--sign-language" aria-hidden="true"></span><span class="icon-link__text">Gebärdensprache</span>',
      );
    }
  });

  it('has an overview that links every page in Leichte Sprache with its icon', async () => {
    const res = await visitor().get('/leichte-sprache');
    expect(res.statusCode).toBe(200);
    expect(articleOf(res.body)).toBe('<article class="content-page" lang="de">');
    expect(res.body).toContain('Alle Themen in Leichter Sprache');
    for (const page of easyLanguagePages) {
      expect(res.body, page.path).toMatch(
        new RegExp(`<a class="kern-link" href="${page.path}" lang="de"><span class="kern-icon kern-icon--easy-language" aria-hidden="true">`),
      );
    }
    expect(res.body).toContain('<span class="icon-link__text">Das Familien·büro</span>');
    // The footer links the overview only, not every page.
    expect(res.body.match(/href="\/leichte-sprache\/angebote"/g)).toHaveLength(1);
  });

  it('answers every page in German, marked lang="de", with the way back to the overview', async () => {
    const expected: Record<string, string[]> = {
      '/leichte-sprache/familienrathaus': ['Was ist das Familien·rathaus?', 'Die Internet·seite ist von der Stadt Hamm.'],
      '/leichte-sprache/angebote': ['Angebote finden', 'href="/angebote"'],
      '/leichte-sprache/veranstaltungen': ['Veranstaltungen', 'href="/veranstaltungen"'],
      '/leichte-sprache/ferienbetreuung': ['Ferien·betreuung', 'Dafür haben Sie 7 Tage Zeit.'],
      '/leichte-sprache/befragung': ['Befragung: Sagen Sie Ihre Meinung', 'href="/mitmachen/befragung/familienfreundliches-hamm?sprache=ls"'],
      '/leichte-sprache/familienbuero': ['Das Familien·büro', 'href="tel:+492381000000"', 'href="mailto:familienbuero@example.org"', 'Musterstraße 1'],
      '/leichte-sprache/bedienung': ['So benutzen Sie die Internet·seite', 'Strg und Plus.'],
      '/leichte-sprache/barrierefreiheit': ['Barriere·freiheit', 'href="/barriere-melden"', 'Ombuds·stelle für barriere·freie Informations·technik.'],
    };
    expect(Object.keys(expected)).toEqual(easyLanguagePages.map((p) => p.path));
    for (const [path, [h1, ...says]] of Object.entries(expected)) {
      const res = await visitor().get(path);
      expect(res.statusCode, path).toBe(200);
      expect(h1Of(res.body), path).toBe(h1);
      expect(articleOf(res.body), path).toBe('<article class="content-page" lang="de">');
      for (const text of says) expect(res.body, `${path}: ${text}`).toContain(text);
      expect(res.body, path).toContain('<span class="icon-link__text">Zurück zur Übersicht: Leichte Sprache</span>');
    }
  });

  it('stay German for visitors in another language, who are told why', async () => {
    const v = visitor();
    await v.get('/sprache/tr?zurueck=/');
    const res = await v.get('/leichte-sprache/familienbuero');
    expect(res.body).toContain('<html lang="tr"');
    expect(articleOf(res.body)).toBe('<article class="content-page" lang="de">');
    expect(h1Of(res.body)).toBe('Das Familien·büro');
    expect(res.body).toMatch(/<p class="kern-body kern-body--bold" lang="tr">[^<]+<\/p>/);
    expect(res.body).not.toContain('not available in your language');
  });

  it('links the survey’s own version in Leichte Sprache, which exists', async () => {
    const survey = t.booted.modules.find((m) => m.name === 'survey')!;
    await survey.seedDemo!();
    const res = await visitor().get('/mitmachen/befragung/familienfreundliches-hamm?sprache=ls');
    expect(res.statusCode).toBe(200);
  });
});

describe('editing pages in Leichte Sprache', () => {
  it('works in the content editor like every page, in German only', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const list = await editor.get('/verwaltung/seiten');
    expect(list.body).toContain('id="seite-leichte-sprache-angebote">Leichte Sprache: Angebote finden</h2>');
    expect(list.body).toContain('href="/verwaltung/seiten/leichte-sprache-angebote/de"');
    expect(list.body).not.toContain('href="/verwaltung/seiten/leichte-sprache-angebote/en"');
    expect((await editor.get('/verwaltung/seiten/leichte-sprache-angebote/en')).statusCode).toBe(404);

    const page = await editor.get('/leichte-sprache/angebote');
    expect(page.body).toContain('href="/verwaltung/seiten/leichte-sprache-angebote/de"');
    const form = await editor.get('/verwaltung/seiten/leichte-sprache-angebote/de');
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const saved = await editor.post('/verwaltung/seiten/leichte-sprache-angebote/de', {
      _csrf: csrfTokenOf(form.body),
      version,
      title: 'Angebote in Ihrer Nähe',
      body: 'Hier finden Sie Hilfe.\nDie Hilfe ist kostenlos.',
    });
    expect(saved.statusCode).toBe(303);

    const shown = await visitor().get('/leichte-sprache/angebote');
    expect(h1Of(shown.body)).toBe('Angebote in Ihrer Nähe');
    expect(shown.body).toContain('Hier finden Sie Hilfe.<br>');
    // The overview lists the page under its new title.
    expect((await visitor().get('/leichte-sprache')).body).toContain('<span class="icon-link__text">Angebote in Ihrer Nähe</span>');
    const audit = await t.deps.db.selectFrom('audit_log').select('details').where('subject_id', '=', 'leichte-sprache-angebote/de').execute();
    expect(audit).toEqual([{ details: { version: Number(version) + 1 } }]);
  });

  it('is refused to families with 403', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/verwaltung/seiten/leichte-sprache-befragung/de')).statusCode).toBe(403);
    const home = await family.get('/');
    const post = await family.post('/verwaltung/seiten/leichte-sprache-befragung/de', {
      _csrf: csrfTokenOf(home.body),
      version: '1',
      title: 'Gekapert',
      body: 'Gekapert',
    });
    expect(post.statusCode).toBe(403);
    expect(h1Of((await visitor().get('/leichte-sprache/befragung')).body)).toBe('Befragung: Sagen Sie Ihre Meinung');
  });
});
