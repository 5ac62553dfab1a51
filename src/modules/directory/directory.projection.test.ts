import { describe, expect, it } from 'vitest';
import { projectService, weeklyHoursOf, wordsOf } from './directory.projection.js';
import { featureTerms, topics } from './directory.taxonomy.js';

const terms = new Map([
  ...topics.map((t) => [t.id, { code: t.code, name: t.name }] as const),
  [featureTerms.easyLanguage.id, { code: 'leichte-sprache', name: 'x' }],
]);

describe('service projection', () => {
  it('reads topics, districts, languages, ages, costs and hours from the HSDS object', () => {
    const p = projectService(
      {
        id: 's',
        name: 'Kinderarztpraxis am Park',
        status: 'active',
        description: 'Vorsorge und Impfungen',
        minimum_age: 0,
        maximum_age: 17,
        languages: [{ id: 'l', code: 'TR', name: 'Türkisch' }],
        service_areas: [{ id: 'a', name: 'Uentrop' }],
        cost_options: [{ id: 'c', amount: 0, option: 'kostenlos' }],
        schedules: [{ id: 'h', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '08:00', closes_at: '12:30' }],
        attributes: [
          { id: 'x', taxonomy_term_id: topics[1]!.id },
          { id: 'y', taxonomy_term_id: featureTerms.easyLanguage.id, value: 'Hier gibt es Hilfe.' },
        ],
      },
      terms,
      'Praxisgemeinschaft',
      [{ district: 'Heessen', barrierFree: true }],
    );
    expect(p.topicCodes).toEqual(['gesundheit']);
    expect(p.districts.sort()).toEqual(['Heessen', 'Uentrop']);
    expect(p.languageCodes).toEqual(['tr']);
    expect(p.free).toBe(true);
    expect(p.barrierFree).toBe(true);
    expect(p.weeklyHours).toEqual([
      { day: 1, opens: '08:00', closes: '12:30' },
      { day: 3, opens: '08:00', closes: '12:30' },
    ]);
    expect(p.text.b).toContain('Gesundheit');
    expect(p.text.c).toContain('Hier gibt es Hilfe.');
  });

  it('treats a service with a price as not free', () => {
    const p = projectService({ id: 's', name: 'Kurs', status: 'active', cost_options: [{ id: 'c', amount: 25, currency: 'EUR' }] }, terms, 'Org', []);
    expect(p.free).toBe(false);
  });

  it('ignores malformed schedule entries', () => {
    expect(
      weeklyHoursOf([
        { id: 'x', byday: 'XX', opens_at: '08:00', closes_at: '09:00' },
        { id: 'y', byday: 'MO', opens_at: '25:00', closes_at: '09:00' },
      ]),
    ).toEqual([]);
  });

  it('collects distinct words with umlauts', () => {
    expect(wordsOf('Kinderärzte und Kinderärzte, Öffnungszeiten!')).toEqual(['kinderärzte', 'und', 'öffnungszeiten']);
  });
});
