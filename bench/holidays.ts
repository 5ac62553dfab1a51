/**
 * Holidays bench (Ferienbetreuung).
 *
 *   npx tsx bench/holidays.ts            (both parts)
 *   BENCH_PART=lottery npx tsx bench/holidays.ts
 *
 * Part 1: the pure lottery, 20,000 children × 5 wishes over 1,000 offers (10 % of the children in
 * groups of two or three, 15 % priority, 20 % reserved share): wall time, heap growth, peak RSS.
 * Goal: under 2 s and under 500 MB.
 * Part 2: 500 simultaneous first-come requests for 50 places over HTTP: exactly 50 must succeed.
 * Writes bench/results/holidays.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededStream } from '../src/modules/holidays/allocation-rng.js';
import { type AllocationChild, type AllocationInput, type AllocationOffer, allocate } from '../src/modules/holidays/allocation.js';

/** Generates a reproducible city-scale input. */
export function generateLotteryInput(childCount = 20_000, offerCount = 1_000, wishes = 5): AllocationInput {
  const rng = seededStream('bench-input');
  const offers: AllocationOffer[] = Array.from({ length: offerCount }, (_, i) => {
    const week = rng.below(6);
    const trip = rng.below(10) === 0;
    const minAge = 6 + rng.below(5);
    const first = 1 + week * 7 + (trip ? 0 : rng.below(3));
    const date = (d: number) => `2027-07-${String(Math.min(d, 31)).padStart(2, '0')}`;
    return {
      id: `offer-${String(i).padStart(4, '0')}`,
      places: 10 + rng.below(21),
      minAge,
      maxAge: minAge + 2 + rng.below(6),
      firstDay: date(first),
      lastDay: date(first + (trip ? 4 : rng.below(3))),
      dailyFrom: trip ? 0 : 480 + 30 * rng.below(4),
      dailyUntil: trip ? 1440 : 780 + 30 * rng.below(8),
    };
  });
  const children: AllocationChild[] = [];
  for (let i = 0; i < childCount; i++) {
    const birthYear = 2011 + rng.below(11);
    const chosen = new Set<string>();
    // Popularity is skewed: a third of all wishes go to the first tenth of the offers.
    while (chosen.size < wishes) chosen.add(offers[rng.below(3) === 0 ? rng.below(offerCount / 10) : rng.below(offerCount)]!.id);
    children.push({
      id: `child-${String(i).padStart(5, '0')}`,
      birthDate: `${birthYear}-0${1 + rng.below(9)}-1${rng.below(10)}`,
      priority: rng.below(100) < 15,
      maxPlaces: 1 + rng.below(3),
      groupCode: null,
      wishes: [...chosen],
    });
  }
  // Groups: siblings share the first child's wishes and birth year range.
  for (let i = 0; i + 3 < childCount; i += 30) {
    const size = 2 + rng.below(2);
    for (let k = 0; k < size; k++) {
      const child = children[i + k]!;
      child.groupCode = `group-${i}`;
      child.wishes = children[i]!.wishes;
      child.birthDate = children[i]!.birthDate;
    }
  }
  return { offers, children, settings: { reservedShare: 0.2 }, seed: 'bench-seed' };
}

/** Runs the lottery once on the generated input and reports time and memory. */
export function benchLottery(): Record<string, number> {
  const input = generateLotteryInput();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const result = allocate(input);
  const ms = performance.now() - started;
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  const placed = new Set(result.placements.map((p) => p.childId));
  return {
    children: input.children.length,
    offers: input.offers.length,
    wishes: input.children.reduce((n, c) => n + c.wishes.length, 0),
    ms: Math.round(ms),
    heapGrowthMb: Math.round(((after.heapUsed - heapBefore) / 1e6) * 10) / 10,
    peakRssMb: Math.round(peakRss / 1e6),
    placements: result.placements.length,
    childrenWithPlace: placed.size,
    waitingEntries: result.waitingLists.length,
  };
}

const part = process.env.BENCH_PART ?? 'all';
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
if (part === 'all' || part === 'lottery') {
  results.lottery = benchLottery();
  console.log('lottery', results.lottery);
}
if (part === 'all' || part === 'booking') {
  results.booking = 'not built yet';
  console.log('booking', results.booking);
}
writeFileSync(path.resolve(import.meta.dirname, `results/holidays-${part}.json`), `${JSON.stringify(results, null, 2)}\n`);
