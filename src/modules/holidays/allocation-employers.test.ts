import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationChild, type AllocationInput, type AllocationOffer, type AllocationResult, allocate, employerPlacesOf } from './allocation.js';

/**
 * Rule 4 of the lottery: places employers reserve for their staff's children. The general properties
 * (capacity, ages, overlaps, groups, fairness) run with employer places too, in allocation.test.ts.
 */

const day = (n: number) => `2027-07-${String(n).padStart(2, '0')}`;
const employers = ['klinik', 'stadt'] as const;

const inputArb: fc.Arbitrary<AllocationInput> = fc.integer({ min: 1, max: 5 }).chain((offerCount) => {
  const ids = Array.from({ length: offerCount }, (_, i) => `o${i}`);
  return fc.record({
    offers: fc.tuple(
      ...ids.map((id, i) =>
        fc
          .record({ places: fc.integer({ min: 0, max: 6 }), klinik: fc.integer({ min: 0, max: 4 }), stadt: fc.integer({ min: 0, max: 4 }) })
          .map((r): AllocationOffer => ({
            id,
            places: r.places,
            minAge: 6,
            maxAge: 12,
            firstDay: day(1 + 7 * (i % 3)),
            lastDay: day(5 + 7 * (i % 3)),
            dailyFrom: 480,
            dailyUntil: 960,
            employerPlaces: { klinik: r.klinik, stadt: r.stadt },
          })),
      ),
    ),
    children: fc.integer({ min: 0, max: 16 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`k${String(i).padStart(2, '0')}`),
            birthDate: fc.constant('2018-03-15'),
            priority: fc.boolean(),
            maxPlaces: fc.integer({ min: 1, max: 3 }),
            groupCode: fc.option(fc.constantFrom('A', 'B'), { freq: 3 }),
            wishes: fc.shuffledSubarray(ids, { minLength: 0, maxLength: ids.length }),
            employer: fc.option(fc.constantFrom(...employers), { freq: 3 }),
          }),
        ),
      ),
    ),
    settings: fc.record({ reservedShare: fc.constantFrom(0, 0.5) }),
    seed: fc.string({ minLength: 1, maxLength: 8 }),
  });
});

