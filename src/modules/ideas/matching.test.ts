import { describe, expect, it } from 'vitest';
import {
  compoundParts,
  frequencyCap,
  keyWeight,
  matchTerms,
  nearlyEqual,
  queryKeys,
  readStoredTerms,
  singularOf,
  stem,
  storedTerms,
  termWeights,
  thesaurusKey,
} from './matching.js';
import { similarity } from './ranking.js';

const score = (query: string, title: string, body = '') => similarity(matchTerms(query), readStoredTerms(storedTerms(title, body)));

describe('similar ideas: matching terms', () => {
  it('folds umlauts and inflections onto one stem', () => {
    expect(stem('spielplaetze')).toBe('spielplatz');
    expect(matchTerms('Spielplätze')).toEqual(matchTerms('Spielplatz'));
    expect(matchTerms('Radwegen')).toEqual(matchTerms('Radweg'));
  });

  it('maps synonyms from the table onto one term', () => {
    expect(matchTerms('Spielgelände')).toEqual(['spielplatz']);
    expect(matchTerms('Kindergarten')).toEqual(matchTerms('Kita'));
    expect(matchTerms('Gehweg')).toEqual(matchTerms('Bürgersteig'));
  });

  it('splits known compounds, so a long word meets its parts', () => {
    expect(matchTerms('Spielplatzbeleuchtung')).toEqual(expect.arrayContaining(['spielplatz', 'beleuchtung']));
  });

  it('finds a compound by its head: a Kinderfeuerwehr is a Feuerwehr', () => {
    expect(score('Feuerwehr für Kinder', 'Kinderfeuerwehr gründen')).toBeGreaterThan(0.4);
    expect(queryKeys(matchTerms('Feuerwehr'))).toContain('^erwehr');
    expect(storedTerms('Kinderfeuerwehr', '')).toContain('^erwehr');
  });

  it('drops stop words and numbers', () => {
    expect(matchTerms('Wir brauchen endlich mehr 30 für die Kinder')).toEqual(['brauch', 'kind']);
    // Everyday words and number words say nothing about the concern.
    expect(matchTerms('Schon wieder früher nach Hause, das geht so nicht')).toEqual(['frueh', 'haus']);
    expect(matchTerms('Wir haben bei zwölf Praxen überall angerufen')).toEqual(['prax', 'angeruf']);
  });

  it('tolerates one typo in a longer word, not in a short one', () => {
    expect(nearlyEqual('spielpaltz', 'spielplatz')).toBe(true);
    expect(nearlyEqual('kita', 'kino')).toBe(false);
    expect(nearlyEqual('schule', 'schuhe')).toBe(true);
    expect(nearlyEqual('schule', 'sch')).toBe(false);
  });

  it('ranks a duplicate in other words above an unrelated idea', () => {
    const duplicate = score('Mehr Schatten auf dem Spielgelände im Kurpark', 'Schattenplätze am Spielplatz Kurpark', 'Sonnensegel wären gut.');
    const unrelated = score('Mehr Schatten auf dem Spielgelände im Kurpark', 'Längere Öffnungszeiten in Kindergärten', 'Bis 18 Uhr.');
    expect(duplicate).toBeGreaterThan(0.5);
    expect(unrelated).toBe(0);
  });

  it('looks candidates up by the first letters, so a typo late in a word still finds them, and not by words every idea has', () => {
    expect(queryKeys(matchTerms('Spielpaltz'))).toEqual(['~spiel', '^lpaltz']);
    expect(storedTerms('Spielplatz', '')).toContain('~spiel');
    // A known word is looked up by its synonym group instead, which finds the word itself and its synonyms.
    // (and by its family concern, cycling; "Kinder" and "Familien" find nothing).
    expect(queryKeys(matchTerms('Kinder und Familien am Radweg'))).toEqual(['=radweg', '%fahrrad']);
    expect(storedTerms('Radweg', '')).toContain('=radweg');
  });
});

