import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { createNewsPost } from '../../../test/support/newsletter.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const turkish = {
  title: 'Hamm-Mitte’de yeni aile merkezi',
  teaser: 'Am Kanal aile merkezi Mart ayında açılıyor.',
  body: '## Hizmetler\n\n- Ebeveyn kafesi\n- Danışmanlık',
};
/** The page's own content, without header and footer (the language switch names every language in itself). */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const translationsOf = (id: string) => t.deps.db.selectFrom('content_translations').selectAll().where('entity_id', '=', id).execute();

describe('news in other languages', () => {
  it('lets an editor add a Turkish translation that Turkish visitors read, while Polish visitors read German with a notice', async () => {
    const post = await createNewsPost(t, { title: 'Neues Familienzentrum in Hamm-Mitte', teaser: 'Das Familienzentrum Am Kanal öffnet im März.' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const edit = await editor.get(`/verwaltung/neuigkeiten/${post.id}`);
    expect(edit.body).toContain('<h2 class="kern-heading-medium" id="uebersetzungen">Übersetzungen</h2>');
    expect(edit.body).toContain(`href="/uebersetzungen/neuigkeit/${post.id}/tr"`);

    const form = await editor.get(`/uebersetzungen/neuigkeit/${post.id}/tr`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Übersetzung: Türkisch (Türkçe)');
    expect(form.body).toMatch(/lang="de" dir="ltr"[^>]*>Das Familienzentrum Am Kanal öffnet im März\./);
    expect(form.body).toMatch(/<textarea[^>]*name="teaser"[^>]*lang="tr" dir="ltr"/);
    const saved = await editor.submit(`/uebersetzungen/neuigkeit/${post.id}/tr`, `/uebersetzungen/neuigkeit/${post.id}/tr`, turkish);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/uebersetzungen/neuigkeit/${post.id}/tr?erledigt=saved`);

    const inTurkish = await visitor().get(`/neuigkeiten/${post.id}?lang=tr`);
    expect(inTurkish.body).toContain('<html lang="tr" dir="ltr"');
    expect(inTurkish.body).toContain('<h1 class="kern-heading-x-large">Hamm-Mitte’de yeni aile merkezi</h1>');
    expect(inTurkish.body).toContain('<li>Ebeveyn kafesi</li>');
    expect(main(inTurkish.body)).not.toContain('lang="de"');
    expect(inTurkish.body).not.toContain('Almanca sürümünü');

    const inPolish = await visitor().get(`/neuigkeiten/${post.id}?lang=pl`);
    expect(inPolish.body).toContain('Ta strona nie jest jeszcze dostępna po polsku. Widzisz wersję niemiecką.');
    expect(inPolish.body).toContain('<h1 class="kern-heading-x-large" lang="de" dir="ltr">Neues Familienzentrum in Hamm-Mitte</h1>');

    const inArabic = await visitor().get(`/neuigkeiten/${post.id}?lang=ar`);
    expect(inArabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(inArabic.body).toMatch(/<div class="content-body" lang="de" dir="ltr">/);

    const editorView = await editor.get(`/verwaltung/neuigkeiten/${post.id}`);
    expect(editorView.body).toMatch(/Türkisch \(Türkçe\)<\/th><td class="kern-table__cell">übersetzt, Stand/);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', post.id).execute();
    expect(audit).toEqual([{ action: 'translation.saved', details: { locale: 'tr', title: 'Neues Familienzentrum in Hamm-Mitte' } }]);
  });

  it('uses the translations on the list page, one language per item', async () => {
    const translated = await createNewsPost(t, { title: 'Liste übersetzt', topics: ['kita'] });
    await createNewsPost(t, { title: 'Liste nur deutsch', topics: ['kita'] });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    await editor.submit(`/uebersetzungen/neuigkeit/${translated.id}/tr`, `/uebersetzungen/neuigkeit/${translated.id}/tr`, {
      ...turkish,
      title: 'Liste çevrildi',
    });
    const list = await visitor().get('/neuigkeiten?thema=kita&lang=tr');
    expect(list.body).toContain(`<a class="kern-link" href="/neuigkeiten/${translated.id}">Liste çevrildi</a>`);
    expect(list.body).toMatch(/<a class="kern-link" href="\/neuigkeiten\/[0-9a-f-]{36}" lang="de" dir="ltr">Liste nur deutsch<\/a>/);
  });

  it('refuses families, answers bad input with 422 and the values kept', async () => {
    const post = await createNewsPost(t);
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get(`/uebersetzungen/neuigkeit/${post.id}/tr`)).statusCode).toBe(403);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const token = /name="_csrf" value="([^"]+)"/.exec((await family.get('/konto')).body)![1]!;
    expect((await family.post(`/uebersetzungen/neuigkeit/${post.id}/tr`, { _csrf: token, ...turkish })).statusCode).toBe(403);
    expect((await visitor().get(`/uebersetzungen/neuigkeit/${post.id}/tr`)).statusCode).toBe(401);
    expect((await editor.get(`/uebersetzungen/neuigkeit/${post.id}/de`)).statusCode).toBe(404);
    expect((await editor.get(`/uebersetzungen/unbekannt/${post.id}/tr`)).statusCode).toBe(404);

    const bad = await editor.submit(`/uebersetzungen/neuigkeit/${post.id}/tr`, `/uebersetzungen/neuigkeit/${post.id}/tr`, {
      title: 'x'.repeat(201),
      teaser: 'Kısa metin',
      body: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="kern-alert kern-alert--danger error-summary"');
    expect(bad.body).toContain('<a class="kern-link" href="#body">Füllen Sie das Feld „Text“ aus.</a>');
    expect(bad.body).toContain('„Titel“ darf höchstens 200 Zeichen lang sein.');
    expect(bad.body).toContain('>Kısa metin</textarea>');
    expect(await translationsOf(post.id)).toEqual([]);
  });

  it('deletes one language on request, and every translation with the post', async () => {
    const post = await createNewsPost(t, { title: 'Wird gelöscht' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    for (const language of ['tr', 'uk'])
      await editor.submit(`/uebersetzungen/neuigkeit/${post.id}/${language}`, `/uebersetzungen/neuigkeit/${post.id}/${language}`, turkish);
    expect(await translationsOf(post.id)).toHaveLength(6);

    const removed = await editor.submit(`/uebersetzungen/neuigkeit/${post.id}/tr`, `/uebersetzungen/neuigkeit/${post.id}/tr/loeschen`, {});
    expect(removed.headers.location).toBe(`/uebersetzungen/neuigkeit/${post.id}/tr?erledigt=deleted`);
    const german = await visitor().get(`/neuigkeiten/${post.id}?lang=tr`);
    expect(german.body).toContain('Bu sayfa henüz Türkçe olarak mevcut değil. Almanca sürümünü görüyorsunuz.');
    expect((await translationsOf(post.id)).map((r) => r.locale)).toEqual(['uk', 'uk', 'uk']);

    await editor.submit(`/verwaltung/neuigkeiten/${post.id}`, `/verwaltung/neuigkeiten/${post.id}/loeschen`, {});
    expect(await translationsOf(post.id)).toEqual([]);
  });

  it('tells the editor when the German text changed after the translation', async () => {
    const post = await createNewsPost(t, { title: 'Vorher' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    await editor.submit(`/uebersetzungen/neuigkeit/${post.id}/tr`, `/uebersetzungen/neuigkeit/${post.id}/tr`, turkish);
    await t.deps.db.updateTable('news_posts').set({ title: 'Nachher' }).where('id', '=', post.id).execute();
    expect((await editor.get(`/verwaltung/neuigkeiten/${post.id}`)).body).toContain('der deutsche Text hat sich seitdem geändert');
    expect((await editor.get(`/uebersetzungen/neuigkeit/${post.id}/tr`)).body).toContain(
      'Der deutsche Text wurde geändert, nachdem diese Übersetzung gespeichert wurde.',
    );
  });
});
