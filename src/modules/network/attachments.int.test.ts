import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { testPdf } from '../../../test/support/documents.js';
import { testPng } from '../../../test/support/images.js';
import { groupWithLead, mailsTo, memberOfGroup } from '../../../test/support/network.js';
import { createNetworkService } from './network.service.js';

/** Files attached to posts (documents of the group, its members only) and documents on a meeting's agenda items. */
const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

describe('attachments on posts', () => {
  it('stores a file with a post as a document of the group, shows it on the post, and serves it to members only', async () => {
    const g = await groupWithLead(t, 'open');
    const member = await memberOfGroup(t, g.id);
    const post = (v: Visitor, fields: Record<string, string>, file?: { filename: string; content: Buffer }) =>
      v.submitMultipart(g.path, `${g.path}/beitraege`, fields, file ? { file } : {});

    const undescribed = await post(g.lead.visitor, { body: 'Fotos vom Fest' }, { filename: 'fest.png', content: testPng(20, 10) });
    expect(undescribed.statusCode).toBe(422);
    expect(undescribed.body).toContain('Beschreiben Sie kurz, was auf dem Bild zu sehen ist.');
    const disguised = await post(g.lead.visitor, { body: 'Programm' }, { filename: 'programm.pdf', content: Buffer.from('<html><script>x</script>') });
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('Diese Datei können wir nicht annehmen.');

    expect(
      (await post(g.lead.visitor, { body: 'Das Programm', fileTitle: 'Programm Sommerfest' }, { filename: 'p.pdf', content: testPdf('Hüpfburg') })).statusCode,
    ).toBe(303);
    expect(
      (await post(g.lead.visitor, { body: 'Ein Foto', fileTitle: 'Kinder an der Hüpfburg' }, { filename: 'f.png', content: testPng(20, 10) })).statusCode,
    ).toBe(303);
    const page = (await member.visitor.get(g.path)).body;
    const pdfLink = /<a class="kern-link" href="(\/netzwerk\/dokumente\/[0-9a-f-]+\/datei)">Programm Sommerfest \(PDF, 1 KB\)<\/a>/.exec(page);
    expect(pdfLink).not.toBeNull();
    expect(page).toMatch(/<img src="\/netzwerk\/dokumente\/[0-9a-f-]+\/datei" alt="Kinder an der Hüpfburg"/);
    // The members hear of each post once; the file is no extra notification.
    expect((await mailsTo(t, member.user.email)).map((m) => m.subject)).toHaveLength(2);

    const file = pdfLink![1]!;
    const served = await member.visitor.get(file);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['cache-control']).toBe('private, no-store');
    const outsider = await signedInVisitor(t, 'partner');
    expect((await outsider.visitor.get(file)).statusCode).toBe(404);
    expect((await visitor().get(file)).statusCode).toBe(401);
    // Access follows the group: whoever leaves it loses the file at once.
    await member.visitor.submit(g.path, `${g.path}/verlassen`, {});
    expect((await member.visitor.get(file)).statusCode).toBe(404);
    // The file is a document of the group (in its own folder) and found by its text.
    await t.runJobs();
    expect((await g.lead.visitor.get('/netzwerk/suche?q=H%C3%BCpfburg')).body).toContain('Programm Sommerfest');
  });

  it('takes up to three files with one post, and keeps the whole post back while one of them is wrong', async () => {
    const g = await groupWithLead(t, 'open');
    const files = {
      file: { filename: 'plan.pdf', content: testPdf('Lageplan') },
      file2: { filename: 'zelt.png', content: testPng(20, 10) },
      file3: { filename: 'liste.pdf', content: testPdf('Helferliste') },
    };
    const undescribed = await g.lead.visitor.submitMultipart(g.path, `${g.path}/beitraege`, { body: 'Alles zum Fest', fileTitle: 'Lageplan' }, files);
    expect(undescribed.statusCode).toBe(422);
    expect(undescribed.body).toContain('href="#fileTitle2">Beschreiben Sie kurz, was auf dem Bild zu sehen ist.</a>');
    expect(undescribed.body).toMatch(/<details class="post-more-files" open/);
    expect(undescribed.body).toContain('id="fileTitle2"');
    expect(await t.deps.db.selectFrom('network_posts').select('id').where('group_id', '=', g.id).execute()).toHaveLength(0);

    const fields = { body: 'Alles zum Fest', fileTitle: 'Lageplan', fileTitle2: 'Das große Zelt auf der Wiese', fileTitle3: 'Helferliste' };
    expect((await g.lead.visitor.submitMultipart(g.path, `${g.path}/beitraege`, fields, files)).statusCode).toBe(303);
    const page = (await g.lead.visitor.get(g.path)).body;
    expect(page).toContain('>Lageplan (PDF, 1 KB)</a>');
    expect(page).toMatch(/<img src="\/netzwerk\/dokumente\/[0-9a-f-]+\/datei" alt="Das große Zelt auf der Wiese"/);
    expect(page).toContain('>Helferliste (PDF, 1 KB)</a>');
  });

  it('reads no file from someone who may not post in the group', async () => {
    const g = await groupWithLead(t, 'open');
    const hidden = await groupWithLead(t, 'private');
    const outsider = await signedInVisitor(t, 'partner');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await outsider.visitor.get(g.path)).body)![1]!;
    const file = { file: { filename: 'a.pdf', content: testPdf('x') } };
    expect((await outsider.visitor.postMultipart(`${g.path}/beitraege`, { _csrf: csrf, body: 'Hallo' }, file)).statusCode).toBe(403);
    expect((await outsider.visitor.postMultipart(`${hidden.path}/beitraege`, { _csrf: csrf, body: 'Hallo' }, file)).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('network_posts').select('id').where('group_id', 'in', [g.id, hidden.id]).execute()).toHaveLength(0);
  });
});

