import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';

const members = [
  { id: 'a', display_name: 'Anna' },
  { id: 'am', display_name: 'Anna Maria Beispiel' },
  { id: 'p', display_name: 'Pia Partnerin' },
];

describe('mentions', () => {
  it('finds members by their shown name, the longest first, whatever the case', () => {
    expect(findMentions('Danke @Anna Maria Beispiel und @pia partnerin!', members)).toEqual({ ids: ['am', 'p'], unknown: [] });
    expect(findMentions('@Anna, kannst du?', members)).toEqual({ ids: ['a'], unknown: [] });
  });

  it('ignores e-mail addresses and names unknown people', () => {
    expect(findMentions('Schreib an info@example.org', members)).toEqual({ ids: [], unknown: [] });
    expect(findMentions('Frag @Annabell oder @Max', members)).toEqual({ ids: [], unknown: ['@Annabell', '@Max'] });
  });
});
