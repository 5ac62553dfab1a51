/**
 * Tuning aid for the similar-ideas suggestion, in memory (seconds instead of the PostgreSQL bench's minutes):
 *
 *   npx tsx bench/similar-ideas-dev.ts            hits per part and kind, and every miss of the development data
 *
 * The same ideas as bench/ideas.ts (the development pairs among the generated crowd, same publication order) and
 * the same ranking (`rankSimilar` from ranking.ts); the two queries of ideas.repository.ts are replayed over an
 * in-memory index of the stored terms. It reads only the development data (tuning part, old quarter, fresh set,
 * second held-out set): the third held-out set (similar-ideas.holdout3.tsv) is never opened here, not even for its
 * originals in the index, so nothing of it can show in a tuning run; bench/ideas.ts alone measures it, once.
 * Figures for the README's held-out result come from bench/ideas.ts, never from here.
 */
import { candidateLimit, minimumScore } from '../src/modules/ideas/similar.service.js';
import { ideasWith, keyPairs, keyWeight, matchTerms, queryKeyGroups, rareKeyLimit, storedTerms, type KeyFrequencies } from '../src/modules/ideas/matching.js';
import { rankSimilar } from '../src/modules/ideas/ranking.js';
import { developmentSet, filler, publishedMinutesAgo } from './similar-ideas-data.js';

const total = Number(process.env.BENCH_IDEAS ?? 50_000);
const pairs = developmentSet();
const rows = [
  ...pairs.map((p) => ({ title: p.title, body: p.body, topic: p.topic ?? 'sonstiges', district: p.district ?? null })),
  ...filler(total - pairs.length),
];
const minutesAgo = publishedMinutesAgo(rows.length);

const termsCache = new Map<string, string[]>();
const stored = rows.map((r) => {
  const key = `${r.title.replace(/ \(\d+\)$/, '')}\u0000${r.body}`;
  let terms = termsCache.get(key);
  if (!terms) termsCache.set(key, (terms = storedTerms(r.title, r.body)));
  return terms;
});
const postings = new Map<string, number[]>();
stored.forEach((terms, i) => {
  for (const t of terms) {
    let list = postings.get(t);
    if (!list) postings.set(t, (list = []));
    list.push(i);
  }
});

/** ideas.repository.ts `keyFrequencies`, in memory. */
const frequenciesOf = (keys: string[]): KeyFrequencies => ({ ideas: new Map(keys.map((k) => [k, postings.get(k)?.length ?? 0])), total: rows.length });

/** ideas.repository.ts `similarCandidates`, in memory. */
function candidates(groups: string[][], limit: number, frequencies: KeyFrequencies): number[] {
  const keys = [...new Set(groups.flat())];
  if (keys.length === 0) return [];
  const weightOf = new Map(keys.map((k) => [k, keyWeight(ideasWith(frequencies, k))]));
  const rare = keys.filter((k) => ideasWith(frequencies, k) <= rareKeyLimit);
  const pairs = keyPairs(groups, frequencies);
  const hitsOf = new Map<number, Set<string>>();
  for (const key of new Set([...pairs.flat(), ...rare])) for (const i of postings.get(key) ?? []) (hitsOf.get(i) ?? hitsOf.set(i, new Set()).get(i)!).add(key);
  const found: number[] = [];
  for (const [i, held] of hitsOf) if (rare.some((k) => held.has(k)) || pairs.some(([a, b]) => held.has(a) && held.has(b))) found.push(i);
  if (found.length === 0) {
    const rarest = [...keys].sort((a, b) => ideasWith(frequencies, a) - ideasWith(frequencies, b))[0]!;
    found.push(...(postings.get(rarest) ?? []));
  }
  const weight = (i: number) => stored[i]!.reduce((sum, t) => sum + (weightOf.get(t) ?? 0), 0);
  return found
    .map((i) => ({ i, w: weight(i) }))
    .sort((a, b) => b.w - a.w || minutesAgo[a.i]! - minutesAgo[b.i]!)
    .slice(0, limit)
    .map((x) => x.i);
}

const byPart = new Map<string, { hits: number; queries: number }>();
const count = (part: string, hit: boolean) => {
  const c = byPart.get(part) ?? { hits: 0, queries: 0 };
  c.queries++;
  if (hit) c.hits++;
  byPart.set(part, c);
};
const misses: string[] = [];
const rankTimes: number[] = [];
const started = performance.now();
for (const [i, pair] of pairs.entries()) {
  const query = matchTerms(`${pair.dupTitle} ${pair.dupBody}`);
  const groups = queryKeyGroups(query);
  const frequencies = frequenciesOf([...new Set(groups.flat())]);
  const found = candidates(groups, candidateLimit, frequencies).map((j) => ({
    id: String(j),
    match_terms: stored[j]!,
    supporters: 0,
    topic: rows[j]!.topic,
    district: rows[j]!.district,
  }));
  const context = process.env.NO_CONTEXT ? {} : { topic: pair.dupTopic, district: pair.dupDistrict };
  const r0 = performance.now();
  const ranked = rankSimilar(query, found, { limit: 5, minimumScore, context, frequencies });
  rankTimes.push(performance.now() - r0);
  const hit = ranked.some((r) => r.candidate.id === String(i));
  count(pair.set, hit);
  count(`${pair.set} ${pair.kind}`, hit);
  count('development', hit);
  if (pair.overlap) count(`${pair.set} ${pair.overlap}`, hit);
  if (!hit) {
    const inCandidates = found.some((f) => f.id === String(i));
    const wanted = new Set(groups.flat());
    const own = stored[i]!.filter((t) => wanted.has(t));
    const last = found.length ? stored[Number(found[found.length - 1]!.id)]!.filter((t) => wanted.has(t)).length : 0;
    if (process.env.WHY && !inCandidates)
      console.log(`  why: own shared ${JSON.stringify(own)}; last candidate shares ${last}; ${found.length} candidates; query keys ${JSON.stringify(groups)}`);
    misses.push(
      `${pair.set} ${pair.kind}${inCandidates ? '' : ' (not a candidate)'}: „${pair.dupTitle}“ → „${pair.title}“ [${ranked.map((r) => `${rows[Number(r.candidate.id)]!.title} ${r.score}`).join(' | ')}]`,
    );
  }
}
for (const [part, c] of [...byPart].sort()) console.log(`${part.padEnd(22)} ${c.hits}/${c.queries} ${((100 * c.hits) / c.queries).toFixed(1)} %`);
console.log(
  `${pairs.length} queries in ${Math.round(performance.now() - started)} ms; ranking p95 ${[...rankTimes].sort((a, b) => a - b)[Math.floor(rankTimes.length * 0.95)]!.toFixed(1)} ms`,
);
if (!process.env.QUIET) for (const m of misses) console.log(m);
