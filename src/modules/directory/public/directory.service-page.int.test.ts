import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../../test/support/directory.js';
import { publishOrganization } from '../directory.publish.js';
import { featureTerms } from '../directory.taxonomy.js';
import type { HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const jsonLdOf = (html: string) => {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]!) as Record<string, any>;
};
let service: HsdsService;
let cityService: HsdsService;
let hostile: HsdsService;

beforeAll(async () => {
  const org = await buildOrganization(t, {
    name: 'Familienzentrum Lippeaue e. V.',
    description: 'Ein Familienzentrum für den Hammer Osten.',
    website: 'https://lippeaue.example',
  });
  const place = await buildLocation(t, org.id, {
    name: 'Haus am Lippepark',
    district: 'Uentrop',
    barrierFree: true,
    latitude: 51.66471,
    longitude: 7.92469,
    transportation: 'Bus 3 bis Haltestelle Lippepark',
    accessibility: [{ id: randomUUID(), description: 'Rampe am Eingang, Aufzug ins Obergeschoss.' }],
    phones: [{ id: randomUUID(), number: '+49 2381 123456' }],
  });
  service = await buildService(t, org.id, {
    name: 'Eltern-Kind-Gruppe Krabbelkäfer',
    description: 'Spielen, Singen und Austausch für Eltern mit Babys.\n\nJeden Dienstag im Familienzentrum.',
    topics: ['familienbildung', 'kinderbetreuung'],
    locationIds: [place.id],
    minimum_age: 0,
    maximum_age: 3,
    eligibility_description: 'Für Eltern aus ganz Hamm.',
    application_process: 'Melden Sie sich per Telefon oder E-Mail an.',
    email: 'krabbelkaefer@lippeaue.example',
    cost_options: [{ id: randomUUID(), option: 'Kursgebühr', amount: 25, currency: 'EUR', amount_description: 'für zehn Treffen' }],
    required_documents: [{ id: randomUUID(), document: 'Impfpass des Kindes' }],
    languages: [
      { id: randomUUID(), code: 'de' },
      { id: randomUUID(), code: 'ar' },
    ],
    schedules: [{ id: randomUUID(), freq: 'WEEKLY', byday: 'TU', opens_at: '09:30', closes_at: '11:00' }],
    attributes: [
      { id: randomUUID(), taxonomy_term_id: '6f1d2c4e-0a51-4d8e-9a10-000000000109' },
      { id: randomUUID(), taxonomy_term_id: featureTerms.easyLanguage.id, value: 'Hier spielen Eltern mit ihren Babys.\nDas kostet Geld.' },
      { id: randomUUID(), taxonomy_term_id: featureTerms.leika.id, value: '99012345678901' },
    ],
    assured_date: '2026-10-01',
  });
  const city: HsdsOrganization = { id: randomUUID(), name: 'Stadt Hamm – Familienbüro', description: 'Das Familienbüro der Stadt.' };
  await t.deps.db.transaction().execute((trx) => publishOrganization(trx, city, 'city'));
  cityService = await buildService(t, city.id, { name: 'Begrüßungsbesuch für Neugeborene', topics: ['schwangerschaft-geburt'] });
  hostile = await buildService(t, org.id, { name: 'Kurs </script><script>alert(1)</script>', description: '<!-- <b>fett</b> & "zitiert"' });
});

