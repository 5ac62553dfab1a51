import type { AllocationInput, AllocationResult } from './allocation.js';

/** What an admin sees before confirming a run (pure, like the lottery). */
export interface AllocationSummary {
  children: number;
  childrenWithPlace: number;
  /** Share of children with at least one place, 0…1. */
  shareWithPlace: number;
  /** Share of children (with at least one wish) whose first wish was met, 0…1. */
  shareFirstWishMet: number;
  placements: number;
  offers: { offerId: string; places: number; filled: number; wishes: number; fillRate: number; waiting: number }[];
  childrenWithNothing: string[];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Counts the figures of a run from its input and result. */
export function summarizeAllocation(input: AllocationInput, result: AllocationResult): AllocationSummary {
  const placesByChild = new Map<string, Set<string>>();
  for (const p of result.placements) placesByChild.set(p.childId, (placesByChild.get(p.childId) ?? new Set()).add(p.offerId));
  const withWish = input.children.filter((c) => c.wishes.length > 0);
  const firstMet = withWish.filter((c) => placesByChild.get(c.id)?.has(c.wishes[0] as string)).length;
  const filled = new Map<string, number>();
  for (const p of result.placements) filled.set(p.offerId, (filled.get(p.offerId) ?? 0) + 1);
  const wishes = new Map<string, number>();
  for (const c of input.children) for (const w of new Set(c.wishes)) wishes.set(w, (wishes.get(w) ?? 0) + 1);
  const waiting = new Map<string, number>();
  for (const w of result.waitingLists) waiting.set(w.offerId, (waiting.get(w.offerId) ?? 0) + w.childIds.length);
  return {
    children: input.children.length,
    childrenWithPlace: placesByChild.size,
    shareWithPlace: share(placesByChild.size, input.children.length),
    shareFirstWishMet: share(firstMet, withWish.length),
    placements: result.placements.length,
    offers: input.offers.map((o) => ({
      offerId: o.id,
      places: o.places,
      filled: filled.get(o.id) ?? 0,
      wishes: wishes.get(o.id) ?? 0,
      fillRate: share(filled.get(o.id) ?? 0, o.places),
      waiting: waiting.get(o.id) ?? 0,
    })),
    childrenWithNothing: input.children.filter((c) => !placesByChild.has(c.id)).map((c) => c.id),
  };
}
