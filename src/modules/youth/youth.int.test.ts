import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { seedAppointmentsDemo } from '../appointments/index.js';
import { buildEvent } from '../../../test/support/events.js';
import { seedYouthDemo } from './youth.seed.js';

const t = useTestApp();

describe('Jugend & Beruf', () => {
  it('starts from the young person’s situation, in plain words, and marks its navigation entry', async () => {
    const res = await new Visitor(() => t.app).get('/jugend-beruf');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="kern-heading-large">Jugend &amp; Beruf</h1>');
    expect(res.body).not.toContain('Im Aufbau');
    expect(res.body).toContain('href="/jugend-beruf/geld-wohnung"');
    expect(res.body).toContain('Ich brauche Geld oder eine Wohnung.');
    const current = [...res.body.matchAll(/<a href="([^"]+)" class="site-nav__link" aria-current="page">/g)].map((m) => m[1]);
    expect(current).toEqual(['/jugend-beruf']);
    // BERUFENET is a plain link: nothing on the page loads from there.
    expect(res.body).toContain('href="https://web.arbeitsagentur.de/berufenet/"');
    expect(res.body).not.toMatch(/<(img|script|iframe)[^>]+arbeitsagentur/);
  });

  it('leads from a situation to the right help, what to bring and a button to book', async () => {
    await seedAppointmentsDemo(t.deps);
    const money = await new Visitor(() => t.app).get('/jugend-beruf/geld-wohnung');
    expect(money.statusCode).toBe(200);
    expect(money.body).toContain('Jobcenter, Team U25');
    expect(money.body).toContain('deinen Personalausweis oder Pass');
    expect(money.body).toContain('href="/termine/beratung-u25"');
    expect(money.body).toContain('Termin buchen: Beratung U25 (Jobcenter)');
    const school = await new Visitor(() => t.app).get('/jugend-beruf/schule');
    expect(school.body).toContain('Klasse 9: ein Praktikum');
    expect(school.body).toContain('href="/termine/berufsberatung"');
    expect((await new Visitor(() => t.app).get('/jugend-beruf/unbekannt')).statusCode).toBe(404);
  });

  it('offers the demo services with free days only, and seeds once', async () => {
    expect(await seedAppointmentsDemo(t.deps)).toBe(false);
    const page = await new Visitor(() => t.app).get('/termine/berufsberatung');
    expect(page.statusCode).toBe(200);
    const days = [...page.body.matchAll(/href="\/termine\/berufsberatung\?tag=(\d{4}-\d{2}-\d{2})#zeiten"/g)].map((m) => m[1]!);
    expect(days.length).toBeGreaterThan(5);
    const first = await new Visitor(() => t.app).get(`/termine/berufsberatung?tag=${days[0]}`);
    expect(first.body).toMatch(/href="\/termine\/berufsberatung\/buchen\?beginn=/);
  });

  it('lists the schools with their career-orientation contacts', async () => {
    expect(await seedYouthDemo(t.deps)).toBe(true);
    expect(await seedYouthDemo(t.deps)).toBe(false);
    const res = await new Visitor(() => t.app).get('/jugend-beruf/schulen');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Realschule Lippeufer (Demo)');
    expect(res.body).toContain('href="mailto:stubo.lippeufer@schule.example"');
    expect(res.body).toContain('href="tel:02381100002"');
    expect((await new Visitor(() => t.app).get('/jugend-beruf/schule')).body).toContain('href="/jugend-beruf/schulen"');
  });

  it('shows the coming KAoA dates from the events calendar (category "Beruf") on the school-to-work page', async () => {
    const before = await new Visitor(() => t.app).get('/jugend-beruf/schule');
    expect(before.body).toContain('Gerade stehen keine Termine im Kalender.');
    const fair = await buildEvent(t, { title: 'Ausbildungsbörse im Test', categories: ['beruf'] });
    await buildEvent(t, { title: 'Kinderfest im Test', categories: ['fest'] });
    const school = await new Visitor(() => t.app).get('/jugend-beruf/schule');
    expect(school.body).toContain(`href="/veranstaltungen/${fair}"`);
    expect(school.body).toContain('Ausbildungsbörse im Test');
    expect(school.body).not.toContain('Kinderfest im Test');
    expect(school.body).toContain('href="/veranstaltungen?kategorie=beruf"');
    const calendar = await new Visitor(() => t.app).get('/veranstaltungen?kategorie=beruf');
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('Beruf und Ausbildung');
    expect(calendar.body).toContain('Ausbildungsbörse im Test');
    expect(calendar.body).not.toContain('Kinderfest im Test');
  });

  it('links young people to the places', async () => {
    const res = await new Visitor(() => t.app).get('/jugend-beruf');
    expect(res.body).toContain('href="/jugend-beruf/plaetze"');
  });
});
