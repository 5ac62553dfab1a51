import { seededShuffle } from './allocation-rng.js';

/**
 * The lottery (Losverfahren) as a pure, deterministic function of (offers, children with wishes,
 * settings, seed). Nothing here reads a clock, a database or Math.random, so anyone who has the
 * published seed and the input can recompute the result.
 *
 * Rules, in order:
 * 1. Units: a child without a group code is a unit of one; children sharing a group code form one
 *    unit that is placed together or not at all. A group's wishes are the offers that every member
 *    wished for, ranked by the sum of the members' ranks (ties: offer id). Its maximum is the
 *    smallest maximum of its members.
 * 2. Order: the units sorted by key ("c:<child id>" or "g:<group code>") and shuffled with
 *    `seededShuffle(keys, seed)` (SHA-256 counter stream, see allocation-rng.ts).
 * 3. Round 1 goes through the order; every later round goes through it reversed from the one before
 *    (snake draft). At its turn a unit below its maximum gets its best-ranked wish that still has
 *    room for all its members, fits every member's age (age on the offer's first day) and does not
 *    overlap in time with a place the unit already has. Every unit gets at most one place per round.
 * 4. Employer places: an offer may hold places an employer reserved for the children of its staff
 *    (`employerPlaces`, employer id → places). Round 1 begins with them: in the round-1 order, each
 *    unit whose members all name the same employer gets its best-ranked wish where that employer has
 *    reserved places left for all its members (and age and time fit, as in rule 3). Then every unused
 *    employer place goes back to the offer's other places, and round 1 goes on for the units that
 *    have nothing yet (a unit gets at most one place per round, so an employer place is its place of
 *    round 1).
 * 5. Reserved share: floor((places − employer places) × reservedShare) places of each offer are
 *    reserved for priority children in round 1; non-priority children can take only the other places,
 *    priority children take reserved places first. After round 1 the unused reserved places are
 *    released and the units that still have nothing get a second turn in the round-1 order, so every
 *    first place is given in round 1. From round 2 on all places are open to everyone.
 * 6. Rounds continue until a round gives no place.
 * 7. Waiting lists: for each offer, the units below their maximum that wished for it, fit its ages,
 *    did not get it and have no overlapping place, ordered by places held (fewest first), then by the
 *    round-1 order.
 */

/** One offer as the lottery sees it. Dates are civil dates (YYYY-MM-DD); times are minutes after midnight. */
export interface AllocationOffer {
  id: string;
  places: number;
  minAge: number;
  maxAge: number;
  firstDay: string;
  lastDay: string;
  /** Daily start in minutes after midnight; multi-day trips use 0. */
  dailyFrom: number;
  /** Daily end in minutes after midnight; multi-day trips use 1440. */
  dailyUntil: number;
  /** Places reserved for the children of an employer's staff, by employer id (rule 4); their sum is at most `places`. */
  employerPlaces?: Readonly<Record<string, number>>;
}

/** One child with its ranked wishes (offer ids, best first). */
export interface AllocationChild {
  id: string;
  birthDate: string;
  priority: boolean;
  maxPlaces: number;
  groupCode: string | null;
  wishes: readonly string[];
  /** The employer whose reserved places the child may take (rule 4); none when absent or null. */
  employer?: string | null;
}

export interface AllocationSettings {
  /** Share of each offer's places reserved for priority children in round 1, between 0 and 1. */
  reservedShare: number;
}

export interface AllocationInput {
  offers: readonly AllocationOffer[];
  children: readonly AllocationChild[];
  settings: AllocationSettings;
  seed: string;
}

/** A place given to one child. Members of a group share `step`. */
export interface Placement {
  childId: string;
  offerId: string;
  round: number;
  /** Position in the sequence of decisions (1, 2, …); lets anyone replay the run. */
  step: number;
  /** True when the place came out of the reserved share. */
  reserved: boolean;
  /** True when the place is one an employer reserved for the children of its staff (rule 4). */
  employer?: true;
}

export interface WaitingEntry {
  offerId: string;
  position: number;
  childIds: string[];
}

export interface AllocationResult {
  /** Unit keys in round-1 order. */
  order: string[];
  placements: Placement[];
  waitingLists: WaitingEntry[];
}

/** Age in whole years on a civil date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

type Timed = Pick<AllocationOffer, 'firstDay' | 'lastDay' | 'dailyFrom' | 'dailyUntil'>;

/** True when two offers share a day and their daily times intersect. */
export function offersOverlap(a: Timed, b: Timed): boolean {
  return a.firstDay <= b.lastDay && b.firstDay <= a.lastDay && a.dailyFrom < b.dailyUntil && b.dailyFrom < a.dailyUntil;
}

/** True when a child of this birth date may take part in the offer. */
export function fitsAge(birthDate: string, offer: Pick<AllocationOffer, 'minAge' | 'maxAge' | 'firstDay'>): boolean {
  const age = ageOn(birthDate, offer.firstDay);
  return age >= offer.minAge && age <= offer.maxAge;
}

