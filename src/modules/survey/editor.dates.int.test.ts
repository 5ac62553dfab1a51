import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';

const t = useTestApp();

it('takes a survey’s start and end as TT.MM.JJJJ, names an impossible day and shows stored dates as TT.MM.JJJJ', async () => {
  const { visitor: editor } = await signedInVisitor(t, 'editor');
  const created = await editor.submit('/verwaltung/befragungen', '/verwaltung/befragungen', { title: 'Kita-Umfrage', slug: 'kita-umfrage' });
  const base = created.headers.location as string;
  expect((await editor.get(base)).body).toContain('Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');

  const bad = await editor.submit(base, `${base}/einstellungen`, { title_de: 'Kita-Umfrage', opensOn: '01.12.2026', closesOn: '31.11.2026' });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('„Ende“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
  expect(bad.body).toContain('value="31.11.2026"');

  expect((await editor.submit(base, `${base}/einstellungen`, { title_de: 'Kita-Umfrage', opensOn: '1.12.2026', closesOn: '' })).statusCode).toBe(303);
  const survey = await t.deps.db.selectFrom('survey_surveys').select(['opens_on', 'closes_on']).where('slug', '=', 'kita-umfrage').executeTakeFirstOrThrow();
  // The column is a date; the test driver may hand it back as a Date at midnight UTC.
  const opensOn: unknown = survey.opens_on;
  expect([opensOn instanceof Date ? opensOn.toISOString().slice(0, 10) : opensOn, survey.closes_on]).toEqual(['2026-12-01', null]);
  expect((await editor.get(base)).body).toContain('value="01.12.2026"');
});