/** Units as rule 1 defines them: a child, or the children of a group code. */
function unitsOf(input: AllocationInput) {
  const groups = new Map<string, AllocationChild[]>();
  for (const c of input.children) {
    const key = c.groupCode ? `g:${c.groupCode}` : `c:${c.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([key, members]) => ({ key, members }));
}

const run = (property: (input: AllocationInput, result: AllocationResult) => void) =>
  fc.assert(
    fc.property(inputArb, (input) => property(input, allocate(input))),
    { numRuns: 500 },
  );

describe('employer places (properties)', () => {
  it('gives employer places only to the children of that employer, never more than it reserved', () => {
    run((input, result) => {
      const children = new Map(input.children.map((c) => [c.id, c]));
      for (const offer of input.offers) {
        const reserved = employerPlacesOf(offer);
        const taken = new Map<string, number>();
        for (const p of result.placements.filter((x) => x.offerId === offer.id && x.employer)) {
          const employer = children.get(p.childId)!.employer!;
          expect(reserved.has(employer), `${p.childId} took a place ${employer} did not reserve in ${offer.id}`).toBe(true);
          taken.set(employer, (taken.get(employer) ?? 0) + 1);
        }
        for (const [employer, n] of taken) expect(n).toBeLessThanOrEqual(reserved.get(employer)!);
      }
    });
  });

  it('gives every employer place in round 1 before any other place, at most one per unit, and none to a unit whose members name different employers', () => {
    run((input, result) => {
      const units = unitsOf(input);
      const sorted = [...result.placements].sort((a, b) => a.step - b.step);
      const firstOther = sorted.findIndex((p) => !p.employer);
      const lastEmployer = sorted.map((p) => p.employer === true).lastIndexOf(true);
      if (firstOther >= 0 && lastEmployer >= 0) expect(lastEmployer).toBeLessThan(firstOther);
      for (const unit of units) {
        const mine = result.placements.filter((p) => p.childId === unit.members[0]!.id);
        const fromEmployer = mine.filter((p) => p.employer);
        expect(fromEmployer.length).toBeLessThanOrEqual(1);
        if (fromEmployer.length) {
          expect(fromEmployer[0]!.round).toBe(1);
          expect(mine.filter((p) => p.round === 1)).toHaveLength(1);
          expect(new Set(unit.members.map((m) => m.employer)).size).toBe(1);
        }
      }
    });
  });
});

describe('employer places (examples)', () => {
  const offer = (id: string, places: number, extra: Partial<AllocationOffer> = {}): AllocationOffer => ({
    id,
    places,
    minAge: 6,
    maxAge: 12,
    firstDay: day(5),
    lastDay: day(9),
    dailyFrom: 480,
    dailyUntil: 960,
    ...extra,
  });
  const child = (id: string, wishes: string[], extra: Partial<AllocationChild> = {}): AllocationChild => ({
    id,
    birthDate: '2018-01-01',
    priority: false,
    maxPlaces: 1,
    groupCode: null,
    wishes,
    ...extra,
  });

  it('gives the places an employer reserved to its staff’s children first, whatever the seed', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const result = allocate({
        offers: [offer('x', 2, { employerPlaces: { klinik: 1 } })],
        children: [child('k', ['x'], { employer: 'klinik' }), child('q', ['x']), child('r', ['x']), child('s', ['x'], { employer: 'andere' })],
        settings: { reservedShare: 0 },
        seed,
      });
      expect(result.placements.find((p) => p.childId === 'k')).toMatchObject({ offerId: 'x', round: 1, employer: true });
      expect(result.placements).toHaveLength(2);
      expect(result.placements.filter((p) => p.employer)).toHaveLength(1);
    }
  });

  it('hands employer places nobody used to everyone, before the reserved share is counted', () => {
    const result = allocate({
      offers: [offer('x', 4, { employerPlaces: { klinik: 2 } })],
      children: [child('q', ['x']), child('r', ['x']), child('s', ['x']), child('t', ['x'])],
      settings: { reservedShare: 0.5 },
      seed: 's',
    });
    // 2 employer places, then floor((4 − 2) × 0.5) = 1 reserved for priority: the released ones go to all.
    expect(result.placements).toHaveLength(4);
    expect(result.placements.some((p) => p.employer || p.reserved)).toBe(false);
  });

  it('gives a group employer places only when all of it names the employer and they are enough for all', () => {
    const input = (employerOfB: string | null, places: number) =>
      allocate({
        offers: [offer('x', 4, { employerPlaces: { klinik: places } })],
        children: [child('a', ['x'], { groupCode: 'G', employer: 'klinik' }), child('b', ['x'], { groupCode: 'G', employer: employerOfB })],
        settings: { reservedShare: 0 },
        seed: 'g',
      });
    expect(input('klinik', 2).placements.map((p) => p.employer)).toEqual([true, true]);
    expect(input('klinik', 1).placements.map((p) => p.employer ?? false)).toEqual([false, false]);
    expect(input(null, 2).placements.map((p) => p.employer ?? false)).toEqual([false, false]);
  });

  it('never gives the same places twice: employer places count towards the offer’s places', () => {
    const result = allocate({
      offers: [offer('x', 2, { employerPlaces: { klinik: 5 } })],
      children: ['a', 'b', 'c'].map((id) => child(id, ['x'], { employer: 'klinik' })),
      settings: { reservedShare: 0 },
      seed: 'zu-viele',
    });
    expect(result.placements).toHaveLength(2);
    expect(employerPlacesOf({ places: 2, employerPlaces: { klinik: 5, stadt: 1 } })).toEqual(new Map([['klinik', 2]]));
  });
});
