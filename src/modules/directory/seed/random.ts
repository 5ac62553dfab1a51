import { createHash } from 'node:crypto';

/**
 * Determinism for the demo and benchmark directories: ids are derived from names and every
 * random choice comes from a PRNG seeded by a name, so each run produces the same data, and
 * adding one service to the catalogue does not change the ids or choices of the others.
 */

const namespace = 'familienrathaus:directory-seed:';

/** A UUID derived from a name (SHA-1, version and variant bits set as in RFC 9562 version 5). */
export function uuidFrom(name: string): string {
  const bytes = createHash('sha1')
    .update(namespace + name)
    .digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** 32-bit FNV-1a hash of a text: the seed of a name's PRNG. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in the order of `items`, each weighted by `weight`. */
  sample<T>(items: readonly T[], count: number, weight?: (item: T) => number): T[];
}

/** mulberry32: small, fast and good enough for demo data (not for anything secret). */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    sample: (items, count, weight = () => 1) => {
      const pool = items.map((item, index) => ({ item, index, w: weight(item) }));
      const chosen: { item: (typeof pool)[number]['item']; index: number }[] = [];
      while (chosen.length < count && pool.length > 0) {
        const total = pool.reduce((sum, p) => sum + p.w, 0);
        let r = next() * total;
        let at = 0;
        while (at < pool.length - 1 && r >= pool[at]!.w) r -= pool[at++]!.w;
        chosen.push(pool.splice(at, 1)[0]!);
      }
      return chosen.sort((a, b) => a.index - b.index).map((c) => c.item);
    },
  };
  return random;
}

/** Ids for the parts of one object, all derived from the object's own stable name. */
export const idsFor = (base: string) => (part: string) => uuidFrom(`${base}/${part}`);

/** A lower-case ASCII slug (for example.org addresses and URLs). */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
