import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser, signedInVisitor } from '../../../test/support/auth.js';
import { seedContentPages } from './index.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

beforeAll(async () => {
  await seedContentPages(t.deps.db, t.deps.city);
});

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const h1Of = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '';
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
const textareaOf = (html: string, name: string) => new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '';

/** Opens the edit form the way a browser does and sends it with the version and token it carried. */
async function editPage(v: Visitor, slug: string, locale: string, fields: { title: string; body: string }, version?: string) {
  const form = await v.get(`/verwaltung/seiten/${slug}/${locale}`);
  expect(form.statusCode).toBe(200);
  return v.post(`/verwaltung/seiten/${slug}/${locale}`, { _csrf: csrfTokenOf(form.body), version: version ?? versionOf(form.body), ...fields });
}

describe('legal and help pages', () => {
  const pages = [
    {
      path: '/impressum',
      h1: 'Impressum',
      says: ['§ 5 Digitale-Dienste-Gesetz', 'Vertretung', 'Aufsichtsbehörde', 'Umsatzsteuer-Identifikationsnummer', 'Inhaltlich verantwortlich'],
    },
    {
      path: '/datenschutz',
      h1: 'Datenschutzerklärung',
      says: ['Datenschutzbeauftragte', 'Kein Tracking', 'frh_session', 'Artikel 15 DSGVO', 'Artikel 21 DSGVO', 'LDI NRW'],
    },
    {
      path: '/barrierefreiheit',
      h1: 'Erklärung zur Barrierefreiheit',
      says: [
        'Stand der Vereinbarkeit mit den Anforderungen',
        'Nicht barrierefreie Inhalte',
        'Erstellung dieser Erklärung',
        'Feedback und Kontaktangaben',
        'Durchsetzungsverfahren',
        'Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen',
        'bei der Landesbeauftragten für Menschen mit Behinderung NRW',
        '§ 10d BGG NRW',
        'zuletzt am <mark class="placeholder">Platzhalter: Datum der letzten Überprüfung, TT.MM.JJJJ</mark> überprüft',
        '<mark class="placeholder">Platzhalter: Postanschrift der Ombudsstelle, vor der Veröffentlichung auf deren Website prüfen</mark>',
        'href="/barriere-melden"',
      ],
    },
    {
      path: '/leichte-sprache',
      h1: 'Leichte Sprache',
      says: ['Leichte Sprache ist einfaches Deutsch.<br>', 'Zum Beispiel: Familien·büro.', 'href="/leichte-sprache/familienbuero"'],
    },
    {
      path: '/gebaerdensprache',
      h1: 'Informationen in Deutscher Gebärdensprache',
      says: ['Deutscher Gebärdensprache (DGS)', 'eigenen Server', 'mailto:familienbuero@example.org', 'Platzhalter: Mobilnummer für SMS'],
    },
  ];

  for (const page of pages) {
    it(`${page.path} shows the seeded text in German with its placeholders marked`, async () => {
      const res = await visitor().get(page.path);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="de"');
      expect(h1Of(res.body)).toBe(page.h1);
      expect(res.body.match(/<h1/g)).toHaveLength(1);
      expect(res.body).toMatch(/<mark class="placeholder">Platzhalter: [^<]+<\/mark>/);
      for (const text of page.says) expect(res.body, text).toContain(text);
      expect(res.body, 'no edit link for visitors').not.toContain('/verwaltung/seiten/');
    });
  }

  it('fills in the city from its profile', async () => {
    const res = await visitor().get('/impressum');
    expect(res.body).toContain('Stadt Hamm');
    expect(res.body).toContain('<a class="kern-link" href="tel:+492381000000">+49 2381 000000</a>');
  });

  it('shows the English page after the visitor switched to English', async () => {
    const v = visitor();
    const switched = await v.get('/sprache/en?zurueck=/impressum');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/impressum');
    const res = await v.get('/impressum');
    expect(res.body).toContain('<html lang="en"');
    expect(h1Of(res.body)).toBe('Legal notice');
    expect(res.body).toContain('Section 5 of the German Digital Services Act');
    expect(res.body).toMatch(/<mark class="placeholder">Placeholder: [^<]+<\/mark>/);
    expect(res.body).not.toContain('Platzhalter:');
  });

  it('falls back to German, marked as German, when the English page is missing, and seeding brings it back', async () => {
    await t.deps.db.deleteFrom('content_pages').where('slug', '=', 'gebaerdensprache').where('locale', '=', 'en').execute();
    const v = visitor();
    await v.get('/sprache/en?zurueck=/');
    const res = await v.get('/gebaerdensprache');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('not available in your language yet');
    expect(res.body).toContain('<article class="content-page" lang="de">');
    expect(res.body).toContain('Die Videos kommen von unserem eigenen Server.');

    expect(await seedContentPages(t.deps.db, t.deps.city)).toBe(1);
    expect(h1Of((await v.get('/gebaerdensprache')).body)).toBe('Information in German Sign Language');
    expect(await seedContentPages(t.deps.db, t.deps.city)).toBe(0);
  });
});