describe('similar ideas: synonyms from OpenThesaurus', () => {
  it('finds synonyms that are not in the table', () => {
    expect(thesaurusKey(matchTerms('Pausenhof')[0]!)).toBe(thesaurusKey(matchTerms('Schulhof')[0]!));
    expect(thesaurusKey(matchTerms('Webseite')[0]!)).toBe(thesaurusKey(matchTerms('Homepage')[0]!));
    expect(thesaurusKey(matchTerms('Lehrgang')[0]!)).toBe(thesaurusKey(matchTerms('Training')[0]!));
    expect(score('Pausenhof schöner gestalten', 'Schulhof schöner gestalten')).toBe(1);
    expect(score('Pausenhof schöner gestalten', 'Längere Öffnungszeiten in Kindergärten')).toBe(0);
  });

  it('stores and looks up the synonym group, so the database finds an idea written with the other word', () => {
    const query = queryKeys(matchTerms('Kehricht'));
    expect(query).toContain('=muell');
    expect(storedTerms('Müll im Park', '')).toContain('=muell');
    expect(storedTerms('Abfall im Park', '')).toContain('=muell');
  });

  it('agrees with the table: a synonym from the thesaurus joins the table’s word', () => {
    expect(thesaurusKey(matchTerms('Gehsteig')[0]!)).toBe(thesaurusKey(matchTerms('Trottoir')[0]!));
    expect(score('Gehsteig am Nordring ausbessern', 'Fußweg am Nordring ausbessern')).toBe(1);
  });

  it('gives a compound the group of its head: a Vereinshomepage is a Webseite', () => {
    expect(thesaurusKey('vereinshomepag')).toBe(thesaurusKey(matchTerms('Webseite')[0]!));
    expect(score('Webseite für den Familienbeirat', 'Vereinshomepage des Familienbeirats')).toBeGreaterThan(0.5);
  });

  it('does not join words of another sense: the table’s Bank is a seat, not a Geldinstitut', () => {
    expect(thesaurusKey(matchTerms('Geldinstitut')[0]!)).not.toBe(thesaurusKey(matchTerms('Bank')[0]!));
    expect(score('Eine Bank am Marktplatz', 'Sitzbank am Marktplatz')).toBe(1);
    expect(score('Eine Bank am Marktplatz', 'Geldinstitut am Marktplatz')).toBe(0.5); // only the Marktplatz
  });
});

describe('similar ideas: plural umlauts', () => {
  it('takes a plural with an umlaut back to the known singular, and leaves words known with their umlaut alone', () => {
    expect(matchTerms('Schulhöfen')).toEqual(matchTerms('Schulhof'));
    // Also when the singular is known with several meanings (and hence no synonym group of its own).
    expect(matchTerms('Anträgen')).toEqual(matchTerms('Antrag'));
    expect(singularOf('muell')).toBe('muell');
  });
});

describe('similar ideas: compounds', () => {
  it('splits a compound into its known head and what comes before it, so each part meets the other idea', () => {
    expect(compoundParts('lastenradparkplatz')).toEqual(['lastenrad', 'parkplatz']);
    expect(matchTerms('Lastenradparkplätze')).toEqual(['lastenradparkplatz', 'lastenrad', 'parkplatz']);
    // The linking "-en-" of Famili-en-zentrum goes; "Familie" is the table's "eltern".
    expect(compoundParts('familienzentrum')).toEqual(['eltern', 'zentrum']);
  });

  it('leaves known words and words without a known head whole', () => {
    expect(compoundParts('spielplatz')).toBeNull();
    expect(compoundParts('unterstand')).toBeNull();
  });
});

describe('similar ideas: rarity', () => {
  it('weighs a word few ideas have far above one many have', () => {
    expect(keyWeight(1)).toBeGreaterThan(8 * keyWeight(frequencyCap));
    const [zeltlager, kinder] = termWeights(matchTerms('Zeltlager für Kinder'), { ideas: new Map([['~zeltl', 1]]), total: 50_000 });
    expect(zeltlager).toBe(keyWeight(1));
    expect(kinder).toBe(keyWeight(frequencyCap)); // "Kind" is never looked up: it counts as common
  });
});
