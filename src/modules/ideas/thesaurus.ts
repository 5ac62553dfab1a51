import { readFileSync } from 'node:fs';
import { stem, stopWords, synonymOf, tableKeys } from './words.js';

/**
 * OpenThesaurus (synonyms/openthesaurus.txt, made by scripts/openthesaurus.ts): groups of nouns that
 * mean the same. Each word is stemmed and run through the table like a typed word, then every group gets
 * one key:
 * - the table's word, when the group is about the table's sense: it holds two words of the table's
 *   group ("Kita", "Kindertagesstätte"), or the table's word has only this one group in the thesaurus.
 *   A table word in a group of another sense ("Bank" beside "Geldinstitut", the table means the seat) is
 *   left out of that group;
 * - otherwise the group's most general word: the one in the most groups (the common word, "Bibliothek"
 *   for "Bücherei"), shorter and then alphabetical first on a tie, but never a word with more than
 *   `maxSenses` meanings ("Masse", "Gruppe"), which would join groups that do not mean the same.
 * A word in one group takes that group's key; a word that is itself a key keeps it; a word in several
 * groups with different keys is ambiguous and gets none. The table's words are their own keys.
 */
const maxSenses = 4;
let thesaurus: Map<string, string> | undefined;
/** Every word of the thesaurus (stemmed), also those with several meanings and hence no key. */
const vocabulary = new Set<string>();

function loadThesaurus(): Map<string, string> {
  const text = readFileSync(new URL('./synonyms/openthesaurus.txt', import.meta.url), 'utf8');
  /** Per group: each term, and for a table word how many different words of the table's group led to it. */
  const groups: Map<string, Set<string>>[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const terms = new Map<string, Set<string>>();
    for (const word of line.split(' ')) {
      if (stopWords.has(word)) continue;
      const stemmed = stem(word);
      vocabulary.add(stemmed);
      const fromTable = synonymOf.has(stemmed) ? stemmed : synonymOf.has(word) ? word : undefined;
      const term = fromTable === undefined ? stemmed : synonymOf.get(fromTable)!;
      const sources = terms.get(term) ?? new Set<string>();
      sources.add(fromTable ?? stemmed);
      terms.set(term, sources);
    }
    if (terms.size >= 2) groups.push(terms);
  }
  const senses = new Map<string, number>();
  for (const group of groups) for (const term of group.keys()) senses.set(term, (senses.get(term) ?? 0) + 1);
  const keysOf = new Map<string, Set<string>>();
  for (const group of groups) {
    const tableWords = [...group].filter(([t]) => tableKeys.has(t));
    const tableSense = tableWords.find(([t, sources]) => sources.size >= 2 || senses.get(t) === 1)?.[0];
    const members = [...group.keys()].filter((t) => t === tableSense || !tableKeys.has(t));
    if (members.length < 2) continue;
    const key =
      tableSense ??
      members.filter((t) => senses.get(t)! <= maxSenses).sort((a, b) => senses.get(b)! - senses.get(a)! || a.length - b.length || (a < b ? -1 : 1))[0];
    if (key === undefined) continue;
    for (const term of members) {
      const keys = keysOf.get(term) ?? new Set<string>();
      keys.add(key);
      keysOf.set(term, keys);
    }
  }
  const keyOf = new Map<string, string>();
  for (const [term, keys] of keysOf) {
    if (keys.has(term)) keyOf.set(term, term);
    else if (keys.size === 1) keyOf.set(term, [...keys][0]!);
  }
  for (const key of tableKeys) keyOf.set(key, key);
  return keyOf;
}

/** The shortest head a compound is looked up by in the thesaurus (as `isHeadOf`). */
const minHead = 5;

/**
 * The key of a term's synonym group in OpenThesaurus, or of its longest head that has one
 * ("stadtbibliothek" → "bibliothek"); undefined when it has none.
 */
export function thesaurusKey(term: string): string | undefined {
  thesaurus ??= loadThesaurus();
  const cached = headKeys.get(term);
  if (cached !== undefined) return cached ?? undefined;
  let key = thesaurus.get(term);
  for (let start = 3; key === undefined && term.length - start >= minHead; start++) key = thesaurus.get(term.slice(start));
  if (headKeys.size >= 100_000) headKeys.clear();
  headKeys.set(term, key ?? null);
  return key;
}

/** The key of the term's own synonym group, not of its head ("hortplatz" has none, though "platz" has). */
export function ownThesaurusKey(term: string): string | undefined {
  thesaurus ??= loadThesaurus();
  return thesaurus.get(term);
}

/** A word the matching knows: in the table or anywhere in the thesaurus (stemmed, folded). */
export function isKnownWord(term: string): boolean {
  thesaurus ??= loadThesaurus();
  return synonymOf.has(term) || vocabulary.has(term);
}

/** Terms already looked up, with their key or null (bounded: cleared when full). */
const headKeys = new Map<string, string | null>();

/**
 * German plurals often umlaut the last vowel (Hof/Höfe, Stadt/Städte, Wunsch/Wünsche). A stem with a folded
 * umlaut in its last syllable becomes the form without it when only that form is a known word (a word of
 * the table or of the thesaurus, also one with several meanings, or a compound whose head has a key):
 * "schulhoef" → "schulhof", "antraeg" → "antrag". A word that is known with its umlaut ("baeck", "muell")
 * stays as it is.
 */
export function singularOf(stemmed: string): string {
  const match = /^(.*)(ae|oe|ue)([^aeiou]+)$/.exec(stemmed);
  const known = (term: string) => isKnownWord(term) || thesaurusKey(term) !== undefined;
  if (!match || known(stemmed)) return stemmed;
  const candidate = `${match[1]}${match[2]![0]}${match[3]}`;
  return known(candidate) ? candidate : stemmed;
}
