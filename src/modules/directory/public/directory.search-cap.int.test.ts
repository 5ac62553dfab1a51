import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../../test/support/directory.js';
import { searchServices } from './directory.search.js';

/**
 * Broad searches: past the cap, totals say "more than" and the best matches must still lead.
 * The cap is lowered to 5 here; the best matches are published last, so they are not among
 * the first matches the database happens to find.
 */
const t = useTestApp();
const cap = 5;
const heessenCentre = [51.713, 7.841] as const;

beforeAll(async () => {
  const org = await buildOrganization(t, { name: 'Verein für Familien in Uentrop' });
  const uentrop = await buildLocation(t, org.id, { district: 'Uentrop', latitude: 51.665, longitude: 7.925 });
  const heessen = await buildLocation(t, org.id, { district: 'Heessen', latitude: 51.714, longitude: 7.842 });
  const letters = 'BCDEFGHIJKLMNOPQRS';
  for (const letter of letters) {
    await buildService(t, org.id, {
      name: `${letter}-Treff für Eltern`,
      description: 'Offener Treff mit Beratung zu Alltagsfragen.',
      locationIds: [uentrop.id],
    });
  }
  await buildService(t, org.id, { name: 'Beratung und Hilfe in Heessen', description: 'Wir helfen bei Fragen zur Erziehung.', locationIds: [heessen.id] });
  await buildService(t, org.id, { name: 'Äpfel-Treff für Eltern', description: 'Offener Treff mit Beratung und Obst.', locationIds: [uentrop.id] });
});

describe('searches with more matches than are counted', () => {
  it('says "more than" instead of an exact number', async () => {
    const results = await searchServices(t.deps.db, { text: 'Beratung', cap });
    expect(results).toMatchObject({ total: cap, totalCapped: true });
    const narrow = await searchServices(t.deps.db, { text: 'Erziehung', cap });
    expect(narrow).toMatchObject({ total: 1, totalCapped: false });
  });

  it('still puts the service with the words in its name first', async () => {
    const results = await searchServices(t.deps.db, { text: 'Beratung', cap });
    expect(results.items[0]!.name).toBe('Beratung und Hilfe in Heessen');
  });

  it('still puts the nearest service first when sorting by distance', async () => {
    const results = await searchServices(t.deps.db, { text: 'Beratung', sort: 'distance', origin: heessenCentre, originDistrict: 'Heessen', cap });
    expect(results.items[0]!.name).toBe('Beratung und Hilfe in Heessen');
    expect(results.items[0]!.distanceKm).toBeLessThan(1);
  });

  it('keeps alphabetical order exact (umlauts as their base letter) and pages only through the counted matches', async () => {
    const first = await searchServices(t.deps.db, { sort: 'name', perPage: 2, cap });
    expect(first.items.map((i) => i.name)).toEqual(['Äpfel-Treff für Eltern', 'B-Treff für Eltern']);
    expect(first).toMatchObject({ totalCapped: true, pageCount: 3 });
    const beyond = await searchServices(t.deps.db, { sort: 'name', perPage: 2, page: 9, cap });
    expect(beyond.page).toBe(3);
    expect(beyond.items.map((i) => i.name)).toEqual(['D-Treff für Eltern']);
  });
});
