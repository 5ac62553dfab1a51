import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { signedInVisitor } from '../../../../test/support/auth.js';
import { buildOrganization, buildService } from '../../../../test/support/directory.js';
import { listPath } from './directory.filters.js';
import { topics } from '../directory.taxonomy.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const names = (html: string) => [...html.matchAll(/<h3 class="kern-title"><a class="kern-link" href="\/angebote\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
const auditOf = (action: string) => t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

beforeAll(async () => {
  const org = await buildOrganization(t);
  await buildService(t, org.id, { name: 'Hebammensprechstunde', topics: ['schwangerschaft-geburt', 'gesundheit'] });
  await buildService(t, org.id, { name: 'Geburtsvorbereitungskurs', topics: ['schwangerschaft-geburt'] });
  await buildService(t, org.id, { name: 'Jugendtreff Nord', topics: ['jugend'] });
});

describe('topic pages', () => {
  it('lists every topic with its description and number of services', async () => {
    const res = await visitor().get('/themen');
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main.match(/<h1/g)).toHaveLength(1);
    for (const topic of topics) expect(main).toContain(`<a class="kern-link" href="/themen/${topic.code}">${topic.name.replace('&', '&amp;')}</a>`);
    expect(main).toMatch(/Schwangerschaft &amp; Geburt<\/a><\/h2><p class="kern-body">[^<]+<\/p><p class="kern-body kern-body--small">2 Angebote<\/p>/);
    expect(main).toMatch(/Jugend<\/a><\/h2><p class="kern-body">[^<]+<\/p><p class="kern-body kern-body--small">1 Angebot<\/p>/);
    expect(main).toMatch(/Notfall &amp; Krise<\/a><\/h2><p class="kern-body">[^<]+<\/p><p class="kern-body kern-body--small">Noch keine Angebote<\/p>/);
    expect(main).not.toContain('Neues Thema anlegen');
  });

  it("shows a topic's services and its description while it has no introduction", async () => {
    const res = await visitor().get('/themen/schwangerschaft-geburt');
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main).toContain('<h1 class="kern-heading-x-large">Schwangerschaft &amp; Geburt</h1>');
    expect(main).toContain(topics[9]!.description);
    expect(names(main)).toEqual(['Geburtsvorbereitungskurs', 'Hebammensprechstunde']);
    expect(main).toContain('2 Angebote gefunden.');
    expect(main).toContain(`href="${listPath}?thema=schwangerschaft-geburt"`);
    expect(main).not.toContain('Einführung bearbeiten');
  });

  it('answers 404 for an unknown topic or a feature term', async () => {
    for (const path of ['/themen/gibt-es-nicht', '/themen/leichte-sprache', '/themen/%3Cscript%3E'])
      expect((await visitor().get(path)).statusCode, path).toBe(404);
  });

  it('lets an editor write the introduction, which then heads the page (audited)', async () => {
    const { visitor: editor, user } = await signedInVisitor(t, 'editor');
    const page = await editor.get('/themen/jugend');
    expect(mainOf(page.body)).toContain('Einführung bearbeiten');
    const intro = 'Für junge Leute ab 12.\n\n## Treffpunkte\n\n- Jugendzentren\n- Beratung';
    const res = await editor.submit('/themen/jugend', '/themen/jugend', { intro, intro_en: 'For young people from 12.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/themen/jugend?gespeichert=ja');
    const shown = mainOf((await editor.get(res.headers.location as string)).body);
    expect(shown).toContain('Die Einführung ist gespeichert.');
    const publicPage = mainOf((await visitor().get('/themen/jugend')).body);
    expect(publicPage).toContain('Für junge Leute ab 12.');
    expect(publicPage).toMatch(/<h2[^>]*>Treffpunkte<\/h2>/);
    expect(publicPage).toContain('<li>Jugendzentren</li>');
    const english = visitor();
    await english.get('/sprache/en?zurueck=/themen/jugend');
    expect(mainOf((await english.get('/themen/jugend')).body)).toContain('For young people from 12.');
    const audit = await auditOf('directory.topic_intro_updated');
    expect(audit.map((a) => [a.actor_id, a.details.code])).toEqual([[user.id, 'jugend']]);
  });

  it('re-renders the form with errors (422) for an introduction too long or English without German', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const long = await editor.submit('/themen/gesundheit', '/themen/gesundheit', { intro: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('<title>Fehler: Gesundheit &amp; Kinderärzte – Familienrathaus Hamm</title>');
    expect(long.body).toContain('<a class="kern-link" href="#intro">Die Einführung darf höchstens 4000 Zeichen lang sein. Sie hat jetzt 4001 Zeichen.</a>');
    const englishOnly = await editor.submit('/themen/gesundheit', '/themen/gesundheit', { intro: '', intro_en: 'Only English' });
    expect(englishOnly.statusCode).toBe(422);
    expect(englishOnly.body).toContain('Schreiben Sie zuerst die deutsche Einführung.');
    expect(englishOnly.body).toContain('>Only English</textarea>');
    const row = await t.deps.db.selectFrom('taxonomy_terms').select(['intro', 'intro_en']).where('code', '=', 'gesundheit').executeTakeFirstOrThrow();
    expect(row).toEqual({ intro: '', intro_en: '' });
  });

  it('refuses families (403) and anonymous visitors (401)', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect(mainOf((await family.get('/themen/jugend')).body)).not.toContain('Einführung bearbeiten');
    expect((await family.submit('/themen/jugend', '/themen/jugend', { intro: 'Übernommen' })).statusCode).toBe(403);
    expect((await family.submit('/themen', '/themen', { code: 'neu', name: 'Neu', name_en: 'New' })).statusCode).toBe(403);
    // An anonymous visitor has no form here; the login page gives the CSRF token.
    expect((await visitor().submit('/anmelden', '/themen/jugend', { intro: 'Übernommen' })).statusCode).toBe(401);
    const row = await t.deps.db.selectFrom('taxonomy_terms').select('intro').where('code', '=', 'jugend').executeTakeFirstOrThrow();
    expect(row.intro).not.toBe('Übernommen');
  });

  it('lets an editor add a topic that appears in the list and the search filter', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect(mainOf((await editor.get('/themen')).body)).toContain('Neues Thema anlegen');
    const res = await editor.submit('/themen', '/themen', {
      code: 'mehrlingsfamilien',
      name: 'Mehrlingsfamilien',
      name_en: 'Families with multiples',
      description: 'Zwillinge, Drillinge und mehr.',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/themen/mehrlingsfamilien?angelegt=ja');
    const page = await visitor().get('/themen/mehrlingsfamilien');
    expect(page.statusCode).toBe(200);
    expect(mainOf(page.body)).toContain('Zwillinge, Drillinge und mehr.');
    expect(mainOf((await visitor().get('/themen')).body)).toContain('href="/themen/mehrlingsfamilien"');
    expect((await visitor().get(listPath)).body).toContain('<option value="mehrlingsfamilien">Mehrlingsfamilien</option>');
    expect((await auditOf('directory.topic_created')).map((a) => a.details.code)).toEqual(['mehrlingsfamilien']);
  });

  it('refuses a taken or malformed short name with field errors (422)', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const taken = await editor.submit('/themen', '/themen', { code: 'jugend', name: 'Jugend zwei', name_en: 'Youth two' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Diesen Kurznamen gibt es schon. Wählen Sie einen anderen.');
    const feature = await editor.submit('/themen', '/themen', { code: 'leika', name: 'LeiKa', name_en: 'LeiKa' });
    expect(feature.statusCode).toBe(422);
    const malformed = await editor.submit('/themen', '/themen', { code: 'Große Familien', name: '', name_en: 'Big families' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('Der Kurzname darf nur Kleinbuchstaben a bis z');
    expect(malformed.body).toContain('href="#name"');
    expect(malformed.body).toContain('value="Große Familien"');
  });
});
