/**
 * Statistical disclosure control for every published breakdown of counts (survey answers, the family
 * council's composition).
 *
 * A breakdown is a table of counts over 1–3 variables (a question, the channel, the district…),
 * published together with all its margins (row, column and layer totals, and the grand total).
 * Every variable includes "no answer", so each table covers all respondents and the margins of
 * a bigger table are exactly the smaller tables: the 2-D table "district × question" is the
 * unfiltered view of the 3-D cube "channel × district × question", whose slices are the views
 * filtered by channel. That is what makes filters safe against differencing.
 *
 * Rules (k = 5):
 * 1. Primary: a cell with 1..k-1 answers is suppressed (0 is shown: it reveals nobody).
 * 2. Lower-dimensional margins are protected first, on their own, and their pattern is then
 *    fixed. So the same table gets the same pattern in every view (dimension order is
 *    canonical: callers sort the variables), and a filtered view can never show a margin
 *    that another view hides.
 * 3. Complementary: in every sum relation (margin = sum of its cells) either nothing is
 *    hidden, or at least two entries are hidden; if the margin is shown, the hidden cells
 *    together hold at least k answers (so their sum, which subtraction reveals, is not small).
 *    Additional cells are chosen smallest-first, ties by position, so the result is stable.
 * The tests check, with an attacker that repeatedly solves any relation with one unknown
 * (subtraction, also chained and across filter slices), that no hidden cell can be worked out.
 */

export const minCellCount = 5;

export interface Cube {
  /** Number of categories per dimension (without the margin). */
  sizes: number[];
  /** Counts of the inner cells, row-major (last dimension fastest). */
  counts: number[];
}

/** A protected table: every entry (cells and margins) with its count, or null when hidden. */
export interface ProtectedCube {
  sizes: number[];
  /** Extended row-major array: each dimension has size+1 positions, the last one is the margin ("all"). */
  values: (number | null)[];
}

const ALL = -1;

function strides(ext: number[]): number[] {
  const s = new Array<number>(ext.length).fill(1);
  for (let i = ext.length - 2; i >= 0; i--) s[i] = s[i + 1]! * ext[i + 1]!;
  return s;
}

/** Index of an extended entry; a coordinate of -1 means the margin of that dimension. */
export function entryIndex(sizes: number[], coords: number[]): number {
  const ext = sizes.map((s) => s + 1);
  const st = strides(ext);
  return coords.reduce((sum, c, i) => sum + (c === ALL ? sizes[i]! : c) * st[i]!, 0);
}

/** All counts of the extended table (cells and margins). */
export function extendedCounts(cube: Cube): number[] {
  const { sizes, counts } = cube;
  const ext = sizes.map((s) => s + 1);
  const total = ext.reduce((a, b) => a * b, 1);
  const out = new Array<number>(total).fill(0);
  const n = sizes.length;
  const inner = sizes.reduce((a, b) => a * b, 1);
  const coords = new Array<number>(n).fill(0);
  for (let flat = 0; flat < inner; flat++) {
    let rest = flat;
    for (let d = n - 1; d >= 0; d--) {
      coords[d] = rest % sizes[d]!;
      rest = Math.floor(rest / sizes[d]!);
    }
    const value = counts[flat] ?? 0;
    // Add the cell to every entry that has, per dimension, either its coordinate or the margin.
    for (let mask = 0; mask < 1 << n; mask++) {
      out[
        entryIndex(
          sizes,
          coords.map((c, d) => (mask & (1 << d) ? ALL : c)),
        )
      ]! += value;
    }
  }
  return out;
}

function decode(sizes: number[], index: number): number[] {
  const ext = sizes.map((s) => s + 1);
  const coords = new Array<number>(sizes.length);
  let rest = index;
  for (let d = sizes.length - 1; d >= 0; d--) {
    const c = rest % ext[d]!;
    coords[d] = c === sizes[d] ? ALL : c;
    rest = Math.floor(rest / ext[d]!);
  }
  return coords;
}

