import { describe, expect, it } from 'vitest';
import { conceptOf } from './concepts.js';
import { matchTerms, queryKeyGroups, readStoredTerms, storedTerms } from './matching.js';
import { similarity } from './ranking.js';

const concept = (word: string) => conceptOf(matchTerms(word)[0]!);
const score = (query: string, title: string, concepts = true) =>
  similarity(matchTerms(query), readStoredTerms(storedTerms(title, '')), undefined, { concepts });

describe('similar ideas: family concerns in other words', () => {
  it('puts words of one concern together, though they are no synonyms', () => {
    expect(concept('teuer')).toBe(concept('kostenlos'));
    expect(concept('Schulranzen')).toBe(concept('Schulmaterial'));
    expect(concept('fertiggemacht')).toBe(concept('Mobbing'));
    expect(concept('Schwimmkurs')).not.toBe(concept('teuer'));
  });

  it('knows the usual concerns of families, not only those the development data raises', () => {
    expect(concept('Rodelhügel')).toBe(concept('Schlittenberg'));
    expect(concept('Türkisch')).toBe(concept('Dolmetscher'));
    expect(concept('einsam')).toBe(concept('hergezogen'));
    expect(concept('online')).toBe(concept('Portal'));
    expect(concept('Schichtdienst')).toBe(concept('Öffnungszeiten'));
    expect(concept('Schimmel')).toBe(concept('feucht'));
    expect(concept('Windel')).toBe(concept('Wickeltisch'));
    expect(concept('Heizkosten')).not.toBe(concept('Schimmel'));
  });

  it('gives an adjective or participle the concern of the word it comes from', () => {
    expect(concept('schattig')).toBe(concept('Schatten'));
    expect(concept('dreckig')).toBe(concept('Müll'));
    expect(concept('Schichtarbeitende')).toBe(concept('Schichtdienst'));
  });

  it('leaves out a word that mostly means something else: "Rasen" is a lawn, not speeding', () => {
    expect(concept('Rasen')).toBe(concept('Wiese'));
    expect(concept('Rasen')).not.toBe(concept('Tempo'));
  });

  it('finds an idea in other words, with no word in common', () => {
    expect(score('Meine Tochter hat dauernd Freistunden, weil keine Lehrerin da ist', 'Unterricht fällt zu oft aus')).toBeGreaterThan(0.25);
    expect(score('Schwarze Flecken an den Wänden im Kinderzimmer', 'Schimmel in Sozialwohnungen')).toBeGreaterThan(0.25);
    expect(score('Im Winter fehlt ein Rodelhügel', 'Schlittenberg im Stadtpark')).toBeGreaterThan(0.25);
    expect(score('Im Winter fehlt ein Rodelhügel', 'Schimmel in Sozialwohnungen')).toBe(0);
  });

  it('gives a compound the concern of its head', () => {
    expect(conceptOf('kinderzahnarzt')).toBe(concept('Zahnmedizin'));
    expect(conceptOf('mitkick')).toBe(concept('Fußball'));
  });

  it('stores the concern and looks ideas up by it, unless asked not to', () => {
    expect(storedTerms('Schulranzen zu teuer', '')).toEqual(expect.arrayContaining(['%schulmaterial', '%kost']));
    expect(queryKeyGroups(matchTerms('Schulranzen zu teuer')).flat()).toContain('%kost');
    expect(queryKeyGroups(matchTerms('Schulranzen zu teuer'), { concepts: false }).flat()).not.toContain('%kost');
  });

  it('counts a shared concern half of a shared word', () => {
    expect(score('teuer', 'kostenlos')).toBe(0.5);
    expect(score('Kosten', 'Kosten')).toBe(1);
    expect(score('Schulranzen zu teuer', 'Schulmaterial für Kinder in Armut bezahlen')).toBeGreaterThan(0.25);
    expect(score('Schulranzen zu teuer', 'Schulmaterial für Kinder in Armut bezahlen', false)).toBe(0);
  });
});
