import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const translationsOf = (id: string) => t.deps.db.selectFrom('content_translations').selectAll().where('entity_id', '=', id).execute();
const turkish = { title: 'Parkta fener yapımı', description: 'Kağıttan fenerler yapıyoruz.' };

describe('events in other languages', () => {
  it('lets an editor add a Turkish translation that Turkish visitors read, while Polish visitors read German with a notice', async () => {
    const id = await buildEvent(t, { title: 'Laternenbasteln im Park', description: 'Wir basteln Laternen aus Papier.', categories: ['kreativ'] });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const edit = await editor.get(`/veranstaltungen/${id}/bearbeiten`);
    expect(edit.body).toContain(`href="/uebersetzungen/veranstaltung/${id}/tr"`);
    const form = await editor.get(`/uebersetzungen/veranstaltung/${id}/tr`);
    // Only the texts the event has: no registration, no status note, no image.
    expect(form.body.match(/<fieldset class="kern-fieldset translation-field">/g)).toHaveLength(2);
    const saved = await editor.submit(`/uebersetzungen/veranstaltung/${id}/tr`, `/uebersetzungen/veranstaltung/${id}/tr`, turkish);
    expect(saved.statusCode).toBe(303);

    const turkishPage = (await visitor().get(`/veranstaltungen/${id}?lang=tr`)).body;
    const structured = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(turkishPage)![1]!) as { name: string };
    expect(structured.name, 'the structured data says what the page says').toBe('Parkta fener yapımı');
    const inTurkish = main(turkishPage);
    expect(inTurkish).toContain('<span>Parkta fener yapımı</span>');
    expect(inTurkish).toContain('Kağıttan fenerler yapıyoruz.');
    expect(inTurkish).not.toContain('lang="de"');

    const inPolish = main((await visitor().get(`/veranstaltungen/${id}?lang=pl`)).body);
    expect(inPolish).toContain('Ta strona nie jest jeszcze dostępna po polsku. Widzisz wersję niemiecką.');
    expect(inPolish).toContain('<span lang="de" dir="ltr">Laternenbasteln im Park</span>');
    expect(inPolish).toContain('<p class="kern-body kern-body--large content-body" lang="de" dir="ltr">Wir basteln Laternen aus Papier.</p>');

    const inArabic = await visitor().get(`/veranstaltungen/${id}?lang=ar`);
    expect(inArabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(main(inArabic.body)).toContain('<span lang="de" dir="ltr">Laternenbasteln im Park</span>');
  });

  it('uses the translations on the list and month pages', async () => {
    const id = await buildEvent(t, { title: 'Liste Fest', categories: ['musik'] });
    await buildEvent(t, { title: 'Liste Konzert', categories: ['musik'] });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    await editor.submit(`/uebersetzungen/veranstaltung/${id}/tr`, `/uebersetzungen/veranstaltung/${id}/tr`, {
      title: 'Liste şenliği',
      description: 'Açıklama',
    });
    const list = main((await visitor().get('/veranstaltungen?kategorie=musik&lang=tr')).body);
    expect(list).toContain(`<a class="kern-link" href="/veranstaltungen/${id}"><span>Liste şenliği</span></a>`);
    expect(list).toMatch(/<a class="kern-link" href="\/veranstaltungen\/[0-9a-f-]{36}" lang="de" dir="ltr"><span>Liste Konzert<\/span><\/a>/);
    const month = main((await visitor().get('/veranstaltungen/monat?kategorie=musik&lang=tr')).body);
    expect(month).toContain('Liste şenliği');
  });

  it('leaves translating to editors: organisers and families get 403; bad input gets 422', async () => {
    const org = await t.deps.db.insertInto('organizations').values({ name: 'Verein Übersetzung', kind: 'provider' }).returning('id').executeTakeFirstOrThrow();
    const id = await buildEvent(t, { title: 'Vereinsfest', organizationId: org.id });
    const { visitor: organizer, user } = await signedInVisitor(t, 'provider');
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
    const edit = await organizer.get(`/veranstaltungen/${id}/bearbeiten`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).not.toContain('/uebersetzungen/');
    expect((await organizer.get(`/uebersetzungen/veranstaltung/${id}/tr`)).statusCode).toBe(403);
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get(`/uebersetzungen/veranstaltung/${id}/tr`)).statusCode).toBe(403);
    const token = csrfTokenOf((await family.get('/konto')).body);
    expect((await family.post(`/uebersetzungen/veranstaltung/${id}/tr`, { _csrf: token, ...turkish })).statusCode).toBe(403);

    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const bad = await editor.submit(`/uebersetzungen/veranstaltung/${id}/tr`, `/uebersetzungen/veranstaltung/${id}/tr`, { title: 'Dernek şenliği' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<a class="kern-link" href="#description">Füllen Sie das Feld „Beschreibung“ aus.</a>');
    expect(bad.body).toContain('value="Dernek şenliği"');
  });

  it('deletes the translations with the event, whatever deletes it', async () => {
    const id = await buildEvent(t, { title: 'Wird gelöscht' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    await editor.submit(`/uebersetzungen/veranstaltung/${id}/tr`, `/uebersetzungen/veranstaltung/${id}/tr`, turkish);
    await editor.submit(`/uebersetzungen/veranstaltung/${id}/ar`, `/uebersetzungen/veranstaltung/${id}/ar`, turkish);
    expect(await translationsOf(id)).toHaveLength(4);
    await t.deps.db.deleteFrom('events').where('id', '=', id).execute();
    expect(await translationsOf(id)).toEqual([]);
  });
});
