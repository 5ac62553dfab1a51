import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../../test/support/directory.js';
import { searchServices, type ServiceQuery } from './directory.search.js';
import type { HsdsSchedule } from '../open-data/hsds.types.js';

const t = useTestApp();
const ids: Record<string, string> = {};
const lang = (...codes: string[]) => codes.map((code) => ({ id: randomUUID(), code }));
const weekly = (byday: string, opens_at: string, closes_at: string): HsdsSchedule => ({ id: randomUUID(), freq: 'WEEKLY', byday, opens_at, closes_at });
const price = (amount: number) => [{ id: randomUUID(), amount, currency: 'EUR', option: 'Beitrag' }];

beforeAll(async () => {
  const org = await buildOrganization(t, { name: 'Praxisgemeinschaft am Kurpark' });
  const heessen = await buildLocation(t, org.id, { district: 'Heessen', barrierFree: true, latitude: 51.713, longitude: 7.841 });
  const pelkum = await buildLocation(t, org.id, { district: 'Pelkum', latitude: 51.651, longitude: 7.737 });
  const mitte = await buildLocation(t, org.id, { district: 'Hamm-Mitte', latitude: 51.681, longitude: 7.814 });
  const uentrop = await buildLocation(t, org.id, { district: 'Uentrop', latitude: 51.665, longitude: 7.925 });
  const build = async (key: string, overrides: Parameters<typeof buildService>[2]) => {
    ids[key] = (await buildService(t, org.id, overrides)).id;
  };
  await build('paediatrician', {
    name: 'Kinderarztpraxis Dr. Sommer',
    description: 'Ihr Kinderarzt für Vorsorge, Impfungen und offene Sprechstunden.',
    topics: ['gesundheit'],
    locationIds: [heessen.id],
    minimum_age: 0,
    maximum_age: 17,
    languages: lang('de', 'tr'),
    schedules: [weekly('MO,TU,WE,TH,FR', '08:00', '12:00')],
  });
  await build('nightCafe', {
    name: 'Nachtcafé für Jugendliche',
    description: 'Treffpunkt am Wochenende mit Musik und Gesprächen.',
    topics: ['jugend'],
    locationIds: [pelkum.id],
    minimum_age: 14,
    maximum_age: 21,
    languages: lang('de', 'ar'),
    cost_options: price(3),
    schedules: [weekly('FR', '20:00', '02:00')],
  });
  await build('counselling', {
    name: 'Familienberatung Mitte',
    description: 'Beratung bei Sorgen in der Familie, bei Trennung und Streit.',
    topics: ['beratung'],
    locationIds: [mitte.id],
    languages: lang('de', 'en', 'uk'),
    schedules: [weekly('MO,TU,WE,TH', '09:00', '16:00')],
  });
  await build('babySwimming', {
    name: 'Babyschwimmen im Maximare',
    description: 'Wassergewöhnung für Babys und Kleinkinder mit einem Elternteil.',
    topics: ['freizeit-sport'],
    locationIds: [uentrop.id],
    minimum_age: 0,
    maximum_age: 3,
    cost_options: price(45),
  });
  await build('holidayGames', {
    name: 'Ärztlich begleitete Ferienspiele',
    description: 'Spiele in den Ferien für Schulkinder.',
    topics: ['freizeit-sport'],
    minimum_age: 6,
    cost_options: price(10),
  });
  await build('closed', { name: 'Alte Spielgruppe Kinderarzt', topics: ['gesundheit'], status: 'inactive' });
});

const names = async (query: ServiceQuery) => (await searchServices(t.deps.db, query)).items.map((i) => i.name);
const found = async (query: ServiceQuery) => (await searchServices(t.deps.db, query)).items.map((i) => i.id);

describe('searching services by words', () => {
  it('finds paediatric care for "kinderarzt", "Kinderärzte" and "kinderartz"', async () => {
    for (const text of ['kinderarzt', 'Kinderärzte', 'kinderartz', 'KINDERARZTPRAXIS']) {
      expect(await found({ text }), text).toContain(ids.paediatrician);
      expect(await found({ text }), text).not.toContain(ids.babySwimming);
    }
  });

  it('corrects a word that matches nothing to the most similar known word, and says so', async () => {
    const results = await searchServices(t.deps.db, { text: 'kinderartz impfungen' });
    expect(results.corrections).toEqual([{ typed: 'kinderartz', used: 'kinderarzt' }]);
    expect(results.searchedText).toBe('kinderarzt impfungen');
    expect(results.items.map((i) => i.id)).toEqual([ids.paediatrician]);
    // Known words are never "corrected", even when a longer word is similar.
    expect((await searchServices(t.deps.db, { text: 'Kinderärzte' })).corrections).toEqual([]);
    // Nothing similar enough: no correction and no hits.
    const nonsense = await searchServices(t.deps.db, { text: 'xylophonquark' });
    expect(nonsense.corrections).toEqual([]);
    expect(nonsense.total).toBe(0);
  });

  it('finds parts of compound words through the substring fallback', async () => {
    expect(await found({ text: 'arztpraxis' })).toEqual([ids.paediatrician]);
    expect(await found({ text: 'schwimmen' })).toEqual([ids.babySwimming]);
  });

  it('ranks a name hit above a hit in the description', async () => {
    const results = await names({ text: 'Beratung' });
    expect(results[0]).toBe('Familienberatung Mitte');
  });

  it('never lists services that are not active or temporarily closed', async () => {
    expect(await found({ text: 'Spielgruppe' })).toEqual([]);
    expect(await found({})).not.toContain(ids.closed);
    expect((await searchServices(t.deps.db, {})).total).toBe(5);
  });
});

