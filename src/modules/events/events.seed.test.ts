import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../platform/city.js';
import { demoOrganizers, type OrganizationProfile } from '../directory/index.js';
import { eventCategories, type CategoryCode } from './events.categories.js';
import { buildDemoEvents, type DemoEvent } from './events.seed.js';

const city = loadCityProfile(new URL('../../../city/hamm.json', import.meta.url).pathname);
const organizers = demoOrganizers({ city, today: new Date('2026-11-15T10:00:00Z') });
const events = buildDemoEvents({ today: '2026-11-15', districts: city.districts, organizers });

/** What an organisation of each kind may credibly put in the calendar; kinds not listed put nothing. */
const categoriesOf: Partial<Record<OrganizationProfile, readonly CategoryCode[]>> = {
  'youth-office': ['bildung', 'jugend'],
  'family-office': ['bildung'],
  library: ['lesen', 'kultur', 'kreativ'],
  'music-school': ['musik'],
  pools: ['sport'],
  'family-centre': ['fest', 'natur', 'kreativ', 'bildung', 'baby', 'musik'],
  'family-education': ['baby', 'bildung', 'kreativ'],
  midwifery: ['baby'],
  'maternity-centre': ['baby', 'bildung'],
  'forest-kindergarten': ['natur', 'kreativ'],
  'self-help': ['natur', 'bildung'],
  'sports-club': ['sport'],
  'swimming-club': ['sport'],
  'dance-school': ['musik'],
  'arts-school': ['kreativ', 'kultur'],
  'youth-work': ['jugend', 'musik', 'sport'],
  'career-agency': ['beruf'],
};

const profileOf = new Map(organizers.map((o) => [o.name, o]));

function misfits(list: readonly DemoEvent[]): string[] {
  return list.flatMap((e) => {
    if (!e.organizer) return [];
    const organizer = profileOf.get(e.organizer)!;
    const allowed = categoriesOf[organizer.profile] ?? [];
    const wrong = e.input.categories.filter((c) => !allowed.includes(c as CategoryCode));
    return wrong.map((c) => `${e.input.title} (${c}) by ${e.organizer} (${organizer.profile})`);
  });
}

describe('the demo events look like a real city’s', () => {
  it('each is run by an organisation whose kind fits the event', () => {
    expect(misfits(events)).toEqual([]);
    expect(events.filter((e) => e.organizer).length / events.length).toBeGreaterThan(0.8);
  });

  it('the check can fail: swimming at a paediatric practice is a misfit', () => {
    const practice = organizers.find((o) => o.profile === 'paediatric-practice')!;
    const swimming = events.find((e) => e.input.title === 'Schwimmen für Familien')!;
    expect(misfits([{ ...swimming, organizer: practice.name }])).toHaveLength(1);
  });

  it('takes place at the organiser’s own places, for ages its services serve', () => {
    for (const e of events.filter((x) => x.organizer)) {
      const organizer = profileOf.get(e.organizer!)!;
      expect(
        organizer.venues.map((v) => v.id),
        e.input.title,
      ).toContain(e.venue.id);
      const [min, max] = [e.input.minAge, e.input.maxAge];
      const ranges = organizer.offers.flatMap((o) => (o.ages ? [o.ages] : []));
      if (min === null || max === null || ranges.length === 0) continue;
      expect(
        ranges.some(([from, to]) => min <= to && from <= max),
        `${e.input.title} at ${e.organizer}`,
      ).toBe(true);
    }
  });

  it('names each place with one address, the same as in the directory', () => {
    const addresses = new Map<string, Set<string>>();
    const note = (name: string, address: string) => addresses.set(name, (addresses.get(name) ?? new Set()).add(address));
    for (const v of organizers.flatMap((o) => o.venues)) note(v.name, `${v.street}, ${v.postalCode}`);
    for (const e of events) note(e.input.placeName, `${e.input.street}, ${e.input.postalCode}`);
    expect([...addresses].filter(([, a]) => a.size > 1).map(([name, a]) => `${name}: ${[...a].join(' | ')}`)).toEqual([]);
    expect(events.every((e) => e.input.district === e.venue.district)).toBe(true);
  });

  it('covers every district and every category, the same on every run', () => {
    expect(new Set(events.map((e) => e.input.district))).toEqual(new Set(city.districts));
    expect(new Set(events.flatMap((e) => e.input.categories))).toEqual(new Set(eventCategories.map((c) => c.code)));
    expect(buildDemoEvents({ today: '2026-11-15', districts: city.districts, organizers })).toEqual(events);
  });
});
