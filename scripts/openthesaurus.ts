/**
 * The synonym groups the similar-idea matching takes from OpenThesaurus (src/modules/ideas/thesaurus.ts),
 * derived from the text thesaurus of Debian's `openthesaurus-de-text` package:
 *
 *   apt-get install openthesaurus-de-text   (or: apt-get download … && dpkg-deb -x …)
 *   npm run openthesaurus [-- /path/to/openthesaurus.txt]
 *
 * writes src/modules/ideas/synonyms/openthesaurus.txt. Only the derived file is committed; nothing needs
 * the Debian file at run time. What is kept, and why:
 * - single words that are nouns (written with a capital letter, letters only): ideas name things and
 *   places; verbs and phrases ("(etwas) beantragen") would need a different treatment;
 * - not the entries marked as outdated, figurative or offensive (veraltet, veraltend, historisch, fig.,
 *   derb, vulg., abwertend): their sense is not the plain one, they join groups that do not mean the same;
 * - folded as words.ts folds (lower case, ä → ae, ß → ss), each word once per group;
 * - groups of 2 to 20 words: a group needs two words, and the few larger ones are loose collections of
 *   colloquial words rather than synonyms.
 * Stemming and the choice of a group's key happen in thesaurus.ts, so the file does not change with the stemmer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../src/modules/ideas/matching.js';

export const packageVersion = '20160424-4';
const defaultSource = '/usr/share/openthesaurus-de/openthesaurus.txt';
const target = fileURLToPath(new URL('../src/modules/ideas/synonyms/openthesaurus.txt', import.meta.url));

/** Notes that mark an entry whose sense is not the plain one. */
const unwantedNotes = /veraltet|veraltend|historisch|fig\.|derb|vulg\.|abwertend/;
export const maxGroupSize = 20;

/** The groups of one thesaurus text: each a list of folded single nouns. */
export function synonymGroupsOf(text: string): string[][] {
  const groups: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const words = new Set<string>();
    for (const entry of line.split(';')) {
      const notes = (entry.match(/\([^)]*\)/g) ?? []).join(' ');
      if (unwantedNotes.test(notes)) continue;
      const bare = entry.replace(/\([^)]*\)/g, '').trim();
      if (!/^\p{Lu}\p{L}+$/u.test(bare)) continue;
      const folded = fold(bare);
      if (/^[a-z]{3,}$/.test(folded)) words.add(folded);
    }
    if (words.size >= 2 && words.size <= maxGroupSize) groups.push([...words]);
  }
  return groups;
}

function main() {
  const source = process.argv[2] ?? defaultSource;
  const text = readFileSync(source, 'utf8');
  const generated = /^# Automatically generated (.+)$/m.exec(text)?.[1] ?? 'unknown';
  const groups = synonymGroupsOf(text);
  const header = [
    `# Derived from OpenThesaurus (https://www.openthesaurus.de), text thesaurus generated ${generated},`,
    `# Debian package openthesaurus-de-text ${packageVersion}, by scripts/openthesaurus.ts: single nouns only,`,
    '# no outdated, figurative or offensive entries, folded (ä → ae, ß → ss), groups of 2 to 20 words.',
    '# Copyright (C) 2003-2014 Daniel Naber and the OpenThesaurus contributors.',
    '# Licence: GNU LGPL 2.1 or later, see LICENSE-OpenThesaurus.txt beside this file.',
    '# One synonym group per line, words separated by a space.',
  ];
  writeFileSync(target, `${[...header, ...groups.map((g) => g.join(' '))].join('\n')}\n`);
  console.log(`${groups.length} groups written to ${path.relative(process.cwd(), target)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
