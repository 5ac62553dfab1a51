/**
 * Finding ideas that say the same thing in other words. Pure text work, the same for the form, the
 * check page and GET /api/v1/ideen/aehnliche:
 *
 * 1. `matchTerms(text)`: lower case, umlauts folded (ä → ae, ß → ss), split into words, stop words
 *    dropped, a light German stemmer (Spielplätze, Spielplatzes → spielplatz), synonyms mapped to one
 *    term from the synonym table below (Kindergarten → kita, Spielgelände → spielplatz), compounds
 *    also give their known parts (Spielplatzbeleuchtung → spielplatz, beleuchtung).
 * 2. `thesaurusKey(term)`: the key of the term's synonym group in OpenThesaurus (see below), so
 *    "Bücherei" and "Bibliothek" meet without a line in the table; a compound takes its head's key
 *    ("Stadtbibliothek" is a "Bibliothek").
 * 3. The database keeps these terms per idea (`ideas.match_terms`, GIN index, with the group keys as
 *    "=key") and narrows the candidates to ideas sharing a key; `similarity()` ranks them.
 *
 * 4. `conceptOf(term)`: the family concern a word belongs to (concepts.ts: "teuer" and "kostenlos" are both
 *    about cost), stored as "%concept"; it counts half of a shared word.
 *
 * The synonyms live in the table and in a file derived from OpenThesaurus (not a text-search synonym
 * file: a managed PostgreSQL cannot take one). When either changes in a way that changes stored terms,
 * raise `matchingVersion`: the job `ideas.reindex` then recomputes the stored terms of every idea.
 */
import { conceptOf } from './concepts.js';
import { isKnownWord, singularOf, thesaurusKey } from './thesaurus.js';
import { fold, stem, stopWords, synonymOf } from './words.js';

export { fold, stem, synonymGroups } from './words.js';
export { singularOf, thesaurusKey } from './thesaurus.js';

/** The version of what `storedTerms` computes; rows with an older `ideas.match_version` are recomputed. */
export const matchingVersion = 4;
/** What may join the parts of a compound: Ganztag-s-schule, Famili-en-zentrum, Kind-er-garten, Hund-e-wiese. */
const linkingElements = ['s', 'es', 'n', 'en', 'er', 'e'];

/**
 * A compound's modifier and head: the longest head that is a known word (the table or the thesaurus, at
 * least four letters) and what comes before it, with its linking element dropped when that gives a known word
 * ("lastenradparkplatz" → lastenrad + parkplatz, "kinderstadtpla" → kind + stadtpla). A known word itself is
 * not split; neither is a word whose modifier would be shorter than four letters or a stop word.
 */
export function compoundParts(term: string): [modifier: string, head: string] | null {
  if (isKnownWord(term)) return null;
  for (let start = 4; start <= term.length - 4; start++) {
    const head = term.slice(start);
    if (!isKnownWord(head)) continue;
    const modifier = term.slice(0, start);
    const known = linkingElements.map((l) => (modifier.endsWith(l) ? modifier.slice(0, -l.length) : '')).find((m) => m.length >= 4 && isKnownWord(m));
    const part = known ?? modifier;
    if (part.length < 4 || stopWords.has(part)) continue;
    return [synonymOf.get(part) ?? part, synonymOf.get(head) ?? head];
  }
  return null;
}

/** The terms a text is matched by: folded, stemmed, synonyms and compound parts resolved, each once. */
export function matchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const raw of fold(text).split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || stopWords.has(raw) || /^\d+$/.test(raw)) continue;
    const stemmed = stem(raw);
    const canonical = synonymOf.get(stemmed) ?? synonymOf.get(raw);
    if (canonical) {
      terms.add(canonical);
      continue;
    }
    const singular = singularOf(stemmed);
    const term = synonymOf.get(singular) ?? singular;
    terms.add(term);
    for (const part of compoundParts(term) ?? []) terms.add(part);
  }
  return [...terms];
}

/** Fuzzy equality of two terms (one typo in a longer word): the edit distance is at most 1, or 2 from 8 letters. */
export function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.min(a.length, b.length) >= 8 ? 2 : Math.min(a.length, b.length) >= 5 ? 1 : 0;
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > allowed) return false;
    previous = current;
  }
  return previous[b.length]! <= allowed;
}

/**
 * The key the database narrows candidates by: the term's first letters (five of a long word, four of
 * a short one), so a typo later in a word still finds the idea ("spielpaltz" and "spielplatz" share
 * "spiel").
 */
export const prefixKey = (term: string): string => `~${term.slice(0, term.length >= 7 ? 5 : 4)}`;

/**
 * A German compound ends with its head ("Kinderfeuerwehr" is a "Feuerwehr", "Fahrradständer" a
 * "Ständer"): a long term also gets a key of its last six letters, so the head finds the compound.
 */
export const suffixKey = (term: string): string | null => (term.length >= 7 ? `^${term.slice(-6)}` : null);

/** One term is the head of the other (the shorter one at the end of the longer, at least five letters). */
export const isHeadOf = (head: string, compound: string): boolean => head.length >= 5 && compound.length > head.length && compound.endsWith(head);

/** Terms nearly every idea has (children, families, the city): they rank, but they find nothing. */
const tooCommonToLookUp = new Set(['kind', 'eltern', 'stadt']);

/** The key a term's synonym group is stored and looked up by ("=bibliothek"), if it has one. */
export const groupKey = (term: string): string | null => {
  const key = thesaurusKey(term);
  return key === undefined ? null : `=${key}`;
};