describe('editing a page', () => {
  it('lets an editor change a page; the public page shows it and the audit log records it', async () => {
    const { visitor: editor, user } = await signedInVisitor(t, 'editor');
    const page = await editor.get('/datenschutz');
    expect(page.body).toContain('href="/verwaltung/seiten/datenschutz/de"');
    expect(page.body).toContain('Bearbeiten');

    const list = await editor.get('/verwaltung/seiten');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h2 class="kern-heading-medium" id="seite-datenschutz">Datenschutz</h2>');
    expect(list.body).toMatch(/<strong>Englisch<\/strong>: <span>Version 1, Mustertext, noch nicht bearbeitet/);
    expect(list.body).toContain('href="/verwaltung/seiten/datenschutz/en"');

    const saved = await editPage(editor, 'datenschutz', 'de', {
      title: 'Datenschutz im Familienrathaus',
      body: '## Neu\n\nWir verarbeiten **Kürbissuppe** nur mit Sorgfalt.\n\n- Erstens\n- [Mehr](https://example.org)',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/verwaltung/seiten?gespeichert=datenschutz/de');
    const confirmation = await editor.get(saved.headers.location as string);
    expect(confirmation.body).toContain('Gespeichert: „Datenschutz im Familienrathaus“ (Deutsch), jetzt Version 2.');
    expect(confirmation.body).toMatch(/<strong>Deutsch<\/strong>: <span>Version 2, [^<]+, Testperson \d+<\/span>/);

    const shown = await visitor().get('/datenschutz');
    expect(h1Of(shown.body)).toBe('Datenschutz im Familienrathaus');
    expect(shown.body).toContain('<h2 class="kern-heading-medium">Neu</h2>');
    expect(shown.body).toContain('Wir verarbeiten <strong>Kürbissuppe</strong> nur mit Sorgfalt.');
    expect(shown.body).toContain('<a class="kern-link" href="https://example.org">Mehr</a>');

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'content.page_updated')
      .where('subject_id', '=', 'datenschutz/de')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, subject_type: 'content_page', details: { version: 2 } });
  });

  it('refuses a stale version with 409, keeps the editor’s text and saves once the editor confirms', async () => {
    const { visitor: first } = await signedInVisitor(t, 'editor');
    const { visitor: second } = await signedInVisitor(t, 'admin');
    const firstForm = await first.get('/verwaltung/seiten/barrierefreiheit/de');
    const secondForm = await second.get('/verwaltung/seiten/barrierefreiheit/de');
    const startVersion = versionOf(secondForm.body);

    const firstSave = await first.post('/verwaltung/seiten/barrierefreiheit/de', {
      _csrf: csrfTokenOf(firstForm.body),
      version: versionOf(firstForm.body),
      title: 'Erklärung zur Barrierefreiheit',
      body: 'Fassung der ersten Person.',
    });
    expect(firstSave.statusCode).toBe(303);

    const stale = await second.post('/verwaltung/seiten/barrierefreiheit/de', {
      _csrf: csrfTokenOf(secondForm.body),
      version: startVersion,
      title: 'Erklärung zur Barrierefreiheit',
      body: 'Fassung der zweiten Person, die nicht verloren gehen darf.',
    });
    expect(stale.statusCode).toBe(409);
    expect(titleOf(stale.body)).toMatch(/^Fehler: /);
    expect(stale.body).toContain('Jemand anderes hat diese Seite inzwischen geändert');
    expect(textareaOf(stale.body, 'body')).toBe('Fassung der zweiten Person, die nicht verloren gehen darf.');
    expect(stale.body).toContain('Fassung der ersten Person.');
    expect((await visitor().get('/barrierefreiheit')).body).toContain('Fassung der ersten Person.');

    // The re-rendered form is based on the saved version: sending it again is a deliberate overwrite.
    const confirmed = await second.post('/verwaltung/seiten/barrierefreiheit/de', {
      _csrf: csrfTokenOf(stale.body),
      version: versionOf(stale.body),
      title: 'Erklärung zur Barrierefreiheit',
      body: textareaOf(stale.body, 'body'),
    });
    expect(confirmed.statusCode).toBe(303);
    expect((await visitor().get('/barrierefreiheit')).body).toContain('Fassung der zweiten Person, die nicht verloren gehen darf.');
  });

  it('re-renders an invalid edit with 422, an error summary and the values kept', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const longBody = `Anfang ${'x'.repeat(50_001)}`;
    const res = await editPage(editor, 'impressum', 'de', { title: '   ', body: longBody });
    expect(res.statusCode).toBe(422);
    expect(titleOf(res.body)).toMatch(/^Fehler: /);
    expect(res.body).toContain('data-error-summary');
    expect(res.body).toContain('<a class="kern-link" href="#title">Geben Sie eine Überschrift ein.</a>');
    expect(res.body).toContain('<a class="kern-link" href="#body">Der Text darf höchstens 50.000 Zeichen lang sein, er hat jetzt 50008.</a>');
    expect(textareaOf(res.body, 'body')).toBe(longBody);
    expect(h1Of((await visitor().get('/impressum')).body)).toBe('Impressum');
  });

  it('escapes what an editor writes', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const saved = await editPage(editor, 'gebaerdensprache', 'en', {
      title: 'Sign <script>alert(1)</script> language',
      body: '<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))',
    });
    expect(saved.statusCode).toBe(303);
    const v = visitor();
    await v.get('/sprache/en?zurueck=/');
    const res = await v.get('/gebaerdensprache');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).not.toContain('javascript:');
    expect(h1Of(res.body)).toBe('Sign &lt;script>alert(1)&lt;/script> language');
  });

  it('answers 401 to anonymous visitors and 403 to family users, also when they post', async () => {
    const anonymous = await visitor().get('/verwaltung/seiten/impressum/de');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).toContain('Bitte melden Sie sich an');
    expect((await visitor().get('/verwaltung/seiten')).statusCode).toBe(401);

    const { visitor: family } = await signedInVisitor(t, 'family');
    const forbidden = await family.get('/verwaltung/seiten/impressum/de');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('Kein Zugriff');
    expect((await family.get('/verwaltung/seiten')).statusCode).toBe(403);
    expect((await family.get('/impressum')).body).not.toContain('/verwaltung/seiten/');

    const home = await family.get('/');
    const post = await family.post('/verwaltung/seiten/impressum/de', { _csrf: csrfTokenOf(home.body), version: '1', title: 'Gekapert', body: 'Gekapert' });
    expect(post.statusCode).toBe(403);
    expect(h1Of((await visitor().get('/impressum')).body)).toBe('Impressum');
  });

  it('lets an editor create a page that is missing in one language', async () => {
    await t.deps.db.deleteFrom('content_pages').where('slug', '=', 'impressum').where('locale', '=', 'en').execute();
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const list = await editor.get('/verwaltung/seiten');
    expect(list.body).toMatch(/<strong>Englisch<\/strong>: <span>noch nicht angelegt<\/span>/);
    expect(list.body).toMatch(/href="\/verwaltung\/seiten\/impressum\/en">Anlegen/);
    const form = await editor.get('/verwaltung/seiten/impressum/en');
    expect(h1Of(form.body)).toBe('Impressum anlegen (Englisch)');
    expect(versionOf(form.body)).toBe('0');
    const saved = await editPage(editor, 'impressum', 'en', { title: 'Imprint', body: 'Written by the **editor**.' });
    expect(saved.statusCode).toBe(303);
    const v = visitor();
    await v.get('/sprache/en?zurueck=/');
    expect(h1Of((await v.get('/impressum')).body)).toBe('Imprint');
    // A second "create" from a stale form finds the page there already.
    const again = await editor.post('/verwaltung/seiten/impressum/en', { _csrf: csrfTokenOf(form.body), version: '0', title: 'Imprint 2', body: 'Other text' });
    expect(again.statusCode).toBe(409);
  });

  it('answers 404 for pages and languages that do not exist', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await editor.get('/verwaltung/seiten/startseite/de')).statusCode).toBe(404);
    expect((await editor.get('/verwaltung/seiten/impressum/fr')).statusCode).toBe(404);
  });
});

