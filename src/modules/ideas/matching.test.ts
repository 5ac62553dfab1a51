import { describe, expect, it } from 'vitest';
import { matchTerms, nearlyEqual, queryKeys, readStoredTerms, similarity, stem, storedTerms } from './matching.js';

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
    expect(queryKeys(matchTerms('Kinder und Familien am Radweg'))).toEqual(['~radw']);
  });
});
