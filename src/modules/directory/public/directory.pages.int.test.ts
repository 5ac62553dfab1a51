import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../../test/support/directory.js';
import { listPath } from './directory.filters.js';
import { directoryMessages } from './directory.messages.js';
import { openingState } from './opening-hours.js';
import { openingText } from './views/public-parts.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const statusOf = (html: string) => /<p class="kern-body kern-body--bold" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
const resultNames = (html: string) => [...html.matchAll(/<h3 class="kern-title"><a class="kern-link" href="\/angebote\/[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
let paediatricianId = '';

beforeAll(async () => {
  const org = await buildOrganization(t, { name: 'Praxis am Kurpark' });
  const heessen = await buildLocation(t, org.id, { district: 'Heessen', barrierFree: true, latitude: 51.713, longitude: 7.841 });
  paediatricianId = (
    await buildService(t, org.id, {
      name: 'Kinderarztpraxis Dr. Sommer',
      description: 'Ihr Kinderarzt für Vorsorge und Impfungen.',
      topics: ['gesundheit'],
      locationIds: [heessen.id],
      languages: [{ id: randomUUID(), code: 'tr' }],
      schedules: [{ id: randomUUID(), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '00:00' }],
    })
  ).id;
  // 23 free family-education courses in Rhynern: two pages of 20 and 3.
  const rhynern = await buildLocation(t, org.id, { district: 'Rhynern', latitude: 51.634, longitude: 7.859 });
  for (let i = 1; i <= 23; i++) {
    await buildService(t, org.id, { name: `Elternkurs ${String(i).padStart(2, '0')}`, topics: ['familienbildung'], locationIds: [rhynern.id] });
  }
  await buildService(t, org.id, {
    name: 'Elternkurs mit Beitrag',
    topics: ['familienbildung'],
    locationIds: [rhynern.id],
    cost_options: [{ id: randomUUID(), amount: 20, currency: 'EUR' }],
  });
});

describe('GET /angebote', () => {
  it('shows the search form, every filter, the count and the results, in German', async () => {
    const res = await visitor().get(listPath);
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main.match(/<h1/g)).toHaveLength(1);
    expect(main).toContain('<h1 class="kern-heading-x-large">Angebote für Familien</h1>');
    expect(main).toContain(`<form method="get" action="${listPath}" class="directory-search">`);
    for (const [id, label] of [
      ['q', 'Suchbegriff'],
      ['thema', 'Thema'],
      ['alter', 'Alter Ihres Kindes in Jahren'],
      ['bezirk', 'Stadtbezirk'],
      ['sprache', 'Sprache'],
      ['kostenlos', 'Nur kostenlose Angebote'],
      ['barrierefrei', 'Nur barrierefrei zugängliche Angebote'],
      ['offen', 'Nur Angebote, die jetzt geöffnet sind'],
      ['sortierung', 'Sortieren nach'],
    ]) {
      expect(main, id).toContain(`<label class="kern-label" for="${id}">${label}</label>`);
    }
    expect(main).toContain('<input class="kern-form-input__input" id="alter" name="alter" type="number"');
    for (const district of t.deps.city.districts) expect(main).toContain(`<option value="${district}">${district}</option>`);
    expect(main).toContain('<option value="tr">Türkisch</option>');
    expect(main).toContain('<option value="gesundheit">Gesundheit &amp; Kinderärzte</option>');
    expect(statusOf(res.body)).toBe('25 Angebote gefunden. Seite 1 von 2.');
    expect(resultNames(res.body)).toHaveLength(20);
    expect(main).toContain('href="/api/hsds/"');
  });

  it('shows each result with organisation, districts and badges in words', async () => {
    const main = mainOf((await visitor().get(`${listPath}?q=Kinderarzt`)).body);
    expect(resultNames(main)).toEqual(['Kinderarztpraxis Dr. Sommer']);
    expect(main).toContain(`href="/angebote/${paediatricianId}"`);
    expect(main).toContain('<span>Träger:</span> <span>Praxis am Kurpark</span>');
    expect(main).toContain('<span>Stadtbezirk:</span> <span>Heessen</span>');
    expect(main).toContain('<span class="kern-label">Jetzt geöffnet, bis 24:00 Uhr</span>');
    expect(main).toContain('<span class="kern-label">Kostenlos</span>');
    expect(main).toContain('<span class="kern-label">Barrierefrei</span>');
  });

  it('corrects a typo and says "Meinten Sie …?"', async () => {
    const main = mainOf((await visitor().get(`${listPath}?q=kinderartz&bezirk=Heessen`)).body);
    expect(main).toMatch(/<span>Meinten Sie<\/span> <a class="kern-link" href="[^"]*q=kinderarzt[^"]*">„kinderarzt“<\/a>\?/);
    expect(main).toContain('Zu „kinderartz“ haben wir nichts gefunden. Wir zeigen Ergebnisse für „kinderarzt“.');
    expect(resultNames(main)).toEqual(['Kinderarztpraxis Dr. Sommer']);
    // The search box keeps what the visitor typed.
    expect(main).toContain('value="kinderartz"');
  });

  it('keeps every filter in the pagination links, and page 2 shows the rest', async () => {
    const url = `${listPath}?thema=familienbildung&bezirk=Rhynern&kostenlos=ja&sortierung=name`;
    const first = await visitor().get(url);
    expect(statusOf(first.body)).toBe('23 Angebote gefunden. Seite 1 von 2.');
    const next = hrefs(mainOf(first.body)).find((h) => h.includes('seite=2'));
    expect(next).toBe(`${listPath}?thema=familienbildung&bezirk=Rhynern&kostenlos=ja&sortierung=name&seite=2`);
    const second = await visitor().get(next!);
    expect(statusOf(second.body)).toBe('23 Angebote gefunden. Seite 2 von 2.');
    expect(resultNames(second.body)).toEqual(['Elternkurs 21', 'Elternkurs 22', 'Elternkurs 23']);
    // The form on page 2 shows the filters still set.
    expect(second.body).toContain('<option value="familienbildung" selected>');
    expect(second.body).toContain('<option value="Rhynern" selected>');
    expect(second.body).toMatch(/id="kostenlos" name="kostenlos" type="checkbox" value="ja" checked/);
    expect(mainOf(second.body)).toContain('aria-current="page"');
  });

  it('ignores unknown filters and values out of range with a visible hint, never a 500', async () => {
    const res = await visitor().get(`${listPath}?alter=abc&bezirk=Atlantis&sortierung=x&thema=zauberei&sprache=klingonisch&kostenlos=vielleicht&foo=1`);
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main).toContain('Einige Angaben haben wir nicht verwendet');
    for (const hint of [
      '„abc“ ist kein Alter von 0 bis 99 Jahren. Wir zeigen Angebote für jedes Alter.',
      'Den Stadtbezirk „Atlantis“ gibt es nicht. Wir zeigen Angebote aus allen Stadtbezirken.',
      'Nach „x“ können wir nicht sortieren. Wir sortieren wie üblich.',
      'Das Thema „zauberei“ gibt es nicht. Wir zeigen Angebote aus allen Themen.',
      'Die Sprache „klingonisch“ kennen wir nicht. Wir zeigen Angebote in allen Sprachen.',
      'Den Wert „vielleicht“ für „kostenlos“ verstehen wir nicht. Wir haben diesen Filter nicht beachtet.',
      'Den Filter „foo“ gibt es nicht. Wir haben ihn nicht beachtet.',
    ]) {
      expect(main).toContain(`<li>${hint.replace(/&/g, '&amp;')}</li>`);
    }
    expect(statusOf(res.body)).toBe('25 Angebote gefunden. Seite 1 von 2.');
    expect(main).not.toContain('value="abc"');
    for (const url of [
      `${listPath}?alter=-1`,
      `${listPath}?alter=1000`,
      `${listPath}?seite=0`,
      `${listPath}?seite=abc`,
      `${listPath}?q=${'x'.repeat(500)}`,
      `${listPath}?bezirk=a&bezirk=b`,
      `${listPath}?q[a]=1`,
      `${listPath}?sortierung=entfernung`,
    ]) {
      const r = await visitor().get(url);
      expect(r.statusCode, url).toBe(200);
      expect(mainOf(r.body), url).toContain('Einige Angaben haben wir nicht verwendet');
    }
  });

  it('takes the site-wide language link (?lang=) for what it is, not for an unknown filter', async () => {
    const res = await visitor().get(`${listPath}?bezirk=Rhynern&lang=tr`);
    expect(res.body).toContain('<html lang="tr"');
    expect(res.body).toContain('<option value="Rhynern" selected>');
    expect(mainOf(res.body)).not.toContain('„lang“');
  });

  it('shows the last page with a hint for a page past the end', async () => {
    const main = mainOf((await visitor().get(`${listPath}?thema=familienbildung&seite=99`)).body);
    expect(main).toContain('Seite 99 gibt es nicht. Wir zeigen die letzte Seite, Seite 2.');
    expect(resultNames(main)).toHaveLength(4);
  });

  it('sorts by distance from a chosen district', async () => {
    const main = mainOf((await visitor().get(`${listPath}?sortierung=entfernung&von=Heessen`)).body);
    expect(resultNames(main)[0]).toBe('Kinderarztpraxis Dr. Sommer');
    expect(main).toMatch(/etwa [\d,]+ km vom Stadtbezirk Heessen/);
    expect(main).toContain('<option value="entfernung" selected>');
  });

  it('says when nothing is found and who to ask', async () => {
    const main = mainOf((await visitor().get(`${listPath}?q=Zitronenfalter`)).body);
    expect(statusOf(main)).toBe('Keine Angebote gefunden.');
    expect(main).toContain('href="tel:+492381000000"');
  });

  it('speaks English when the visitor chose English', async () => {
    const v = visitor();
    await v.get(`/sprache/en?zurueck=${encodeURIComponent(listPath)}`);
    const res = await v.get(`${listPath}?alter=abc`);
    expect(res.body).toContain('<html lang="en"');
    expect(mainOf(res.body)).toContain('Services for families');
    expect(mainOf(res.body)).toContain('“abc” is not an age from 0 to 99 years.');
    expect(statusOf(res.body)).toBe('25 services found. Page 1 of 2.');
  });
});