/** A unit as the lottery places it: one child, or the children sharing a group code. */
export interface LotteryUnit {
  /** "c:<child id>" or "g:<group code>"; only used to report the order. */
  key: string;
  /** The members in a fixed order (by id), each with its priority flag. */
  members: readonly { id: string; priority: boolean }[];
  maxPlaces: number;
  /** Offer ids, best first: wished by every member and fitting every member's age. */
  wishes: readonly string[];
  /** The employer every member names (rule 4), or null. */
  employer?: string | null;
}

interface Unit {
  key: string;
  members: readonly { id: string; priority: boolean }[];
  employer: string | null;
  priorityCount: number;
  max: number;
  /** Offer indexes, best first. */
  wishes: number[];
  held: number[];
}

interface OfferState {
  offer: AllocationOffer;
  general: number;
  reserved: number;
  /** Employer places left, by employer id (rule 4); empty after they are released. */
  employer: Map<string, number>;
}

/**
 * An offer's employer places as the lottery uses them: whole numbers above 0, in employer-id order,
 * cut off where their sum would pass the offer's places (the database never stores more).
 */
export function employerPlacesOf(offer: Pick<AllocationOffer, 'places' | 'employerPlaces'>): Map<string, number> {
  const places = Math.max(0, Math.floor(offer.places));
  const result = new Map<string, number>();
  let left = places;
  for (const id of Object.keys(offer.employerPlaces ?? {}).sort(compareIds)) {
    const n = Math.min(left, Math.max(0, Math.floor(offer.employerPlaces?.[id] ?? 0)));
    if (n > 0) result.set(id, n);
    left -= n;
  }
  return result;
}

/** The employer all members name, or null when one names none or another (rule 4). */
function sharedEmployer(members: readonly Pick<AllocationChild, 'employer'>[]): string | null {
  const first = members[0]?.employer ?? null;
  return first && members.every((m) => m.employer === first) ? first : null;
}

/** The key of the unit a child belongs to (rule 1). */
export function unitKey(childId: string, groupCode: string | null): string {
  const code = groupCode?.trim();
  return code ? `g:${code}` : `c:${childId}`;
}

/**
 * A group's wishes: the offers every member wished for and every member's age fits, ranked by the
 * sum of the members' ranks (ties: offer id). For a unit of one, its own fitting wishes.
 */
export function groupWishes(members: readonly Pick<AllocationChild, 'birthDate' | 'wishes'>[], offers: readonly AllocationOffer[]): string[] {
  const byId = new Map(offers.map((o) => [o.id, o]));
  const score = new Map<string, number>();
  const seenBy = new Map<string, number>();
  for (const member of members) {
    const seen = new Set<string>();
    let rank = 0;
    for (const id of member.wishes) {
      if (!byId.has(id) || seen.has(id)) continue;
      seen.add(id);
      rank++;
      score.set(id, (score.get(id) ?? 0) + rank);
      seenBy.set(id, (seenBy.get(id) ?? 0) + 1);
    }
  }
  return [...score.keys()]
    .filter((id) => seenBy.get(id) === members.length)
    .filter((id) => members.every((m) => fitsAge(m.birthDate, byId.get(id) as AllocationOffer)))
    .sort((a, b) => (score.get(a) as number) - (score.get(b) as number) || compareIds(a, b));
}

