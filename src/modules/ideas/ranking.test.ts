import { describe, expect, it } from 'vitest';
import { matchTerms, readStoredTerms, storedTerms } from './matching.js';
import { rankSimilar, similarity, topicBoost } from './ranking.js';

const score = (query: string, title: string, body = '') => similarity(matchTerms(query), readStoredTerms(storedTerms(title, body)));
const idea = (id: string, title: string, topic = 'spielen-sport', district: string | null = null) => ({
  id,
  match_terms: storedTerms(title, ''),
  supporters: 0,
  topic,
  district,
});

describe('similar ideas: ranking', () => {
  it('looks both ways: an idea whose title adds a place the query does not name ranks below one the query covers', () => {
    expect(score('Mülleimern im Stadtpark', 'Mehr Mülleimer im Park')).toBe(1);
    expect(score('Mülleimern im Stadtpark', 'Mehr Mülleimer: Park Berge')).toBeLessThan(0.9);
  });

  it('does not take a general word for a compound of it: "Raum" does not say "Hortplatz"', () => {
    expect(score('Leiser Lernraum in der Bücherei', 'Mehr Hortplätze')).toBe(0);
    // …but a compound says its head: a Kinderfeuerwehr is a Feuerwehr.
    expect(score('Feuerwehr für Kinder', 'Kinderfeuerwehr gründen')).toBeGreaterThan(0.4);
  });

  it('puts ideas of the chosen topic and district first when the text finds them alike', () => {
    const candidates = [idea('a', 'Schaukel am Spielplatz Nordring', 'wohnen'), idea('b', 'Schaukel am Spielplatz Nordring', 'spielen-sport', 'Pelkum')];
    const ranked = (context: { topic?: string; district?: string }) =>
      rankSimilar(matchTerms('Schaukel am Spielplatz Nordring'), candidates, { limit: 5, minimumScore: 0.25, context }).map((r) => r.candidate.id);
    expect(ranked({ topic: 'spielen-sport' })).toEqual(['b', 'a']);
    expect(ranked({ topic: 'wohnen' })).toEqual(['a', 'b']);
    expect(ranked({ district: 'Pelkum' })[0]).toBe('b');
  });

  it('never makes an idea similar for its topic alone', () => {
    const ranked = rankSimilar(matchTerms('Schaukel am Spielplatz'), [idea('x', 'Längere Öffnungszeiten im Bürgeramt')], {
      limit: 5,
      minimumScore: 0.25,
      context: { topic: 'spielen-sport' },
    });
    expect(ranked).toEqual([]);
    expect(topicBoost).toBeLessThan(0.25);
  });

  it('suggests an idea saying the same concern in other words, beside one that shares the place', () => {
    const query = matchTerms('Meine Tochter hat dauernd Freistunden an der Realschule Mark, keine Lehrerin ist da');
    const candidates = [idea('place', 'Schulhof der Realschule Mark begrünen', 'schule'), idea('concern', 'Unterricht fällt zu oft aus', 'schule')];
    const ranked = rankSimilar(query, candidates, { limit: 5, minimumScore: 0.25 }).map((r) => r.candidate.id);
    expect(ranked).toContain('concern');
    // Without the concern table it shares no word with the query, and is not suggested.
    expect(rankSimilar(query, candidates, { limit: 5, minimumScore: 0.25, concepts: false }).map((r) => r.candidate.id)).toEqual(['place']);
  });

  it('counts a rare word of the query more than a common one', () => {
    const query = matchTerms('Zeltlager am Spielplatz');
    const frequencies = {
      ideas: new Map([
        ['~zeltl', 1],
        ['=spielplatz', 500],
      ]),
      total: 50_000,
    };
    const rank = (title: string) => rankSimilar(query, [idea('i', title)], { limit: 1, minimumScore: 0, frequencies })[0]!.score;
    expect(rank('Zeltlager für Kinder')).toBeGreaterThan(rank('Neue Schaukel am Spielplatz'));
  });
});