describe('opening status in words', () => {
  const t = directoryMessages('de');
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '12:30' }));
  it('says until when it is open, or when it opens next', () => {
    expect(openingText(openingState(weekdays, new Date('2026-01-05T08:00:00Z')), t)).toBe('Jetzt geöffnet, bis 12:30 Uhr');
    expect(openingText(openingState(weekdays, new Date('2026-01-05T06:00:00Z')), t)).toBe('Geschlossen, öffnet heute um 8:00 Uhr');
    expect(openingText(openingState(weekdays, new Date('2026-01-05T13:00:00Z')), t)).toBe('Geschlossen, öffnet morgen um 8:00 Uhr');
    expect(openingText(openingState(weekdays, new Date('2026-01-09T13:00:00Z')), t)).toBe('Geschlossen, öffnet Montag um 8:00 Uhr');
    expect(openingText(openingState([weekdays[0]!], new Date('2026-01-05T13:00:00Z')), t)).toBe('Geschlossen, öffnet nächsten Montag um 8:00 Uhr');
    expect(openingText(openingState([], new Date()), t)).toBe('');
  });
});

describe('site search', () => {
  it('finds services from the header search box', async () => {
    const main = mainOf((await visitor().get('/suche?q=Kinderarzt')).body);
    expect(main).toContain('Angebote (1 Treffer)');
    expect(main).toContain(`<a class="kern-link" href="/angebote/${paediatricianId}">Kinderarztpraxis Dr. Sommer</a>`);
    expect(main).toContain('Praxis am Kurpark: Ihr Kinderarzt für Vorsorge und Impfungen.');
  });
});
