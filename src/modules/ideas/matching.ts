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
 * The synonyms live in this table and in a file derived from OpenThesaurus (not a text-search synonym
 * file: a managed PostgreSQL cannot take one). When either changes in a way that changes stored terms,
 * raise `matchingVersion`: the job `ideas.reindex` then recomputes the stored terms of every idea.
 */
import { readFileSync } from 'node:fs';

/** The version of what `storedTerms` computes; rows with an older `ideas.match_version` are recomputed. */
export const matchingVersion = 2;

/** Words that mean the same for our purpose, each group mapped to its first word. Stems, folded. */
export const synonymGroups: readonly (readonly string[])[] = [
  ['spielplatz', 'spielgelaend', 'spielflaech', 'spielpark', 'bolzplatz', 'spielstaett'],
  ['kita', 'kindergart', 'kindertagesstaett', 'kindertagesstatt', 'krippe', 'kinderkripp', 'tagesstaett'],
  ['kinderarzt', 'kinderaerzt', 'kinderaerztin', 'kinderaerztinn', 'paediat', 'kinderpraxi', 'kinderarztpraxi'],
  ['radweg', 'fahrradweg', 'radspur', 'fahrradspur', 'radstreif', 'radfahrstreif'],
  ['fussweg', 'gehweg', 'buergersteig', 'trottoir', 'fusspfad'],
  ['ampel', 'fussgaengerampel', 'lichtsignal', 'signalanlag'],
  ['zebrastreif', 'fussgaengerueberweg', 'ueberweg', 'querungshilf'],
  ['schwimmbad', 'hallenbad', 'freibad', 'bad', 'schwimmhall'],
  ['tagesmutt', 'tagespfleg', 'tagesvat', 'kindertagespfleg'],
  ['schulweg', 'schulwege'],
  ['beleuchtung', 'licht', 'lamp', 'laterne', 'strassenlatern', 'strassenbeleuchtung'],
  ['toilett', 'wc', 'klo'],
  ['muell', 'abfall', 'dreck', 'unrat'],
  ['bank', 'sitzbank', 'sitzgelegenheit'],
  ['jugendzentrum', 'jugendtreff', 'jugendhau', 'jugendclub'],
  ['sport', 'sporthall', 'turnhall'],
  ['bus', 'busli', 'buslinie', 'oepnv', 'nahverkehr'],
  ['tempo', 'geschwindigkeit', 'raser', 'rasen'],
  ['kind', 'nachwuch', 'kinderchen'],
  ['eltern', 'mutt', 'vat', 'familie', 'famili'],
  ['betreuung', 'betreuungsplatz', 'betreuungsangebot'],
  ['schatten', 'sonnenschutz', 'sonnensegel'],
  ['baum', 'baeum', 'begruenung'],
  ['wickelraum', 'wickeltisch', 'wickelmoeglichkeit'],
  ['parkplatz', 'stellplatz', 'parkflaech'],
];

const synonymOf = new Map<string, string>();
for (const group of synonymGroups) for (const word of group) synonymOf.set(word, group[0]!);

/** The canonical words of the table: a thesaurus group holding one takes it as its key. */
const tableKeys = new Set(synonymGroups.map((g) => g[0]!));

/** Parts we split compounds into when a word contains them (longest first). */
const compoundParts = [...new Set(synonymGroups.flat())].filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);

const stopWords = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber auch nicht kein keine keinen ist sind war waren wird werden ' +
    'wurde sein hat haben hatte im in am an auf aus bei bis durch fuer gegen mit nach ohne ueber um unter vom von vor zu zum zur ' +
    'es er sie wir ihr ich du man sich mich mir uns euch ihnen wie was wo wer wann warum weil dass da dort hier so sehr mehr viel ' +
    'viele bitte gibt geben kann koennen koennte muss muessen soll sollte sollten waere wuerde wuerden noch schon nur immer oft ' +
    'endlich neue neuer neues neuen unser unsere unseren meine mein meinen dies diese dieser dieses jede jeder jedes alle allen ' +
    'mal ganz gar etwa als denn doch ja nein ob wenn dann damit dafuer davon dazu hamm stadt'
  ).split(' '),
);

