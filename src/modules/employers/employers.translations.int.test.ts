import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildOrganization } from '../../../test/support/directory.js';
import { editAndSend, memberOf } from '../../../test/support/directory-workflow.js';
import { employerPaths } from './employers.paths.js';
import { storyAdminPaths } from './stories.paths.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

const profile = {
  sector: 'craft',
  size: 'small',
  summary: 'Tischlerei mit 20 Beschäftigten. Feierabend ist um 16 Uhr.',
  m_flexitime: 'ja',
  contact_email: 'familie@tischlerei.example',
};

async function publishedEmployer(trusted: boolean) {
  const org = await buildOrganization(t, { name: `Tischlerei ${Math.random().toString(36).slice(2, 7)} (Test)` });
  await t.deps.db.updateTable('organizations').set({ trusted: true }).where('id', '=', org.id).execute();
  const member = await memberOf(t, org.id);
  await editAndSend(member.visitor, employerPaths.edit(org.id), profile);
  if (!trusted) await t.deps.db.updateTable('organizations').set({ trusted: false }).where('id', '=', org.id).execute();
  return { org, member };
}

describe('employer profiles and stories in other languages', () => {
  it('lets an editor translate a short profile; English visitors read it on the page and in the list, Polish visitors read German with a notice', async () => {
    const { org } = await publishedEmployer(false);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const overview = await editor.get(employerPaths.organization(org.id));
    expect(overview.body).toContain(`href="/uebersetzungen/arbeitgeberprofil/${org.id}/en"`);
    const url = `/uebersetzungen/arbeitgeberprofil/${org.id}/en`;
    const empty = await editor.submit(url, url, { summary: '' });
    expect(empty.statusCode).toBe(422);
    const saved = await editor.submit(url, url, { summary: 'A joinery with 20 staff. Work ends at 4 pm.' });
    expect(saved.statusCode).toBe(303);

    const english = main((await visitor().get(`${employerPaths.employer(org.id)}?lang=en`)).body);
    expect(english).toContain('A joinery with 20 staff. Work ends at 4 pm.');
    expect(english).not.toContain('Feierabend');
    expect((await visitor().get(`${employerPaths.list}?branche=craft&lang=en`)).body).toContain('A joinery with 20 staff.');
    const polish = main((await visitor().get(`${employerPaths.employer(org.id)}?lang=pl`)).body);
    expect(polish).toContain('Ta strona nie jest jeszcze dostępna po polsku. Widzisz wersję niemiecką.');
    expect(polish).toContain('lang="de" dir="ltr">Tischlerei mit 20 Beschäftigten');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', org.id).where('action', 'like', 'translation.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['translation.saved']);
  });

  it('lets a trusted organisation translate its own profile, and nobody else', async () => {
    const trusted = await publishedEmployer(true);
    const url = `/uebersetzungen/arbeitgeberprofil/${trusted.org.id}/tr`;
    expect((await trusted.member.visitor.get(employerPaths.organization(trusted.org.id))).body).toContain(`href="${url}"`);
    expect((await trusted.member.visitor.submit(url, url, { summary: '20 çalışanı olan bir marangozhane.' })).statusCode).toBe(303);
    expect((await visitor().get(`${employerPaths.employer(trusted.org.id)}?lang=tr`)).body).toContain('20 çalışanı olan bir marangozhane.');

    const untrusted = await publishedEmployer(false);
    const other = `/uebersetzungen/arbeitgeberprofil/${untrusted.org.id}/tr`;
    expect((await untrusted.member.visitor.get(employerPaths.organization(untrusted.org.id))).body).not.toContain(other);
    expect((await untrusted.member.visitor.get(other)).statusCode).toBe(403);
    expect((await trusted.member.visitor.get(other)).statusCode).toBe(403);
    expect((await (await signedInVisitor(t, 'family')).visitor.get(other)).statusCode).toBe(403);
  });

  it('lets an editor translate a story from its edit page; the story, the list and the employer page show it', async () => {
    const { org } = await publishedEmployer(false);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const created = await editor.submit(storyAdminPaths.create, storyAdminPaths.create, {
      title: 'Gleitzeit in der Tischlerei',
      slug: 'gleitzeit-in-der-tischlerei',
      organization: org.id,
      sector: 'craft',
      m_flexitime: 'ja',
      problem: 'Die Kita schließt um 15 Uhr.',
      solution: 'Gleitzeit von 6 bis 18 Uhr.',
      cost: 'Nichts.',
      effect: 'Niemand hat gekündigt.',
    });
    const id = /gute-beispiele\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    await editor.submit(storyAdminPaths.edit(id), storyAdminPaths.publish(id), {});
    const edit = await editor.get(storyAdminPaths.edit(id));
    const url = `/uebersetzungen/gutes-beispiel/${id}/uk`;
    expect(edit.body).toContain(`href="${url}"`);
    const saved = await editor.submit(url, url, {
      title: 'Гнучкий графік у столярні',
      problem: 'Дитсадок зачиняється о 15:00.',
      solution: 'Гнучкий графік з 6 до 18 години.',
      cost: 'Нічого.',
      effect: 'Ніхто не звільнився.',
    });
    expect(saved.statusCode).toBe(303);
    const page = main((await visitor().get(`${employerPaths.story('gleitzeit-in-der-tischlerei')}?lang=uk`)).body);
    expect(page).toContain('Гнучкий графік у столярні');
    expect(page).toContain('Ніхто не звільнився.');
    expect(page).not.toContain('lang="de"');
    expect((await visitor().get(`${employerPaths.stories}?lang=uk`)).body).toContain('Гнучкий графік у столярні');
    expect((await visitor().get(`${employerPaths.employer(org.id)}?lang=uk`)).body).toContain('Гнучкий графік у столярні');
    const russian = main((await visitor().get(`${employerPaths.story('gleitzeit-in-der-tischlerei')}?lang=ru`)).body);
    expect(russian).toContain('lang="de" dir="ltr"');
    // Only editors translate stories.
    expect((await (await signedInVisitor(t, 'provider')).visitor.get(url)).statusCode).toBe(403);
    // Deleting the story deletes its translations (the trigger of migration 0027).
    await t.deps.db.deleteFrom('employer_stories').where('id', '=', id).execute();
    expect(await t.deps.db.selectFrom('content_translations').select('field').where('entity_id', '=', id).execute()).toEqual([]);
  });
});
