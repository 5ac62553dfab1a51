import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../platform/city.js';
import { demoOrganizers, type OrganizationProfile } from '../directory/index.js';
import { buildDemoOffers } from './holidays.seed.js';

const city = loadCityProfile(new URL('../../../city/hamm.json', import.meta.url).pathname);
const organizers = demoOrganizers({ city, today: new Date('2026-11-15T10:00:00Z') });
const offers = buildDemoOffers(organizers);
const organizerNamed = new Map(organizers.map((o) => [o.name, o]));

/** The holiday programmes an organisation of each kind may credibly run; kinds not listed run none. */
const programmesOf: Partial<Record<OrganizationProfile, readonly string[]>> = {
  'play-bus': ['Zirkuswoche', 'Waldforscher'],
  childcare: ['Waldforscher', 'Zirkuswoche'],
  'forest-kindergarten': ['Waldforscher'],
  'riding-club': ['Bauernhof-Tage', 'Waldforscher'],
  'sports-club': ['Fußballcamp'],
  'arts-school': ['Kunstwerkstatt', 'Theatertage'],
  pools: ['Schwimmabzeichen-Woche'],
  'swimming-club': ['Schwimmabzeichen-Woche'],
  library: ['Robotik und Programmieren'],
  tutoring: ['Robotik und Programmieren'],
  'youth-office': ['Kanu-Freizeit an der Lippe', 'Jugendfreizeit Nordsee'],
  'youth-work': ['Kanu-Freizeit an der Lippe', 'Jugendfreizeit Nordsee'],
  'family-centre': ['Ferienspiele im Familienzentrum'],
};

const misfits = (list: typeof offers) =>
  list.flatMap(({ organizer, offer }) => {
    const { profile } = organizerNamed.get(organizer)!;
    const programme = offer.title.replace(/ \(.*\)$/, '');
    return (programmesOf[profile] ?? []).includes(programme) ? [] : [`${offer.title} by ${organizer} (${profile})`];
  });

describe('the demo holiday offers look like a real city’s', () => {
  it('each is run by an organisation whose kind runs such programmes', () => {
    expect(offers).toHaveLength(40);
    expect(misfits(offers)).toEqual([]);
  });

  it('the check can fail: a football camp by a women’s shelter or a midwifery practice is a misfit', () => {
    const football = offers.find((o) => o.offer.title === 'Fußballcamp')!;
    for (const profile of ['womens-shelter', 'midwifery'] as const) {
      const organizer = organizers.find((o) => o.profile === profile)!;
      expect(misfits([{ ...football, organizer: organizer.name }])).toHaveLength(1);
    }
  });

  it('takes place at one of the organiser’s places, named with its one address, for ages it serves', () => {
    for (const { organizer, venue, offer } of offers) {
      const host = organizerNamed.get(organizer)!;
      expect(host.venues).toContainEqual(venue);
      expect(offer.location).toBe(`${venue.name}, ${venue.street}, ${venue.postalCode} Hamm`);
      const ranges = host.offers.flatMap((o) => (o.ages ? [o.ages] : []));
      if (ranges.length)
        expect(
          ranges.some(([from, to]) => offer.min_age <= to && from <= offer.max_age),
          `${offer.title} by ${organizer}`,
        ).toBe(true);
    }
  });

  it('gives the demo provider’s organisation offers of its own, the same on every run', () => {
    expect(offers.some((o) => o.organizer === 'Familienzentrum Sonnenblume e. V.')).toBe(true);
    expect(buildDemoOffers(organizers)).toEqual(offers);
  });
});
