import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry, hasAuditWords } from './audit-words.js';

const srcDir = path.resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [path.join(dir, e.name)] : [],
  );

/** Every action literal on a line that records an audit entry, plus the two built from a variable. */
function recordedActions(): string[] {
  const actions = new Set(['survey.open', 'survey.close', 'survey.publish', 'holidays.offer_approved', 'holidays.offer_rejected']);
  for (const file of files(srcDir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes('recordAudit(') || line.includes('function recordAudit')) continue;
      const literals = [...line.matchAll(/action:[^,]*?'([a-z_]+\.[a-z_]+)'(?:\s*:\s*'([a-z_]+\.[a-z_]+)')?/g)];
      for (const match of literals) for (const found of match.slice(1)) if (found) actions.add(found);
    }
  }
  return [...actions].sort();
}

describe('the audit log in words', () => {
  it('has a German sentence for every action the code records', () => {
    const actions = recordedActions();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((action) => !hasAuditWords(action))).toEqual([]);
  });

  it('says what happened, with the details, in whole sentences', () => {
    expect(describeAuditEntry('user.role_changed', { from: 'family', to: 'editor' }, 'de')).toBe(
      'Hat die Rolle eines Kontos von „Familie“ zu „Redaktion“ geändert.',
    );
    expect(describeAuditEntry('survey.codes_generated', { count: 1 }, 'de')).toBe('Hat 1 Zugangscode für eine Befragung erzeugt.');
    expect(describeAuditEntry('survey.codes_generated', { count: 250 }, 'de')).toBe('Hat 250 Zugangscodes für eine Befragung erzeugt.');
    expect(describeAuditEntry('holidays.phase_changed', { from: 'wishes', to: 'allocation' }, 'en')).toBe(
      'Moved holiday care from “handing in wishes” to “places being allocated”.',
    );
  });

  it('names the action of an old entry that lacks a detail, instead of failing', () => {
    expect(describeAuditEntry('membership.added', {}, 'de')).toBe('Aktion „membership.added“');
    expect(describeAuditEntry('something.new', {}, 'de')).toBe('Aktion „something.new“');
  });
});
