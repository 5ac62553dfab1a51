import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { formFields, memberOf } from '../../../test/support/directory-workflow.js';

const t = useTestApp();

describe('staff keep the schools and their career-orientation contacts', () => {
  it('an editor adds a school, changes its contact and removes it; the public list follows', async () => {
    const editor = await memberOf(t, null, { role: 'editor' });
    const list = await editor.visitor.get('/verwaltung/schulen');
    expect(list.statusCode).toBe(200);

    const form = await editor.visitor.get('/verwaltung/schulen/neu');
    const fields = formFields(form.body, '/verwaltung/schulen/neu');
    const added = await editor.visitor.post('/verwaltung/schulen/neu', {
      ...fields,
      name: 'Gesamtschule Am Kanal (Test)',
      school_form: 'gesamtschule',
      district: 'Heessen',
      contact_name: 'Frau Test',
      contact_email: 'stubo@kanal.example',
      contact_phone: '02381 99 88',
    });
    expect(added.statusCode).toBe(303);
    const id = (await t.deps.db.selectFrom('youth_schools').select('id').where('name', '=', 'Gesamtschule Am Kanal (Test)').executeTakeFirstOrThrow()).id;
    const publicList = await new Visitor(() => t.app).get('/jugend-beruf/schulen');
    expect(publicList.body).toContain('Gesamtschule Am Kanal (Test)');
    expect(publicList.body).toContain('href="mailto:stubo@kanal.example"');
    expect(publicList.body).not.toContain('href="/verwaltung/schulen"');
    expect((await editor.visitor.get('/jugend-beruf/schulen')).body).toContain('href="/verwaltung/schulen"');

    const edit = await editor.visitor.get(`/verwaltung/schulen/${id}/bearbeiten`);
    const changed = await editor.visitor.post(`/verwaltung/schulen/${id}/bearbeiten`, {
      ...formFields(edit.body, `/verwaltung/schulen/${id}/bearbeiten`),
      contact_name: 'Herr Neu',
      contact_email: 'neu@kanal.example',
    });
    expect(changed.statusCode).toBe(303);
    const after = await new Visitor(() => t.app).get('/jugend-beruf/schulen');
    expect(after.body).toContain('Herr Neu');
    expect(after.body).not.toContain('stubo@kanal.example');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['youth.school_saved', 'youth.school_saved']);

    const bad = await editor.visitor.post(`/verwaltung/schulen/${id}/bearbeiten`, {
      ...formFields(edit.body, `/verwaltung/schulen/${id}/bearbeiten`),
      name: '',
      contact_email: 'keine Adresse',
      district: 'Atlantis',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Füllen Sie das Feld „Name der Schule“ aus.');
    expect(bad.body).toContain('„Dienstliche E-Mail-Adresse“');

    const confirm = await editor.visitor.get(`/verwaltung/schulen/${id}/entfernen`);
    expect(confirm.statusCode).toBe(200);
    const removed = await editor.visitor.post(`/verwaltung/schulen/${id}/entfernen`, { _csrf: csrfTokenOf(confirm.body) });
    expect(removed.statusCode).toBe(303);
    expect((await new Visitor(() => t.app).get('/jugend-beruf/schulen')).body).not.toContain('Gesamtschule Am Kanal (Test)');
  });

  it('lets nobody but editors and admins change the schools', async () => {
    const provider = await memberOf(t, null, { role: 'provider' });
    expect((await provider.visitor.get('/verwaltung/schulen')).statusCode).toBe(403);
    expect((await provider.visitor.get('/verwaltung/schulen/neu')).statusCode).toBe(403);
    const token = csrfTokenOf((await provider.visitor.get('/jugend-beruf/schulen')).body);
    const post = await provider.visitor.post('/verwaltung/schulen/neu', { _csrf: token, name: 'Fremde Schule', school_form: 'gymnasium' });
    expect(post.statusCode).toBe(403);
    expect((await new Visitor(() => t.app).get('/verwaltung/schulen')).statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('youth_schools').select('id').where('name', '=', 'Fremde Schule').execute()).toEqual([]);
  });
});
