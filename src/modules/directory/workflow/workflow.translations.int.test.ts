import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../../test/support/app.js';
import { memberOf, workflowQueries, workflowSetting } from '../../../../test/support/directory-workflow.js';
import { unpublishService } from '../directory.publish.js';
import { paths } from './workflow.paths.js';

const t = useTestApp();
const { audit } = workflowQueries(t);
const visitor = () => new Visitor(() => t.app);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const translationsOf = (id: string) => t.deps.db.selectFrom('content_translations').selectAll().where('entity_id', '=', id).orderBy('field').execute();
const turkish = { name: 'Ebeveyn kafesi', description: 'Ebeveynler, çocuklar ve gençler için danışmanlık.' };
const formOf = (id: string, language = 'tr') => `/uebersetzungen/angebot/${id}/${language}`;

describe('directory services in other languages', () => {
  it('lets an editor translate a service; Turkish visitors read it on its page and in the search, Polish visitors read German with a notice', async () => {
    const s = await workflowSetting(t);
    const edit = await s.editor.visitor.get(s.editUrl);
    expect(edit.body).toContain(`href="${formOf(s.service.id)}"`);
    const saved = await s.editor.visitor.submit(formOf(s.service.id), formOf(s.service.id), turkish);
    expect(saved.headers.location).toBe(`${formOf(s.service.id)}?erledigt=saved`);

    const inTurkish = main((await visitor().get(`${paths.publicService(s.service.id)}?lang=tr`)).body);
    expect(inTurkish).toContain('<h1 class="kern-heading-x-large">Ebeveyn kafesi</h1>');
    expect(inTurkish).toContain('<p class="kern-body"><span>Ebeveynler, çocuklar ve gençler için danışmanlık.</span></p>');
    expect(inTurkish).not.toContain('Bu sayfa henüz');

    const inPolish = main((await visitor().get(`${paths.publicService(s.service.id)}?lang=pl`)).body);
    expect(inPolish).toContain('Ta strona nie jest jeszcze dostępna po polsku. Widzisz wersję niemiecką.');
    expect(inPolish).toContain('<h1 class="kern-heading-x-large" lang="de" dir="ltr">Elterncafé</h1>');
    expect(inPolish).toContain('<p class="kern-body" lang="de" dir="ltr"><span>Beratung für Eltern, Kinder und Jugendliche.</span></p>');

    // The search reads German; the hits show the visitor's language.
    const search = main((await visitor().get('/angebote?q=Elterncaf%C3%A9&lang=tr')).body);
    expect(search).toContain(`<a class="kern-link" href="/angebote/${s.service.id}">Ebeveyn kafesi</a>`);
    const print = await visitor().get(`/angebote/${s.service.id}/drucken?lang=tr`);
    expect(print.body).toContain('Ebeveyn kafesi');
  });

  it('publishes a trusted organisation’s translation at once and sends an untrusted one’s to review', async () => {
    const trusted = await workflowSetting(t, { trusted: true });
    await trusted.provider.visitor.submit(formOf(trusted.service.id), formOf(trusted.service.id), turkish);
    expect((await translationsOf(trusted.service.id)).map((r) => r.state)).toEqual(['published', 'published']);

    const s = await workflowSetting(t);
    const form = await s.provider.visitor.get(formOf(s.service.id));
    expect(form.body).toContain('Die Redaktion prüft Ihre Übersetzung, bevor sie erscheint.');
    expect(form.body).toContain('Zur Prüfung einreichen');
    const proposed = await s.provider.visitor.submit(formOf(s.service.id), formOf(s.service.id), turkish);
    expect(proposed.headers.location).toBe(`${formOf(s.service.id)}?erledigt=proposed`);
    expect(main((await visitor().get(`${paths.publicService(s.service.id)}?lang=tr`)).body)).toContain('Bu sayfa henüz Türkçe olarak mevcut değil.');
    expect(await audit('translation.proposed', s.service.id)).toHaveLength(1);

    const queue = await s.editor.visitor.get(paths.queue);
    expect(queue.body).toContain('Übersetzungen zur Prüfung');
    expect(queue.body).toContain(`href="${formOf(s.service.id)}"`);
    const review = await s.editor.visitor.get(formOf(s.service.id));
    expect(review.body).toContain('wartet auf Freigabe');
    expect(review.body).toContain('value="Ebeveyn kafesi"');
    await s.editor.visitor.submit(formOf(s.service.id), formOf(s.service.id), { ...turkish, name: 'Ebeveyn Kafesi' });
    expect((await translationsOf(s.service.id)).map((r) => [r.state, r.text])).toEqual([
      ['published', turkish.description],
      ['published', 'Ebeveyn Kafesi'],
    ]);
    expect(main((await visitor().get(`${paths.publicService(s.service.id)}?lang=tr`)).body)).toContain('Ebeveyn Kafesi');
    expect((await s.editor.visitor.get(paths.queue)).body).not.toContain(`href="${formOf(s.service.id)}"`);

    // A later proposal keeps the published translation until an editor decides; discarding drops it.
    await s.provider.visitor.submit(formOf(s.service.id), formOf(s.service.id), { ...turkish, name: 'Kafe' });
    expect(main((await visitor().get(`${paths.publicService(s.service.id)}?lang=tr`)).body)).toContain('Ebeveyn Kafesi');
    const discarded = await s.editor.visitor.submit(formOf(s.service.id), `${formOf(s.service.id)}/verwerfen`, {});
    expect(discarded.headers.location).toBe(`${formOf(s.service.id)}?erledigt=discarded`);
    expect((await translationsOf(s.service.id)).map((r) => r.state)).toEqual(['published', 'published']);
    expect(await audit('translation.proposal_discarded', s.service.id)).toHaveLength(1);
  });

  it('keeps others out: members of other organisations and families get 403, bad input gets 422', async () => {
    const s = await workflowSetting(t);
    const stranger = await memberOf(t, (await workflowSetting(t)).org.id);
    expect((await stranger.visitor.get(formOf(s.service.id))).statusCode).toBe(403);
    const family = await memberOf(t, null, { role: 'family' });
    expect((await family.visitor.get(formOf(s.service.id))).statusCode).toBe(403);
    const token = csrfTokenOf((await family.visitor.get('/konto')).body);
    expect((await family.visitor.post(formOf(s.service.id), { _csrf: token, ...turkish })).statusCode).toBe(403);
    expect(
      (await s.provider.visitor.post(`${formOf(s.service.id)}/verwerfen`, { _csrf: csrfTokenOf((await s.provider.visitor.get('/konto')).body) })).statusCode,
    ).toBe(403);

    const bad = await s.provider.visitor.submit(formOf(s.service.id), formOf(s.service.id), { name: turkish.name, description: ' ' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<a class="kern-link" href="#description">Füllen Sie das Feld „Beschreibung“ aus.</a>');
    expect(await translationsOf(s.service.id)).toEqual([]);
  });

  it('deletes the translations when the service leaves the published directory', async () => {
    const s = await workflowSetting(t, { trusted: true });
    await s.provider.visitor.submit(formOf(s.service.id, 'ru'), formOf(s.service.id, 'ru'), turkish);
    expect(await translationsOf(s.service.id)).toHaveLength(2);
    await t.deps.db.transaction().execute((trx) => unpublishService(trx, s.service.id));
    expect(await translationsOf(s.service.id)).toEqual([]);
  });
});
