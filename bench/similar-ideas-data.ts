/**
 * The labelled sets and the generated crowd for the similar-ideas measurement (bench/ideas.ts on PostgreSQL,
 * bench/similar-ideas-dev.ts in memory while tuning).
 *
 * - similar-ideas.tsv: written before the first tuning; every fourth line was the held-out quarter.
 * - similar-ideas.fresh.tsv: written after that tuning, held out once; since matchingVersion 3 development data.
 * - similar-ideas.holdout2.tsv: written and committed before matchingVersion 3 was tuned, measured once; since
 *   matchingVersion 4 development data.
 * - similar-ideas.holdout3.tsv: the third held-out set, written by someone else without seeing the matcher, for
 *   matchingVersion 4; read by bench/ideas.ts only, never by the tuning aid (similar-ideas-dev.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export type PairSet = 'tuning' | 'quarter' | 'fresh' | 'holdout2' | 'holdout3';

export interface Pair {
  set: PairSet;
  kind: string;
  title: string;
  body: string;
  dupTitle: string;
  dupBody: string;
  /** What the form knows: the topic and district each side chose (undefined where the set does not say). */
  topic?: string;
  dupTopic?: string;
  district?: string;
  dupDistrict?: string;
  /** holdout2 and holdout3: "overlap" when an older set has the same concern, else "new". */
  overlap?: 'overlap' | 'new';
}

const blankToUndefined = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

export function readPairs(file: string, setOf: (line: number) => PairSet): Pair[] {
  const lines = readFileSync(path.join(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.map((line, i) => {
    const [kind, title, body, dupTitle, dupBody, topic, dupTopic, district, dupDistrict, overlap] = line.split('\t');
    return {
      set: setOf(i),
      kind: kind!,
      title: title!,
      body: body!,
      dupTitle: dupTitle!,
      dupBody: dupBody!,
      topic: blankToUndefined(topic),
      dupTopic: blankToUndefined(dupTopic),
      district: blankToUndefined(district),
      dupDistrict: blankToUndefined(dupDistrict),
      overlap: overlap === 'new' || overlap === 'overlap' ? overlap : undefined,
    };
  });
}

/** The development data: the tuning part, the old quarter, the fresh set and the second held-out set (measured once). */
export function developmentSet(): Pair[] {
  return [
    ...readPairs('similar-ideas.tsv', (i) => (i % 4 === 3 ? 'quarter' : 'tuning')),
    ...readPairs('similar-ideas.fresh.tsv', () => 'fresh'),
    ...readPairs('similar-ideas.holdout2.tsv', () => 'holdout2'),
  ];
}

/** The third held-out set's file; it may not be there yet (then `heldOutSet` is empty). */
export const heldOutFile = 'similar-ideas.holdout3.tsv';

/** The third held-out set: for bench/ideas.ts only, scored with BENCH_HOLDOUT3=measure (once, after tuning). */
export function heldOutSet(): Pair[] {
  return existsSync(path.join(here, heldOutFile)) ? readPairs(heldOutFile, () => 'holdout3') : [];
}

/** Filler ideas from the words families use, so the index has realistic crowds per word. */
export function filler(n: number): { title: string; body: string; topic: string; district: string | null }[] {
  /** Each thing with the topic a family would file it under. */
  const things: [string, string][] = [
    ['Spielplatz', 'spielen-sport'],
    ['Radweg', 'wege'],
    ['Kita', 'kinderbetreuung'],
    ['Schule', 'schule'],
    ['Bücherei', 'freizeit'],
    ['Schwimmbad', 'freizeit'],
    ['Park', 'freizeit'],
    ['Bushaltestelle', 'wege'],
    ['Jugendtreff', 'freizeit'],
    ['Sporthalle', 'spielen-sport'],
    ['Gehweg', 'wege'],
    ['Ampel', 'wege'],
    ['Familienzentrum', 'beratung'],
    ['Bürgeramt', 'sonstiges'],
    ['Kinderarzt', 'kinderaerzte'],
    ['Hort', 'kinderbetreuung'],
    ['Bolzplatz', 'spielen-sport'],
    ['Marktplatz', 'wohnen'],
    ['Spielwiese', 'spielen-sport'],
    ['Schulhof', 'schule'],
  ];
  const wishes = [
    'mehr Bänke',
    'bessere Beleuchtung',
    'längere Öffnungszeiten',
    'neue Spielgeräte',
    'mehr Mülleimer',
    'sicherer Zugang',
    'barrierefreier Eingang',
    'Toiletten',
    'Schatten',
    'Fahrradständer',
    'mehr Personal',
    'günstigere Preise',
    'Angebote am Wochenende',
    'Trinkwasser',
    'Reinigung',
    'Zebrastreifen',
  ];
  /** Places of Hamm with their district (null: across districts). */
  const places: [string, string | null][] = [
    ['Nordring', 'Hamm-Mitte'],
    ['Ostpark', 'Hamm-Mitte'],
    ['Lippeauen', null],
    ['Stadtmitte', 'Hamm-Mitte'],
    ['Westtünnen', 'Rhynern'],
    ['Berge', 'Hamm-Mitte'],
    ['Wiescherhöfen', 'Pelkum'],
    ['Sandbochum', 'Herringen'],
    ['Norddinker', 'Uentrop'],
    ['Werries', 'Uentrop'],
    ['Mark', 'Uentrop'],
    ['Allee-Center', 'Hamm-Mitte'],
    ['Kurpark', 'Hamm-Mitte'],
    ['Südring', 'Hamm-Mitte'],
    ['Hauptbahnhof', 'Hamm-Mitte'],
  ];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const [thing, topic] = pick(things);
    const wish = pick(wishes);
    const [place, district] = pick(places);
    return {
      title: `${wish[0]!.toUpperCase()}${wish.slice(1)}: ${thing} ${place} (${i})`,
      body: `Am ${thing} ${place} wünschen wir uns ${wish}. Das würde Familien im Alltag helfen.`,
      topic,
      district,
    };
  });
}

/**
 * When each idea was published, in minutes before now: the labelled originals spread among the crowd
 * (a deterministic shuffle), not all newest, so that ties in the candidate query do not favour them.
 */
export function publishedMinutesAgo(total: number): number[] {
  const order = Array.from({ length: total }, (_, i) => i);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
