import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';
import { createNewsPost, createSubscriber } from '../../../test/support/newsletter.js';
import { todayIn } from '../../platform/time/berlin.js';

// No SMTP_URL: the bulk transport writes to mail_outbox, which the test reads.
const t = useTestApp({ NEWSLETTER_MAX_PER_SECOND: '0' });
const db = () => t.deps.db;
const outboxTo = (email: string) => db().selectFrom('mail_outbox').selectAll().where('recipient', '=', email).execute();

async function composeIssue(editor: Visitor, fields: Record<string, string>): Promise<string> {
  const res = await editor.submit('/verwaltung/infobrief/neu', '/verwaltung/infobrief/neu', fields);
  expect(res.statusCode).toBe(303);
  return /\/verwaltung\/infobrief\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
}

describe('composing an issue', () => {
  it('composes with news, events range, holiday notice and a free section; previews; test-sends marked [TEST]', async () => {
    const post = await createNewsPost(t, { title: 'Kita-Anmeldung startet' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const form = await editor.get('/verwaltung/infobrief/neu');
    expect(form.body).toContain(`name="news_${post.id}"`);
    const id = await composeIssue(editor, {
      subject: 'Infobrief Winter',
      intro: 'Liebe Familien,\n\nhier ist der Winter-Infobrief.',
      [`news_${post.id}`]: 'ja',
      eventsEnabled: 'ja',
      eventsFrom: '2026-12-01',
      eventsTo: '2026-12-31',
      eventsAge: '4',
      eventsFreeOnly: 'ja',
      holidayNotice: 'Anmeldung für die Winterferien bis 5. Dezember.',
      section1Heading: 'Beratung',
      section1Body: 'Neue Sprechzeiten.',
    });
    const stored = await db().selectFrom('newsletter_issues').select('composition').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.composition).toMatchObject({ newsIds: [post.id], events: { from: '2026-12-01', to: '2026-12-31', age: 4, freeOnly: true } });
    const preview = await editor.get(`/verwaltung/infobrief/${id}/vorschau`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Kita-Anmeldung startet');
    expect(preview.body).toContain('Ferienbetreuung');
    expect(preview.body).toContain('In diesem Zeitraum sind keine Veranstaltungen eingetragen.');
    expect(preview.body).toContain('Textfassung der E-Mail');

    const test = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/test`, {
      testAddresses: 'redaktion.test@example.org, zweite@example.org',
    });
    expect(test.statusCode).toBe(303);
    await t.runJobs();
    const [mail] = await outboxTo('redaktion.test@example.org');
    expect(mail!.subject).toBe('[TEST] Infobrief Winter');
    expect(mail!.text_body).toContain('Kita-Anmeldung startet');
    // One greeting: the editor's.
    expect(mail!.text_body).toContain('Liebe Familien,');
    expect(mail!.text_body).not.toContain('Guten Tag,');
    expect(await outboxTo('zweite@example.org')).toHaveLength(1);

    const bad = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/test`, { testAddresses: 'a@example.org, kaputt' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Geben Sie 1 bis 5 gültige E-Mail-Adressen ein');
  });

  it('re-renders the composer with errors for a bad date range and a section without heading', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.submit('/verwaltung/infobrief/neu', '/verwaltung/infobrief/neu', {
      subject: 'Infobrief',
      eventsEnabled: 'ja',
      eventsFrom: '2026-12-10',
      eventsTo: '2026-12-01',
      eventsAge: 'drei',
      eventsCategory: 'baby',
      section2Body: 'Text ohne Überschrift',
    });
    expect(res.body).toContain('Geben Sie ein Alter als ganze Zahl von 0 bis 27 ein.');
    // The event category is chosen from the calendar's own list, and the choice is kept.
    expect(res.body).toContain('<option value="baby" selected>Baby und Kleinkind</option>');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Das Ende muss nach dem Anfang liegen');
    expect(res.body).toContain('Geben Sie eine Überschrift für diesen Abschnitt ein.');
    expect(res.body).toContain('Text ohne Überschrift');
  });

  it('takes the events range as TT.MM.JJJJ and names an impossible day', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const form = await editor.get('/verwaltung/infobrief/neu');
    expect(form.body).toContain('Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');
    expect(form.body).not.toContain('type="date"');
    const bad = await editor.submit('/verwaltung/infobrief/neu', '/verwaltung/infobrief/neu', {
      subject: 'Infobrief',
      eventsEnabled: 'ja',
      eventsFrom: '01.12.2026',
      eventsTo: '31.11.2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Veranstaltungen bis“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
    expect(bad.body).toContain('value="31.11.2026"');
    const id = await composeIssue(editor, { subject: 'Infobrief Dezember', eventsEnabled: 'ja', eventsFrom: '1.12.2026', eventsTo: '31.12.2026' });
    const stored = await db().selectFrom('newsletter_issues').select('composition').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.composition).toMatchObject({ events: { from: '2026-12-01', to: '2026-12-31' } });
    expect((await editor.get(`/verwaltung/infobrief/${id}`)).body).toContain('value="01.12.2026"');
  });

  it('keeps families out', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/verwaltung/infobrief')).statusCode).toBe(403);
    expect((await family.get('/verwaltung/infobrief/neu')).statusCode).toBe(403);
  });
});

describe('sending an issue', () => {
  it('mails every confirmed subscriber once, never a pending one, refuses a second send, and archives without personal data', async () => {
    const confirmed = [await createSubscriber(t), await createSubscriber(t, { locale: 'en' }), await createSubscriber(t)];
    const pending = await createSubscriber(t, { status: 'pending' });
    const gone = await createSubscriber(t, { status: 'unsubscribed' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, { subject: 'Infobrief Frühling', intro: 'Hallo!' });

    const send = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/senden`, { bestaetigt: 'ja' });
    expect(send.statusCode).toBe(303);
    expect(send.headers.location).toBe(`/verwaltung/infobrief/${id}/fortschritt?hinweis=gestartet`);
    await t.runJobs();

    for (const s of confirmed) {
      const mails = await outboxTo(s.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain(`/infobrief/einstellungen?token=${encodeURIComponent(s.manageToken)}`);
    }
    expect((await outboxTo(confirmed[1]!.email))[0]!.text_body).toContain('The contents of this newsletter are in German.');
    expect(await outboxTo(pending.email)).toHaveLength(0);
    expect(await outboxTo(gone.email)).toHaveLength(0);

    const json = await editor.get(`/verwaltung/infobrief/${id}/fortschritt.json`);
    expect(JSON.parse(json.body)).toEqual({
      total: 3,
      done: 3,
      summary: '3 von 3 erledigt: 3 verschickt, 0 fehlgeschlagen, 0 unklar, 0 übersprungen.',
      finished: true,
    });
    expect((await new Visitor(() => t.app).get(`/verwaltung/infobrief/${id}/fortschritt.json`)).statusCode).toBe(401);
    const progress = await editor.get(`/verwaltung/infobrief/${id}/fortschritt`);
    expect(progress.body).toContain('Der Versand ist abgeschlossen.');
    expect(progress.body).toMatch(/<progress id="progress" max="3" value="3"/);

    // A second click, a second editor, or a scheduled start later: refused, nobody mailed twice.
    const again = await editor.submit(`/verwaltung/infobrief/${id}/fortschritt`, `/verwaltung/infobrief/${id}/senden`, { bestaetigt: 'ja' });
    expect(again.headers.location).toBe(`/verwaltung/infobrief/${id}/fortschritt?hinweis=schon`);
    await t.runJobs();
    for (const s of confirmed) expect(await outboxTo(s.email)).toHaveLength(1);
    const rows = await db().selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', id).execute();
    expect(rows).toHaveLength(3);

    const archive = await new Visitor(() => t.app).get('/infobrief/archiv');
    expect(archive.body).toContain('Infobrief Frühling');
    const page = await new Visitor(() => t.app).get(`/infobrief/archiv/${id}`);
    expect(page.statusCode).toBe(200);
    for (const s of confirmed) {
      expect(page.body).not.toContain(s.email);
      expect(page.body).not.toContain(s.manageToken);
    }
    const rss = await new Visitor(() => t.app).get('/infobrief/archiv.rss');
    expect(rss.body).toContain(`/infobrief/archiv/${id}</link>`);
  });

  it('shows no draft in the archive and starts a scheduled issue when it is due', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, { subject: 'Geplanter Infobrief' });
    expect((await new Visitor(() => t.app).get(`/infobrief/archiv/${id}`)).statusCode).toBe(404);
    const past = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/planen`, { scheduleAt: '2020-01-01T10:00' });
    expect(past.statusCode).toBe(422);
    const ok = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/planen`, { scheduleAt: '2099-01-01T10:00' });
    expect(ok.statusCode).toBe(303);
    await t.deps.jobs.send(db(), 'newsletter.tick', {});
    await t.runJobs();
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('scheduled');
    const page = await editor.get(`/verwaltung/infobrief/${id}`);
    expect(page.body).toContain('Planung aufheben');
    const undone = await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/planung-aufheben`, {});
    expect(undone.headers.location).toBe(`/verwaltung/infobrief/${id}?hinweis=aufgehoben`);
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
    await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/planen`, { scheduleAt: '2099-01-01T10:00' });
    await db()
      .updateTable('newsletter_issues')
      .set({ scheduled_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    await t.deps.jobs.send(db(), 'newsletter.tick', {});
    await t.runJobs();
    expect((await db().selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');
  });

  it('sends each subscriber the posts of their topics (and untagged ones)', async () => {
    const holidays = await createNewsPost(t, { title: 'Ferienbetreuung: Anmeldung offen', topics: ['ferien'] });
    const health = await createNewsPost(t, { title: 'Impftermine für Kinder', topics: ['gesundheit'] });
    const general = await createNewsPost(t, { title: 'Neues Familienbüro', topics: [] });
    const parent = await createSubscriber(t, { topics: ['ferien'] });
    const everything = await createSubscriber(t, { topics: [] });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, {
      subject: 'Infobrief nach Themen',
      [`news_${holidays.id}`]: 'ja',
      [`news_${health.id}`]: 'ja',
      [`news_${general.id}`]: 'ja',
    });
    await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/senden`, { bestaetigt: 'ja' });
    await t.runJobs();
    const [toParent] = (await outboxTo(parent.email)).filter((m) => m.subject === 'Infobrief nach Themen');
    expect(toParent!.text_body).toContain('Ferienbetreuung: Anmeldung offen');
    expect(toParent!.text_body).toContain('Neues Familienbüro');
    expect(toParent!.text_body).not.toContain('Impftermine für Kinder');
    const [toAll] = (await outboxTo(everything.email)).filter((m) => m.subject === 'Infobrief nach Themen');
    expect(toAll!.text_body).toContain('Impftermine für Kinder');
    // The archive shows the whole issue.
    expect((await new Visitor(() => t.app).get(`/infobrief/archiv/${id}`)).body).toContain('Impftermine für Kinder');
  });

  it('takes the events of the range from the calendar, and each subscriber gets their district plus the city-wide ones', async () => {
    await buildEvent(t, { title: 'Laternenbasteln in Heessen', district: 'Heessen' });
    await buildEvent(t, { title: 'Kinderflohmarkt in Uentrop', district: 'Uentrop' });
    await buildEvent(t, { title: 'Stadtweites Lesefest', district: null });
    const heessen = await createSubscriber(t, { district: 'Heessen' });
    const anywhere = await createSubscriber(t);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const from = todayIn(new Date());
    const to = todayIn(new Date(Date.now() + 14 * 86_400_000));
    const id = await composeIssue(editor, { subject: 'Infobrief mit Kalender', eventsEnabled: 'ja', eventsFrom: from, eventsTo: to });
    const preview = await editor.get(`/verwaltung/infobrief/${id}/vorschau`);
    for (const title of ['Laternenbasteln in Heessen', 'Kinderflohmarkt in Uentrop', 'Stadtweites Lesefest']) expect(preview.body).toContain(title);
    await editor.submit(`/verwaltung/infobrief/${id}`, `/verwaltung/infobrief/${id}/senden`, { bestaetigt: 'ja' });
    await t.runJobs();
    const [toHeessen] = (await outboxTo(heessen.email)).filter((m) => m.subject === 'Infobrief mit Kalender');
    expect(toHeessen!.text_body).toContain('Laternenbasteln in Heessen');
    expect(toHeessen!.text_body).toContain('Stadtweites Lesefest');
    expect(toHeessen!.text_body).not.toContain('Kinderflohmarkt in Uentrop');
    expect(toHeessen!.html_body).toContain('/veranstaltungen/');
    const [toAnywhere] = (await outboxTo(anywhere.email)).filter((m) => m.subject === 'Infobrief mit Kalender');
    expect(toAnywhere!.text_body).toContain('Kinderflohmarkt in Uentrop');
  });
});