/** The key a term's family concern is stored and looked up by ("%kost"), if it has one (concepts.ts). */
export const conceptKey = (term: string): string | null => {
  const concept = conceptOf(term);
  return concept === undefined ? null : `%${concept}`;
};

/**
 * What is stored per idea: the terms of title and text, the title's marked with "t:", their prefix
 * and suffix keys, their synonym group keys and their concept keys.
 */
export function storedTerms(title: string, body: string): string[] {
  const titleTerms = matchTerms(title);
  const all = new Set([...titleTerms.map((t) => `t:${t}`), ...matchTerms(`${title} ${body}`)]);
  for (const term of [...all]) {
    if (term.startsWith('t:')) continue;
    all.add(prefixKey(term));
    const suffix = suffixKey(term);
    if (suffix) all.add(suffix);
    const group = groupKey(term);
    if (group) all.add(group);
    const concept = conceptKey(term);
    if (concept) all.add(concept);
  }
  return [...all];
}

/** Splits stored terms back into title terms and all terms. */
export function readStoredTerms(stored: readonly string[]): { titleTerms: string[]; terms: string[] } {
  return {
    titleTerms: stored.filter((t) => t.startsWith('t:')).map((t) => t.slice(2)),
    terms: stored.filter((t) => !/^(t:|[~^=%])/.test(t)),
  };
}

/**
 * The keys a term is looked up by: its synonym group key when it has one (which finds the same word and its
 * synonyms), else its prefix key (which finds it with a typo late in the word); and, when long, its suffix key.
 * None for the words nearly every idea has.
 */
export function termKeys(term: string, options: { concepts?: boolean } = {}): string[] {
  if (tooCommonToLookUp.has(term)) return [];
  return [groupKey(term) ?? prefixKey(term), suffixKey(term), options.concepts === false ? null : conceptKey(term)].filter((k): k is string => k !== null);
}

/**
 * The keys a query looks candidates up by, one group per term (terms without keys left out). `concepts: false`
 * leaves out the concept keys (the bench measures what the concept table adds).
 */
export function queryKeyGroups(query: readonly string[], options: { concepts?: boolean } = {}): string[][] {
  return query.map((t) => termKeys(t, options)).filter((keys) => keys.length > 0);
}

/**
 * Rarity, as in BM25's inverse document frequency: how many published ideas hold each lookup key of a query
 * (`keyFrequencies` in the repository: the database's statistics for common keys, a count through the index
 * for the others). A key weighs ln(1 + 500 / ideas with it): 6.2 for a key of one idea, 0.7 for a key of 500,
 * nearly nothing for a word every idea has ("wünschen"). A rare key (in at most `rareKeyLimit` ideas) finds
 * ideas on its own; commoner keys find them only in pairs.
 */
export const frequencyCap = 500;
export const rareKeyLimit = 50;
export const keyWeight = (ideasWithKey: number): number => Math.log(1 + frequencyCap / Math.max(1, ideasWithKey));

/** Ideas holding each key, and how many ideas there are; a key not listed is taken as held by all. */
export interface KeyFrequencies {
  ideas: ReadonlyMap<string, number>;
  total: number;
}

/** The ideas holding a key, as far as the frequencies know. */
export const ideasWith = (frequencies: KeyFrequencies, key: string): number => frequencies.ideas.get(key) ?? frequencies.total;

/** How much each query term says: the weight of its rarest key; a term without keys ("Kind") weighs as common. */
export function termWeights(query: readonly string[], frequencies: KeyFrequencies): number[] {
  return query.map((term) => {
    const keys = termKeys(term, { concepts: false });
    return keys.length === 0 ? keyWeight(frequencyCap) : Math.max(...keys.map((k) => keyWeight(ideasWith(frequencies, k))));
  });
}

/** The pairs looked up would find at most about this many ideas together, were their keys independent. */
export const pairBudget = 500;

/**
 * The pairs of keys that find an idea holding two different things the query names: one key each from two
 * of the first six terms. Terms whose keys overlap say one thing (a compound and its head, two synonyms, two
 * words of one concern: "Wasserspielplatz" and "Spielplatz" both hold "=spielplatz"), so they make no pair;
 * such a pair would find every idea holding that one thing. With frequencies, the most specific pairs come
 * first, up to `pairBudget` ideas: a pair of keys so common that together they would find thousands
 * ("Spielplatz" with "wünschen", which nearly every idea says) is left out.
 */
export function keyPairs(groups: readonly (readonly string[])[], frequencies?: KeyFrequencies): [string, string][] {
  const distinct: (readonly string[])[] = [];
  for (const group of groups) if (!distinct.some((d) => d.some((k) => group.includes(k)))) distinct.push(group);
  const first = distinct.slice(0, 6);
  const pairs = first.flatMap((a, i) => first.slice(i + 1).flatMap((b) => a.flatMap((ka) => b.map((kb): [string, string] => [ka, kb]))));
  if (!frequencies) return pairs;
  const expected = ([a, b]: [string, string]) => (ideasWith(frequencies, a) * ideasWith(frequencies, b)) / Math.max(1, frequencies.total);
  let spent = 0;
  return pairs
    .map((pair) => ({ pair, ideas: expected(pair) }))
    .sort((x, y) => x.ideas - y.ideas)
    .filter(({ ideas }) => (spent += ideas) <= pairBudget)
    .map(({ pair }) => pair);
}

/** All keys of a query, each once. */
export function queryKeys(query: readonly string[]): string[] {
  return [...new Set(queryKeyGroups(query).flat())];
}
