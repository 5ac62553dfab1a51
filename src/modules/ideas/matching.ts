/**
 * Finding ideas that say the same thing in other words. Pure text work, the same for the form, the
 * check page and GET /api/v1/ideen/aehnliche:
 *
 * 1. `matchTerms(text)`: lower case, umlauts folded (ä → ae, ß → ss), split into words, stop words
 *    dropped, a light German stemmer (Spielplätze, Spielplatzes → spielplatz), synonyms mapped to one
 *    term from the synonym table below (Kindergarten → kita, Spielgelände → spielplatz), compounds
 *    also give their known parts (Spielplatzbeleuchtung → spielplatz, beleuchtung).
 * 2. The database keeps these terms per idea (`ideas.match_terms`, GIN index) and narrows the
 *    candidates to ideas sharing a term; `similarity()` ranks them.
 *
 * The synonyms live in this table (not a text-search synonym file: a managed PostgreSQL cannot take one).
 */

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
 * (counting double) or text, each typo-tolerant.
 */
export function similarity(query: readonly string[], idea: { titleTerms: readonly string[]; terms: readonly string[] }): number {
  if (query.length === 0) return 0;
  let score = 0;
  for (const term of query) {
    const same = (t: string) => nearlyEqual(t, term) || isHeadOf(t, term) || isHeadOf(term, t);
    if (idea.titleTerms.some(same)) score += 2;
    else if (idea.terms.some(same)) score += 1;
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

/** What is stored per idea: the terms of title and text, the title's marked with "t:", and their prefix keys. */
export function storedTerms(title: string, body: string): string[] {
  const titleTerms = matchTerms(title);
  const all = new Set([...titleTerms.map((t) => `t:${t}`), ...matchTerms(`${title} ${body}`)]);
  for (const term of [...all]) {
    if (term.startsWith('t:')) continue;
    all.add(prefixKey(term));
    const suffix = suffixKey(term);
    if (suffix) all.add(suffix);
  }
  return [...all];
}

/** Splits stored terms back into title terms and all terms. */
export function readStoredTerms(stored: readonly string[]): { titleTerms: string[]; terms: string[] } {
  return {
    titleTerms: stored.filter((t) => t.startsWith('t:')).map((t) => t.slice(2)),
    terms: stored.filter((t) => !t.startsWith('t:') && !t.startsWith('~') && !t.startsWith('^')),
  };
}

/** The keys a query looks candidates up by, one group per term (its prefix key and, when long, its suffix key). */
export function queryKeyGroups(query: readonly string[]): string[][] {
  return query.filter((t) => !tooCommonToLookUp.has(t)).map((t) => [prefixKey(t), suffixKey(t)].filter((k): k is string => k !== null));
}

/** All keys of a query, each once. */
export function queryKeys(query: readonly string[]): string[] {
  return [...new Set(queryKeyGroups(query).flat())];
}