describe('a hostile file', () => {
  it('costs the extraction job its time limit, not the process: the document stays and is found by its title', async () => {
    const g = await groupWithLead(t, 'open');
    const hostile = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('<<'.repeat(2_000_000)), Buffer.from('\n%%EOF\n')]);
    const form = `${g.path}/dokumente/neu`;
    const res = await g.lead.visitor.submitMultipart(
      form,
      form,
      { title: 'Endlosschleife im Anhang', visibility: 'group' },
      { file: { filename: 'x.pdf', content: hostile } },
    );
    expect(res.statusCode).toBe(303);
    const id = res.headers.location!.split('?')[0]!.split('/').pop()!;
    const service = createNetworkService(t.deps);
    expect(await service.extractText(id, 1, { timeoutMs: 500, maxHeapMb: 64 })).toBe(true);
    expect((await g.lead.visitor.get('/netzwerk/suche?q=Endlosschleife')).body).toContain('Endlosschleife im Anhang');
    expect((await g.lead.visitor.get(g.path)).statusCode).toBe(200);
  });
});

describe('a very long text', () => {
  it('is indexed whole when it fits the search vector, and by its first part when too many different words do not', async () => {
    const g = await groupWithLead(t, 'open');
    const service = createNetworkService(t.deps);
    const upload = async (title: string, text: string) => {
      const stream = `BT (${text}) Tj ET`;
      const pdf = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n%%EOF\n`, 'latin1');
      const form = `${g.path}/dokumente/neu`;
      const res = await g.lead.visitor.submitMultipart(form, form, { title, visibility: 'group' }, { file: { filename: 'lang.pdf', content: pdf } });
      return res.headers.location!.split('?')[0]!.split('/').pop()!;
    };
    // 500,000 characters of ordinary words, the rare one at the very end.
    const report = await upload('Langer Bericht', `${'Die Arbeitsgruppe tagt im Rathaus. '.repeat(14_000)}Schlusswort Zirkuszelt`);
    expect(await service.extractText(report, 1)).toBe(true);
    expect((await g.lead.visitor.get('/netzwerk/suche?q=Zirkuszelt')).body).toContain('Langer Bericht');
    // 140,000 different made-up words: more than a search vector holds.
    const codes = Array.from({ length: 140_000 }, (_, i) => `c${i}x`).join(' ');
    const list = await upload('Liste der Kennungen', `Anfangswort ${codes}`);
    expect(await service.extractText(list, 1)).toBe(true);
    expect((await g.lead.visitor.get('/netzwerk/suche?q=Anfangswort')).body).toContain('Liste der Kennungen');
  });
});

describe('agenda items', () => {
  it('lets the lead add items with who presents and a document of the group, shown on the meeting page', async () => {
    const g = await groupWithLead(t, 'open');
    const member = await memberOfGroup(t, g.id);
    const other = await groupWithLead(t, 'open');
    const upload = (lead: Visitor, path: string, title: string) =>
      lead.submitMultipart(
        `${path}/dokumente/neu`,
        `${path}/dokumente/neu`,
        { title, visibility: 'group' },
        { file: { filename: 'a.pdf', content: testPdf(title) } },
      );
    const own = (await upload(g.lead.visitor, g.path, 'Konzept Familienzentrum')).headers.location!.split('?')[0]!.split('/').pop()!;
    const foreign = (await upload(other.lead.visitor, other.path, 'Fremdes Papier')).headers.location!.split('?')[0]!.split('/').pop()!;
    const { id } = await t.deps.db
      .insertInto('network_meetings')
      .values({
        group_id: g.id,
        title: 'Arbeitstreffen',
        starts_at: new Date('2099-04-01T08:00:00Z'),
        ends_at: new Date('2099-04-01T09:00:00Z'),
        place: 'Rathaus',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `/netzwerk/termine/${id}`;
    expect((await member.visitor.get(path)).body).not.toContain('name="agendaTitle"');
    expect((await member.visitor.submit(path, `${path}/tagesordnung`, { agendaTitle: 'Heimlich' })).statusCode).toBe(403);

    const empty = await g.lead.visitor.submit(path, `${path}/tagesordnung`, { agendaTitle: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Geben Sie den Tagesordnungspunkt ein (mindestens 2 Zeichen).');
    const wrong = await g.lead.visitor.submit(path, `${path}/tagesordnung`, { agendaTitle: 'Fremdes', agendaDocument: foreign });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Wählen Sie ein Dokument dieser Gruppe aus der Liste.');
    const added = await g.lead.visitor.submit(path, `${path}/tagesordnung`, {
      agendaTitle: 'Konzept vorstellen',
      agendaPresenter: 'Frau Beispiel (Stadtteilzentrum)',
      agendaDocument: own,
    });
    expect(added.statusCode).toBe(303);
    await g.lead.visitor.submit(path, `${path}/tagesordnung`, { agendaTitle: 'Verschiedenes' });

    const page = (await member.visitor.get(path)).body;
    expect(page).toContain('Tagesordnungspunkte');
    expect(page).toContain('Stellt vor: Frau Beispiel (Stadtteilzentrum)');
    expect(page).toContain(`<a class="kern-link" href="/netzwerk/dokumente/${own}" lang="de">Konzept Familienzentrum</a>`);
    expect(page.indexOf('Konzept vorstellen')).toBeLessThan(page.indexOf('Verschiedenes'));

    const items = await t.deps.db.selectFrom('network_agenda_items').select(['id', 'position']).where('meeting_id', '=', id).orderBy('position').execute();
    expect(items.map((i) => i.position)).toEqual([1, 2]);
    expect((await g.lead.visitor.submit(path, `${path}/tagesordnung/${items[0]!.id}/entfernen`, {})).statusCode).toBe(303);
    expect((await member.visitor.get(path)).body).not.toContain('Konzept vorstellen');
  });
});