describe('GET /angebote/:id', () => {
  it('tells what it is, for whom, what it costs, how to get it and what to bring', async () => {
    const res = await visitor().get(`/angebote/${service.id}`);
    expect(res.statusCode).toBe(200);
    const main = mainOf(res.body);
    expect(main.match(/<h1/g)).toHaveLength(1);
    expect(main).toContain('<h1 class="kern-heading-x-large">Eltern-Kind-Gruppe Krabbelkäfer</h1>');
    expect(res.body).toContain('<title>Eltern-Kind-Gruppe Krabbelkäfer – Familienrathaus Hamm</title>');
    expect(main).toContain('Ein Angebot von Familienzentrum Lippeaue e. V.');
    expect(main).toContain(
      '<p class="kern-body"><span>Spielen, Singen und Austausch für Eltern mit Babys.</span></p><p class="kern-body"><span>Jeden Dienstag im Familienzentrum.</span></p>',
    );
    expect(main).toContain('Alter: 0 bis 3 Jahre');
    expect(main).toContain('Für Eltern aus ganz Hamm.');
    expect(main).toContain('<li>Kursgebühr: 25,00\u00a0€: für zehn Treffen</li>');
    expect(main).toContain('Melden Sie sich per Telefon oder E-Mail an.');
    expect(main).toContain('>Diese Unterlagen brauchen Sie</h2>');
    expect(main).toContain('Impfpass des Kindes');
    const headings = [...main.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('shows opening hours as a table with the current state, and each place with a map link', async () => {
    const main = mainOf((await visitor().get(`/angebote/${service.id}`)).body);
    expect(main).toContain('<th scope="col" class="kern-table__header">Tag</th>');
    expect(main).toContain(
      '<tr class="kern-table__row"><th scope="row" class="kern-table__header">Dienstag</th><td class="kern-table__cell">9:30 bis 11:00 Uhr</td></tr>',
    );
    expect(main).toContain(
      '<tr class="kern-table__row"><th scope="row" class="kern-table__header">Montag</th><td class="kern-table__cell">geschlossen</td></tr>',
    );
    expect(main).toMatch(
      /<span class="kern-label">(Jetzt geöffnet, bis 11:00 Uhr|Geschlossen, öffnet (heute|morgen|nächsten Dienstag|Dienstag) um 9:30 Uhr)<\/span>/,
    );
    expect(main).toContain('Haus am Lippepark');
    expect(main).toContain('Teststraße 1');
    expect(main).toContain('href="https://www.openstreetmap.org/?mlat=51.66471&mlon=7.92469#map=17/51.66471/7.92469"');
    expect(main).not.toMatch(/<iframe|<img[^>]+openstreetmap/);
    expect(main).toContain('Bus 3 bis Haltestelle Lippepark');
  });

  it('links phone and email, names the languages, accessibility and who runs it', async () => {
    const main = mainOf((await visitor().get(`/angebote/${service.id}`)).body);
    expect(main).toContain('<a class="kern-link" href="tel:+492381123456">+49 2381 123456</a>');
    expect(main).toContain('<a class="kern-link" href="mailto:krabbelkaefer@lippeaue.example">krabbelkaefer@lippeaue.example</a>');
    expect(main).toContain('<span>Hier spricht man:</span> <span>Deutsch, Arabisch</span>');
    expect(main).toContain('Mindestens ein Ort dieses Angebots ist barrierefrei zugänglich.');
    expect(main).toContain('Rampe am Eingang, Aufzug ins Obergeschoss.');
    expect(main).toContain('>Wer bietet das an?</h2>');
    expect(main).toContain('Ein Familienzentrum für den Hammer Osten.');
    expect(main).toContain('href="https://lippeaue.example"');
  });

  it('says "kostenlos" once, and names the place each accessibility note belongs to', async () => {
    const org = await buildOrganization(t, { name: 'Träger mit zwei Häusern e. V.' });
    const north = await buildLocation(t, org.id, {
      name: 'Haus Nord',
      accessibility: [{ id: randomUUID(), description: 'Nicht stufenlos', details: 'Drei Stufen am Eingang.' }],
    });
    const south = await buildLocation(t, org.id, {
      name: 'Haus Süd',
      barrierFree: true,
      accessibility: [{ id: randomUUID(), description: 'Stufenloser Zugang', details: 'Rampe am Eingang.' }],
    });
    const free = await buildService(t, org.id, {
      name: 'Offener Spieltreff',
      locationIds: [north.id, south.id],
      fees_description: 'Kostenlos.',
      cost_options: [{ id: randomUUID(), option: 'kostenlos', currency: 'EUR', amount: 0 }],
    });
    const main = mainOf((await visitor().get(`/angebote/${free.id}`)).body);
    expect(main).toContain('Das Angebot ist kostenlos.');
    expect(main).not.toMatch(/>Kostenlos\.</);
    expect(main).toContain('<li><strong>Haus Nord</strong><span>: Nicht stufenlos: Drei Stufen am Eingang.</span></li>');
    expect(main).toContain('<li><strong>Haus Süd</strong><span>: Stufenloser Zugang: Rampe am Eingang.</span></li>');
    // A fees text that says more than "free" stays.
    const donations = await buildService(t, org.id, {
      name: 'Elterncafé',
      locationIds: [north.id],
      fees_description: 'Kostenlos. Spenden sind willkommen.',
      cost_options: [{ id: randomUUID(), option: 'kostenlos', currency: 'EUR', amount: 0 }],
    });
    expect(mainOf((await visitor().get(`/angebote/${donations.id}`)).body)).toContain('Kostenlos. Spenden sind willkommen.');
  });

  it('has the summary in Leichte Sprache, the LeiKa key, topics, the last check and a print link', async () => {
    const main = mainOf((await visitor().get(`/angebote/${service.id}`)).body);
    expect(main).toMatch(
      /<section aria-labelledby="leichte-sprache" lang="de"[^>]*><h2 class="kern-heading-medium" id="leichte-sprache">In Leichter Sprache<\/h2><p class="kern-body"><span>Hier spielen Eltern mit ihren Babys.<\/span><br\/><span>Das kostet Geld.<\/span><\/p>/,
    );
    expect(main).toContain('<span>99012345678901</span>');
    expect(main).toContain('<a class="kern-link" href="/themen/familienbildung">Familienbildung</a>');
    expect(main).toContain('Zuletzt geprüft am 1. Oktober 2026.');
    expect(main).toContain(`<a class="kern-link" href="/angebote/${service.id}/drucken">Druckansicht</a>`);
  });

  it('describes itself in schema.org JSON-LD: Service, provider, Place with address, opening hours', async () => {
    const data = jsonLdOf((await visitor().get(`/angebote/${service.id}`)).body);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Service');
    expect(data.name).toBe('Eltern-Kind-Gruppe Krabbelkäfer');
    expect(data.url).toBe(`${t.deps.config.publicUrl}/angebote/${service.id}`);
    expect(data.provider).toMatchObject({ '@type': 'Organization', name: 'Familienzentrum Lippeaue e. V.', url: 'https://lippeaue.example' });
    const place = data.availableChannel[0].serviceLocation;
    expect(place).toMatchObject({
      '@type': 'Place',
      name: 'Haus am Lippepark',
      address: { '@type': 'PostalAddress', streetAddress: 'Teststraße 1', postalCode: '59065', addressLocality: 'Hamm', addressCountry: 'DE' },
      geo: { '@type': 'GeoCoordinates', latitude: 51.66471, longitude: 7.92469 },
    });
    expect(data.hoursAvailable).toEqual([{ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Tuesday', opens: '09:30', closes: '11:00' }]);
    expect(place.openingHoursSpecification).toEqual(data.hoursAvailable);
    expect(data.audience).toEqual({ '@type': 'PeopleAudience', suggestedMinAge: 0, suggestedMaxAge: 3 });
    expect(data.offers).toEqual([{ '@type': 'Offer', name: 'Kursgebühr', price: 25, priceCurrency: 'EUR', description: 'für zehn Treffen' }]);
    expect(data.availableLanguage).toEqual([
      { '@type': 'Language', name: 'Deutsch', alternateName: 'de' },
      { '@type': 'Language', name: 'Arabisch', alternateName: 'ar' },
    ]);
    expect(data.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'LeiKa', value: '99012345678901' });
  });

  it('is a GovernmentService when the city runs it', async () => {
    const data = jsonLdOf((await visitor().get(`/angebote/${cityService.id}`)).body);
    expect(data['@type']).toBe('GovernmentService');
    expect(data.provider.name).toBe('Stadt Hamm – Familienbüro');
    expect(data.offers).toEqual([{ '@type': 'Offer', price: 0, priceCurrency: 'EUR' }]);
  });

  it('keeps hostile text inside the JSON-LD block and escaped in the page', async () => {
    const res = await visitor().get(`/angebote/${hostile.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body.match(/<script/g)).toHaveLength(2); // app.js and the JSON-LD block
    const data = jsonLdOf(res.body);
    expect(data.name).toBe('Kurs </script><script>alert(1)</script>');
    expect(data.description).toBe('<!-- <b>fett</b> & "zitiert"');
    expect(mainOf(res.body)).toContain('&lt;!-- &lt;b>fett&lt;/b> &amp; &#34;zitiert&#34;');
  });

  it('answers 404 for an unknown or malformed service, and 410 with a way on for one taken out of the directory', async () => {
    const inactive = await buildService(t, (await buildOrganization(t)).id, { name: 'Eingestellt', status: 'inactive' });
    for (const path of [`/angebote/${randomUUID()}`, '/angebote/keine-uuid', `/angebote/${randomUUID()}/drucken`, `/angebote/${inactive.id}/drucken`]) {
      const res = await visitor().get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body, path).toContain('<h1');
    }
    const gone = await visitor().get(`/angebote/${inactive.id}`);
    expect(gone.statusCode).toBe(410);
    expect(mainOf(gone.body)).toContain('<h1 class="kern-heading-x-large">Dieses Angebot ruht zurzeit</h1>');
    expect(mainOf(gone.body)).toContain('href="/angebote?q=Eingestellt"');
  });
});

describe('GET /angebote/:id/drucken', () => {
  it('prints the service without navigation, search, footer or script', async () => {
    const res = await visitor().get(`/angebote/${service.id}/drucken`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Druckansicht: Eltern-Kind-Gruppe Krabbelkäfer – Familienrathaus Hamm</title>');
    expect(res.body.match(/<h1/g)).toHaveLength(1);
    expect(res.body).not.toMatch(/site-nav|site-search|site-footer|<script/);
    expect(res.body).toContain(
      '<tr class="kern-table__row"><th scope="row" class="kern-table__header">Dienstag</th><td class="kern-table__cell">9:30 bis 11:00 Uhr</td></tr>',
    );
    expect(res.body).toContain('Teststraße 1');
    expect(res.body).toContain('tel:+492381123456');
    expect(res.body).toContain(`Aus dem Familienrathaus Hamm: ${t.deps.config.publicUrl}/angebote/${service.id}`);
    expect(res.body).toContain(`<a class="kern-link" href="/angebote/${service.id}">Zurück zum Angebot</a>`);
  });

  it('prints right to left in Arabic, with the mirrored stylesheet', async () => {
    const res = await visitor().get(`/angebote/${service.id}/drucken?lang=ar`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('href="/assets/rtl/kern.rtl.min.css"');
    expect(res.body).not.toContain('href="/assets/kern/kern.min.css"');
  });
});

describe('opening hours around the clock and until midnight', () => {
  it('says "rund um die Uhr" and "24:00" instead of 0:00', async () => {
    const org = await buildOrganization(t, { name: 'Kinder- und Jugendnotdienst (Test)' });
    const weekly = (byday: string, opens_at: string, closes_at: string) => ({ id: randomUUID(), freq: 'WEEKLY' as const, byday, opens_at, closes_at });
    const emergency = await buildService(t, org.id, {
      name: 'Notaufnahme für Jugendliche',
      schedules: [weekly('MO', '00:00', '00:00'), weekly('FR', '18:00', '00:00')],
    });
    const body = mainOf((await visitor().get(`/angebote/${emergency.id}`)).body);
    expect(body).toMatch(/Montag<\/th>\s*<td class="kern-table__cell">rund um die Uhr<\/td>/);
    expect(body).toMatch(/Freitag<\/th>\s*<td class="kern-table__cell">18:00 bis 24:00 Uhr<\/td>/);
    expect(body).not.toContain('0:00 Uhr');
  });
});