describe('filters', () => {
  it('narrows by topic, district, language, free of charge and barrier-free', async () => {
    expect(await found({ topic: 'jugend' })).toEqual([ids.nightCafe]);
    expect(await found({ district: 'Pelkum' })).toEqual([ids.nightCafe]);
    expect(await found({ language: 'uk' })).toEqual([ids.counselling]);
    expect((await found({ free: true })).sort()).toEqual([ids.paediatrician, ids.counselling].sort());
    expect(await found({ barrierFree: true })).toEqual([ids.paediatrician]);
    expect(await found({ topic: 'gesundheit', district: 'Pelkum' })).toEqual([]);
    expect(await found({ text: 'Beratung', language: 'tr' })).toEqual([]);
  });

  it('narrows by the age of the child, where no limit means any age', async () => {
    expect((await found({ age: 2 })).sort()).toEqual([ids.paediatrician, ids.counselling, ids.babySwimming].sort());
    expect((await found({ age: 20 })).sort()).toEqual([ids.nightCafe, ids.counselling, ids.holidayGames].sort());
    expect((await found({ age: 0 })).sort()).toEqual([ids.paediatrician, ids.counselling, ids.babySwimming].sort());
  });

  it('finds what is open at a given instant, in Berlin time', async () => {
    // Monday 2026-01-05, 10:00 CET.
    expect((await found({ openNow: true, now: new Date('2026-01-05T09:00:00Z') })).sort()).toEqual([ids.paediatrician, ids.counselling].sort());
    // Monday 07:30 CET: nothing yet.
    expect(await found({ openNow: true, now: new Date('2026-01-05T06:30:00Z') })).toEqual([]);
    // Summer time: Monday 2026-07-06 08:30 CEST is 06:30 UTC.
    expect(await found({ openNow: true, now: new Date('2026-07-06T06:30:00Z') })).toEqual([ids.paediatrician]);
  });

  it('keeps a Friday-night period open past midnight into Saturday', async () => {
    expect(await found({ openNow: true, now: new Date('2026-01-09T21:00:00Z') })).toEqual([ids.nightCafe]);
    expect(await found({ openNow: true, now: new Date('2026-01-10T00:30:00Z') })).toEqual([ids.nightCafe]);
    expect(await found({ openNow: true, now: new Date('2026-01-10T01:00:00Z') })).toEqual([]);
    // Thursday night, 01:00 Friday: the period starts on Friday evening only.
    expect(await found({ openNow: true, now: new Date('2026-01-09T00:00:00Z') })).toEqual([]);
  });
});

describe('sorting and pages', () => {
  it('sorts by name without a text, umlauts as their base letter', async () => {
    expect(await names({})).toEqual([
      'Ärztlich begleitete Ferienspiele',
      'Babyschwimmen im Maximare',
      'Familienberatung Mitte',
      'Kinderarztpraxis Dr. Sommer',
      'Nachtcafé für Jugendliche',
    ]);
  });

  it('sorts by distance from a district centre to the nearest location, unlocated services last', async () => {
    const pelkum = t.deps.city.districtCentres.Pelkum!;
    const results = await searchServices(t.deps.db, { sort: 'distance', origin: pelkum });
    expect(results.sort).toBe('distance');
    expect(results.items.map((i) => i.id)).toEqual([ids.nightCafe, ids.counselling, ids.paediatrician, ids.babySwimming, ids.holidayGames]);
    expect(results.items[0]!.distanceKm).toBeLessThan(1);
    expect(results.items[2]!.distanceKm).toBeGreaterThan(5);
    expect(results.items[4]!.distanceKm).toBeNull();
    const heessen = await found({ sort: 'distance', origin: t.deps.city.districtCentres.Heessen! });
    expect(heessen[0]).toBe(ids.paediatrician);
    // With words too: only the matches, nearest first.
    const words = await searchServices(t.deps.db, { text: 'Beratung Familie', sort: 'distance', origin: pelkum });
    expect(words.items.map((i) => i.id)).toEqual([ids.counselling]);
    expect(words.items[0]!.distanceKm).toBeGreaterThan(5);
    // Sorted by relevance, a chosen origin still shows each hit's distance.
    expect((await searchServices(t.deps.db, { text: 'Babyschwimmen', origin: pelkum })).items[0]!.distanceKm).toBeGreaterThan(10);
    // Without an origin there is no distance to sort by.
    expect((await searchServices(t.deps.db, { sort: 'distance' })).sort).toBe('name');
  });

  it('pages through the results and shows the last page for a page past the end', async () => {
    const first = await searchServices(t.deps.db, { perPage: 2 });
    expect([first.total, first.pageCount, first.page, first.items.length]).toEqual([5, 3, 1, 2]);
    const third = await searchServices(t.deps.db, { perPage: 2, page: 3 });
    expect(third.items.map((i) => i.name)).toEqual(['Nachtcafé für Jugendliche']);
    const beyond = await searchServices(t.deps.db, { perPage: 2, page: 99 });
    expect([beyond.page, beyond.total, beyond.items.length]).toEqual([3, 5, 1]);
  });
});
