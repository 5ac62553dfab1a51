import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { buildOrganization } from '../../../test/support/directory.js';
import { buildEvent } from '../../../test/support/events.js';
import { addDays, todayIn, weekdayOf } from '../../platform/time/berlin.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, any>;
const today = () => todayIn(new Date());

describe('public calendar pages', () => {
  it('lists upcoming dates grouped by day and filters by district, age, category, free and barrier-free (all in the URL)', async () => {
    const date = addDays(today(), 3);
    await buildEvent(t, {
      title: 'Kinderzirkus Uentrop',
      district: 'Uentrop',
      minAge: 4,
      maxAge: 8,
      categories: ['kultur'],
      free: false,
      priceCents: 500,
      barrierFree: true,
      timing: { allDay: false, startDate: date, startTime: '15:00', endDate: date, endTime: '16:30' },
    });
    await buildEvent(t, {
      title: 'Jugenddisco Heessen',
      district: 'Heessen',
      minAge: 12,
      maxAge: 16,
      categories: ['musik'],
      timing: { allDay: false, startDate: date, startTime: '18:00', endDate: date, endTime: '21:00' },
    });
    const v = visitor();
    const all = await v.get('/veranstaltungen');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Kinderzirkus Uentrop');
    expect(all.body).toContain('Jugenddisco Heessen');
    expect(all.body).toMatch(/<h3 class="kern-heading-small" id="tag-\d{4}-\d{2}-\d{2}">/);
    expect(all.body).toContain('15:00 bis 16:30 Uhr');

    const uentrop = await v.get('/veranstaltungen?bezirk=Uentrop');
    expect(uentrop.body).toContain('Kinderzirkus Uentrop');
    expect(uentrop.body).not.toContain('Jugenddisco Heessen');
    const age6 = await v.get('/veranstaltungen?alter=6');
    expect(age6.body).toContain('Kinderzirkus Uentrop');
    expect(age6.body).not.toContain('Jugenddisco Heessen');
    const music = await v.get('/veranstaltungen?kategorie=musik');
    expect(music.body).not.toContain('Kinderzirkus Uentrop');
    expect(music.body).toContain('Jugenddisco Heessen');
    const free = await v.get('/veranstaltungen?kostenlos=ja');
    expect(free.body).not.toContain('Kinderzirkus Uentrop');
    const barrierFree = await v.get('/veranstaltungen?barrierefrei=ja');
    expect(barrierFree.body).toContain('Kinderzirkus Uentrop');
    expect(barrierFree.body).not.toContain('Jugenddisco Heessen');
    // The subscribe box carries the same filter.
    expect(uentrop.body).toContain('/veranstaltungen.ics?bezirk=Uentrop');
    expect(uentrop.body).toContain('webcal://');
  });

  it('filters by today, this weekend, the next 7 days and a date range', async () => {
    const v = visitor();
    const inTen = addDays(today(), 10);
    await buildEvent(t, { title: 'Lesung in zehn Tagen', timing: { allDay: false, startDate: inTen, startTime: '23:30', endDate: inTen, endTime: '23:45' } });
    const saturday = addDays(today(), weekdayOf(today()) >= 6 ? 0 : 6 - weekdayOf(today()));
    await buildEvent(t, { title: 'Samstagsfest', timing: { allDay: true, startDate: saturday, startTime: null, endDate: saturday, endTime: null } });
    expect((await v.get('/veranstaltungen?wann=7-tage')).body).not.toContain('Lesung in zehn Tagen');
    expect((await v.get('/veranstaltungen?wann=heute')).body).not.toContain('Lesung in zehn Tagen');
    expect((await v.get('/veranstaltungen?wann=wochenende')).body).toContain('Samstagsfest');
    expect((await v.get('/veranstaltungen?wann=wochenende')).body).not.toContain('Lesung in zehn Tagen');
    expect((await v.get(`/veranstaltungen?wann=zeitraum&von=${inTen}&bis=${inTen}`)).body).toContain('Lesung in zehn Tagen');
    const range = await v.get(`/veranstaltungen?wann=zeitraum&von=${inTen}&bis=${inTen}`);
    expect(range.body).not.toContain('Samstagsfest');
  });

  it('reads the date range as TT.MM.JJJJ like ISO, in the pages and the feeds, and shows it as TT.MM.JJJJ', async () => {
    const v = visitor();
    const inTen = addDays(today(), 10);
    const inTwenty = addDays(today(), 20);
    const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    await buildEvent(t, { title: 'Vorlesen am zehnten Tag', timing: { allDay: true, startDate: inTen, startTime: null, endDate: inTen, endTime: null } });
    await buildEvent(t, {
      title: 'Basteln am zwanzigsten Tag',
      timing: { allDay: true, startDate: inTwenty, startTime: null, endDate: inTwenty, endTime: null },
    });
    for (const from of [inTen, german(inTen)]) {
      const page = await v.get(`/veranstaltungen?wann=zeitraum&von=${from}&bis=${from}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Vorlesen am zehnten Tag');
      expect(page.body).not.toContain('Basteln am zwanzigsten Tag');
      expect(page.body).not.toContain('ist kein Datum');
      expect(page.body).toMatch(new RegExp(`id="von" name="von" type="text" value="${german(inTen).replaceAll('.', '\\.')}"`));
      for (const feed of ['/veranstaltungen.ics', '/veranstaltungen.rss', '/veranstaltungen.atom']) {
        const body = (await v.get(`${feed}?von=${from}&bis=${from}`)).body;
        expect(body, feed).toContain('Vorlesen am zehnten Tag');
        expect(body, feed).not.toContain('Basteln am zwanzigsten Tag');
      }
    }
    const form = await v.get('/veranstaltungen');
    expect(form.body).toContain('Nur bei „Zeitraum“. Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');
    expect(form.body).not.toContain('type="date"');
    const bad = await v.get('/veranstaltungen?wann=zeitraum&von=31.02.2027');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('„31.02.2027“ ist kein Datum. Bitte im Format TT.MM.JJJJ, zum Beispiel 24.12.2026.');
  });

  it('ignores unknown parameters and explains bad values instead of failing', async () => {
    const v = visitor();
    const page = await v.get('/veranstaltungen?foo=bar&alter=zwei&bezirk=Atlantis&von=gestern&seite=-1&kategorie=%3Cscript%3E');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('„zwei“ ist kein Alter in Jahren.');
    expect(page.body).toContain('Den Stadtbezirk „Atlantis“ kennen wir nicht.');
    expect(page.body).not.toContain('<script>');
    for (const feed of ['/veranstaltungen.ics', '/veranstaltungen.rss', '/veranstaltungen.atom', '/veranstaltungen/monat']) {
      expect((await v.get(`${feed}?foo=1&monat=13&alter=x&wann=gestern`)).statusCode).toBe(200);
    }
  });

  it('pages through long lists with links that keep the filter', async () => {
    const base = addDays(today(), 20);
    for (let i = 0; i < 3; i++)
      await buildEvent(t, {
        title: `Serie ${i}`,
        district: 'Rhynern',
        rule: { freq: 'daily', interval: 1, byWeekday: [], until: null, count: 10 },
        timing: { allDay: false, startDate: base, startTime: `1${i}:00`, endDate: base, endTime: `1${i}:30` },
      });
    const v = visitor();
    const first = await v.get('/veranstaltungen?bezirk=Rhynern');
    expect(first.body).toContain('30 Termine');
    expect(first.body).toContain('Seite 1 von 2');
    expect(first.body, first.body.match(/href="[^"]*seite[^"]*"/g)?.join()).toContain('href="/veranstaltungen?bezirk=Rhynern&seite=2"');
    const second = await v.get('/veranstaltungen?bezirk=Rhynern&seite=2');
    expect(second.body).toContain('Seite 2 von 2');
    expect(second.body).toContain('Vorherige Seite');
  });

  it('stops counting past 1,000 dates and says so', async () => {
    const base = addDays(today(), 1);
    for (let i = 0; i < 3; i++)
      await buildEvent(t, {
        title: `Täglicher Treff ${i}`,
        district: 'Bockum-Hövel',
        rule: { freq: 'daily', interval: 1, byWeekday: [], until: null, count: 360 },
        timing: { allDay: false, startDate: base, startTime: `0${i + 7}:00`, endDate: base, endTime: `0${i + 7}:30` },
      });
    const page = await visitor().get(`/veranstaltungen?bezirk=${encodeURIComponent('Bockum-Hövel')}`);
    expect(page.body).toContain('Mehr als 1.000 Termine');
    expect(page.body).toContain('Seite 1 von mindestens 50');
  });

  it('shows a month as an accessible table', async () => {
    const date = addDays(today(), 5);
    // In a district of its own: the day may hold other tests' dates, and a day shows four before "weitere".
    await buildEvent(t, {
      title: 'Monatsfest',
      district: 'Pelkum',
      timing: { allDay: false, startDate: date, startTime: '09:30', endDate: date, endTime: '11:00' },
    });
    const page = await visitor().get(`/veranstaltungen/monat?monat=${date.slice(0, 7)}&bezirk=Pelkum`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption');
    expect((page.body.match(/<th scope="col"/g) ?? []).length).toBe(7);
    expect(page.body).toContain('09:30 ');
    expect(page.body).toContain('Monatsfest');
  });

  it('shows every field of an event with JSON-LD that has an offset, an address and the status', async () => {
    const date = '2027-07-03';
    const id = await buildEvent(t, {
      title: 'Sommerfest am Kurpark',
      organizationId: null,
      timing: { allDay: false, startDate: date, startTime: '14:00', endDate: date, endTime: '18:00' },
      minAge: 3,
      maxAge: 10,
      free: false,
      priceCents: 400,
      reducedPriceCents: 200,
      registrationRequired: true,
      registrationHow: 'Per Telefon 02381 123',
      registrationUntil: '2027-07-01',
      signLanguage: true,
      quietSpace: true,
    });
    const page = await visitor().get(`/veranstaltungen/${id}`);
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Sommerfest am Kurpark',
      'Parkweg 1',
      '59065 Hamm',
      '3 bis 10 Jahre',
      'Per Telefon 02381 123',
      'Mit Gebärdensprache',
      'Mit Ruheraum',
      'In meinen Kalender',
      '14:00 bis 18:00 Uhr',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toMatch(/4,00\s€/);
    expect(page.body).toMatch(/2,00\s€/);
    const ld = jsonLdOf(page.body);
    expect(ld['@type']).toBe('Event');
    expect(ld.name).toBe('Sommerfest am Kurpark');
    expect(ld.startDate).toBe('2027-07-03T14:00:00+02:00');
    expect(ld.endDate).toBe('2027-07-03T18:00:00+02:00');
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.location.address).toMatchObject({ '@type': 'PostalAddress', streetAddress: 'Parkweg 1', postalCode: '59065', addressLocality: 'Hamm' });
    expect(ld.offers[0]).toMatchObject({ price: '4.00', priceCurrency: 'EUR' });
  });

  it('"Anmeldung erforderlich … beim Veranstalter" comes with the organiser\'s phone and email from the directory', async () => {
    const organizer = await buildOrganization(t, {
      name: 'Familienzentrum Regenbogen',
      email: 'anmeldung@regenbogen.example',
      phones: [{ id: randomUUID(), number: '02381 17-4455', type: 'voice' }],
    });
    const id = await buildEvent(t, {
      title: 'Babymassage',
      organizationId: organizer.id,
      free: false,
      priceCents: 800,
      registrationRequired: true,
      registrationHow: 'Telefonisch oder per E-Mail beim Veranstalter.',
    });
    const page = await visitor().get(`/veranstaltungen/${id}`);
    expect(page.body).toContain('Telefonisch oder per E-Mail beim Veranstalter.');
    expect(page.body).toContain('<a class="kern-link" href="tel:02381174455">02381 17-4455</a>');
    expect(page.body).toContain('<a class="kern-link" href="mailto:anmeldung@regenbogen.example">anmeldung@regenbogen.example</a>');
    // Without registration the contact stands with the organiser's name.
    const open = await buildEvent(t, { title: 'Offener Treff', organizationId: organizer.id, registrationRequired: false });
    expect((await visitor().get(`/veranstaltungen/${open}`)).body).toMatch(/Familienzentrum Regenbogen<\/p>\s*<p class="kern-body"><span>Telefon: <\/span>/);
  });

  it('keeps the page of a cancelled event and says so, also in JSON-LD', async () => {
    const id = await buildEvent(t, { title: 'Abgesagtes Konzert', status: 'cancelled', statusNote: 'Die Band ist krank.' });
    const page = await visitor().get(`/veranstaltungen/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Diese Veranstaltung ist abgesagt.');
    expect(page.body).toContain('Die Band ist krank.');
    expect(jsonLdOf(page.body).eventStatus).toBe('https://schema.org/EventCancelled');
    const list = await visitor().get('/veranstaltungen?bezirk=Hamm-Mitte');
    expect(list.body).toMatch(/<del>Abgesagtes Konzert<\/del>/);
  });

  it('speaks English when the visitor chose it', async () => {
    const v = visitor();
    v.cookies.set('frh_lang', 'en');
    const list = await v.get('/veranstaltungen?wann=7-tage');
    expect(list.body).toContain('<h1 class="kern-heading-x-large">Events</h1>');
    expect(list.body).toContain('Next 7 days');
    expect(list.body).toContain('Subscribe');
    const month = await v.get('/veranstaltungen/monat');
    expect(month.body).toContain('one row per week');
    expect((await v.get('/veranstaltungen/vorschlagen')).body).toContain('Suggest an event');
  });

  it('hides unpublished suggestions and unknown ids behind a 404', async () => {
    const id = await buildEvent(t, { title: 'Noch nicht geprüft' }, { reviewState: 'pending' });
    expect((await visitor().get(`/veranstaltungen/${id}`)).statusCode).toBe(404);
    expect((await visitor().get(`/veranstaltungen/${id}/kalender.ics`)).statusCode).toBe(404);
    expect((await visitor().get('/veranstaltungen/gibt-es-nicht')).statusCode).toBe(404);
    expect((await visitor().get('/veranstaltungen')).body).not.toContain('Noch nicht geprüft');
  });
});
