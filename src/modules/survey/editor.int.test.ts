import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildSurvey } from '../../../test/support/survey.js';
import { seedDemoSurvey as seedSurvey } from './seed/seed.js';
import { createResultsService } from './results.service.js';
import { findSurvey } from './survey.repository.js';
import { demoSurveySlug } from './seed/seed.js';

const t = useTestApp();

async function post(v: Visitor, formUrl: string, action: string, fields: Record<string, string>) {
  return v.submit(formUrl, action, fields);
}

describe('editors build and run a survey', () => {
  it('creates a survey, adds questions with a condition and translations, opens it (frozen), and a change makes version 2', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const created = await post(editor, '/verwaltung/befragungen', '/verwaltung/befragungen', { title: 'Kita-Umfrage', slug: 'kita-umfrage' });
    expect(created.statusCode).toBe(303);
    const base = created.headers.location as string;
    const bad = await post(editor, '/verwaltung/befragungen', '/verwaltung/befragungen', { title: 'Noch eine', slug: 'Kita Umfrage!' });
    expect(bad.statusCode).toBe(422);

    const q1 = await post(editor, `${base}/fragen/neu?seite=1`, `${base}/fragen`, {
      page: '1',
      type: 'yesno',
      text_de: 'Haben Sie ein Kita-Kind?',
      text_en: 'Do you have a child in day care?',
      required: 'ja',
    });
    expect(q1.statusCode).toBe(303);
    expect((await post(editor, base, `${base}/seiten`, { pageTitle: 'Kita' })).statusCode).toBe(303);
    const detail = await editor.get(base);
    const yesNoId = /\[(q[0-9a-f]{6}), Ja\/Nein/.exec(detail.body)![1]!;
    // A condition looks at a question further up: on the same page below it, or on page 2.
    const samePage = await post(editor, `${base}/fragen/neu?seite=1`, `${base}/fragen`, {
      page: '1',
      type: 'rating5',
      text_de: 'Wie zufrieden?',
      showIfQuestion: yesNoId,
      showIfValues: 'ja',
    });
    expect(samePage.statusCode).toBe(303);
    const followUpId = /\[(q[0-9a-f]{6}), Bewertung/.exec((await editor.get(base)).body)![1]!;
    // It cannot move above the question it depends on, nor depend on itself.
    const above = await post(editor, base, `${base}/fragen/${followUpId}/verschieben`, { richtung: 'hoch' });
    expect(above.statusCode).toBe(409);
    expect(above.body).toContain('muss unter der Frage stehen');
    const itself = await post(editor, `${base}/fragen/${followUpId}`, `${base}/fragen`, {
      id: followUpId,
      page: '1',
      type: 'rating5',
      text_de: 'Wie zufrieden?',
      showIfQuestion: followUpId,
      showIfValues: '1',
    });
    expect(itself.statusCode).toBe(422);
    expect(itself.body).toContain('weiter vorn');
    expect((await post(editor, base, `${base}/fragen/${followUpId}/loeschen`, {})).statusCode).toBe(303);
    const noOptions = await post(editor, `${base}/fragen/neu?seite=2`, `${base}/fragen`, {
      page: '2',
      type: 'single',
      text_de: 'Welche Kita?',
      options_de: 'Nur eine',
    });
    expect(noOptions.statusCode).toBe(422);
    const q2 = await post(editor, `${base}/fragen/neu?seite=2`, `${base}/fragen`, {
      page: '2',
      type: 'single',
      text_de: 'Welche Kita-Art?',
      text_ls: 'Was für eine Kita?',
      options_de: 'Städtisch\nKirchlich\nFreier Träger',
      options_en: 'Municipal\nChurch\nIndependent',
      showIfQuestion: yesNoId,
      showIfValues: 'ja',
    });
    expect(q2.statusCode).toBe(303);

    expect((await post(editor, base, `${base}/status`, { aktion: 'open' })).statusCode).toBe(303);
    const id = base.split('/').pop()!;
    const v1 = await t.deps.db.selectFrom('survey_versions').selectAll().where('survey_id', '=', id).execute();
    expect(v1).toHaveLength(1);
    expect(v1[0]!.frozen_at).not.toBeNull();

    const page = await editor.get(base);
    const singleId = /\[(q[0-9a-f]{6}), Einfachauswahl/.exec(page.body)![1]!;
    const edit = await post(editor, `${base}/fragen/${singleId}`, `${base}/fragen`, {
      id: singleId,
      page: '2',
      type: 'single',
      text_de: 'Welche Art von Kita?',
      options_de: 'Städtisch\nKirchlich\nFreier Träger\nTagespflege',
      showIfQuestion: yesNoId,
      showIfValues: 'ja',
    });
    expect(edit.statusCode).toBe(303);
    const versions = await t.deps.db
      .selectFrom('survey_versions')
      .select(['version', 'definition', 'frozen_at'])
      .where('survey_id', '=', id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // Version 1 is unchanged; version 2 keeps the option values so earlier answers still count.
    expect(JSON.stringify(versions[0]!.definition)).not.toContain('Tagespflege');
    expect(JSON.stringify(versions[1]!.definition)).toContain('Tagespflege');
    expect(JSON.stringify(versions[1]!.definition)).toContain('"value":"o1"');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['survey.created', 'survey.edited', 'survey.open', 'survey.version_created']));

    // Reordering on page 1: the second question moves up (and makes version 3, since version 2 is live).
    const q3 = await post(editor, `${base}/fragen/neu?seite=1`, `${base}/fragen`, { page: '1', type: 'district', text_de: 'Wo wohnen Sie?' });
    expect(q3.statusCode).toBe(303);
    const before = await editor.get(base);
    const districtId = /\[(q[0-9a-f]{6}), Stadtbezirk/.exec(before.body)![1]!;
    expect((await post(editor, base, `${base}/fragen/${districtId}/verschieben`, { richtung: 'hoch' })).statusCode).toBe(303);
    const current = await t.deps.db.selectFrom('survey_surveys').select('current_version').where('id', '=', id).executeTakeFirstOrThrow();
    const latest = await t.deps.db
      .selectFrom('survey_versions')
      .select('definition')
      .where('survey_id', '=', id)
      .where('version', '=', current.current_version)
      .executeTakeFirstOrThrow();
    expect((latest.definition as { pages: { questions: { id: string }[] }[] }).pages[0]!.questions[0]!.id).toBe(districtId);

    const respondent = new Visitor(() => t.app);
    const start = await respondent.get('/mitmachen/befragung/kita-umfrage');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Kita-Umfrage');
  });

  it('channels get their own link and QR codes (SVG and PNG); codes come as a printable list', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const s = await buildSurvey(t);
    const base = `/verwaltung/befragungen/${s.id}`;
    expect((await post(editor, base, `${base}/kanaele`, { name: 'Familienzentrum Pelkum' })).statusCode).toBe(303);
    const page = await editor.get(base);
    const link = new RegExp(`/mitmachen/befragung/${s.slug}\\?kanal=(familienzentrum-pelkum-[0-9a-f]{6})`).exec(page.body);
    expect(link).not.toBeNull();
    const channel = await t.deps.db.selectFrom('survey_channels').select('id').where('survey_id', '=', s.id).executeTakeFirstOrThrow();
    const svg = await editor.get(`${base}/kanaele/${channel.id}/qr.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const png = await editor.get(`${base}/kanaele/${channel.id}/qr.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 4).toString('hex')).toBe('89504e47');

    expect((await post(editor, base, `${base}/codes`, { count: '12' })).statusCode).toBe(303);
    expect((await post(editor, base, `${base}/codes`, { count: '9999' })).statusCode).toBe(422);
    const list = await editor.get(`${base}/codes`);
    // Only the list items: a CSRF token elsewhere on the page may look like a code by chance.
    const codes = [...list.body.matchAll(/<li class="survey-code">([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(12);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('families and analysts cannot edit; analysts may export raw answers, editors may not', async () => {
    const s = await buildSurvey(t);
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/verwaltung/befragungen')).statusCode).toBe(403);
    expect((await family.get(`/verwaltung/befragungen/${s.id}/ergebnisse`)).statusCode).toBe(403);
    const { visitor: analyst } = await signedInVisitor(t, 'analyst');
    const home = await analyst.get('/verwaltung/befragungen');
    expect(home.statusCode).toBe(200);
    expect((await analyst.post(`/verwaltung/befragungen/${s.id}/status`, { _csrf: csrfTokenOf(home.body), aktion: 'close' })).statusCode).toBe(403);
    expect((await analyst.get(`/verwaltung/befragungen/${s.id}/export/rohdaten.csv`)).statusCode).toBe(200);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await editor.get(`/verwaltung/befragungen/${s.id}/export/rohdaten.csv`)).statusCode).toBe(403);
    expect((await new Visitor(() => t.app).get(`/verwaltung/befragungen/${s.id}/export/ergebnisse.csv`)).statusCode).toBe(401);
  });
});

describe('editors write a survey in Arabic, Russian and Polish', () => {
  it('the question form has a field per language (Arabic right to left) and keeps what was written', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const created = await post(editor, '/verwaltung/befragungen', '/verwaltung/befragungen', { title: 'Sprachen', slug: 'sprachen-umfrage' });
    const base = created.headers.location as string;
    const form = await editor.get(`${base}/fragen/neu?seite=1`);
    expect(form.body).toMatch(/name="text_ar"[^>]*dir="rtl"|dir="rtl"[^>]*name="text_ar"/);
    for (const label of ['العربية', 'Русский', 'Polski']) expect(form.body).toContain(label);
    const saved = await post(editor, `${base}/fragen/neu?seite=1`, `${base}/fragen`, {
      page: '1',
      type: 'single',
      text_de: 'Wie kommen Sie zur Kita?',
      text_ar: 'كيف تصلون إلى الحضانة؟',
      text_ru: 'Как вы добираетесь до детского сада?',
      text_pl: 'Jak docierasz do przedszkola?',
      options_de: 'Zu Fuß\nMit dem Rad',
      options_ar: 'سيرًا على الأقدام\nبالدراجة',
      options_ru: 'Пешком\nНа велосипеде',
      options_pl: 'Pieszo\nRowerem',
    });
    expect(saved.statusCode).toBe(303);
    const id = /\[(q[0-9a-f]{6}), /.exec((await editor.get(base)).body)![1]!;
    const again = await editor.get(`${base}/fragen/${id}`);
    expect(again.body).toContain('كيف تصلون إلى الحضانة؟');
    expect(again.body).toContain('Как вы добираетесь до детского сада?');
    expect(again.body).toContain('Rowerem');
  });
});

describe('results', () => {
  it('the demo seed is idempotent and the dashboard shows every question as chart and table, with hidden small cells', async () => {
    expect(await seedSurvey(t.deps)).toBe(true);
    expect(await seedSurvey(t.deps)).toBe(false);
    const survey = await t.deps.db.selectFrom('survey_surveys').select(['id', 'status']).where('slug', '=', demoSurveySlug).executeTakeFirstOrThrow();
    const count = await t.deps.db
      .selectFrom('survey_responses')
      .select(t.deps.db.fn.countAll<number>().as('n'))
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(300);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const page = await editor.get(`/verwaltung/befragungen/${survey.id}/ergebnisse`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Antworten pro Woche und Verteilweg');
    expect(page.body).toContain('Schulsozialarbeit Heessen');
    expect((page.body.match(/<svg class="survey-chart"/g) ?? []).length).toBeGreaterThan(25);
    // Charts keep their size (labels 12 px × 1.2) instead of stretching to the column; weeks read as dates.
    expect(page.body).not.toMatch(/<svg class="survey-chart"[^>]*width="100%"/);
    expect(page.body).toMatch(/<svg class="survey-chart" viewBox="0 0 400 \d+" width="480"/);
    expect(page.body).not.toMatch(/>\d{4}-\d{2}-\d{2}</);
    expect(page.body).toMatch(/<th scope="row" class="kern-table__header">\d{1,2}\. [A-Z][a-zä]{2,3}\.? \d{4}<\/th>/);
    expect(page.body).toContain('Mittelwert');
    // Cross-tab by district, filtered by channel: small cells are hidden.
    const cross = await editor.get(`/verwaltung/befragungen/${survey.id}/ergebnisse?zeilen=prioritaet&spalten=bezirk&filter=_kanal&wert=0`);
    expect(cross.statusCode).toBe(200);
    expect(cross.body).toMatch(/<caption[^>]*>[^<]*×/);
    const cells = [...cross.body.matchAll(/kern-table__cell--numeric">([^<]*)</g)].map((m) => m[1]);
    expect(cells).toContain('–');
    expect(cells.every((c) => c === '–' || c === '0' || Number(c) >= 5)).toBe(true);
  });

  it('the dashboard sums old days from the rollup and recent days live, and counts every response once', async () => {
    const s = await buildSurvey(t);
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const insert = (ago: number, count: number, wohnort: string) =>
      t.deps.db
        .insertInto('survey_responses')
        .values(
          Array.from({ length: count }, () => ({
            survey_id: s.id,
            version: 1,
            channel_id: null,
            answered_on: day(ago),
            answers: JSON.stringify({ wohnort, kita: 'ja' }),
          })),
        )
        .execute();
    await insert(10, 7, 'Pelkum');
    await insert(5, 6, 'Uentrop');
    await insert(0, 5, 'Pelkum');
    const results = createResultsService(t.deps);
    const survey = (await findSurvey(t.deps.db, s.id))!;
    const first = await results.dashboard(survey);
    const wohnort = (d: typeof first) => d.distributions.find((x) => x.variable.key === 'wohnort')!;
    const count = (d: typeof first, value: string) => wohnort(d).counts[wohnort(d).variable.categories.findIndex((c) => c.value === value)];
    expect(first.total).toBe(18);
    expect(count(first, 'Pelkum')).toBe(12);
    expect(count(first, 'Uentrop')).toBe(6);
    const rolled = await t.deps.db
      .selectFrom('survey_rollups')
      .select(['key', 'value', 'n'])
      .where('survey_id', '=', s.id)
      .where('key', '=', 'wohnort')
      .execute();
    expect(rolled.reduce((sum, r) => sum + r.n, 0)).toBe(13);
    // A second call and new answers today: nothing counted twice, the new ones appear.
    await insert(0, 3, 'Uentrop');
    const second = await results.dashboard(survey);
    expect(second.total).toBe(21);
    expect(count(second, 'Uentrop')).toBe(9);
    expect(count(second, 'Pelkum')).toBe(12);
  });

  it('views agree: a question distribution equals the margin of every cross-tab and filtered slice it appears in', async () => {
    const survey = (await t.deps.db.selectFrom('survey_surveys').select('id').where('slug', '=', demoSurveySlug).executeTakeFirstOrThrow()).id;
    const row = (await findSurvey(t.deps.db, survey))!;
    const results = createResultsService(t.deps);
    const dashboard = await results.dashboard(row);
    const priority = dashboard.distributions.find((d) => d.variable.key === 'prioritaet')!;
    for (const colKey of ['bezirk', '_kanal', 'bleiben']) {
      const cross = (await results.crossTab(row, 'prioritaet', colKey))!;
      expect(cross.cells.map((r) => r[r.length - 1])).toEqual([...priority.counts, dashboard.total]);
    }
    // The filtered slices and the unfiltered table come from one protected cube: where a slice
    // and the whole both show a cell, the rest is either shown too or not small.
    const whole = (await results.crossTab(row, 'prioritaet', 'bezirk'))!;
    const slices = await Promise.all([0, 1, 2, 3, 4, 5].map((value) => results.crossTab(row, 'prioritaet', 'bezirk', { key: '_kanal', value })));
    whole.cells.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((all, c) => {
        const shown = slices.map((slice) => slice!.cells[r]![c]!);
        const hidden = shown.filter((v) => v === null);
        if (all !== null && hidden.length > 0) {
          expect(hidden.length, 'never exactly one hidden slice under a shown total').toBeGreaterThan(1);
          expect(all - shown.reduce<number>((sum, v) => sum + (v ?? 0), 0)).toBeGreaterThanOrEqual(5);
        }
      }),
    );
  });

  it('a mean is shown only when no category of the question is hidden (it would give hidden cells away)', async () => {
    const s = await buildSurvey(t);
    const add = (zufrieden: string, count: number) =>
      t.deps.db
        .insertInto('survey_responses')
        .values(
          Array.from({ length: count }, () => ({
            survey_id: s.id,
            version: 1,
            channel_id: null,
            answered_on: new Date().toISOString().slice(0, 10),
            answers: JSON.stringify({ zufrieden }),
          })),
        )
        .execute();
    await add('4', 20);
    await add('5', 20);
    const results = createResultsService(t.deps);
    const survey = (await findSurvey(t.deps.db, s.id))!;
    const mean = async () => (await results.dashboard(survey)).distributions.find((d) => d.variable.key === 'zufrieden')!.mean;
    expect(await mean()).toBe(4.5);
    await add('1', 2);
    expect(await mean()).toBeNull();
  });

  it('aggregate exports: CSV and a valid XLSX; raw CSV without free text', async () => {
    const survey = await t.deps.db.selectFrom('survey_surveys').select('id').where('slug', '=', demoSurveySlug).executeTakeFirstOrThrow();
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const csv = await editor.get(`/verwaltung/befragungen/${survey.id}/export/ergebnisse.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeffFrage;Schlüssel;Antwort;Anzahl')).toBe(true);
    const numbers = csv.body
      .split('\r\n')
      .slice(1, -2)
      .map((l) => l.split(';')[3]);
    expect(numbers.every((n) => n === '–' || n === '0' || Number(n) >= 5)).toBe(true);
    const xlsx = await editor.get(`/verwaltung/befragungen/${survey.id}/export/ergebnisse.xlsx`);
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Frage</t></is></c>');
    expect(sheet).toContain('In welchem Stadtbezirk wohnen Sie?');
    expect(sheet).toMatch(/<v>\d+<\/v>/);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Ergebnisse" sheetId="1" r:id="rId1"/>');

    const { visitor: analyst } = await signedInVisitor(t, 'analyst');
    const raw = await analyst.get(`/verwaltung/befragungen/${survey.id}/export/rohdaten.csv`);
    const lines = raw.body.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(300);
    expect(lines[0]).toContain('Verteilweg;Monat;bezirk');
    expect(raw.body).not.toContain('wunsch');
    expect(raw.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'survey.raw_exported')
      .where('subject_id', '=', survey.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the public results page shows what editors published, free texts only when picked', async () => {
    const survey = await t.deps.db.selectFrom('survey_surveys').select('id').where('slug', '=', demoSurveySlug).executeTakeFirstOrThrow();
    const anyone = new Visitor(() => t.app);
    expect((await anyone.get(`/mitmachen/befragung/${demoSurveySlug}/ergebnisse`)).statusCode).toBe(404);
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const base = `/verwaltung/befragungen/${survey.id}`;
    const dashboard = await editor.get(`${base}/ergebnisse`);
    const pick = /name="pick" value="([^"]+\|wunsch)"/.exec(dashboard.body)![1]!;
    const text = await t.deps.db
      .selectFrom('survey_responses')
      .select((eb) =>
        eb
          .ref('answers', '->>')
          .key('wunsch' as never)
          .as('w'),
      )
      .where('id', '=', pick.split('|')[0]!)
      .executeTakeFirstOrThrow();
    expect((await editor.post(`${base}/freitexte`, { _csrf: csrfTokenOf(dashboard.body), pick })).statusCode).toBe(303);
    expect((await editor.submit(base, `${base}/status`, { aktion: 'close' })).statusCode).toBe(303);
    expect((await editor.submit(base, `${base}/status`, { aktion: 'publish' })).statusCode).toBe(303);
    const published = await anyone.get(`/mitmachen/befragung/${demoSurveySlug}/ergebnisse`);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('Stimmen aus der Befragung');
    expect(published.body).toContain(String(text.w).replace(/&/g, '&amp;'));
    const overview = await anyone.get('/mitmachen');
    expect(overview.body).toContain(`/mitmachen/befragung/${demoSurveySlug}/ergebnisse`);
    expect(overview.body).toContain('Familienbeirat');
  });
});
