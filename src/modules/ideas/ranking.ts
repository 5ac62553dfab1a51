/**
 * Ranking the candidates the database found for a query (see matching.ts for the terms and keys).
 */
import { isHeadOf, nearlyEqual, readStoredTerms, termWeights, type KeyFrequencies } from './matching.js';
import { conceptOf } from './concepts.js';
import { ownThesaurusKey, thesaurusKey } from './thesaurus.js';

/** Two terms are related: equal but for a typo, one the head of the other, or (by their heads) in one synonym group. */
function related(a: string, b: string): boolean {
  if (nearlyEqual(a, b) || isHeadOf(a, b) || isHeadOf(b, a)) return true;
  const key = thesaurusKey(a);
  return key !== undefined && key === thesaurusKey(b);
}

/** Two terms name the same family concern (concepts.ts): weaker than a synonym, it counts half. */
function sameConcept(a: string, b: string): boolean {
  const concept = conceptOf(a);
  return concept !== undefined && concept === conceptOf(b);
}

/**
 * `said` says at least what `term` says: equal but for a typo, a compound of it ("Kinderfeuerwehr" says
 * "Feuerwehr"), or a word of the term's own synonym group, or a compound of one ("Stadtbibliothek" says
 * "Bücherei"). "Platz" and "Raum" do not say "Hortplatz", though a Hortplatz is a Platz.
 */
function saysAsMuch(said: string, term: string): boolean {
  if (nearlyEqual(said, term) || isHeadOf(term, said)) return true;
  const key = ownThesaurusKey(term);
  return key !== undefined && key === thesaurusKey(said);
}

/**
 * How alike a query is to an idea, 0…1: the mean of both directions, since a duplicate says what the idea
 * says, and not much else.
 * - The query's terms found in the idea's title (counting double) or text, each weighted by its rarity
 *   (`termWeights`; all alike without); a term whose concern only (concepts.ts) is found counts half.
 * - The idea's title terms the query says (`saysAsMuch`), and half for those only related to one of its terms
 *   (by a common head: "Kinderbetreuung", "Notfallbetreuung"): an idea whose title adds a place or a wish the
 *   query does not name ranks below one whose title the query covers.
 */
export function similarity(
  query: readonly string[],
  idea: { titleTerms: readonly string[]; terms: readonly string[] },
  weights: readonly number[] = query.map(() => 1),
  options: { concepts?: boolean; relations?: Relations } = {},
): number {
  if (query.length === 0) return 0;
  const relations = options.relations ?? new Relations(options.concepts !== false);
  const has = (terms: readonly string[], q: string, relation: number) => terms.some((t) => (relations.between(q, t) & relation) !== 0);
  let found = 0;
  let possible = 0;
  for (const [i, term] of query.entries()) {
    const weight = weights[i] ?? 1;
    possible += 2 * weight;
    if (has(idea.titleTerms, term, RELATED)) found += 2 * weight;
    else if (has(idea.terms, term, RELATED)) found += weight;
    else if (has(idea.titleTerms, term, CONCEPT)) found += 2 * conceptShare * weight;
    else if (has(idea.terms, term, CONCEPT)) found += conceptShare * weight;
  }
  const queryShare = found / possible;
  const covered = (t: string) => {
    let best = 0;
    for (const q of query) {
      const relation = relations.between(q, t);
      if (relation & SAYS) return 1;
      if (relation & RELATED) best = Math.max(best, 0.5);
      else if (relation & CONCEPT) best = Math.max(best, conceptShare);
    }
    return best;
  };
  const titleShare = idea.titleTerms.length === 0 ? queryShare : idea.titleTerms.reduce((sum, t) => sum + covered(t), 0) / idea.titleTerms.length;
  return Math.round(((queryShare + titleShare) / 2) * 1000) / 1000;
}

/** What a shared concern counts, against a shared word (1). */
export const conceptShare = 0.5;

const RELATED = 1;
const SAYS = 2;
const CONCEPT = 4;

/**
 * How a query term relates to an idea's term (RELATED, SAYS: the query term says as much, CONCEPT), worked out
 * once per pair for one ranking: ideas share most of their words, so the candidates ask the same pairs again.
 */
export class Relations {
  private readonly known = new Map<string, number>();
  constructor(private readonly concepts: boolean) {}

  between(q: string, t: string): number {
    const pair = `${q}\u0000${t}`;
    let relation = this.known.get(pair);
    if (relation === undefined) {
      relation = (related(q, t) ? RELATED : 0) | (saysAsMuch(q, t) ? SAYS : 0) | (this.concepts && sameConcept(q, t) ? CONCEPT : 0);
      this.known.set(pair, relation);
    }
    return relation;
  }
}

/** A candidate the database found: its stored terms and what ranks it besides them. */
export interface MatchCandidate {
  id: string;
  match_terms: readonly string[];
  supporters: number;
  topic: string;
  district: string | null;
}

/** What the form knows besides the text: the topic and district the person chose (when they chose one). */
export interface MatchContext {
  topic?: string;
  district?: string;
}

/**
 * How much the same topic, and the same district, add to the text's score: a duplicate is usually filed under
 * the same topic, but a third of them are not (Schulweg under "Schule" or under "Wege"), so this orders ideas the
 * text finds alike, it never makes an idea similar (the minimum score is the text's alone).
 */
export const topicBoost = 0.05;
export const districtBoost = 0.03;

/** The ideas most like the query, best first: text score at least `minimumScore`, ties to the more supported. */
export function rankSimilar<C extends MatchCandidate>(
  query: readonly string[],
  candidates: readonly C[],
  options: { limit: number; minimumScore: number; except?: string; context?: MatchContext; frequencies?: KeyFrequencies; concepts?: boolean },
): { candidate: C; score: number }[] {
  const { topic, district } = options.context ?? {};
  const weights = options.frequencies ? termWeights(query, options.frequencies) : undefined;
  const relations = new Relations(options.concepts !== false);
  return candidates
    .filter((c) => c.id !== options.except)
    .map((candidate) => ({ candidate, text: similarity(query, readStoredTerms(candidate.match_terms), weights, { relations }) }))
    .filter((s) => s.text >= options.minimumScore)
    .map(({ candidate, text }) => {
      const boost = (topic && candidate.topic === topic ? topicBoost : 0) + (district && candidate.district === district ? districtBoost : 0);
      return { candidate, rank: text + boost };
    })
    .sort((a, b) => b.rank - a.rank || b.candidate.supporters - a.candidate.supporters)
    .slice(0, options.limit)
    .map(({ candidate, rank }) => ({ candidate, score: Math.min(1, Math.round(rank * 1000) / 1000) }));
}