describe('reporting a barrier', () => {
  const reportCount = async () =>
    (
      await t.deps.db
        .selectFrom('barrier_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('takes over the page from the footer link, but only a page of this portal', async () => {
    const fromFooter = await visitor().get('/barriere-melden?seite=%2Fferien%3Fjahr%3D2026');
    expect(fromFooter.statusCode).toBe(200);
    expect(fromFooter.body).toContain('value="/ferien?jahr=2026"');
    expect(fromFooter.body).toContain('<label class="kern-label" for="message">Was ist die Barriere?</label>');
    expect(fromFooter.body).toContain('Ihre E-Mail-Adresse (freiwillig)');
    expect(fromFooter.body).toContain('Nur wenn Sie eine Antwort möchten');

    const pageField = (html: string) => /<input[^>]*name="page"[^>]*>/.exec(html)?.[0] ?? '';
    const foreign = await visitor().get('/barriere-melden?seite=https%3A%2F%2Fevil.example%2F');
    expect(pageField(foreign.body)).toContain('value=""');
    const protocolRelative = await visitor().get('/barriere-melden?seite=%2F%2Fevil.example');
    expect(pageField(protocolRelative.body)).toContain('value=""');
    const ownFullAddress = await visitor().get(`/barriere-melden?seite=${encodeURIComponent(`${t.deps.config.publicUrl}/angebote`)}`);
    expect(pageField(ownFullAddress.body)).toContain('value="/angebote"');
  });

  it('stores the report and mails the editors’ address and every editor', async () => {
    const editor = await createUser(t, { role: 'editor', email: 'redakteurin@example.org' });
    const before = await reportCount();
    const v = visitor();
    const res = await v.submit('/barriere-melden?seite=/ferien', '/barriere-melden', {
      page: '/ferien',
      message: 'Der Knopf „Anmelden“ ist mit der Tastatur nicht erreichbar.',
      email: 'melderin@example.org',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/barriere-melden/danke');
    const thanks = await v.get('/barriere-melden/danke');
    expect(h1Of(thanks.body)).toBe('Vielen Dank für Ihre Meldung');

    expect(await reportCount()).toBe(before + 1);
    const stored = await t.deps.db.selectFrom('barrier_reports').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      page_url: '/ferien',
      message: 'Der Knopf „Anmelden“ ist mit der Tastatur nicht erreichbar.',
      contact_email: 'melderin@example.org',
    });

    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').selectAll().where('subject', 'like', 'Barriere gemeldet%').execute();
    const to = (address: string) => mails.find((m) => m.recipient === address);
    for (const address of [t.deps.city.editorsEmail, editor.email]) {
      const mail = to(address);
      expect(mail, address).toBeDefined();
      expect(mail!.subject).toBe('Barriere gemeldet: /ferien');
      expect(mail!.text_body).toContain('Der Knopf „Anmelden“ ist mit der Tastatur nicht erreichbar.');
      expect(mail!.text_body).toContain('melderin@example.org');
      expect(mail!.html_body).toContain('/verwaltung/barrieren');
    }
  });

  it('answers 422 with an error summary when the message is missing, and stores nothing', async () => {
    const before = await reportCount();
    const res = await visitor().submit('/barriere-melden', '/barriere-melden', { page: '/angebote', message: '  ', email: 'keine-adresse' });
    expect(res.statusCode).toBe(422);
    expect(titleOf(res.body)).toMatch(/^Fehler: Barriere melden/);
    expect(res.body).toContain('data-error-summary');
    expect(res.body).toContain('href="#message">Beschreiben Sie die Barriere.</a>');
    expect(res.body).toContain('href="#email">Geben Sie eine E-Mail-Adresse wie name@example.org ein oder lassen Sie das Feld leer.</a>');
    expect(res.body).toContain('value="/angebote"');
    expect(await reportCount()).toBe(before);
  });

  it('refuses a page outside the portal', async () => {
    const res = await visitor().submit('/barriere-melden', '/barriere-melden', { page: 'javascript:alert(1)', message: 'Etwas' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Geben Sie eine Seite des Familienrathauses an');
  });

  it('refuses a report without the CSRF token', async () => {
    const before = await reportCount();
    const res = await visitor().post('/barriere-melden', { page: '/ferien', message: 'Ohne Token' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formular abgelaufen');
    expect(await reportCount()).toBe(before);
  });

  it('accepts five reports per hour from one address and answers the sixth with 429', async () => {
    const v = visitor();
    const form = await v.get('/barriere-melden');
    const send = (ip: string, n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/barriere-melden',
        remoteAddress: ip,
        cookies: Object.fromEntries(v.cookies),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfTokenOf(form.body), page: '/', message: `Meldung ${n}` }).toString(),
      });
    for (let n = 1; n <= 5; n++) expect((await send('198.51.100.7', n)).statusCode).toBe(303);
    const sixth = await send('198.51.100.7', 6);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('Zu viele Versuche');
    expect(sixth.headers['retry-after']).toBeDefined();
    expect((await send('198.51.100.8', 7)).statusCode).toBe(303);
    const stored = await t.deps.db.selectFrom('barrier_reports').select('message').where('message', '=', 'Meldung 6').execute();
    expect(stored).toHaveLength(0);
  });

  it('shows editors the reports, newest first and escaped; others may not see them', async () => {
    await visitor().submit('/barriere-melden', '/barriere-melden', { page: '/neuigkeiten', message: 'Neueste <script>alert(1)</script>\nzweite Zeile' });
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const res = await editor.get('/verwaltung/barrieren');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th scope="col" class="kern-table__header">Eingang</th>');
    expect(res.body).toContain('Neueste &lt;script>alert(1)&lt;/script><br>zweite Zeile');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body.indexOf('Neueste')).toBeLessThan(res.body.indexOf('Der Knopf'));
    expect(res.body).toContain('href="mailto:melderin@example.org"');

    expect((await visitor().get('/verwaltung/barrieren')).statusCode).toBe(401);
    expect((await visitor().get('/verwaltung/barrieren')).body).toContain('href="/anmelden?zurueck=%2Fverwaltung%2Fbarrieren"');
    expect((await (await signedInVisitor(t, 'family')).visitor.get('/verwaltung/barrieren')).statusCode).toBe(403);
  });
});

describe('personal data in barrier reports', () => {
  it('are part of a user’s data export and go with the account', async () => {
    const user = await createUser(t, { email: 'Melder.In@example.org' });
    await visitor().submit('/barriere-melden', '/barriere-melden', { message: 'Meine Meldung', email: 'melder.in@example.org' });
    const reports = async () => (await t.deps.privacy.exportFor(t.deps.db, user)).barrierenmeldungen;
    expect(await reports()).toEqual([expect.objectContaining({ message: 'Meine Meldung', contact_email: 'melder.in@example.org' })]);
    await t.deps.db.transaction().execute((trx) => t.deps.privacy.erase(trx, user));
    expect(await reports()).toEqual([]);
  });
});