/** Suppression flags for every extended entry of the cube (true = hidden). */
export function suppressionPattern(cube: Cube, k = minCellCount): boolean[] {
  const { sizes } = cube;
  const n = sizes.length;
  const counts = extendedCounts(cube);
  const hidden = new Array<boolean>(counts.length).fill(false);
  const grandTotal =
    counts[
      entryIndex(
        sizes,
        sizes.map(() => ALL),
      )
    ]!;
  if (grandTotal < k) {
    // Too few answers for any breakdown: only the number of answers is shown.
    for (let i = 0; i < counts.length; i++) hidden[i] = decode(sizes, i).some((c) => c !== ALL);
    return hidden;
  }
  if (n === 0) return hidden;

  // Rule 2: each margin table of one dimension fewer is protected on its own first.
  for (let drop = 0; drop < n; drop++) {
    const keep = sizes.map((_, d) => d).filter((d) => d !== drop);
    const subSizes = keep.map((d) => sizes[d]!);
    const subCounts: number[] = [];
    const subInner = subSizes.reduce((a, b) => a * b, 1);
    for (let flat = 0; flat < subInner; flat++) {
      const coords = new Array<number>(n).fill(ALL);
      let rest = flat;
      for (let j = keep.length - 1; j >= 0; j--) {
        coords[keep[j]!] = rest % subSizes[j]!;
        rest = Math.floor(rest / subSizes[j]!);
      }
      subCounts.push(counts[entryIndex(sizes, coords)]!);
    }
    const subHidden = suppressionPattern({ sizes: subSizes, counts: subCounts }, k);
    for (let si = 0; si < subHidden.length; si++) {
      if (!subHidden[si]) continue;
      const subCoords = decode(subSizes, si);
      const coords = new Array<number>(n).fill(ALL);
      keep.forEach((d, j) => (coords[d] = subCoords[j]!));
      hidden[entryIndex(sizes, coords)] = true;
    }
  }

  // Rule 1 on the inner cells of this table.
  const innerIndexes: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (decode(sizes, i).every((c) => c !== ALL)) {
      innerIndexes.push(i);
      if (counts[i]! > 0 && counts[i]! < k) hidden[i] = true;
    }
  }

  // Rule 3: relations whose cells are inner cells of this table (the others were handled in the margins).
  const relations: { margin: number; cells: number[] }[] = [];
  for (const i of innerIndexes) {
    const coords = decode(sizes, i);
    for (let d = 0; d < n; d++) {
      if (coords[d] !== 0) continue;
      const marginCoords = [...coords];
      marginCoords[d] = ALL;
      const cells = Array.from({ length: sizes[d]! }, (_, c) =>
        entryIndex(
          sizes,
          coords.map((v, j) => (j === d ? c : v)),
        ),
      );
      relations.push({ margin: entryIndex(sizes, marginCoords), cells });
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const { margin, cells } of relations) {
      for (;;) {
        const hiddenCells = cells.filter((c) => hidden[c]);
        const hiddenSum = hiddenCells.reduce((s, c) => s + counts[c]!, 0);
        // A hidden margin (even a hidden zero) needs a hidden cell, or the cells would add up to it.
        const need = hidden[margin] ? hiddenCells.length === 0 : hiddenCells.length === 1 || (hiddenCells.length > 1 && hiddenSum < k);
        if (!need) break;
        const candidates = cells.filter((c) => !hidden[c]);
        const positive = candidates.filter((c) => counts[c]! > 0);
        const pool = positive.length > 0 ? positive : candidates;
        if (pool.length === 0) break;
        const pick = pool.reduce((best, c) => (counts[c]! < counts[best]! ? c : best));
        hidden[pick] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** Counts with hidden entries replaced by null. */
export function protectCube(cube: Cube, k = minCellCount): ProtectedCube {
  const counts = extendedCounts(cube);
  const hidden = suppressionPattern(cube, k);
  return { sizes: cube.sizes, values: counts.map((c, i) => (hidden[i] ? null : c)) };
}

/** Reads one entry of a protected cube; -1 as a coordinate means "all". */
export function valueAt(table: ProtectedCube, coords: number[]): number | null {
  return table.values[entryIndex(table.sizes, coords)] ?? null;
}

/**
 * The subtraction attacker used by the tests: repeatedly solves every sum relation of the
 * table that has exactly one unknown. Returns the values it could work out (index → count).
 */
export function differencingAttack(table: ProtectedCube): Map<number, number> {
  const { sizes } = table;
  const known = new Map<number, number>();
  table.values.forEach((v, i) => {
    if (v !== null) known.set(i, v);
  });
  const learned = new Map<number, number>();
  const n = sizes.length;
  const relations: { margin: number; cells: number[] }[] = [];
  for (let i = 0; i < table.values.length; i++) {
    const coords = decode(sizes, i);
    for (let d = 0; d < n; d++) {
      if (coords[d] !== ALL) continue;
      const cells = Array.from({ length: sizes[d]! }, (_, c) =>
        entryIndex(
          sizes,
          coords.map((v, j) => (j === d ? c : v)),
        ),
      );
      relations.push({ margin: i, cells });
    }
  }
  for (let progress = true; progress;) {
    progress = false;
    for (const { margin, cells } of relations) {
      const unknown = [margin, ...cells].filter((e) => !known.has(e));
      if (unknown.length !== 1) continue;
      const target = unknown[0]!;
      const cellSum = cells.filter((c) => c !== target).reduce((s, c) => s + known.get(c)!, 0);
      const value = target === margin ? cellSum : known.get(margin)! - cellSum;
      known.set(target, value);
      learned.set(target, value);
      progress = true;
    }
  }
  return learned;
}
