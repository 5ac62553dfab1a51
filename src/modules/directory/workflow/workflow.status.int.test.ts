import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { buildOrganization } from '../../../../test/support/directory.js';
import { paths } from './workflow.paths.js';
import { editAndSend, memberOf, workflowQueries, workflowSetting } from '../../../../test/support/directory-workflow.js';

/** A provider takes a service out of the directory, or takes back a change before it is published. */
const t = useTestApp();
const { revisions, published, audit } = workflowQueries(t);
const setting = (orgOverrides: { trusted?: boolean } = {}) => workflowSetting(t, orgOverrides);

describe('taking a service out of the directory', () => {
  it('shows the new status to the editor, and once approved the page says the service no longer exists (410)', async () => {
    const s = await setting();
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, { status: 'defunct' });
    expect(response.statusCode).toBe(303);
    const pending = (await revisions(s.service.id)).at(-1)!;
    const review = await s.editor.visitor.get(paths.review(pending.id));
    expect(review.body).toContain('Gibt es nicht mehr (aus dem Verzeichnis nehmen)');
    await s.editor.visitor.submit(paths.review(pending.id), paths.approve(pending.id), {});

    const page = await new Visitor(() => t.app).get(paths.publicService(s.service.id));
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Dieses Angebot gibt es nicht mehr');
    expect(page.body).toContain('„Elterncafé“');
    const list = await new Visitor(() => t.app).get('/angebote?q=Elterncaf%C3%A9');
    expect(list.body).not.toContain(`href="${paths.publicService(s.service.id)}"`);
  });

  it('refuses a status the form does not offer', async () => {
    const s = await setting({ trusted: true });
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, { status: 'deleted' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Wählen Sie aus, ob es das Angebot zurzeit gibt.');
    expect((await published(s.service.id)).status).toBe('active');
  });
});

describe('withdrawing a proposal', () => {
  it('takes a change out of review; the published version stays and the editor no longer sees it', async () => {
    const s = await setting();
    await editAndSend(s.provider.visitor, s.editUrl, { name: 'Elterncafé mit Kinderbetreuung' });
    const pending = (await revisions(s.service.id)).at(-1)!;
    const historyUrl = paths.history('service', s.org.id, s.service.id);
    const history = await s.provider.visitor.get(historyUrl);
    expect(history.body).toContain('Änderung zurückziehen');
    const withdrawn = await s.provider.visitor.submit(historyUrl, paths.withdraw('service', s.org.id, s.service.id), { version: String(pending.version) });
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`${paths.organization(s.org.id)}?hinweis=zurueckgezogen`);

    expect((await revisions(s.service.id)).at(-1)!.status).toBe('withdrawn');
    expect((await published(s.service.id)).name).toBe('Elterncafé');
    expect((await s.editor.visitor.get(paths.queue)).body).not.toContain('Elterncafé mit Kinderbetreuung');
    expect(await audit('directory.proposal_withdrawn', s.service.id)).toHaveLength(1);

    const again = await s.provider.visitor.submit(historyUrl, paths.withdraw('service', s.org.id, s.service.id), { version: String(pending.version) });
    expect(again.statusCode).toBe(409);
  });

  it('lets nobody outside the organisation withdraw its proposals', async () => {
    const s = await setting();
    await editAndSend(s.provider.visitor, s.editUrl, { name: 'Elterncafé am Abend' });
    const pending = (await revisions(s.service.id)).at(-1)!;
    const other = await buildOrganization(t, { name: 'Anderer Träger e. V.' });
    const stranger = await memberOf(t, other.id);
    const res = await stranger.visitor.submit('/mein-verzeichnis', paths.withdraw('service', s.org.id, s.service.id), { version: String(pending.version) });
    expect(res.statusCode).toBe(403);
    expect((await revisions(s.service.id)).at(-1)!.status).toBe('in_review');
  });
});
