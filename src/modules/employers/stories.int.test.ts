import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { employerPaths } from './employers.paths.js';
import { storyAdminPaths } from './stories.paths.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

/** A story as an editor types it. */
const story = (changes: Record<string, string> = {}) => ({
  title: 'Die Ferienküche der Stadtwerke',
  slug: '',
  organization: '',
  sector: 'services',
  m_holiday_care: 'ja',
  problem: 'In den Sommerferien fehlte für die Kinder der Beschäftigten eine Betreuung.',
  solution: 'Die Stadtwerke kochen mit einem Träger drei Wochen lang mit den Kindern.',
  cost: 'Rund 8.000 Euro je Sommer.',
  effect: 'Weniger Urlaubsanträge zur selben Zeit, zufriedene Eltern.',
  contact_name: 'Herr Probe (Test)',
  contact_email: 'ferien@stadtwerke.example',
  ...changes,
});

const auditOf = async (id: string) =>
  (await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('id').execute()).map((a) => a.action);

describe('good-practice stories written by the editors', () => {
  it('saves a new story as a draft, publishes it, changes it, takes it off again — each step audited', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await editor.get('/verwaltung')).body).toContain(`href="${storyAdminPaths.list}"`);
    const created = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, story());
    expect(created.statusCode).toBe(303);
    const id = /gute-beispiele\/([0-9a-f-]{36})\?hinweis=created/.exec(String(created.headers.location))![1]!;
    const slug = 'die-ferienkueche-der-stadtwerke';
    const edit = await editor.get(String(created.headers.location));
    expect(edit.body).toContain('Das Beispiel ist als Entwurf gespeichert.');
    expect(edit.body).toContain('Stand: Entwurf, nicht öffentlich');
    expect(edit.body).toContain(`value="${slug}"`);

    // A draft is not on the portal.
    expect((await visitor().get(employerPaths.story(slug))).statusCode).toBe(404);
    expect((await visitor().get(employerPaths.stories)).body).not.toContain('Die Ferienküche der Stadtwerke');

    const published = await editor.submit(storyAdminPaths.edit(id), storyAdminPaths.publish(id), {});
    expect(published.headers.location).toBe(`${storyAdminPaths.edit(id)}?hinweis=published`);
    const page = await visitor().get(employerPaths.story(slug));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rund 8.000 Euro je Sommer.');
    expect((await visitor().get(employerPaths.stories)).body).toContain('Die Ferienküche der Stadtwerke');

    const changed = await editor.submit(storyAdminPaths.edit(id), storyAdminPaths.edit(id), story({ slug, cost: 'Rund 9.000 Euro je Sommer.' }));
    expect(changed.headers.location).toBe(`${storyAdminPaths.edit(id)}?hinweis=saved`);
    expect((await visitor().get(employerPaths.story(slug))).body).toContain('Rund 9.000 Euro je Sommer.');

    await editor.submit(storyAdminPaths.edit(id), storyAdminPaths.withdraw(id), {});
    expect((await visitor().get(employerPaths.story(slug))).statusCode).toBe(404);
    expect((await editor.get(storyAdminPaths.list)).body).toContain('Entwurf, nicht öffentlich');
    expect(await auditOf(id)).toEqual(['employers.story_created', 'employers.story_published', 'employers.story_changed', 'employers.story_withdrawn']);
    const log = await (await signedInVisitor(t, 'admin')).visitor.get('/admin/protokoll');
    expect(log.body).toContain('Hat das gute Beispiel „Die Ferienküche der Stadtwerke“ aus dem Portal genommen.');
  });

  it('answers bad input with 422 and an error summary, keeps the values, and refuses an address another story has', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const bad = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, {
      ...story({ title: '', slug: 'Mit Leerzeichen', sector: 'raumfahrt', contact_email: 'keine adresse', problem: 'Bleibt stehen.' }),
      m_holiday_care: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('data-error-summary');
    expect(bad.body).toContain('Füllen Sie „Überschrift“ aus.');
    expect(bad.body).toContain('Schreiben Sie die Adresse nur mit Kleinbuchstaben, Ziffern und einzelnen Bindestrichen');
    expect(bad.body).toContain('Bleibt stehen.');
    const noMeasure = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, { ...story(), m_holiday_care: '' });
    expect(noMeasure.statusCode).toBe(422);
    expect(noMeasure.body).toContain('Wählen Sie mindestens eine Maßnahme aus.');
    const unknownEmployer = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, story({ organization: crypto.randomUUID() }));
    expect(unknownEmployer.statusCode).toBe(422);
    expect(unknownEmployer.body).toContain('Wählen Sie einen Arbeitgeber aus der Liste aus.');

    expect((await editor.submit(storyAdminPaths.create, storyAdminPaths.create, story({ slug: 'doppelt' }))).statusCode).toBe(303);
    const twice = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, story({ title: 'Ein anderes Beispiel', slug: 'doppelt' }));
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('Diese Adresse hat schon ein anderes gutes Beispiel. Wählen Sie eine andere.');
    expect(twice.body).toContain('Ein anderes Beispiel');
    expect((await editor.get(`/verwaltung/gute-beispiele/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('lets only editors and admins write stories', async () => {
    for (const role of ['provider', 'family'] as const) {
      const { visitor: someone } = await signedInVisitor(t, role);
      expect((await someone.get(storyAdminPaths.list)).statusCode).toBe(403);
      expect((await someone.get(storyAdminPaths.create)).statusCode).toBe(403);
      expect((await someone.submit('/arbeitgeber', storyAdminPaths.create, story({ slug: `von-${role}` }))).statusCode).toBe(403);
    }
    expect((await visitor().get(storyAdminPaths.list)).statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('employer_stories').select('id').where('slug', 'like', 'von-%').execute()).toEqual([]);
  });
});
