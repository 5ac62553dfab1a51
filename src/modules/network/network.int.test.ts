import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser, signedInVisitor } from '../../../test/support/auth.js';
import { testDocx, testOdt, testPdf } from '../../../test/support/documents.js';
import { testPng } from '../../../test/support/images.js';
import { addDays, fromLocal, todayIn, weekdayOf } from '../../platform/time/berlin.js';
import { networkKindNames } from './network.notifications.js';
import { seedNetworkDemo } from './network.seed.js';
import { createNetworkService } from './network.service.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
beforeAll(async () => {
  // The demo accounts the demo data builds on.
  await createUser(t, { role: 'partner', email: 'partner@familienrathaus.example', displayName: 'Pia Partnerin (Demo)' });
  await createUser(t, { role: 'editor', email: 'redaktion@familienrathaus.example', displayName: 'Eda Redaktion (Demo)' });
  await seedNetworkDemo(t.deps);
});

async function mailsTo(email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}
const emlOf = (id: string) => readFileSync(path.join(t.deps.config.dataDir, 'outbox', `${id}.eml`), 'utf8');
const linkIn = (text: string, pathPart: string) => {
  const match = new RegExp(`https?://[^\\s]+${pathPart.replace(/\//g, '\\/')}[^\\s]*`).exec(text);
  if (!match) throw new Error(`no link to ${pathPart} in:\n${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
};

let groupCounter = 0;
/** A fresh group with a lead (a partner), for tests that must not share one. */
async function groupWithLead(access: 'open' | 'closed' | 'private') {
  groupCounter += 1;
  const slug = `testgruppe-${groupCounter}`;
  const { id } = await t.deps.db
    .insertInto('network_groups')
    .values({ slug, name: `Testgruppe ${groupCounter}`, kind: 'working', access, topic: 'Zum Testen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lead = await signedInVisitor(t, 'partner');
  await t.deps.db.insertInto('network_group_members').values({ group_id: id, user_id: lead.user.id, role: 'lead', state: 'member' }).execute();
  return { id, slug, lead };
}
async function memberOfGroup(groupId: string, cadence?: 'immediate' | 'daily' | 'weekly' | 'never') {
  const p = await signedInVisitor(t, 'partner');
  await t.deps.db.insertInto('network_group_members').values({ group_id: groupId, user_id: p.user.id, state: 'member' }).execute();
  if (cadence) await t.deps.notifications.setCadence(await t.deps.notifications.userRecipient(p.user.id), networkKindNames, cadence);
  return p;
}
/** The first moment after now that is `hour` o'clock in Berlin on a day that passes `fits` (a digest run). */
function nextBerlin(hour: number, fits: (date: string) => boolean = () => true): Date {
  // From today: run on a Monday before 07:00, the first weekly digest is due this very morning.
  for (let d = 0; ; d++) {
    const date = addDays(todayIn(), d);
    const moment = fromLocal(date, `${String(hour).padStart(2, '0')}:00`);
    if (moment.getTime() > Date.now() && fits(date)) return moment;
  }
}

describe('the alliance in public', () => {
  it('shows partners, the steering group and the working groups with their results, not the private ones', async () => {
    const secret = await groupWithLead('private');
    const res = await visitor().get('/netzwerk');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="kern-heading-x-large">Bündnis für Familie</h1>');
    expect(res.body).toContain('Wohlfahrtsverband Lippeaue e. V. (Demo)');
    expect(res.body).toContain('Das bringen wir ein:');
    expect(res.body).toContain('Lenkungsgruppe');
    expect(res.body).toContain('AG Kinderbetreuung');
    expect(res.body).toContain('Federführung: Wohlfahrtsverband Lippeaue e. V. (Demo)');
    expect(res.body).toContain('Schulwegkarte für drei Grundschulen.');
    expect(res.body).not.toContain(`Testgruppe ${secret.slug.split('-')[1]}<`);
    // A public document is listed; one for partners only is not.
    expect(res.body).toContain('Konzeptskizze Randzeitenbetreuung');
    expect(res.body).not.toContain('Protokoll der Lenkungsgruppe, 4. November');
    expect(res.body).toContain('action="/netzwerk/partner-werden"');
  });

  it('sends a partner request to the family office, and explains what is missing', async () => {
    const v = visitor();
    const bad = await v.submit('/netzwerk/partner-werden', '/netzwerk/partner-werden', { organization: 'X', name: '', email: 'kein-at', message: 'kurz' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<title>Fehler: Partner im Bündnis werden');
    expect(bad.body).toContain('Geben Sie Ihren Namen ein.');
    expect(bad.body).toContain('Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.');
    expect(bad.body).toContain('Stimmen Sie zu, damit wir Ihre Anfrage bearbeiten können.');

    const ok = await v.submit('/netzwerk/partner-werden', '/netzwerk/partner-werden', {
      organization: 'Kinderschutzbund Lippeaue',
      name: 'Rita Beispiel',
      email: 'rita@example.org',
      message: 'Wir möchten unsere Elternkurse einbringen.',
      privacy: 'ja',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/netzwerk/partner-werden/danke');
    const [mail] = await mailsTo(t.deps.city.familyOffice.email);
    expect(mail?.subject).toBe('Partneranfrage für das Bündnis für Familie: Kinderschutzbund Lippeaue');
    expect(mail?.text_body).toContain('Rita Beispiel möchte mit „Kinderschutzbund Lippeaue“ Partner im Bündnis für Familie werden.');
    expect(mail?.text_body).toContain('Wir möchten unsere Elternkurse einbringen.');
  });
});

describe('partner profiles', () => {
  it('lets staff write a partner’s public profile with a logo; partners cannot', async () => {
    const staff = await signedInVisitor(t, 'editor');
    const partner = await signedInVisitor(t, 'partner');
    const { id } = await t.deps.db
      .insertInto('organizations')
      .values({ name: 'Familienzentrum Süd (Test)', kind: 'partner' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await partner.visitor.get(`/netzwerk/partner/${id}`)).statusCode).toBe(403);
    expect((await staff.visitor.get('/netzwerk/partner')).body).toContain('Profil von Familienzentrum Süd (Test) bearbeiten');
    const form = `/netzwerk/partner/${id}`;
    const bad = await staff.visitor.submitMultipart(
      form,
      form,
      { shortText: 'Treffpunkt', website: 'javascript:alert(1)', shown: 'ja' },
      { logo: { filename: 'logo.png', content: Buffer.from('kein Bild') } },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Die Website muss mit https:// oder http:// beginnen.');
    const badLogo = await staff.visitor.submitMultipart(
      form,
      form,
      { shortText: 'Treffpunkt', shown: 'ja' },
      { logo: { filename: 'logo.png', content: Buffer.from('kein Bild') } },
    );
    expect(badLogo.statusCode).toBe(422);
    expect(badLogo.body).toContain('Das Logo muss ein JPEG-, PNG- oder WebP-Bild sein.');
    const ok = await staff.visitor.submitMultipart(
      form,
      form,
      { shortText: 'Treffpunkt für Familien im Süden.', contribution: 'Elterncafé und Räume.', website: 'https://example.org', shown: 'ja' },
      { logo: { filename: 'logo.png', content: testPng(40, 40) } },
    );
    expect(ok.statusCode).toBe(303);
    const page = (await visitor().get('/netzwerk')).body;
    expect(page).toContain('Treffpunkt für Familien im Süden.');
    expect(page).toContain('alt="Logo von Familienzentrum Süd (Test)"');
  });
});

describe('groups', () => {
  it('lets a partner join an open group at once and ask to join a closed one, which the lead approves', async () => {
    const open = await groupWithLead('open');
    const closed = await groupWithLead('closed');
    const p = await signedInVisitor(t, 'partner');

    const joined = await p.visitor.submit(`/netzwerk/gruppen/${open.slug}`, `/netzwerk/gruppen/${open.slug}/beitreten`, {});
    expect(joined.headers.location).toBe(`/netzwerk/gruppen/${open.slug}?hinweis=beigetreten`);
    expect((await p.visitor.get(joined.headers.location!)).body).toContain('Sie sind jetzt Mitglied der Gruppe.');

    const asked = await p.visitor.submit(`/netzwerk/gruppen/${closed.slug}`, `/netzwerk/gruppen/${closed.slug}/beitreten`, {});
    expect(asked.headers.location).toBe(`/netzwerk/gruppen/${closed.slug}?hinweis=angefragt`);
    const waiting = await p.visitor.get(`/netzwerk/gruppen/${closed.slug}`);
    expect(waiting.body).toContain('Ihre Anfrage liegt bei der Leitung der Gruppe.');
    expect(waiting.body).not.toContain('Neuer Beitrag');

    const [request] = await mailsTo(closed.lead.user.email);
    expect(request?.subject).toBe(`Neue Beitrittsanfrage für „${'Testgruppe ' + closed.slug.split('-')[1]}“ von ${p.user.display_name}`);
    const accepted = await closed.lead.visitor.submit(
      `/netzwerk/gruppen/${closed.slug}`,
      `/netzwerk/gruppen/${closed.slug}/mitglieder/${p.user.id}/aufnehmen`,
      {},
    );
    expect(accepted.statusCode).toBe(303);
    expect((await p.visitor.get(`/netzwerk/gruppen/${closed.slug}`)).body).toContain('Neuer Beitrag');
  });

  it('keeps a private group invisible to outsiders (404), lets invited partners in, and removes access at once', async () => {
    const hidden = await groupWithLead('private');
    const outsider = await signedInVisitor(t, 'partner');
    expect((await outsider.visitor.get(`/netzwerk/gruppen/${hidden.slug}`)).statusCode).toBe(404);
    const family = await signedInVisitor(t, 'family');
    expect((await family.visitor.get(`/netzwerk/gruppen/${hidden.slug}`)).statusCode).toBe(403);
    expect((await visitor().get('/netzwerk/mein')).statusCode).toBe(401);

    const unknown = await hidden.lead.visitor.submit(`/netzwerk/gruppen/${hidden.slug}`, `/netzwerk/gruppen/${hidden.slug}/einladen`, {
      email: 'niemand@example.org',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Zu dieser Adresse gibt es kein Konto als Bündnispartner.');
    await hidden.lead.visitor.submit(`/netzwerk/gruppen/${hidden.slug}`, `/netzwerk/gruppen/${hidden.slug}/einladen`, { email: outsider.user.email });
    const invited = await outsider.visitor.get(`/netzwerk/gruppen/${hidden.slug}`);
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toContain('Einladung annehmen');
    await outsider.visitor.submit(`/netzwerk/gruppen/${hidden.slug}`, `/netzwerk/gruppen/${hidden.slug}/beitreten`, {});
    expect((await outsider.visitor.get(`/netzwerk/gruppen/${hidden.slug}`)).body).toContain('Neuer Beitrag');

    await hidden.lead.visitor.submit(`/netzwerk/gruppen/${hidden.slug}`, `/netzwerk/gruppen/${hidden.slug}/mitglieder/${outsider.user.id}/entfernen`, {});
    expect((await outsider.visitor.get(`/netzwerk/gruppen/${hidden.slug}`)).statusCode).toBe(404);
  });
});

describe('running the groups', () => {
  it('lets staff open a working group and its lead publish results on the public page', async () => {
    const staff = await signedInVisitor(t, 'editor');
    const partner = await signedInVisitor(t, 'partner');
    expect((await partner.visitor.get('/netzwerk/gruppen/neu')).statusCode).toBe(403);
    const empty = await staff.visitor.submit('/netzwerk/gruppen/neu', '/netzwerk/gruppen/neu', { name: '', access: 'open' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Geben Sie einen Namen ein.');
    const res = await staff.visitor.submit('/netzwerk/gruppen/neu', '/netzwerk/gruppen/neu', {
      name: 'AG Ferien & Freizeit',
      access: 'open',
      topic: 'Angebote in den Ferien.',
    });
    expect(res.headers.location).toBe('/netzwerk/gruppen/ag-ferien-freizeit?hinweis=angelegt');
    const again = await staff.visitor.submit('/netzwerk/gruppen/neu', '/netzwerk/gruppen/neu', { name: 'AG Ferien & Freizeit', access: 'closed' });
    expect(again.headers.location).toBe('/netzwerk/gruppen/ag-ferien-freizeit-2?hinweis=angelegt');

    const edit = '/netzwerk/gruppen/ag-ferien-freizeit/bearbeiten';
    expect((await partner.visitor.get(edit)).statusCode).toBe(403);
    await staff.visitor.submit(edit, edit, {
      name: 'AG Ferien & Freizeit',
      access: 'open',
      topic: 'Angebote in den Ferien.',
      publicResults: 'Ferienpass 2027 geplant.',
    });
    const page = await visitor().get('/netzwerk');
    expect(page.body).toContain('AG Ferien &amp; Freizeit');
    expect(page.body).toContain('Ferienpass 2027 geplant.');
  });
});

describe('documents', () => {
  it('stores an upload with versions, serves it with safe headers and restores an old version', async () => {
    const g = await groupWithLead('open');
    const v = g.lead.visitor;
    const form = `/netzwerk/gruppen/${g.slug}/dokumente/neu`;
    const res = await v.submitMultipart(
      form,
      form,
      { title: 'Protokoll Oktober', visibility: 'group', note: 'Erste Fassung' },
      { file: { filename: 'protokoll.pdf', content: testPdf('Oktober') } },
    );
    expect(res.statusCode).toBe(303);
    const docPath = res.headers.location!.split('?')[0]!;
    const page = await v.get(res.headers.location!);
    expect(page.body).toContain('Das Dokument ist hochgeladen.');
    expect(page.body).toContain('Version 1');

    const file = await v.get(`${docPath}/datei`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe("inline; filename*=UTF-8''protokoll.pdf");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');

    const second = await v.submitMultipart(
      docPath,
      `${docPath}/versionen`,
      { note: 'Korrigiert' },
      { file: { filename: 'protokoll.odt', content: testOdt('Neu') } },
    );
    expect(second.statusCode).toBe(303);
    const odt = await v.get(`${docPath}/datei`);
    expect(odt.headers['content-type']).toBe('application/vnd.oasis.opendocument.text');
    expect(odt.headers['content-disposition']).toBe("attachment; filename*=UTF-8''protokoll.odt");

    const restored = await v.submit(docPath, `${docPath}/versionen/1/wiederherstellen`, {});
    expect(restored.statusCode).toBe(303);
    const after = await v.get(docPath);
    expect(after.body).toContain('Version 3');
    expect(after.body).toContain('Version 1 wiederhergestellt');
    expect((await v.get(`${docPath}/datei`)).headers['content-type']).toBe('application/pdf');
    expect((await v.get(`${docPath}/datei?version=2`)).headers['content-type']).toBe('application/vnd.oasis.opendocument.text');

    // Others: a partner outside the group and an anonymous visitor learn nothing.
    const outsider = await signedInVisitor(t, 'partner');
    expect((await outsider.visitor.get(docPath)).statusCode).toBe(404);
    expect((await outsider.visitor.get(`${docPath}/datei`)).statusCode).toBe(404);
    expect((await visitor().get(`${docPath}/datei`)).statusCode).toBe(401);
  });

  it('refuses disguised, macro and oversized files with a clear message', async () => {
    const g = await groupWithLead('open');
    const form = `/netzwerk/gruppen/${g.slug}/dokumente/neu`;
    const disguised = await g.lead.visitor.submitMultipart(
      form,
      form,
      { title: 'Harmlos', visibility: 'group' },
      { file: { filename: 'harmlos.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' } },
    );
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('Diese Datei können wir nicht annehmen.');
    const macro = await g.lead.visitor.submitMultipart(
      form,
      form,
      { title: 'Makro', visibility: 'group' },
      { file: { filename: 'a.docx', content: testDocx('x', { macro: true }) } },
    );
    expect(macro.statusCode).toBe(422);
    const big = await g.lead.visitor.submitMultipart(
      form,
      form,
      { title: 'Groß', visibility: 'group' },
      { file: { filename: 'gross.pdf', content: Buffer.alloc(26 * 1024 * 1024, 0x25) } },
    );
    expect([413, 422]).toContain(big.statusCode);
    const none = await g.lead.visitor.submitMultipart(form, form, { title: '', visibility: 'group' }, { file: { filename: '', content: Buffer.alloc(0) } });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Geben Sie einen Titel ein.');
  });
});

describe('document search', () => {
  it('finds a document by a word inside its file (German stemming), with the passage, only for those who may read it', async () => {
    const g = await groupWithLead('open');
    const form = `/netzwerk/gruppen/${g.slug}/dokumente/neu`;
    const res = await g.lead.visitor.submitMultipart(
      form,
      form,
      { title: 'Protokoll Dezember', visibility: 'group' },
      { file: { filename: 'dezember.pdf', content: testPdf('Die Spielplaetze am Kanal bekommen Sonnensegel') } },
    );
    expect(res.statusCode).toBe(303);
    await t.runJobs();
    const found = await g.lead.visitor.get('/netzwerk/suche?q=Sonnensegels');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('Protokoll Dezember');
    expect(found.body).toContain('<mark>Sonnensegel</mark>');
    expect(found.body).toContain('Ein Dokument zu „Sonnensegels“');

    const outsider = await signedInVisitor(t, 'partner');
    const none = await outsider.visitor.get('/netzwerk/suche?q=Sonnensegel');
    expect(none.body).toContain('Zu „Sonnensegel“ haben wir kein Dokument gefunden.');
    // The public concept sketch of the demo is found by every partner, by a word of its ODT file.
    expect((await outsider.visitor.get('/netzwerk/suche?q=Tagespflegepersonen')).body).toContain('Konzeptskizze Randzeitenbetreuung');
    expect((await visitor().get('/netzwerk/suche?q=Sonnensegel')).statusCode).toBe(401);
    // Operators and quotes are words, never a 500.
    expect((await outsider.visitor.get(`/netzwerk/suche?q=${encodeURIComponent('"a & | ! (b')}`)).statusCode).toBe(200);
  });
});

describe('meetings', () => {
  it('invites every member with an iCalendar request, takes the answer from the mail link, and cancels with METHOD:CANCEL', async () => {
    const g = await groupWithLead('open');
    const m = await memberOfGroup(g.id);
    const form = `/netzwerk/gruppen/${g.slug}/termine/neu`;
    const bad = await g.lead.visitor.submit(form, form, { title: 'Treffen', date: '2099-03-04', start: '16:00', end: '15:00', place: 'Rathaus' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Das Ende muss nach dem Beginn liegen.');
    const res = await g.lead.visitor.submit(form, form, {
      title: 'Treffen im März',
      date: '04.03.2099',
      start: '15:00',
      end: '16:30',
      place: 'Rathaus',
      agenda: '1. Begrüßung',
    });
    expect(res.statusCode).toBe(303);
    const meetingPath = res.headers.location!.split('?')[0]!;

    const [invite] = await mailsTo(m.user.email);
    expect(invite?.subject).toBe(`Einladung: „Treffen im März“ (Testgruppe ${g.slug.split('-')[1]})`);
    const eml = emlOf(invite!.id);
    expect(eml).toContain('METHOD:REQUEST');
    expect(eml).toContain('SEQUENCE:0');
    expect(eml).toContain('DTSTART:20990304T140000Z');
    expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // The link in the mail shows a page; the answer is taken with the button (no account session needed).
    const link = linkIn(invite!.text_body, '/antwort');
    const anonymous = visitor();
    const page = await anonymous.get(link);
    expect(page.statusCode).toBe(200);
    const token = new URL(`http://x${link}`).searchParams.get('token')!;
    const answered = await anonymous.submit(link, `${meetingPath}/antwort`, { token, answer: 'yes' });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Danke! Sie haben zugesagt.');
    expect((await m.visitor.get(meetingPath)).body).toContain('Sie haben zugesagt.');
    const tampered = await anonymous.submit(link, `${meetingPath}/antwort`, { token: `${token.slice(0, -2)}xx`, answer: 'no' });
    expect(tampered.statusCode).toBe(400);

    // A change goes to everyone as an update of the same calendar entry.
    const moved = await g.lead.visitor.submit(`${meetingPath}/aendern`, `${meetingPath}/aendern`, {
      title: 'Treffen im März',
      date: '04.03.2099',
      start: '16:00',
      end: '17:00',
      place: 'Rathaus',
    });
    expect(moved.statusCode).toBe(303);
    const afterChange = await mailsTo(m.user.email);
    expect(afterChange).toHaveLength(2);
    expect(afterChange[1]!.subject).toBe(`Geänderter Termin: „Treffen im März“ (Testgruppe ${g.slug.split('-')[1]})`);
    const update = emlOf(afterChange[1]!.id);
    expect(update).toContain('METHOD:REQUEST');
    expect(update).toContain('SEQUENCE:1');
    expect(update).toContain('DTSTART:20990304T150000Z');
    expect(/UID:(\S+)/.exec(update)?.[1]).toBe(/UID:(\S+)/.exec(eml)?.[1]);

    await g.lead.visitor.submit(meetingPath, `${meetingPath}/absagen`, {});
    const mails = await mailsTo(m.user.email);
    expect(mails).toHaveLength(3);
    const cancel = emlOf(mails[2]!.id);
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('SEQUENCE:2');
    // A cancelled meeting takes no more answers from the old link.
    expect((await anonymous.get(link)).statusCode).toBe(400);
  });

  it('keeps minutes and action items; the owner hears of the task and ticks it off', async () => {
    const g = await groupWithLead('open');
    const owner = await memberOfGroup(g.id);
    const outsider = await signedInVisitor(t, 'partner');
    const { id } = await t.deps.db
      .insertInto('network_meetings')
      .values({ group_id: g.id, title: 'Rückblick', starts_at: new Date('2026-01-10T10:00:00Z'), ends_at: new Date('2026-01-10T11:00:00Z'), place: 'Rathaus' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `/netzwerk/termine/${id}`;
    expect((await g.lead.visitor.submit(path, `${path}/protokoll`, { minutes: '**Beschluss:** Wir machen weiter.' })).statusCode).toBe(303);
    const foreign = await g.lead.visitor.submit(path, `${path}/aufgaben`, { title: 'Flyer drucken', owner: outsider.user.id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.body).toContain('Die zuständige Person muss Mitglied der Gruppe sein.');
    expect((await g.lead.visitor.submit(path, `${path}/aufgaben`, { title: 'Flyer drucken', owner: owner.user.id, due: '20.01.2099' })).statusCode).toBe(303);

    const [mail] = await mailsTo(owner.user.email);
    expect(mail?.subject).toContain('Neue Aufgabe für Sie: „Flyer drucken“');
    const mine = await owner.visitor.get('/netzwerk/mein');
    expect(mine.body).toContain('Flyer drucken');
    expect((await owner.visitor.get(path)).body).toContain('<strong>Beschluss:</strong> Wir machen weiter.');
    const task = await t.deps.db.selectFrom('network_tasks').select('id').where('title', '=', 'Flyer drucken').executeTakeFirstOrThrow();
    await owner.visitor.submit('/netzwerk/mein', `/netzwerk/aufgaben/${task.id}/status`, { done: 'ja' });
    expect((await owner.visitor.get('/netzwerk/mein')).body).not.toContain('Flyer drucken');
  });
});

describe('date polls', () => {
  it('collects answers per suggestion, marks the best, and turns the chosen one into a meeting with invitations, once', async () => {
    const g = await groupWithLead('open');
    const a = await memberOfGroup(g.id);
    const b = await memberOfGroup(g.id);
    const form = `/netzwerk/gruppen/${g.slug}/umfragen/neu`;
    const bad = await g.lead.visitor.submit(form, form, { title: 'Jahresplanung', duration: '90', options: '14.03.2099 15:00\nnächste Woche' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Zeile 2: „nächste Woche“ ist kein Termin in der Form 14.03.2027 15:00.');
    const res = await g.lead.visitor.submit(form, form, {
      title: 'Jahresplanung',
      place: 'Rathaus',
      duration: '90',
      options: '14.03.2099 15:00\n16.03.2099 9:30',
    });
    expect(res.statusCode).toBe(303);
    const pollPath = res.headers.location!.split('?')[0]!;
    expect((await mailsTo(a.user.email)).map((m) => m.subject)).toEqual([
      `Terminumfrage in „Testgruppe ${g.slug.split('-')[1]}“: Wann passt es Ihnen für „Jahresplanung“?`,
    ]);

    const options = await t.deps.db
      .selectFrom('network_poll_options')
      .select(['id', 'starts_at'])
      .where('poll_id', '=', pollPath.split('/').pop()!)
      .orderBy('starts_at')
      .execute();
    const [first, second] = options as [(typeof options)[0], (typeof options)[0]];
    await a.visitor.submit(pollPath, `${pollPath}/abstimmen`, { [`o-${first.id}`]: 'no', [`o-${second.id}`]: 'yes' });
    await b.visitor.submit(pollPath, `${pollPath}/abstimmen`, { [`o-${first.id}`]: 'maybe', [`o-${second.id}`]: 'yes' });
    const page = await a.visitor.get(pollPath);
    expect(page.body).toContain('(bisher am besten)');
    expect(page.body).toMatch(/<option value="yes" selected[^>]*>Ich komme<\/option>/);

    expect((await a.visitor.submit(pollPath, `${pollPath}/festlegen`, { option: second.id })).statusCode).toBe(403);
    const decided = await g.lead.visitor.submit(pollPath, `${pollPath}/festlegen`, { option: second.id });
    expect(decided.statusCode).toBe(303);
    const invitation = (await mailsTo(b.user.email)).find((m) => m.subject.startsWith('Einladung'));
    expect(invitation?.subject).toBe(`Einladung: „Jahresplanung“ (Testgruppe ${g.slug.split('-')[1]})`);
    expect(emlOf(invitation!.id)).toContain('DTSTART:20990316T083000Z');
    expect((await g.lead.visitor.submit(pollPath, `${pollPath}/festlegen`, { option: first.id })).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('network_meetings').select('id').where('group_id', '=', g.id).execute()).toHaveLength(1);
  });
});

describe('task reminders', () => {
  it('reminds the owner the day before a task is due, once, and marks overdue tasks', async () => {
    const g = await groupWithLead('open');
    const owner = await memberOfGroup(g.id);
    const tomorrow = addDays(todayIn(), 1);
    await t.deps.db
      .insertInto('network_tasks')
      .values([
        { group_id: g.id, title: 'Raum buchen', owner_id: owner.user.id, due_on: tomorrow },
        { group_id: g.id, title: 'Bericht schreiben', owner_id: owner.user.id, due_on: '2020-01-31' },
      ])
      .execute();
    const service = createNetworkService(t.deps);
    await Promise.all([service.remindDueTasks(), service.remindDueTasks()]);
    await service.remindDueTasks();
    const mails = await mailsTo(owner.user.email);
    expect(mails.map((m) => m.subject)).toEqual([`Morgen fällig: „Raum buchen“ (Testgruppe ${g.slug.split('-')[1]})`]);
    expect((await owner.visitor.get('/netzwerk/mein')).body).toContain('31.01.2020 (überfällig)');
  });
});

describe('mentions and comments', () => {
  it('tells a mentioned member once (as a mention, not also as a post), refuses unknown names, and tells authors of replies', async () => {
    const g = await groupWithLead('open');
    const named = await memberOfGroup(g.id);
    const other = await memberOfGroup(g.id);
    const group = `/netzwerk/gruppen/${g.slug}`;
    const unknown = await g.lead.visitor.submit(group, `${group}/beitraege`, { body: 'Frag mal @Niemand Bekanntes' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('„@Niemand“ ist kein Mitglied dieser Gruppe.');
    expect(
      (await g.lead.visitor.submit(group, `${group}/beitraege`, { body: `@${named.user.display_name} bitte den Raum buchen (an info@example.org)` }))
        .statusCode,
    ).toBe(303);
    const mention = await mailsTo(named.user.email);
    expect(mention.map((m) => m.subject)).toEqual([
      `Sie wurden in „Testgruppe ${g.slug.split('-')[1]}“ erwähnt: @${named.user.display_name} bitte den Raum buchen (an info@example.org)`,
    ]);
    expect((await mailsTo(other.user.email)).map((m) => m.subject)[0]).toContain('Neuer Beitrag in');

    const post = await t.deps.db.selectFrom('network_posts').select('id').where('group_id', '=', g.id).executeTakeFirstOrThrow();
    const field = `kommentar-${post.id}`;
    const empty = await named.visitor.submit(group, `/netzwerk/beitraege/${post.id}/kommentare`, { [field]: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Schreiben Sie Ihren Kommentar.');
    expect((await named.visitor.submit(group, `/netzwerk/beitraege/${post.id}/kommentare`, { [field]: 'Erledigt, Raum 2.14 ist gebucht.' })).statusCode).toBe(
      303,
    );
    const replies = await mailsTo(g.lead.user.email);
    expect(replies.map((m) => m.subject)).toEqual([`Antwort auf Ihren Beitrag in „Testgruppe ${g.slug.split('-')[1]}“: Erledigt, Raum 2.14 ist gebucht.`]);
    expect((await other.visitor.get(group)).body).toContain('Erledigt, Raum 2.14 ist gebucht.');
    const outsider = await signedInVisitor(t, 'partner');
    expect((await outsider.visitor.submit('/netzwerk/mein', `/netzwerk/beitraege/${post.id}/kommentare`, { [field]: 'Ich auch' })).statusCode).toBe(403);
  });
});

describe('pinned, edited and reported posts', () => {
  it('lets the lead pin a post on top, the author edit it with its history kept, and a member report it to the lead', async () => {
    const g = await groupWithLead('open');
    const author = await memberOfGroup(g.id);
    const reader = await memberOfGroup(g.id);
    const group = `/netzwerk/gruppen/${g.slug}`;
    await author.visitor.submit(group, `${group}/beitraege`, { body: 'Erster Stand' });
    await author.visitor.submit(group, `${group}/beitraege`, { body: 'Spätere Notiz' });
    const [older] = await t.deps.db.selectFrom('network_posts').select('id').where('group_id', '=', g.id).orderBy('created_at').execute();
    const id = older!.id;

    expect((await reader.visitor.submit(group, `/netzwerk/beitraege/${id}/anheften`, {})).statusCode).toBe(403);
    expect((await g.lead.visitor.submit(group, `/netzwerk/beitraege/${id}/anheften`, {})).statusCode).toBe(303);
    const pinned = (await reader.visitor.get(group)).body;
    expect(pinned.indexOf('Erster Stand')).toBeLessThan(pinned.indexOf('Spätere Notiz'));
    expect(pinned).toContain('Angeheftet');

    expect((await reader.visitor.submit(group, `/netzwerk/beitraege/${id}/bearbeiten`, { [`bearbeiten-${id}`]: 'Fremd geändert' })).statusCode).toBe(403);
    const empty = await author.visitor.submit(group, `/netzwerk/beitraege/${id}/bearbeiten`, { [`bearbeiten-${id}`]: '' });
    expect(empty.statusCode).toBe(422);
    expect((await author.visitor.submit(group, `/netzwerk/beitraege/${id}/bearbeiten`, { [`bearbeiten-${id}`]: 'Zweiter Stand' })).statusCode).toBe(303);
    const edited = (await reader.visitor.get(group)).body;
    expect(edited).toContain('Zweiter Stand');
    expect(edited).toContain('Frühere Fassung');
    expect(edited).toMatch(/Fassung bis .*geändert von/);

    const short = await reader.visitor.submit(group, `/netzwerk/beitraege/${id}/melden`, { [`meldung-${id}`]: 'x' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Schreiben Sie kurz, warum Sie den Beitrag melden');
    await t.runJobs();
    await t.deps.db.deleteFrom('mail_outbox').where('recipient', '=', g.lead.user.email).execute();
    for (let i = 0; i < 2; i++)
      expect(
        (await reader.visitor.submit(group, `/netzwerk/beitraege/${id}/melden`, { [`meldung-${id}`]: 'Enthält eine private Telefonnummer.' })).statusCode,
      ).toBe(303);
    const told = await mailsTo(g.lead.user.email);
    expect(told.map((m) => m.subject)).toEqual([`Gemeldeter Beitrag in „Testgruppe ${g.slug.split('-')[1]}“: Zweiter Stand`]);
  });
});

describe('notifications arrive exactly once', () => {
  it('two dispatch runs at the same time mail each notification once', async () => {
    const g = await groupWithLead('open');
    const members = await Promise.all([memberOfGroup(g.id), memberOfGroup(g.id), memberOfGroup(g.id)]);
    for (const body of ['Erster Beitrag', 'Zweiter Beitrag', 'Dritter Beitrag'])
      expect((await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/beitraege`, { body })).statusCode).toBe(303);
    const [a, b] = await Promise.all([t.deps.notifications.dispatch(), t.deps.notifications.dispatch()]);
    expect(a + b).toBe(9);
    await t.runJobs();
    for (const m of members) {
      const subjects = (await mailsTo(m.user.email)).map((mail) => mail.subject).sort();
      expect(subjects).toEqual(
        ['Dritter Beitrag', 'Erster Beitrag', 'Zweiter Beitrag'].map((title) => `Neuer Beitrag in „Testgruppe ${g.slug.split('-')[1]}“: ${title}`),
      );
    }
    // The author hears nothing of their own posts.
    expect(await mailsTo(g.lead.user.email)).toHaveLength(0);
  });

  it('collects digest members’ news in one daily mail, once even when two digest runs overlap', async () => {
    const g = await groupWithLead('open');
    const reader = await memberOfGroup(g.id, 'daily');
    const weekly = await memberOfGroup(g.id, 'weekly');
    const silent = await memberOfGroup(g.id, 'never');
    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/beitraege`, { body: 'Neuigkeit eins' });
    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/beitraege`, { body: 'Neuigkeit zwei' });
    await t.runJobs();
    expect(await mailsTo(reader.user.email)).toHaveLength(0);

    const { notifications } = t.deps;
    // Before the reader's hour (07:00) nothing leaves; at the next morning's run, one mail with both.
    expect(await notifications.sendDigests('daily')).toBe(0);
    const morning = nextBerlin(7);
    await Promise.all([notifications.sendDigests('daily', morning), notifications.sendDigests('daily', morning)]);
    await notifications.sendDigests('daily', morning);
    const mails = await mailsTo(reader.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Ihre Tagesübersicht: 2 Neuigkeiten');
    expect(mails[0]!.text_body).toContain('Neuigkeit eins');
    expect(mails[0]!.text_body).toContain('Neuigkeit zwei');
    expect(await mailsTo(silent.user.email)).toHaveLength(0);
    // The weekly reader waits for Monday's run, then gets both items in one mail.
    expect(await mailsTo(weekly.user.email)).toHaveLength(0);
    await notifications.sendDigests('weekly', morning);
    if (weekdayOf(todayIn(morning)) !== 1) expect(await mailsTo(weekly.user.email)).toHaveLength(0);
    const monday = nextBerlin(7, (date) => weekdayOf(date) === 1);
    await Promise.all([notifications.sendDigests('weekly', monday), notifications.sendDigests('weekly', monday)]);
    const week = await mailsTo(weekly.user.email);
    expect(week.map((m) => m.subject)).toEqual(['Ihre Wochenübersicht: 2 Neuigkeiten']);
  });

  it('unsubscribes with one click (RFC 8058): no more mails', async () => {
    const g = await groupWithLead('open');
    const m = await memberOfGroup(g.id);
    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/beitraege`, { body: 'Vor dem Abbestellen' });
    const [mail] = await mailsTo(m.user.email);
    expect(emlOf(mail!.id)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = linkIn(mail!.text_body, '/benachrichtigungen/abbestellen').replace('/abbestellen?', '/abbestellen/ein-klick?');
    const res = await t.app.inject({
      method: 'POST',
      url: oneClick,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: `${oneClick}x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(bad.statusCode).toBe(400);
    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/beitraege`, { body: 'Nach dem Abbestellen' });
    expect(await mailsTo(m.user.email)).toHaveLength(1);
    const settings = (await m.visitor.get('/benachrichtigungen')).body;
    expect(settings).toMatch(/name="c-network\.post" value="never" checked/);
    expect(settings).toMatch(/name="c-network\.mention" value="immediate" checked/);
  });
});

describe('my alliance', () => {
  it('shows the demo partner their groups, next meeting with RSVP state, tasks, the feed and the Familieninfobrief', async () => {
    const partner = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'partner@familienrathaus.example').executeTakeFirst();
    expect(partner).toBeDefined();
    const v = visitor();
    const { createSession, sessionSettings } = await import('../../platform/auth/sessions.js');
    const { cookieNames } = await import('../../platform/http/context.js');
    v.cookies.set(cookieNames(t.deps.config).session, await createSession(t.deps.db, partner!.id, sessionSettings(t.deps.config)));
    const res = await v.get('/netzwerk/mein');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Lenkungsgruppe');
    expect(res.body).toContain('Sitzung der Lenkungsgruppe');
    expect(res.body).toContain('Sie haben noch nicht geantwortet.');
    expect(res.body).toContain('Konzeptskizze an die Lenkungsgruppe schicken');
    expect(res.body).toContain('Die Einladung zur nächsten Sitzung ist raus.');
    expect(res.body).toContain('AG Gesundheit');

    // A Familieninfobrief issue that went out appears in the feed, linking to its archive page.
    const issue = await t.deps.db
      .insertInto('newsletter_issues')
      .values({ subject: 'Familieninfobrief Dezember', composition: '{}', status: 'sent', started_at: new Date(), finished_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await v.get('/netzwerk/mein');
    expect(after.body).toContain(`<a class="kern-link" href="/infobrief/archiv/${issue.id}" lang="de">Familieninfobrief Dezember</a>`);
  });
});