/** Folds German spelling so "Spielgelände" and "Spielgelaende" meet. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A light German stemmer: strips the common inflection endings, never below four letters. */
export function stem(word: string): string {
  let w = word;
  for (const ending of ['ungen', 'heiten', 'keiten', 'innen', 'ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (w.length - ending.length >= 4 && w.endsWith(ending)) {
      w = ending === 'ungen' ? `${w.slice(0, -ending.length)}ung` : w.slice(0, -ending.length);
      break;
    }
  }
  // Plural umlauts: "plaetz" (Plätze) → "platz".
  return w.replace(/aetz$/, 'atz').replace(/aeum$/, 'aum');
}

/**
 * German plurals often umlaut the last vowel (Hof/Höfe, Stadt/Städte, Wunsch/Wünsche). A stem with a folded
 * umlaut in its last syllable becomes the form without it when only that form is a known word (a word of
 * the table or of the thesaurus, or a compound whose head is one): "schulhoef" → "schulhof". A word that is
 * known with its umlaut ("baeck", "muell") stays as it is.
 */
export function singularOf(stemmed: string): string {
  const match = /^(.*)(ae|oe|ue)([^aeiou]+)$/.exec(stemmed);
  if (!match || synonymOf.has(stemmed) || thesaurusKey(stemmed) !== undefined) return stemmed;
  const candidate = `${match[1]}${match[2]![0]}${match[3]}`;
  return synonymOf.has(candidate) || thesaurusKey(candidate) !== undefined ? candidate : stemmed;
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
    if (singular !== stemmed) {
      terms.add(synonymOf.get(singular) ?? singular);
      continue;
    }
    terms.add(stemmed);
    for (const part of compoundParts) {
      if (stemmed.length > part.length + 2 && stemmed.includes(part)) {
        terms.add(synonymOf.get(part)!);
        const rest = stem(stemmed.replace(part, ''));
        if (rest.length >= 4 && !stopWords.has(rest)) terms.add(synonymOf.get(rest) ?? rest);
        break;
      }
    }
  }
  return [...terms];
}

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

/** Terms already looked up, with their key or null (bounded: cleared when full). */
const headKeys = new Map<string, string | null>();

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
 * How alike a query is to an idea, 0…1: the share of the query's terms found in the idea's title
 * (counting double) or text, each typo-tolerant, or as a synonym from the thesaurus.
 */
export function similarity(query: readonly string[], idea: { titleTerms: readonly string[]; terms: readonly string[] }): number {
  if (query.length === 0) return 0;
  let score = 0;
  let titleKeys: Set<string | undefined> | undefined;
  let keys: Set<string | undefined> | undefined;
  for (const term of query) {
    const same = (t: string) => nearlyEqual(t, term) || isHeadOf(t, term) || isHeadOf(term, t);
    const key = thesaurusKey(term);
    if (key !== undefined) {
      titleKeys ??= new Set(idea.titleTerms.map(thesaurusKey));
      keys ??= new Set(idea.terms.map(thesaurusKey));
    }
    if (idea.titleTerms.some(same) || (key !== undefined && titleKeys!.has(key))) score += 2;
    else if (idea.terms.some(same) || (key !== undefined && keys!.has(key))) score += 1;
  }
  return Math.round((score / (2 * query.length)) * 1000) / 1000;
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

/**
 * What is stored per idea: the terms of title and text, the title's marked with "t:", their prefix
 * and suffix keys, and their synonym group keys.
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
  }
  return [...all];
}

/** Splits stored terms back into title terms and all terms. */
export function readStoredTerms(stored: readonly string[]): { titleTerms: string[]; terms: string[] } {
  return {
    titleTerms: stored.filter((t) => t.startsWith('t:')).map((t) => t.slice(2)),
    terms: stored.filter((t) => !t.startsWith('t:') && !t.startsWith('~') && !t.startsWith('^') && !t.startsWith('=')),
  };
}

/**
 * The keys a query looks candidates up by, one group per term: its synonym group key when it has one
 * (which finds the same word and its synonyms), else its prefix key (which finds it with a typo late
 * in the word); and, when long, its suffix key. As many keys per term as before, so the lookup costs the same.
 */
export function queryKeyGroups(query: readonly string[]): string[][] {
  return query.filter((t) => !tooCommonToLookUp.has(t)).map((t) => [groupKey(t) ?? prefixKey(t), suffixKey(t)].filter((k): k is string => k !== null));
}

/** All keys of a query, each once. */
export function queryKeys(query: readonly string[]): string[] {
  return [...new Set(queryKeyGroups(query).flat())];
}
