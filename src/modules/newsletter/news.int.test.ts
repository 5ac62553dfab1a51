import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { testPng } from '../../../test/support/images.js';
import { createNewsPost } from '../../../test/support/newsletter.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

describe('news', () => {
  it('lets an editor write a post that appears in the list, on its page with NewsArticle JSON-LD, and in the feeds', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.submit('/verwaltung/neuigkeiten/neu', '/verwaltung/neuigkeiten/neu', {
      title: 'Neues Familienzentrum in Heessen',
      teaser: 'Ab März öffnet das Familienzentrum Am Kanal.',
      body: '## Angebote\n\n- Eltern-Café\n- Beratung\n\n<script>alert(1)</script>',
      topic_beratung: 'ja',
      publishedAt: '2026-01-10T09:00',
    });
    expect(res.statusCode).toBe(303);
    const id = /\/verwaltung\/neuigkeiten\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;

    const list = await visitor().get('/neuigkeiten');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Neues Familienzentrum in Heessen');
    const page = await visitor().get(`/neuigkeiten/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 class="kern-heading-medium">Angebote</h2>');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)![1]!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: 'Neues Familienzentrum in Heessen', datePublished: '2026-01-10T08:00:00.000Z' });

    const rss = await visitor().get('/neuigkeiten/feed.rss');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain(`<link>${t.deps.config.publicUrl}/neuigkeiten/${id}</link>`);
    const atom = await visitor().get('/neuigkeiten/feed.atom');
    expect(atom.body).toContain('<title>Neues Familienzentrum in Heessen</title>');

    const hits = await t.deps.search.search('Familienzentrum Heessen', 'de');
    expect(hits.find((h) => h.provider.id === 'news')?.hits[0]?.url).toBe(`/neuigkeiten/${id}`);
  });

  it('shows neither drafts nor future nor expired posts, filters by topic and pages by ten', async () => {
    await createNewsPost(t, { title: 'Entwurf X', publishedAt: null });
    await createNewsPost(t, { title: 'Zukunft X', publishedAt: new Date(Date.now() + 86_400_000) });
    const expired = await createNewsPost(t, {
      title: 'Abgelaufen X',
      publishedAt: new Date(Date.now() - 2 * 86_400_000),
      expiresAt: new Date(Date.now() - 1000),
    });
    for (let i = 0; i < 11; i++)
      await createNewsPost(t, { title: `Ferien-Neuigkeit ${i}`, topics: ['ferien'], publishedAt: new Date(Date.now() - (i + 2) * 60_000) });
    const list = await visitor().get('/neuigkeiten?thema=ferien');
    expect(list.body).not.toMatch(/Entwurf X|Zukunft X|Abgelaufen X|Neues Familienzentrum/);
    expect(list.body).toContain('11 Neuigkeiten');
    expect(list.body).toContain('Ferien-Neuigkeit 0');
    expect(list.body).not.toContain('Ferien-Neuigkeit 10<');
    expect(list.body).toMatch(/href="\/neuigkeiten\?thema=ferien&(amp;)?seite=2"/);
    const second = await visitor().get('/neuigkeiten?thema=ferien&seite=2');
    expect(second.body).toContain('Ferien-Neuigkeit 10');
    expect((await visitor().get(`/neuigkeiten/${expired.id}`)).statusCode).toBe(404);
    expect((await visitor().get('/neuigkeiten/kein-eintrag')).statusCode).toBe(404);
  });

  it('re-renders the form with errors for bad dates, and keeps the values', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.submit('/verwaltung/neuigkeiten/neu', '/verwaltung/neuigkeiten/neu', {
      title: 'Ein Titel',
      teaser: 'Ein ausreichend langer Kurztext.',
      body: 'Text',
      publishedAt: '2026-02-30T10:00',
      expiresAt: '2026-01-01T10:00',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Geben Sie ein gültiges Datum mit Uhrzeit ein.');
    expect(res.body).toContain('value="Ein Titel"');
    const order = await editor.submit('/verwaltung/neuigkeiten/neu', '/verwaltung/neuigkeiten/neu', {
      title: 'Ein Titel',
      teaser: 'Ein ausreichend langer Kurztext.',
      body: 'Text',
      publishedAt: '2026-03-01T10:00',
      expiresAt: '2026-01-01T10:00',
    });
    expect(order.statusCode).toBe(422);
    expect(order.body).toContain('Das Ablaufdatum muss nach dem Veröffentlichungsdatum liegen.');
  });

  it('keeps families out of the editor pages and records an audit entry for editors', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/verwaltung/neuigkeiten')).statusCode).toBe(403);
    expect((await visitor().get('/verwaltung/neuigkeiten')).statusCode).toBe(401);
    const post = await createNewsPost(t, { title: 'Zu löschen' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.submit(`/verwaltung/neuigkeiten/${post.id}`, `/verwaltung/neuigkeiten/${post.id}/loeschen`, {});
    expect(res.statusCode).toBe(303);
    expect((await visitor().get(`/neuigkeiten/${post.id}`)).statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', post.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['news.deleted']);
  });

  it('takes an image with a required alt text, refuses other files, and shows it on the post page', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const fields = { title: 'Mit Bild', teaser: 'Eine Neuigkeit mit einem Bild.', body: 'Text', publishedAt: '2026-01-10T09:00' };
    const png = { filename: 'bild.png', content: testPng(8, 6), type: 'image/png' };
    const noAlt = await editor.submitMultipart('/verwaltung/neuigkeiten/neu', '/verwaltung/neuigkeiten/neu', fields, { image: png });
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Beschreiben Sie das Bild.');
    const notImage = await editor.submitMultipart(
      '/verwaltung/neuigkeiten/neu',
      '/verwaltung/neuigkeiten/neu',
      { ...fields, imageAlt: 'x' },
      { image: { filename: 'a.png', content: Buffer.from('kein Bild'), type: 'image/png' } },
    );
    expect(notImage.statusCode).toBe(422);
    expect(notImage.body).toContain('Das Bild muss ein JPEG, PNG oder WebP sein.');
    const ok = await editor.submitMultipart(
      '/verwaltung/neuigkeiten/neu',
      '/verwaltung/neuigkeiten/neu',
      { ...fields, imageAlt: 'Kinder spielen im Garten des Familienzentrums' },
      { image: png },
    );
    expect(ok.statusCode).toBe(303);
    const id = /([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
    const page = await visitor().get(`/neuigkeiten/${id}`);
    expect(page.body).toMatch(/<img src="\/medien\/[0-9a-f-]{36}" alt="Kinder spielen im Garten des Familienzentrums" class="news-image" width="8" height="6"/);
    // Keeping the image means keeping a description: clearing the alt text is refused.
    const cleared = await editor.submitMultipart(`/verwaltung/neuigkeiten/${id}`, `/verwaltung/neuigkeiten/${id}`, { ...fields, imageAlt: '' });
    expect(cleared.statusCode).toBe(422);
    const removed = await editor.submitMultipart(`/verwaltung/neuigkeiten/${id}`, `/verwaltung/neuigkeiten/${id}`, { ...fields, removeImage: 'ja' });
    expect(removed.statusCode).toBe(303);
    expect((await visitor().get(`/neuigkeiten/${id}`)).body).not.toContain('/medien/');
  });
});
