import { describe, expect, it } from 'vitest';
import { featureTerms, topics } from '../directory.taxonomy.js';
import type { HsdsLocation, HsdsService } from '../open-data/hsds.types.js';
import { diffEntries, diffFields, type DiffLookups } from './workflow.diff.js';

const lookups: DiffLookups = {
  terms: new Map(topics.map((t) => [t.id, t.name])),
  locations: new Map([
    ['loc-1', 'Haus der Familie'],
    ['loc-2', 'Treffpunkt Süd'],
  ]),
  locale: 'de',
};

const service = (overrides: Partial<HsdsService> = {}): HsdsService => ({
  id: 's1',
  name: 'Elterncafé',
  status: 'active',
  description: 'Treffen für Eltern.',
  attributes: [{ id: 'a1', taxonomy_term_id: topics[8]!.id }],
  languages: [
    { id: 'l1', code: 'de', name: 'Deutsch' },
    { id: 'l2', code: 'tr', name: 'Türkisch' },
  ],
  cost_options: [{ id: 'c1', amount: 0, option: 'kostenlos', currency: 'EUR' }],
  service_at_locations: [{ id: 'sal1', location_id: 'loc-1' }],
  schedules: [{ id: 'h1', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '12:00' }],
  ...overrides,
});

describe('the review diff', () => {
  it('finds nothing when only ids, list order and last_modified differ', () => {
    const before = service();
    const after = service({
      last_modified: '2026-11-25T10:00:00Z',
      languages: [
        { id: 'x2', code: 'TR', name: 'Türkisch' },
        { id: 'x1', code: 'de', name: 'Deutsch' },
      ],
      schedules: [
        { id: 'y1', freq: 'WEEKLY', byday: 'WE', opens_at: '09:00', closes_at: '12:00' },
        { id: 'y2', freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '12:00' },
      ],
    });
    expect(diffEntries('service', before, after, lookups)).toEqual([]);
  });

  it('names changed, added and removed fields with the form’s labels and plain values', () => {
    const after = service({
      name: 'Elterncafé am Mittwoch',
      description: undefined,
      url: 'https://cafe.example/',
      attributes: [...service().attributes!, { id: 'e', taxonomy_term_id: featureTerms.easyLanguage.id, value: 'Hier treffen sich Eltern.' }],
    });
    const changes = diffEntries('service', service(), after, lookups);
    expect(changes).toEqual([
      { field: 'service.name', kind: 'changed', before: 'Elterncafé', after: 'Elterncafé am Mittwoch' },
      { field: 'service.description', kind: 'removed', before: 'Treffen für Eltern.', after: undefined },
      { field: 'service.url', kind: 'added', before: undefined, after: 'https://cafe.example/' },
      { field: 'service.easyLanguage', kind: 'added', before: undefined, after: 'Hier treffen sich Eltern.' },
    ]);
  });

  it('compares lists by content and says which items came and went', () => {
    const after = service({
      languages: [
        { id: 'l1', code: 'de', name: 'Deutsch' },
        { id: 'l3', code: 'ar', name: 'Arabisch' },
      ],
      cost_options: [
        { id: 'c2', amount: 12.5, option: 'Regulärer Preis', currency: 'EUR' },
        { id: 'c3', amount: 6, option: 'Ermäßigt mit Familienpass', currency: 'EUR' },
      ],
      service_at_locations: [
        { id: 'sal1', location_id: 'loc-1' },
        { id: 'sal2', location_id: 'loc-2' },
      ],
      schedules: [{ id: 'h1', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '13:00' }],
    });
    const byField = Object.fromEntries(diffEntries('service', service(), after, lookups).map((c) => [c.field, c]));
    expect(byField['service.languages']).toMatchObject({ kind: 'changed', addedItems: ['Arabisch'], removedItems: ['Türkisch'] });
    expect(byField['service.costs']).toMatchObject({
      kind: 'changed',
      addedItems: ['Regulärer Preis: 12,50\u00a0€', 'Ermäßigt mit Familienpass: 6,00\u00a0€'],
      removedItems: ['kostenlos'],
    });
    expect(byField['service.locations']).toMatchObject({ kind: 'changed', addedItems: ['Treffpunkt Süd'], removedItems: [] });
    expect(byField['field.hours']).toMatchObject({
      addedItems: ['Montag 09:00–13:00', 'Mittwoch 09:00–13:00'],
      removedItems: ['Montag 09:00–12:00', 'Mittwoch 09:00–12:00'],
    });
    expect(byField['service.topics']).toBeUndefined();
  });

  it('counts a repeated list item as a change', () => {
    expect(diffFields([['service.documents', ['Ausweis']]], [['service.documents', ['Ausweis', 'Ausweis']]])).toEqual([
      { field: 'service.documents', kind: 'changed', before: 'Ausweis', after: 'Ausweis; Ausweis', addedItems: ['Ausweis'], removedItems: [] },
    ]);
  });

  it('shows every filled field of a new entry as added', () => {
    const location: HsdsLocation = {
      id: 'loc-9',
      location_type: 'physical',
      name: 'Treffpunkt Nord',
      addresses: [
        {
          id: 'a',
          address_1: 'Nordstraße 1',
          city: 'Hamm',
          region: 'Heessen',
          state_province: 'NRW',
          postal_code: '59073',
          country: 'DE',
          address_type: 'physical',
        },
      ],
    };
    const changes = diffEntries('location', null, location, lookups);
    expect(changes.every((c) => c.kind === 'added')).toBe(true);
    expect(changes.map((c) => c.field)).toEqual([
      'location.name',
      'location.street',
      'location.postalCode',
      'location.city',
      'location.district',
      'location.barrierFree',
    ]);
    expect(changes.find((c) => c.field === 'location.barrierFree')?.after).toBe('nein');
  });

  it('speaks English when asked', () => {
    const changes = diffEntries(
      'service',
      service(),
      service({ cost_options: [{ id: 'c', amount: 3, option: 'Regulärer Preis', currency: 'EUR' }], assured_date: '2026-11-20' }),
      { ...lookups, locale: 'en' },
    );
    expect(changes.find((c) => c.field === 'service.costs')?.removedItems).toEqual(['free of charge']);
    expect(changes.find((c) => c.field === 'service.assuredDate')?.after).toBe('20 Nov 2026');
  });
});
