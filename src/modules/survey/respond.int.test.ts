import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { buildSurvey } from '../../../test/support/survey.js';
import { demoSurveyDefinition } from './seed/demo-survey.js';
import { answerPage as answerPageOf, begin as beginAs, submit } from '../../../test/support/survey-respond.js';

const t = useTestApp();
const begin = (slug: string, fields: Record<string, string> = {}) => beginAs(t, slug, fields);
const answerPage = (v: Visitor, slug: string, n: number, fields: Record<string, string | string[]>) => answerPageOf(t, v, slug, n, fields);

const page1 = { a_wohnort: 'Pelkum', a_kita: 'ja', a_kinder: '2', a_wege: 'rad', aktion: 'weiter' };
const page2 = {
  a_kitanote: '2',
  a_zufrieden: '4',
  a_empfehlung: '8',
  a_aussagen_sicher: '5',
  a_aussagen_gruen: '3',
  a_wunsch: 'kita',
  a_kurz: 'Mehr Bänke',
  aktion: 'weiter',
};

describe('answering a survey', () => {
  it('goes page by page with progress, keeps answers going back, and stores one anonymous response', async () => {
    const s = await buildSurvey(t, { channels: ['Presse'] });
    const { v, start } = await begin(s.slug, { kanal: 'presse' });
    expect(start.statusCode).toBe(303);
    const first = await v.get(`/mitmachen/befragung/${s.slug}/seite/1`);
    expect(first.body).toContain('Seite 1 von 2');
    expect((await answerPage(v, s.slug, 1, { ...page1, a_wege: ['rad', 'bus'] })).headers.location).toBe(`/mitmachen/befragung/${s.slug}/seite/2`);
    // Back from page 2 keeps what page 2 had, and page 1 still shows its answers.
    const back = await answerPage(v, s.slug, 2, { a_zufrieden: '4', aktion: 'zurueck' });
    expect(back.headers.location).toBe(`/mitmachen/befragung/${s.slug}/seite/1`);
    const again = await v.get(`/mitmachen/befragung/${s.slug}/seite/1`);
    expect(again.body).toMatch(/value="Pelkum"\s+checked/);
    expect(again.body).toMatch(/value="bus"\s+checked/);
    await answerPage(v, s.slug, 1, { ...page1, a_wege: ['rad', 'bus'] });
    const second = await v.get(`/mitmachen/befragung/${s.slug}/seite/2`);
    expect(second.body).toMatch(/name="a_zufrieden" value="4"\s+checked/);
    expect((await answerPage(v, s.slug, 2, page2)).headers.location).toBe(`/mitmachen/befragung/${s.slug}/absenden`);
    // The last step lists what will be sent, with a way back to change it.
    const review = await v.get(`/mitmachen/befragung/${s.slug}/absenden`);
    expect(review.body).toContain('Rad, Bus');
    expect(review.body).toContain('Mehr Bänke');
    expect(review.body).toContain('Aussagen – Grün');
    expect(review.body).toContain(`href="/mitmachen/befragung/${s.slug}/seite/2"`);
    const { response } = await submit(v, s.slug);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/mitmachen/befragung/${s.slug}/danke`);

    const rows = await t.deps.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', s.id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    // Anonymity: exactly these columns, no time of day, no person, no address.
    expect(Object.keys(row).sort()).toEqual(['answered_on', 'answers', 'channel_id', 'id', 'survey_id', 'version']);
    expect(row.channel_id).toBe(s.channels[0]!.id);
    expect(row.answers).toEqual({
      wohnort: 'Pelkum',
      kita: 'ja',
      kinder: '2',
      wege: ['rad', 'bus'],
      kitanote: '2',
      zufrieden: '4',
      empfehlung: '8',
      'aussagen.sicher': '5',
      'aussagen.gruen': '3',
      wunsch: 'kita',
      kurz: 'Mehr Bänke',
    });
    expect(await t.deps.db.selectFrom('survey_drafts').selectAll().where('survey_id', '=', s.id).execute()).toHaveLength(0);
  });

  it('a condition hides a question and its answer is not stored', async () => {
    const s = await buildSurvey(t);
    const { v } = await begin(s.slug);
    await answerPage(v, s.slug, 1, { ...page1, a_kita: 'nein' });
    const second = await v.get(`/mitmachen/befragung/${s.slug}/seite/2`);
    expect(second.body).not.toContain('a_kitanote');
    // A forged answer to the hidden question is ignored.
    await answerPage(v, s.slug, 2, { ...page2, a_kitanote: '1' });
    expect((await submit(v, s.slug)).response.statusCode).toBe(303);
    const row = await t.deps.db.selectFrom('survey_responses').select('answers').where('survey_id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.answers).not.toHaveProperty('kitanote');
  });

  it('checks each page: required answers, offered values, number range, matrix rows, "other" text (422 with error summary, values kept)', async () => {
    const s = await buildSurvey(t);
    const { v } = await begin(s.slug);
    const bad = await answerPage(v, s.slug, 1, { a_wohnort: 'Atlantis', a_kinder: '99', a_wege: ['rad', 'other'], aktion: 'weiter' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Fehler: ');
    expect(bad.body).toContain('href="#a_wohnort"');
    expect(bad.body).toContain('href="#a_kita"');
    expect(bad.body).toContain('Zahl von 0 bis 10');
    expect(bad.body).toContain('href="#a_wege_other"');
    expect(bad.body).toMatch(/value="rad"\s+checked/);
    await answerPage(v, s.slug, 1, page1);
    const matrix = await answerPage(v, s.slug, 2, { ...page2, a_aussagen_gruen: '9', a_kitanote: '7' });
    expect(matrix.statusCode).toBe(422);
    expect(matrix.body).toContain('href="#a_aussagen_gruen"');
    expect(matrix.body).toContain('href="#a_kitanote"');
    expect(await t.deps.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute()).toHaveLength(0);
  });

  it('a double submit stores one response', async () => {
    const s = await buildSurvey(t);
    const { v } = await begin(s.slug);
    await answerPage(v, s.slug, 1, page1);
    await answerPage(v, s.slug, 2, page2);
    const { response, key, csrf } = await submit(v, s.slug);
    expect(response.statusCode).toBe(303);
    const twice = await v.post(`/mitmachen/befragung/${s.slug}/absenden`, { _csrf: csrf, schluessel: key });
    expect(twice.statusCode).toBe(303);
    expect(twice.headers.location).toBe(`/mitmachen/befragung/${s.slug}/danke`);
    expect(await t.deps.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute()).toHaveLength(1);
  });

  it('"später fortsetzen" gives a link that works in another browser', async () => {
    const s = await buildSurvey(t);
    const { v } = await begin(s.slug);
    const later = await answerPage(v, s.slug, 1, { a_wohnort: 'Uentrop', aktion: 'spaeter' });
    expect(later.headers.location).toBe(`/mitmachen/befragung/${s.slug}/spaeter`);
    const page = await v.get(`/mitmachen/befragung/${s.slug}/spaeter`);
    const link = /(\/mitmachen\/befragung\/[^"<]+\/fortsetzen\?token=[^"<]+)/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const other = new Visitor(() => t.app);
    const resumed = await other.get(decodeURIComponent(link.replace(/token=([^&]+)/, (_, tok) => `token=${tok}`)));
    expect(resumed.statusCode).toBe(303);
    const shown = await other.get(resumed.headers.location as string);
    expect(shown.body).toMatch(/value="Uentrop"\s+checked/);
  });

  it('a closed survey, a forged channel and a missing draft get clear messages', async () => {
    const closed = await buildSurvey(t, { status: 'closed' });
    const open = await buildSurvey(t, { channels: ['Radio'] });
    const visitor = new Visitor(() => t.app);
    const closedPage = await visitor.get(`/mitmachen/befragung/${closed.slug}`);
    expect(closedPage.body).toContain('Diese Befragung ist beendet');
    expect(closedPage.body).not.toContain('/start"');
    const start = await visitor.submit(`/mitmachen/befragung/${open.slug}`, `/mitmachen/befragung/${closed.slug}/start`, {});
    expect(start.statusCode).toBe(409);
    expect(start.body).toContain('Diese Befragung ist beendet');
    const forgedLink = await visitor.get(`/mitmachen/befragung/${open.slug}?kanal=gefaelscht`);
    expect(forgedLink.statusCode).toBe(404);
    expect(forgedLink.body).toContain('Dieser Link ist nicht gültig');
    expect((await visitor.get(`/mitmachen/befragung/${open.slug}?kanal=radio`)).statusCode).toBe(200);
    const forged = await begin(open.slug, { kanal: 'gefaelscht' });
    expect(forged.start.statusCode).toBe(404);
    expect(forged.start.body).toContain('Dieser Link ist nicht gültig');
    const nobody = new Visitor(() => t.app);
    const page = await nobody.get(`/mitmachen/befragung/${open.slug}/seite/1`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('nicht gefunden');
  });

  it('an open survey takes answers only between its from and until dates', async () => {
    const early = await buildSurvey(t);
    const late = await buildSurvey(t);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await t.deps.db
      .updateTable('survey_surveys')
      .set({ opens_on: day(3) })
      .where('id', '=', early.id)
      .execute();
    await t.deps.db
      .updateTable('survey_surveys')
      .set({ closes_on: day(-3) })
      .where('id', '=', late.id)
      .execute();
    for (const s of [early, late]) {
      const v = new Visitor(() => t.app);
      const page = await v.get(`/mitmachen/befragung/${s.slug}`);
      expect(page.body).not.toContain('/start"');
      const other = await buildSurvey(t);
      const res = await v.submit(`/mitmachen/befragung/${other.slug}`, `/mitmachen/befragung/${s.slug}/start`, {});
      expect(res.statusCode).toBe(409);
    }
    expect((await new Visitor(() => t.app).get('/mitmachen')).body).not.toContain(early.slug);
  });

  it('a survey closed while someone answers stores nothing', async () => {
    const s = await buildSurvey(t);
    const { v } = await begin(s.slug);
    await answerPage(v, s.slug, 1, page1);
    await answerPage(v, s.slug, 2, page2);
    const review = await v.get(`/mitmachen/befragung/${s.slug}/absenden`);
    await t.deps.db.updateTable('survey_surveys').set({ status: 'closed' }).where('id', '=', s.id).execute();
    const key = /name="schluessel" value="([^"]+)"/.exec(review.body)![1]!;
    const res = await v.post(`/mitmachen/befragung/${s.slug}/absenden`, { _csrf: csrfTokenOf(review.body), schluessel: key });
    expect(res.statusCode).toBe(409);
    expect(await t.deps.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute()).toHaveLength(0);
  });

  it('access codes: needed, single use, and deleted when used so no answer can be joined to a code', async () => {
    const s = await buildSurvey(t, { requiresCode: true, codes: ['ABCD-EFGH', 'JKLM-NPQR'] });
    const none = await begin(s.slug);
    expect(none.start.statusCode).toBe(422);
    expect(none.start.body).toContain('Geben Sie Ihren Zugangscode ein');
    const wrong = await begin(s.slug, { code: 'ZZZZ-ZZZZ' });
    expect(wrong.start.statusCode).toBe(422);
    // Two people start with the same code: only the first can send.
    const first = await begin(s.slug, { code: 'abcd efgh' });
    const second = await begin(s.slug, { code: 'ABCDEFGH' });
    expect(first.start.statusCode).toBe(303);
    expect(second.start.statusCode).toBe(303);
    for (const v of [first.v, second.v]) {
      await answerPage(v, s.slug, 1, page1);
      await answerPage(v, s.slug, 2, page2);
    }
    expect((await submit(first.v, s.slug)).response.statusCode).toBe(303);
    const reused = (await submit(second.v, s.slug)).response;
    expect(reused.statusCode).toBe(409);
    expect(reused.body).toContain('schon benutzt');
    const codes = await t.deps.db.selectFrom('survey_access_codes').select('code').where('survey_id', '=', s.id).execute();
    expect(codes.map((c) => c.code)).toEqual(['JKLM-NPQR']);
    expect(await t.deps.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute()).toHaveLength(1);
    // Nothing in the schema joins codes and responses.
    const columns = await t.deps.db
      .selectFrom('information_schema.columns' as never)
      .select(['table_name' as never, 'column_name' as never])
      .where('table_name' as never, 'in', ['survey_access_codes', 'survey_responses'] as never)
      .execute();
    const codeColumns = (columns as { table_name: string; column_name: string }[])
      .filter((c) => c.table_name === 'survey_access_codes')
      .map((c) => c.column_name)
      .sort();
    expect(codeColumns).toEqual(['code', 'survey_id']);
    const responseColumns = (columns as { table_name: string; column_name: string }[])
      .filter((c) => c.table_name === 'survey_responses')
      .map((c) => c.column_name);
    expect(responseColumns.some((c) => /code|ip|agent|user|created|time/.test(c))).toBe(false);
  });

  it('Leichte Sprache and English are offered and switch the question texts', async () => {
    const s = await buildSurvey(t);
    const start = await new Visitor(() => t.app).get(`/mitmachen/befragung/${s.slug}`);
    expect(start.body).toContain('Leichte Sprache');
    expect(start.body).toContain('English');
    const { v } = await begin(s.slug, { sprache: 'ls' });
    const page = await v.get(`/mitmachen/befragung/${s.slug}/seite/1`);
    expect(page.body).toContain('Wo wohnen Sie?');
    const english = await v.get(`/mitmachen/befragung/${s.slug}/seite/1?sprache=en`);
    expect(english.body).toContain('District');
    expect(english.body).toContain('lang="en"');
  });

  it('the demo survey is offered and answered in Arabic (right to left), Russian and Polish', async () => {
    const s = await buildSurvey(t, { definition: demoSurveyDefinition });
    const start = await new Visitor(() => t.app).get(`/mitmachen/befragung/${s.slug}`);
    for (const name of ['العربية', 'Русский', 'Polski']) expect(start.body).toContain(name);
    const { v } = await begin(s.slug, { sprache: 'ar' });
    const arabic = await v.get(`/mitmachen/befragung/${s.slug}/seite/1`);
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('<div lang="ar" dir="rtl">');
    expect(arabic.body).toContain('في أي حي تسكنون؟');
    expect(arabic.body).toContain('من 3 إلى 5 سنوات');
    const russian = await v.get(`/mitmachen/befragung/${s.slug}/seite/1?sprache=ru`);
    expect(russian.body).toContain('<div lang="ru" dir="ltr">');
    expect(russian.body).toContain('В каком районе вы живёте?');
    const polish = await v.get(`/mitmachen/befragung/${s.slug}/seite/1?sprache=pl`);
    expect(polish.body).toContain('<div lang="pl" dir="ltr">');
    expect(polish.body).toContain('W której dzielnicy mieszkasz?');
    expect(polish.body).not.toContain('В каком районе вы живёте?');
  });

  it('the JSON API stores a complete answer once per key and rejects answers that do not fit', async () => {
    const s = await buildSurvey(t, { channels: ['Website'] });
    const key = '6f1c1e9e-8a4b-4c1e-9d3f-2b7a5c4d3e21';
    const answers = { wohnort: 'Heessen', kita: 'nein', zufrieden: '3', 'aussagen.sicher': '4', 'aussagen.gruen': '4' };
    const send = (body: unknown) => t.app.inject({ method: 'POST', url: `/api/v1/befragungen/${s.slug}/antworten`, payload: body as object });
    expect((await send({ schluessel: key, kanal: 'website', antworten: answers })).statusCode).toBe(201);
    expect((await send({ schluessel: key, kanal: 'website', antworten: answers })).statusCode).toBe(200);
    const wrong = await send({ schluessel: '7f1c1e9e-8a4b-4c1e-9d3f-2b7a5c4d3e21', antworten: { ...answers, zufrieden: '9' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().fields).toHaveProperty('a_zufrieden', 'choice');
    expect((await send({ schluessel: '8f1c1e9e-8a4b-4c1e-9d3f-2b7a5c4d3e21', kanal: 'erfunden', antworten: answers })).statusCode).toBe(422);
    expect(await t.deps.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute()).toHaveLength(1);
  });

  it('the JSON route is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(doc.paths).toHaveProperty('/api/v1/befragungen/{slug}/antworten');
  });

  it('expired drafts are deleted by the clean-up job', async () => {
    const s = await buildSurvey(t);
    await begin(s.slug);
    await t.deps.db
      .updateTable('survey_drafts')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('survey_id', '=', s.id)
      .execute();
    const { deleteExpiredDrafts } = await import('./respond.service.js');
    expect(await deleteExpiredDrafts(t.deps.db)).toBeGreaterThanOrEqual(1);
    expect(await t.deps.db.selectFrom('survey_drafts').select('token_hash').where('survey_id', '=', s.id).execute()).toHaveLength(0);
  });
});