/** The units of the lottery (rule 1), sorted by key: the order the shuffle starts from. */
export function lotteryUnits(children: readonly AllocationChild[], offers: readonly AllocationOffer[]): LotteryUnit[] {
  const byKey = new Map<string, AllocationChild[]>();
  for (const child of children) {
    const key = unitKey(child.id, child.groupCode);
    const list = byKey.get(key) ?? [];
    list.push(child);
    byKey.set(key, list);
  }
  const units: LotteryUnit[] = [];
  for (const [key, members] of byKey) {
    members.sort((a, b) => compareIds(a.id, b.id));
    const maxPlaces = Math.min(...members.map((m) => Math.max(0, Math.floor(m.maxPlaces))));
    const employer = sharedEmployer(members);
    units.push({
      key,
      members: members.map((m) => ({ id: m.id, priority: m.priority })),
      maxPlaces,
      wishes: groupWishes(members, offers),
      ...(employer ? { employer } : {}),
    });
  }
  return units.sort((a, b) => compareIds(a.key, b.key));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs the lottery. Pure: the same input always gives the same result. */
export function allocate(input: AllocationInput): AllocationResult {
  return allocateUnits({ offers: input.offers, units: lotteryUnits(input.children, input.offers), settings: input.settings, seed: input.seed });
}

/** Rules 2 to 7 for units already built, in the order the shuffle starts from (`lotteryUnits`). */
export function allocateUnits(input: {
  offers: readonly AllocationOffer[];
  units: readonly LotteryUnit[];
  settings: AllocationSettings;
  seed: string;
}): AllocationResult {
  const share = Math.min(1, Math.max(0, Number.isFinite(input.settings.reservedShare) ? input.settings.reservedShare : 0));
  const offers = input.offers;
  const index = new Map(offers.map((o, i) => [o.id, i]));
  const state: OfferState[] = offers.map((offer) => {
    const places = Math.max(0, Math.floor(offer.places));
    const employer = employerPlacesOf(offer);
    const open = places - [...employer.values()].reduce((a, b) => a + b, 0);
    const reserved = Math.floor(open * share);
    return { offer, general: open - reserved, reserved, employer };
  });
  const sorted: Unit[] = input.units.map((u) => ({
    key: u.key,
    members: u.members,
    employer: u.employer ?? null,
    priorityCount: u.members.filter((m) => m.priority).length,
    max: Math.max(0, Math.floor(u.maxPlaces)),
    wishes: [...new Set(u.wishes.map((id) => index.get(id)).filter((i): i is number => i !== undefined))],
    held: [],
  }));
  const order = seededShuffle(sorted, input.seed);
  const placements: Placement[] = [];
  let step = 0;

  const fits = (unit: Unit, i: number): boolean => {
    const offer = offers[i] as AllocationOffer;
    return !unit.held.some((h) => h === i || offersOverlap(offers[h] as AllocationOffer, offer));
  };
  const hasRoom = (unit: Unit, s: OfferState, withReserve: boolean): boolean => {
    const size = unit.members.length;
    if (!withReserve) return size <= s.general + s.reserved;
    return size - unit.priorityCount <= s.general && size <= s.general + s.reserved;
  };
  const turn = (unit: Unit, round: number, withReserve: boolean): boolean => {
    if (unit.held.length >= unit.max) return false;
    for (const i of unit.wishes) {
      const s = state[i] as OfferState;
      if (!hasRoom(unit, s, withReserve) || !fits(unit, i)) continue;
      step++;
      // Priority members take reserved places first, so general places stay open for the others.
      let reservedLeft = s.reserved;
      const members = [...unit.members].sort((a, b) => Number(b.priority) - Number(a.priority));
      for (const member of members) {
        const fromReserve = member.priority && reservedLeft > 0;
        if (fromReserve) reservedLeft--;
        else s.general--;
        placements.push({ childId: member.id, offerId: s.offer.id, round, step, reserved: withReserve && fromReserve });
      }
      s.reserved = reservedLeft;
      unit.held.push(i);
      return true;
    }
    return false;
  };

  // Rule 4: employer places first, one per unit, then the unused ones go back to everyone.
  const employerTurn = (unit: Unit): void => {
    if (!unit.employer || unit.held.length >= unit.max) return;
    for (const i of unit.wishes) {
      const s = state[i] as OfferState;
      const left = s.employer.get(unit.employer) ?? 0;
      if (left < unit.members.length || !fits(unit, i)) continue;
      step++;
      s.employer.set(unit.employer, left - unit.members.length);
      for (const member of unit.members) placements.push({ childId: member.id, offerId: s.offer.id, round: 1, step, reserved: false, employer: true });
      unit.held.push(i);
      return;
    }
  };
  for (const unit of order) employerTurn(unit);
  for (const s of state) {
    for (const left of s.employer.values()) s.general += left;
    s.employer.clear();
  }

  for (const unit of order) if (unit.held.length === 0) turn(unit, 1, share > 0);
  if (share > 0) {
    for (const s of state) {
      s.general += s.reserved;
      s.reserved = 0;
    }
    for (const unit of order) if (unit.held.length === 0) turn(unit, 1, false);
  }
  let sequence = order;
  for (let round = 2, given = true; given; round++) {
    given = false;
    sequence = [...sequence].reverse();
    for (const unit of sequence) if (turn(unit, round, false)) given = true;
  }

  return { order: order.map((u) => u.key), placements, waitingLists: waitingLists(order, offers) };
}

function waitingLists(order: Unit[], offers: readonly AllocationOffer[]): WaitingEntry[] {
  const perOffer = new Map<number, Unit[]>();
  for (const unit of order) {
    if (unit.held.length >= unit.max) continue;
    for (const i of unit.wishes) {
      const offer = offers[i] as AllocationOffer;
      if (unit.held.some((h) => h === i || offersOverlap(offers[h] as AllocationOffer, offer))) continue;
      const list = perOffer.get(i) ?? [];
      list.push(unit);
      perOffer.set(i, list);
    }
  }
  const entries: WaitingEntry[] = [];
  for (const [i, units] of [...perOffer].sort((a, b) => compareIds(offers[a[0]]!.id, offers[b[0]]!.id))) {
    // Array.prototype.sort is stable, so equal holdings keep the round-1 order.
    units.sort((a, b) => a.held.length - b.held.length);
    units.forEach((unit, n) => entries.push({ offerId: (offers[i] as AllocationOffer).id, position: n + 1, childIds: unit.members.map((m) => m.id) }));
  }
  return entries;
}
