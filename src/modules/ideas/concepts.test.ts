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
