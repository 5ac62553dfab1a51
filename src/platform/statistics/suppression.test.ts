import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differencingAttack, entryIndex, extendedCounts, minCellCount, protectCube, suppressionPattern, valueAt, type Cube } from './suppression.js';

const k = minCellCount;
const cubeArb = (dims: number) =>
  fc.array(fc.integer({ min: 2, max: 4 }), { minLength: dims, maxLength: dims }).chain((sizes) =>
    fc
      .array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
        minLength: sizes.reduce((a, b) => a * b, 1),
        maxLength: sizes.reduce((a, b) => a * b, 1),
      })
      .map((counts): Cube => ({ sizes, counts })),
  );

describe('k-threshold suppression', () => {
  it('hides a small cell and one more, so the total does not give it away', () => {
    const table = protectCube({ sizes: [3], counts: [2, 40, 30] });
    expect(valueAt(table, [0])).toBeNull();
    // 40 - ? : the next smallest cell is hidden as well, the total stays.
    expect(valueAt(table, [2])).toBeNull();
    expect(valueAt(table, [1])).toBe(40);
    expect(valueAt(table, [-1])).toBe(72);
  });

  it('shows zeros and cells of at least five', () => {
    const table = protectCube({ sizes: [3], counts: [0, 5, 12] });
    expect(table.values).toEqual([0, 5, 12, 17]);
  });

  it('hides enough cells that their sum is at least five', () => {
    const table = protectCube({ sizes: [4], counts: [1, 2, 30, 40] });
    // 1 + 2 = 3 would be revealed by subtraction: a third cell joins the hidden ones.
    expect(valueAt(table, [2])).toBeNull();
    expect(valueAt(table, [3])).toBe(40);
  });

  it('with fewer than five answers in all, shows only the number of answers', () => {
    const table = protectCube({ sizes: [2, 2], counts: [1, 0, 2, 1] });
    expect(table.values.filter((v) => v !== null)).toEqual([4]);
  });

  it('property: every shown inner cell is 0 or at least k, in 1, 2 and 3 dimensions', () => {
    for (const dims of [1, 2, 3]) {
      fc.assert(
        fc.property(cubeArb(dims), (cube) => {
          const table = protectCube(cube);
          const counts = extendedCounts(cube);
          table.values.forEach((v, i) => {
            if (v !== null && counts[i]! > 0 && v < k && i !== table.values.length - 1) throw new Error(`small value ${v} shown`);
          });
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('property: subtraction, also chained across rows, columns and filter slices, reveals no hidden cell', () => {
    for (const dims of [1, 2, 3]) {
      fc.assert(
        fc.property(cubeArb(dims), (cube) => {
          const table = protectCube(cube);
          const learned = differencingAttack(table);
          expect([...learned.keys()].filter((i) => table.values[i] === null)).toEqual([]);
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('differencing two filters: the unfiltered view minus a filtered view reveals nothing small', () => {
    // Cube: channel (2) × district (2) × answer (2). Without a filter one sees the
    // district × answer table; with the filter "channel = Presse" one slice of the cube.
    const cube: Cube = { sizes: [2, 2, 2], counts: [20, 9, 15, 12, /* Radio: */ 3, 11, 8, 14] };
    const table = protectCube(cube);
    for (let d = 0; d < 2; d++) {
      for (let a = 0; a < 2; a++) {
        const all = valueAt(table, [-1, d, a]);
        const presse = valueAt(table, [0, d, a]);
        const radio = valueAt(table, [1, d, a]);
        // Whenever both views show a number, the rest (Radio) is either shown itself or not small.
        if (all !== null && presse !== null && radio === null) expect(all - presse).toBeGreaterThanOrEqual(k);
      }
    }
    // The Radio cell with 3 is hidden, and so is its partner in the Presse slice.
    expect(valueAt(table, [1, 0, 0])).toBeNull();
    expect(valueAt(table, [0, 0, 0])).toBeNull();
    expect(differencingAttack(table).size).toBe(0);
  });

  it('a table has the same pattern alone and as the margin of a bigger cube (views agree)', () => {
    fc.assert(
      fc.property(cubeArb(3), (cube) => {
        const [a, b, c] = cube.sizes as [number, number, number];
        const big = suppressionPattern(cube);
        // The (b × c) margin, computed as a table of its own.
        const margin: number[] = [];
        for (let j = 0; j < b; j++)
          for (let l = 0; l < c; l++) {
            let s = 0;
            for (let i = 0; i < a; i++) s += cube.counts[(i * b + j) * c + l]!;
            margin.push(s);
          }
        const alone = suppressionPattern({ sizes: [b, c], counts: margin });
        for (let j = -1; j < b; j++)
          for (let l = -1; l < c; l++) {
            expect(big[entryIndex(cube.sizes, [-1, j, l])]).toBe(alone[entryIndex([b, c], [j, l])]);
          }
      }),
      { numRuns: 200 },
    );
  });
});
