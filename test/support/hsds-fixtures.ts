import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';
import { buildLocation, buildOrganization, buildService, topicId } from './directory.js';
import { featureTerms } from '../../src/modules/directory/directory.taxonomy.js';
import type { HsdsAttribute, HsdsLocation, HsdsOrganization, HsdsService } from '../../src/modules/directory/open-data/hsds.types.js';

/** Test support for the open-data tests: a small published directory with every part HSDS knows. */

const id = () => randomUUID();

export interface Fixture {
  kurpark: HsdsOrganization;
  verein: HsdsOrganization;
  praxis: HsdsLocation;
  halle: HsdsLocation;
  sprechstunde: HsdsService;
  schwimmen: HsdsService;
  telefon: HsdsService;
}

export async function publishFixture(t: TestApp): Promise<Fixture> {
  const kurpark = await buildOrganization(t, {
    name: 'Kinderärzte am Kurpark',
    description: 'Gemeinschaftspraxis für Kinder- und Jugendmedizin.',
    email: 'praxis@kurpark.example',
    website: 'https://kurpark.example',
    legal_status: 'GbR',
    phones: [{ id: id(), number: '02381 123456', type: 'voice', languages: [{ id: id(), name: 'Deutsch', code: 'de' }] }],
    contacts: [{ id: id(), name: 'Praxisteam', email: 'team@kurpark.example', phones: [{ id: id(), number: '02381 123457' }] }],
    funding: [{ id: id(), source: 'Krankenkassen' }],
    // A stored property outside HSDS (label): the API must never let it out.
    attributes: [{ id: id(), taxonomy_term_id: topicId('gesundheit'), label: 'Thema' } as HsdsAttribute],
  });
  const verein = await buildOrganization(t, { name: 'Schwimmverein Lippewelle e. V.', description: 'Schwimmkurse für Kinder.' });
  const praxis = await buildLocation(t, kurpark.id, {
    name: 'Praxis am Kurpark',
    district: 'Heessen',
    barrierFree: true,
    description: 'Erdgeschoss, Aufzug vorhanden.',
    transportation: 'Bus 3, Haltestelle Kurpark',
    phones: [{ id: id(), number: '+49 2381 123456' }],
    schedules: [{ id: id(), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '12:00', timezone: 1 }],
    languages: [{ id: id(), name: 'Türkisch', code: 'tr' }],
    accessibility: [{ id: id(), description: 'Stufenloser Zugang', details: 'Rampe am Eingang', url: 'https://kurpark.example/barrierefrei' }],
  });
  const halle = await buildLocation(t, verein.id, { name: 'Hallenbad Süd', district: 'Pelkum' });
  const sprechstunde = await buildService(t, kurpark.id, {
    name: 'Kinderärztliche Sprechstunde',
    alternate_name: 'Kinderarzt',
    description: 'Vorsorge, Impfungen und Hilfe bei Krankheit.',
    url: 'https://kurpark.example/sprechstunde',
    email: 'termin@kurpark.example',
    topics: ['gesundheit'],
    locationIds: [praxis.id],
    minimum_age: 0,
    maximum_age: 17,
    application_process: 'Termin telefonisch vereinbaren.',
    fees_description: 'Für gesetzlich Versicherte kostenlos.',
    eligibility_description: 'Kinder und Jugendliche bis 17 Jahre.',
    interpretation_services: 'Türkisch nach Absprache',
    phones: [{ id: id(), number: '02381 123458', description: 'Terminvergabe' }],
    schedules: [{ id: id(), freq: 'WEEKLY', byday: 'MO,WE', opens_at: '14:00', closes_at: '17:30', description: 'Nachmittagssprechstunde' }],
    service_areas: [{ id: id(), name: 'Heessen', extent_type: 'district' }],
    languages: [
      { id: id(), name: 'Deutsch', code: 'de' },
      { id: id(), name: 'Türkisch', code: 'tr' },
    ],
    cost_options: [{ id: id(), option: 'Gesetzlich versichert', currency: 'EUR', amount: 0 }],
    required_documents: [
      { id: id(), document: 'Versichertenkarte' },
      { id: id(), document: 'Impfpass', uri: 'https://kurpark.example/impfpass' },
    ],
    funding: [{ id: id(), source: 'Krankenkassen' }],
    contacts: [{ id: id(), name: 'Anmeldung', phones: [{ id: id(), number: '02381 123459' }] }],
    attributes: [
      { id: id(), taxonomy_term_id: topicId('gesundheit') },
      { id: id(), taxonomy_term_id: featureTerms.easyLanguage.id, value: 'Hier bekommt Ihr Kind Hilfe vom Arzt.' },
      { id: id(), taxonomy_term_id: featureTerms.leika.id, value: '99012001001000' },
    ],
  });
  const schwimmen = await buildService(t, verein.id, {
    name: 'Schwimmkurs Seepferdchen',
    description: '=HYPERLINK("http://evil.example") Schwimmen lernen; mit "Spaß"\nfür Kinder ab 5.',
    topics: ['freizeit-sport'],
    locationIds: [halle.id],
    minimum_age: 5,
    maximum_age: 10,
    cost_options: [{ id: id(), option: 'Kursgebühr', currency: 'EUR', amount: 60 }],
    assured_date: '2026-03-15',
  });
  const telefon = await buildService(t, verein.id, {
    name: 'Elterntelefon',
    description: 'Beratung am Telefon.',
    topics: ['beratung'],
    assured_date: '2025-11-30',
  });
  return { kurpark, verein, praxis, halle, sprechstunde, schwimmen, telefon };
}
