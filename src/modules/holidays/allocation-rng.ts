import { createHash } from 'node:crypto';

/**
 * The lottery's random numbers, specified so that anyone can recompute them with any SHA-256 tool:
 *
 *   block(i) = SHA-256( UTF-8(seed) ‖ ":" ‖ decimal(i) )      for i = 0, 1, 2, …
 *
 * The stream is block(0) ‖ block(1) ‖ …, read as consecutive unsigned 32-bit big-endian integers.
 * `below(n)` draws a uniform integer in [0, n) by rejection sampling: it takes the next integer x and
 * accepts x when x < floor(2^32 / n) · n, returning x mod n (otherwise it takes the next integer).
 */
export interface SeededStream {
  /** The next uniform integer in [0, n); n must be between 1 and 2^32. */
  below(n: number): number;
}

/** A SHA-256 counter stream for `seed` (see the module comment). */
export function seededStream(seed: string): SeededStream {
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  const nextUint32 = (): number => {
    if (offset >= block.length) {
      block = createHash('sha256').update(`${seed}:${counter}`, 'utf8').digest();
      counter++;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
  return {
    below(n) {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
      const limit = Math.floor(2 ** 32 / n) * n;
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
  };
}

/** Fisher–Yates from the last index down: for i = n−1 … 1 swap item i with item below(i + 1). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const stream = seededStream(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** The public commitment to a seed: lowercase hex SHA-256 of its UTF-8 bytes. */
export function seedHash(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}
